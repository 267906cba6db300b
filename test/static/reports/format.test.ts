import {
  axisNumber,
  chanceLozenge,
  changeWords,
  countOf,
  dayOfInstant,
  daysText,
  forecastDateText,
  numberText,
  pointsChangeWords,
  signedDelta,
} from '../../../static/src/components/reports/format';

describe('changes', () => {
  it('sign a change for the page, with a true minus and ±0', () => {
    expect(signedDelta(3, 5)).toBe('+2');
    expect(signedDelta(5, 3)).toBe('\u22122');
    expect(signedDelta(4, 4)).toBe('±0');
    // 0.3 − 0.1 is 0.19999999999999998 in floating point: one decimal makes it 0.2.
    expect(signedDelta(0.1, 0.3)).toBe('+0.2');
    expect(signedDelta(1, 1.04)).toBe('±0');
  });

  it('say a change in words, which no spreadsheet reads as a formula', () => {
    expect(changeWords(3, 5)).toBe('up 2');
    expect(changeWords(5, 3)).toBe('down 2');
    expect(changeWords(2, 2)).toBe('no change');
    // 40 % to 42.4 %: 2.4 percentage points.
    expect(pointsChangeWords(0.4, 0.424)).toBe('up 2.4 pts');
    expect(pointsChangeWords(0.5, 0.45)).toBe('down 5 pts');
    expect(pointsChangeWords(0.5, 0.5)).toBe('no change');
  });
});

describe('numbers', () => {
  it('writes days with one decimal at most', () => {
    expect(daysText(1)).toBe('1 day');
    expect(daysText(0)).toBe('0 days');
    expect(daysText(12)).toBe('12 days');
    expect(daysText(2.54)).toBe('2.5 days');
    expect(daysText(0.96)).toBe('1 day');
  });

  it('separates thousands and keeps one decimal', () => {
    expect(numberText(1234.56)).toBe('1,234.6');
    expect(numberText(0)).toBe('0');
    expect(numberText(1_000_000)).toBe('1,000,000');
  });

  it('counts things', () => {
    expect(countOf(1, 'initiative')).toBe('1 initiative');
    expect(countOf(3, 'initiative')).toBe('3 initiatives');
    expect(countOf(0, 'team')).toBe('0 teams');
  });

  it('takes the day of an instant', () => {
    expect(dayOfInstant('2026-03-04T10:00:00.000Z')).toBe('2026-03-04');
    expect(dayOfInstant('2026-03-04')).toBe('2026-03-04');
  });
});

describe('forecast texts', () => {
  it.each([
    [1, 'success', '100 %'],
    [0.85, 'success', '85 %'],
    [0.849, 'moved', '84.9 %'],
    [0.5, 'moved', '50 %'],
    [0.499, 'removed', '49.9 %'],
    [0, 'removed', '0 %'],
  ])('a %p chance of the planned date is %s (%s)', (probability, appearance, text) => {
    expect(chanceLozenge(probability)).toEqual({ appearance, text });
  });

  it('has no lozenge without a planned date', () => {
    expect(chanceLozenge(null)).toBeNull();
  });

  it('says what a missing forecast date means', () => {
    expect(forecastDateText(null)).toBe('not at the current pace');
    expect(forecastDateText('2026-05-01')).toBe('2026-05-01');
  });
});

describe('axisNumber', () => {
  it('shortens large numbers for a chart axis', () => {
    expect(axisNumber(2_000_000)).toBe('2M');
    expect(axisNumber(1_500_000)).toBe('1.5M');
    expect(axisNumber(250_000)).toBe('250K');
    expect(axisNumber(40)).toBe('40');
    expect(axisNumber(0)).toBe('0');
  });
});
