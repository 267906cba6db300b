import { generateDemoSite } from '../../../dev/demo/generate';
import { ANCHOR, demoSite, indexSite, PROGRAM_TYPES } from './helpers';

const workItems = (scale: number) => {
  const site = demoSite(42, scale);
  const idx = indexSite(site);
  return site.issues.filter((i) => !PROGRAM_TYPES.includes(idx.typeOf(i))).length;
};

describe('demo site scale', () => {
  it('multiplies the work items by the scale', () => {
    const one = workItems(1);
    const ten = workItems(10);
    expect(ten / one).toBeGreaterThan(9.5);
    expect(ten / one).toBeLessThan(10.5);
    expect(demoSite(42, 10).issues.length).toBeGreaterThan(14_000);
  });

  it('keeps a small scale usable', () => {
    const site = demoSite(42, 0.1);
    const idx = indexSite(site);
    expect(idx.ofType('Team')).toHaveLength(40);
    expect(idx.ofType('Epic').length).toBeGreaterThanOrEqual(40);
    expect(site.issues.length).toBeLessThan(500);
  });

  // How long it takes is in BENCHMARKS.md (each portfolio's generation time).
  it('generates ~100k issues at scale 70', () => {
    const site = generateDemoSite({ seed: 42, anchorDate: ANCHOR, scale: 70 });
    expect(site.issues.length).toBeGreaterThan(95_000);
    expect(site.issues.length).toBeLessThan(110_000);
  });
});
