import { DEFAULT_REPORTS_CONFIG, mulberry32, reportsConfigOf, seededRandom } from '../../src/domain';
import type { TransformationConfig } from '../../src/domain';
import { config } from './factories';

describe('reportsConfigOf', () => {
  it('gives the defaults to a configuration stored before the reports existed', () => {
    const stored = config();
    delete stored.reports;
    expect(reportsConfigOf(stored)).toEqual({
      needsDecisionStatuses: ['Waiting for decision'],
      blockedStatuses: ['Blocked'],
      waitingStatuses: ['Blocked', 'Waiting for decision', 'In Review'],
      flowKinds: { feature: ['Story', 'Epic', 'Task'], defect: ['Bug'], risk: ['Risk'], debt: ['Tech debt'] },
      stageGates: ['L0 Idea', 'L1 Validated', 'L2 Planned', 'L3 Approved', 'L4 Done', 'L5 Value realised'],
      stuckGateDays: 60,
      forecastTrials: 2000,
      forecastSampleWeeks: 12,
    });
  });

  it('keeps each usable setting and replaces each unusable one by its default', () => {
    const stored = { ...config(), reports: { blockedStatuses: ['On hold'], flowKinds: { defect: ['Incident'], debt: 'Tech debt' }, stuckGateDays: 0, forecastTrials: 1.5, forecastSampleWeeks: 0, stageGates: [1, 2] } } as unknown as TransformationConfig;
    const settings = reportsConfigOf(stored);
    expect(settings.blockedStatuses).toEqual(['On hold']);
    expect(settings.flowKinds).toEqual({ feature: ['Story', 'Epic', 'Task'], defect: ['Incident'], risk: ['Risk'], debt: ['Tech debt'] });
    expect(settings.stuckGateDays).toBe(0);
    expect(settings.forecastTrials).toBe(2000);
    expect(settings.forecastSampleWeeks).toBe(12);
    expect(settings.stageGates).toEqual(DEFAULT_REPORTS_CONFIG.stageGates);
  });

  it('hands out copies, so the defaults cannot be changed through them', () => {
    reportsConfigOf(config()).stageGates.push('L6');
    expect(DEFAULT_REPORTS_CONFIG.stageGates).toHaveLength(6);
  });
});

describe('the seeded generator', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const draw = (random: () => number): number[] => Array.from({ length: 5 }, () => random());
    expect(draw(mulberry32(7))).toEqual(draw(mulberry32(7)));
    expect(draw(mulberry32(7))).not.toEqual(draw(mulberry32(8)));
    expect(draw(seededRandom(7, 'I-1'))).not.toEqual(draw(seededRandom(7, 'I-2')));
  });

  it('draws evenly from [0, 1)', () => {
    const random = mulberry32(2026);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let index = 0; index < 100_000; index += 1) {
      const value = random();
      if (value < 0 || value >= 1) outside += 1;
      else buckets[Math.floor(value * 10)] = (buckets[Math.floor(value * 10)] ?? 0) + 1;
    }
    expect(outside).toBe(0);
    // 10,000 expected per bucket; the standard deviation is about 95, so ±500 is over 5 of them.
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
