import type { EditableFieldDto, RiskDto } from '../../../src/contract';
import { levelOfOption, moveChanges } from '../../../static/src/components/risks/riskMove';

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

  it('writes the options Jira offers when their names carry the level, expecting Jira’s text for the level shown', () => {
    const numbered = (concept: EditableFieldDto['concept'], current: string | null): EditableFieldDto => ({
      concept,
      editable: true,
      reason: null,
      current,
      options: ['1 - Rare', '2 - Unlikely', '3 - Possible', '4 - Likely', '5 - Almost certain'],
    });
    const fields = [numbered('riskLikelihood', '2 - Unlikely'), numbered('riskImpact', '5 - Almost certain')];
    expect(moveChanges(risk, 'inherent', { likelihood: 4, impact: 3 }, L, I, fields)).toEqual([
      { issueKey: 'DTO-19', concept: 'riskLikelihood', value: '4 - Likely', expected: '2 - Unlikely' },
      // Jira holds another level than the page showed (2): the label is expected, and Jira's answer is a conflict.
      { issueKey: 'DTO-19', concept: 'riskImpact', value: '3 - Possible', expected: 'Minor' },
    ]);
  });
});

describe('the level an option stands for', () => {
  it('reads a leading number or a label, and nothing else', () => {
    expect(['3 - Possible', '3: Possible', '3) Possible', '3 Possible', '3', 'Possible', ' possible '].map((o) => levelOfOption(o, L))).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['7 - Extreme', '0', 'Catastrophic', '30 days'].map((o) => levelOfOption(o, L))).toEqual([null, null, null, null]);
  });
});
