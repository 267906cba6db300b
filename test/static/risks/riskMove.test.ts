import type { RiskDto } from '../../../src/contract';
import { moveChanges } from '../../../static/src/components/risks/riskMove';

const L = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const I = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'];

const risk: RiskDto = {
  key: 'DTO-19',
  summary: 'Benefits tracking not trusted',
  owner: null,
  status: 'To Do',
  statusCategory: 'new',
  boxId: 'DTO-1',
  boxName: 'Customer Journeys',
  likelihood: 2,
  impact: 2,
  score: 4,
  band: 'low',
  residualLikelihood: 1,
  residualImpact: null,
  residualScore: null,
  residualBand: null,
  mitigation: null,
  onBoxAbove: false,
};

describe('dropping a risk on another cell', () => {
  it('writes the axes that change, by their labels, expecting the labels the page showed', () => {
    expect(moveChanges(risk, 'inherent', { likelihood: 4, impact: 2 }, L, I)).toEqual([{ issueKey: 'DTO-19', concept: 'riskLikelihood', value: 'Likely', expected: 'Unlikely' }]);
    expect(moveChanges(risk, 'inherent', { likelihood: 5, impact: 5 }, L, I)).toEqual([
      { issueKey: 'DTO-19', concept: 'riskLikelihood', value: 'Almost certain', expected: 'Unlikely' },
      { issueKey: 'DTO-19', concept: 'riskImpact', value: 'Severe', expected: 'Minor' },
    ]);
  });

  it('moves the residual ratings when they are shown, an empty one expected empty', () => {
    expect(moveChanges(risk, 'residual', { likelihood: 1, impact: 3 }, L, I)).toEqual([{ issueKey: 'DTO-19', concept: 'residualImpact', value: 'Moderate', expected: null }]);
  });

  it('writes nothing for a drop on its own cell', () => {
    expect(moveChanges(risk, 'inherent', { likelihood: 2, impact: 2 }, L, I)).toEqual([]);
  });
});
