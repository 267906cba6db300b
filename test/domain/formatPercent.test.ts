import { formatPercent } from '../../src/domain';

describe('formatPercent', () => {
  it.each([
    [0, '0.0 %'],
    [1, '100.0 %'],
    [0.1016, '10.2 %'],
    // 10.149 % → 10.1; 10.151 % → 10.2
    [0.10149, '10.1 %'],
    [0.10151, '10.2 %'],
    // 99.95 % is exactly half way: rounds up to 100.0 even though 0.9995 * 1000 is 999.4999… in binary.
    [0.9995, '100.0 %'],
    [0.99949, '99.9 %'],
    // Half-way values that binary floating point puts just below the half: 0.15 % and 50.05 %.
    [0.0015, '0.2 %'],
    [0.5005, '50.1 %'],
    // 2 of 3 teams
    [2 / 3, '66.7 %'],
    [1 / 3, '33.3 %'],
    [0.0005, '0.1 %'],
    [0.00049, '0.0 %'],
    [1.5, '150.0 %'],
    [-0.25, '-25.0 %'],
  ])('formats %p as %p', (ratio, expected) => {
    expect(formatPercent(ratio)).toBe(expected);
  });

  it('rounds every half-way tenth of a percent up, from 0.05 % to 99.95 %', () => {
    for (let tenths = 0; tenths < 1000; tenths += 1) {
      const halfway = (2 * tenths + 1) / 2000; // (tenths + 0.5) / 10 percent
      expect([halfway, formatPercent(halfway)]).toEqual([halfway, `${((tenths + 1) / 10).toFixed(1)} %`]);
    }
  });

  it('does not print a negative zero', () => {
    expect(formatPercent(-0.00001)).toBe('0.0 %');
  });

  it('uses a normal space, not a no-break space', () => {
    expect(formatPercent(0.5)).toBe('50.0\u0020%');
    expect(formatPercent(0.5)).not.toContain('\u00a0');
  });

  it('does not throw on values that are not numbers', () => {
    expect(formatPercent(Number.NaN)).toBe('– %');
    expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('– %');
  });
});
