import { DEFAULT_CONFIG, parseRiskLevel } from '../../src/domain';

const LIKELIHOOD = DEFAULT_CONFIG.riskScale.likelihoodLabels; // Rare, Unlikely, Possible, Likely, Almost certain

describe('parseRiskLevel', () => {
  it.each([
    [1, 1],
    [5, 5],
    ['3', 3],
    [' 4 ', 4],
    ['3 - Possible', 3],
    ['3 – Possible', 3],
    ['2: Unlikely', 2],
    ['4) Likely', 4],
    ['5 Almost certain', 5],
    ['Rare', 1],
    ['possible', 3],
    ['  LIKELY ', 4],
    ['Almost   certain', 5],
  ])('reads %p as %p', (value, expected) => {
    expect(parseRiskLevel(value, LIKELIHOOD)).toBe(expected);
  });

  it.each([
    [0],
    [6],
    [2.5],
    ['2.5'],
    [-1],
    ['0 - None'],
    ['7 - Extreme'],
    ['Certain'],
    ['Possibly'],
    ['garbage'],
    [''],
    [Number.NaN],
    [true],
    [null],
    [['3']],
    ['🔥'],
    ['مرجح'],
  ])('rejects %p', (value) => {
    expect(parseRiskLevel(value as Parameters<typeof parseRiskLevel>[0], LIKELIHOOD)).toBeNull();
  });

  it('uses the labels it is given: the impact scale reads differently', () => {
    expect(parseRiskLevel('Major', DEFAULT_CONFIG.riskScale.impactLabels)).toBe(4);
    expect(parseRiskLevel('Major', LIKELIHOOD)).toBeNull();
  });
});
