import { DEFAULT_CONFIG, riskBand, riskScore } from '../../src/domain';
import type { RiskScale } from '../../src/domain';

const SCALE = DEFAULT_CONFIG.riskScale; // low from 1, medium from 5, high from 10, critical from 16

describe('riskScore', () => {
  it('is likelihood times impact', () => {
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('is 0 when a level is not a number', () => {
    expect(riskScore(Number.NaN, 3)).toBe(0);
    expect(riskScore(3, Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe('riskBand', () => {
  it.each([
    [1, 'low'],
    [4, 'low'],
    [5, 'medium'],
    [9, 'medium'],
    [10, 'high'],
    [15, 'high'],
    [16, 'critical'],
    [25, 'critical'],
  ])('puts score %p in band %p', (score, band) => {
    expect(riskBand(score, SCALE)).toBe(band);
  });

  it('puts a score below every band in the lowest band', () => {
    expect(riskBand(0, SCALE)).toBe('low');
  });

  it('does not depend on the order the bands are listed in', () => {
    const shuffled: RiskScale = { ...SCALE, bands: [...SCALE.bands].reverse() };
    expect(riskBand(12, shuffled)).toBe('high');
    expect(riskBand(3, shuffled)).toBe('low');
  });

  it('answers low when there are no bands', () => {
    expect(riskBand(20, { ...SCALE, bands: [] })).toBe('low');
  });
});
