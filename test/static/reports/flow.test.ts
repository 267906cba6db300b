import { distributionParts, distributionText, flowTexts } from '../../../static/src/components/reports/flow';
import { measures } from './fixtures';

describe('flow figures', () => {
  it('give the four kinds in order, a kind left out counting 0, with shares of the items finished', () => {
    // 3 features, 1 defect, no risk, 2 debt: 6 finished.
    expect(distributionParts(measures())).toEqual([
      { kind: 'feature', label: 'Features', count: 3, ratio: 0.5 },
      { kind: 'defect', label: 'Defects', count: 1, ratio: 1 / 6 },
      { kind: 'risk', label: 'Risks', count: 0, ratio: 0 },
      { kind: 'debt', label: 'Debt', count: 2, ratio: 1 / 3 },
    ]);
    expect(distributionText(measures())).toBe('Features 3 · Defects 1 · Risks 0 · Debt 2');
  });

  it('share nothing when nothing finished', () => {
    expect(distributionParts(measures({ distribution: [], velocity: 0 })).map((p) => p.ratio)).toEqual([0, 0, 0, 0]);
  });

  it('write the measures, and a dash where nothing finished to measure', () => {
    expect(flowTexts(measures())).toEqual({ velocity: '6', median: '4.5 days', p85: '9 days', load: '7', efficiency: '35 %' });
    expect(flowTexts(measures({ velocity: 0, flowTimeMedianDays: null, flowTimeP85Days: null, efficiency: null, load: 0 }))).toEqual({
      velocity: '0',
      median: '—',
      p85: '—',
      load: '0',
      efficiency: '—',
    });
  });
});
