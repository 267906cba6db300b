import { resolveScope, riskMatrix } from '../../src/domain';
import type { RiskCell } from '../../src/domain';
import { build, codes, config, initiative, riskItem, team, warningsWith, workstream } from './factories';
import { smallTransformation } from './smallTransformation';

const cfg = config();
const occupied = (cells: RiskCell[]): Array<[number, number, string[]]> => cells.filter((cell) => cell.riskKeys.length > 0).map((cell) => [cell.likelihood, cell.impact, cell.riskKeys]);

describe('risk matrix of the small transformation', () => {
  const model = build(smallTransformation());
  const matrix = riskMatrix(model, cfg, resolveScope(model, null));

  it('lists every risk in scope with its levels, scores, bands, owner, mitigation and box', () => {
    expect(matrix.risks.map((risk) => risk.key)).toEqual(['DTO-8', 'DTO-9', 'DTO-10', 'DTO-11']);
    expect(matrix.risks[0]).toEqual({
      key: 'DTO-8', summary: 'Coaches leave', owner: 'Ana', status: 'To Do', statusCategory: 'new', boxId: 'DTO-1', boxName: 'Customer journeys',
      // Likely = 4, Major = 4 → 16, critical (from 16). Residual: Unlikely = 2, "3 - Moderate" = 3 → 6, medium (5..9).
      likelihood: 4, impact: 4, score: 16, band: 'critical',
      residualLikelihood: 2, residualImpact: 3, residualScore: 6, residualBand: 'medium',
      mitigation: 'Train coaches',
      onBoxAbove: false,
    });
    // 3 × "minor" (2) = 6 → medium; no residual.
    expect(matrix.risks[1]).toMatchObject({ key: 'DTO-9', likelihood: 3, impact: 2, score: 6, band: 'medium', residualScore: null, residualBand: null, mitigation: null, owner: null, boxId: 'DTO-3' });
    expect(matrix.risks[2]).toMatchObject({ key: 'DTO-10', likelihood: 3, impact: null, score: null, band: null });
    expect(matrix.risks[3]).toMatchObject({ key: 'DTO-11', score: 25, band: 'critical', statusCategory: 'done', boxId: 'DTO-5' });
  });

  it('places open scored risks by inherent and residual rating, the unscored one apart, the closed one only counted', () => {
    expect(matrix.cells).toHaveLength(25);
    expect(occupied(matrix.cells)).toEqual([
      [3, 2, ['DTO-9']],
      [4, 4, ['DTO-8']],
    ]);
    expect(occupied(matrix.residualCells)).toEqual([[2, 3, ['DTO-8']]]);
    expect(matrix.unscoredKeys).toEqual(['DTO-10']);
    expect(matrix.closedCount).toBe(1);
  });

  it('lays the cells out likelihood-major with their scores and bands', () => {
    expect(matrix.cells.slice(0, 6).map((cell) => [cell.likelihood, cell.impact, cell.score, cell.band])).toEqual([
      [1, 1, 1, 'low'],
      [1, 2, 2, 'low'],
      [1, 3, 3, 'low'],
      [1, 4, 4, 'low'],
      [1, 5, 5, 'medium'],
      [2, 1, 2, 'low'],
    ]);
    expect(matrix.cells[24]).toEqual({ likelihood: 5, impact: 5, score: 25, band: 'critical', riskKeys: [] });
    expect(matrix.cells[12]).toMatchObject({ likelihood: 3, impact: 3, score: 9, band: 'medium' });
    expect(matrix.cells[13]).toMatchObject({ likelihood: 3, impact: 4, score: 12, band: 'high' });
  });

  it('passes the scale through', () => {
    expect(matrix.likelihoodLabels).toEqual(['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']);
    expect(matrix.impactLabels).toEqual(['Negligible', 'Minor', 'Moderate', 'Major', 'Severe']);
    expect(matrix.bands.map((band) => [band.name, band.min])).toEqual([
      ['low', 1],
      ['medium', 5],
      ['high', 10],
      ['critical', 16],
    ]);
  });

  it('adds no warnings of its own', () => {
    const before = model.warnings.length;
    riskMatrix(model, cfg, resolveScope(model, null));
    expect(model.warnings).toHaveLength(before);
  });
});

describe('risk matrix edge cases', () => {
  it('has 25 empty cells and no residual cells when the scope has no risks', () => {
    // PAY's own boxes hold none, but the initiative and workstream above them do: NOPE, a project without boxes, has none.
    const model = build(smallTransformation());
    expect(riskMatrix(model, cfg, resolveScope(model, 'PAY')).risks.map((risk) => [risk.key, risk.onBoxAbove])).toEqual([['DTO-9', true], ['DTO-8', true]]);
    const matrix = riskMatrix(model, cfg, resolveScope(model, 'NOPE'));
    expect(matrix.cells).toHaveLength(25);
    expect(matrix.cells.every((cell) => cell.riskKeys.length === 0)).toBe(true);
    expect(matrix).toMatchObject({ residualCells: [], risks: [], unscoredKeys: [], closedCount: 0 });
  });

  it('leaves the residual cells empty when only a closed risk has residual levels', () => {
    const model = build([riskItem('R-1', null, { riskLikelihood: 2, riskImpact: 2, residualLikelihood: 1, residualImpact: 1 }, { statusCategory: 'done' }), riskItem('R-2', null, { riskLikelihood: 2, riskImpact: 2 })]);
    expect(riskMatrix(model, cfg, resolveScope(model, null)).residualCells).toEqual([]);
  });

  it('finds risks of the configured types, trimmed and case-insensitively, and reads the mitigation text', () => {
    const model = build([workstream('WS-1'), riskItem('R-1', 'WS-1', { riskLikelihood: '2', riskImpact: 'severe', mitigation: ['Plan B', 'Plan C'] }, { issueType: ' risk ' })]);
    const matrix = riskMatrix(model, cfg, resolveScope(model, null));
    expect(matrix.risks).toEqual([expect.objectContaining({ key: 'R-1', likelihood: 2, impact: 5, score: 10, band: 'high', mitigation: 'Plan B, Plan C', boxId: 'WS-1' })]);
  });
});

describe('risk levels are checked when the model is built', () => {
  it('warns once for each level that is present but not a level, naming the issue and the concept', () => {
    const model = build([riskItem('R-1', null, { riskLikelihood: 'Sometimes', riskImpact: 7, residualLikelihood: 'Rare', residualImpact: '' })]);
    expect(warningsWith(model, 'invalidRiskLevel').map((w) => [w.issueKey, w.field])).toEqual([
      ['R-1', 'riskLikelihood'],
      ['R-1', 'riskImpact'],
    ]);
    expect(warningsWith(model, 'invalidRiskLevel')[0]?.message).toBe(
      'R-1: "Risk likelihood" has "Sometimes", which is not a level from 1 to 5 or one of "Rare", "Unlikely", "Possible", "Likely", "Almost certain", so the risk is not scored on it',
    );
    // The risk is still listed, unscored.
    expect(riskMatrix(model, cfg, resolveScope(model, null)).unscoredKeys).toEqual(['R-1']);
  });

  it('does not check the levels of issues that are not risks, nor missing levels', () => {
    const model = build([riskItem('S-1', null, { riskLikelihood: 'Sometimes' }, { issueType: 'Story' }), riskItem('R-1', null, {})]);
    expect(codes(model)).toEqual([]);
  });
});

describe('risks on the boxes above a project page', () => {
  const model = build([
    workstream('DTO-1'),
    riskItem('DTO-3', 'DTO-1', { riskLikelihood: 2, riskImpact: 2 }),
    initiative('DTO-2', 'DTO-1'),
    riskItem('DTO-4', 'DTO-2', { riskLikelihood: 4, riskImpact: 4 }),
    team('CARD-1', 'DTO-2'),
    riskItem('CARD-2', 'CARD-1', { riskLikelihood: 1, riskImpact: 1 }),
    riskItem('DTO-5', null, { riskLikelihood: 5, riskImpact: 5 }),
  ]);

  it('are shown on a team project, marked as on a box above, up to but not the transformation itself', () => {
    const matrix = riskMatrix(model, config(), resolveScope(model, 'CARD'));
    expect(matrix.risks.map((risk) => [risk.key, risk.boxId, risk.onBoxAbove])).toEqual([
      ['CARD-2', 'CARD-1', false],
      ['DTO-4', 'DTO-2', true],
      ['DTO-3', 'DTO-1', true],
    ]);
    expect(matrix.cells.flatMap((cell) => cell.riskKeys).sort()).toEqual(['CARD-2', 'DTO-3', 'DTO-4']);
  });

  it('are not added on the global page, where every risk is in scope already', () => {
    const matrix = riskMatrix(model, config(), resolveScope(model, null));
    expect(matrix.risks.every((risk) => !risk.onBoxAbove)).toBe(true);
    expect(matrix.risks).toHaveLength(4);
  });
});
