import type { RiskBandScaleDto, RiskCellDto, RiskDto, RiskMatrixDto } from '../../../src/contract';
import { bandLozenge, bandStyle } from '../../../static/src/components/risks/bandStyle';
import { bandOf, bandRanges, cellLabel, gridRows, levelLabel, moveInGrid, risksOfCell, unscoredRisks } from '../../../static/src/components/risks/riskMatrix';

const BANDS: RiskBandScaleDto[] = [
  { name: 'high', min: 10, color: 'color.background.danger' },
  { name: 'low', min: 1, color: 'color.background.success' },
  { name: 'critical', min: 16, color: 'color.background.danger.bold' },
  { name: 'medium', min: 5, color: 'color.background.warning' },
];
const L = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'];
const I = ['Insignificant', 'Minor', 'Moderate', 'Major', 'Severe'];

const risk = (key: string, score: number | null, overrides: Partial<RiskDto> = {}): RiskDto => ({
  key,
  summary: `Risk ${key}`,
  owner: null,
  status: 'Open',
  statusCategory: 'new',
  boxId: 'B',
  boxName: 'Box',
  likelihood: score === null ? null : 1,
  impact: score === null ? null : score,
  score,
  band: null,
  residualLikelihood: null,
  residualImpact: null,
  residualScore: null,
  residualBand: null,
  mitigation: null,
  onBoxAbove: false,
  ...overrides,
});
const cell = (likelihood: number, impact: number, riskKeys: string[] = []): RiskCellDto => ({ likelihood, impact, score: likelihood * impact, band: bandOf(likelihood * impact, BANDS), riskKeys });

describe('bands', () => {
  it('finds the band of a score whatever order the scale comes in', () => {
    expect([1, 4, 5, 9, 10, 15, 16, 25].map((score) => bandOf(score, BANDS))).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
    expect(bandOf(0, BANDS)).toBe('low');
  });

  it('gives each band its range, lowest first', () => {
    expect(bandRanges(BANDS).map(({ band, min, max }) => `${band.name} ${min}-${max}`)).toEqual(['low 1-4', 'medium 5-9', 'high 10-15', 'critical 16-25']);
  });

  it('uses the band token, inverse text on bold backgrounds, and the default for a token that is not one', () => {
    expect(bandStyle('high', BANDS)).toMatchObject({ background: 'color.background.danger', text: 'color.text' });
    expect(bandStyle('critical', BANDS)).toMatchObject({ background: 'color.background.danger.bold', text: 'color.text.inverse', textFallback: '#FFFFFF' });
    expect(bandStyle('medium', [{ name: 'medium', min: 5, color: 'red; background: url(x)' }])).toMatchObject({ background: 'color.background.warning' });
    expect(bandStyle('low', [{ name: 'low', min: 1, color: 'color.background.warning.bold' }]).text).toBe('color.text.warning.inverse');
    expect(bandLozenge('critical')).toEqual({ appearance: 'removed', isBold: true });
    expect(bandLozenge('low')).toEqual({ appearance: 'success', isBold: false });
  });
});

describe('gridRows', () => {
  it('orders likelihood 5 → 1 from the top and impact 1 → 5 from the left, filling missing cells', () => {
    const rows = gridRows([cell(4, 4, ['R-1']), cell(1, 1)], BANDS);
    expect(rows.map((r) => r.map((c) => `${c.likelihood}${c.impact}`).join(' '))).toEqual(['51 52 53 54 55', '41 42 43 44 45', '31 32 33 34 35', '21 22 23 24 25', '11 12 13 14 15']);
    expect(rows[1]?.[3]?.riskKeys).toEqual(['R-1']);
    expect(rows[0]?.[4]).toEqual({ likelihood: 5, impact: 5, score: 25, band: 'critical', riskKeys: [] });
  });
});

describe('cell labels', () => {
  it('names the cell by its labels, count and band', () => {
    expect(cellLabel(cell(4, 4, ['A', 'B', 'C']), L, I)).toBe('Likelihood Likely, impact Major: 3 risks, critical');
    expect(cellLabel(cell(1, 2, ['A']), L, I)).toBe('Likelihood Rare, impact Minor: 1 risk, low');
    expect(cellLabel(cell(3, 3), [], [])).toBe('Likelihood 3, impact 3: 0 risks, medium');
    expect(levelLabel(['a'], 2)).toBe('2');
  });
});

describe('risksOfCell', () => {
  it('lists the risks highest score first, then by key naturally, skipping unknown keys', () => {
    const risks = [risk('R-10', 4), risk('R-2', 4), risk('R-3', 5)];
    expect(risksOfCell(cell(1, 4, ['R-10', 'R-2', 'R-3', 'R-404']), risks, 'inherent').map((r) => r.key)).toEqual(['R-3', 'R-2', 'R-10']);
  });

  it('sorts by the residual score under the residual rating', () => {
    const risks = [risk('R-1', 20, { residualScore: 2 }), risk('R-2', 4, { residualScore: 6 })];
    expect(risksOfCell(cell(1, 2, ['R-1', 'R-2']), risks, 'residual').map((r) => r.key)).toEqual(['R-2', 'R-1']);
  });
});

describe('unscoredRisks', () => {
  it('lists them in key order with what is missing', () => {
    const matrix = {
      unscoredKeys: ['R-9', 'R-10', 'R-3'],
      risks: [risk('R-10', null), risk('R-9', null, { likelihood: 2 }), risk('R-3', null, { impact: 3 }), risk('R-1', 4)],
    } as RiskMatrixDto;
    expect(unscoredRisks(matrix).map(({ risk: r, missing }) => `${r.key}: ${missing}`)).toEqual(['R-3: likelihood missing', 'R-9: impact missing', 'R-10: likelihood and impact missing']);
  });
});

describe('moveInGrid', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(moveInGrid(3, 3, 'ArrowUp')).toEqual({ likelihood: 4, impact: 3 });
    expect(moveInGrid(3, 3, 'ArrowDown')).toEqual({ likelihood: 2, impact: 3 });
    expect(moveInGrid(3, 3, 'ArrowLeft')).toEqual({ likelihood: 3, impact: 2 });
    expect(moveInGrid(5, 5, 'ArrowUp')).toEqual({ likelihood: 5, impact: 5 });
    expect(moveInGrid(1, 5, 'ArrowRight')).toEqual({ likelihood: 1, impact: 5 });
    expect(moveInGrid(1, 1, 'Enter')).toBeNull();
  });
});
