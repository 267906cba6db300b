import { progressDeltaText, slipText } from '../../../static/src/components/overview/overviewFormat';

describe('a box against a baseline, in words', () => {
  it('says how many days later (+) or earlier (−) a box is due now', () => {
    expect(slipText(14)).toBe('+14 d');
    expect(slipText(-3)).toBe('−3 d');
    expect(slipText(0)).toBe('0 d');
    expect(slipText(null)).toBe('—');
  });

  it('says the progress gained or lost in percentage points, to one decimal', () => {
    expect(progressDeltaText(1 / 7)).toBe('+14.3 pts');
    expect(progressDeltaText(-0.05)).toBe('−5.0 pts');
    expect(progressDeltaText(0.0001)).toBe('0.0 pts');
    expect(progressDeltaText(null)).toBe('—');
  });
});
