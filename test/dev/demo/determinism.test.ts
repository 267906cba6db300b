import { DEMO_USERS, generateDemoSite } from '../../../dev/demo/generate';
import { siteJsonChunks } from '../../../dev/demo/serialize';
import { ANCHOR, demoSite, indexSite, PROGRAM_TYPES } from './helpers';

describe('demo site determinism', () => {
  it('gives byte-identical JSON for the same options', () => {
    const a = JSON.stringify(generateDemoSite({ seed: 42, anchorDate: ANCHOR }));
    const b = JSON.stringify(generateDemoSite({ seed: 42, anchorDate: ANCHOR }));
    expect(a === b).toBe(true);
  });

  it('defaults the seed to 42', () => {
    expect(JSON.stringify(generateDemoSite({ anchorDate: ANCHOR })) === JSON.stringify(demoSite(42))).toBe(true);
  });

  it('gives a different site for a different seed', () => {
    const a = demoSite(42);
    const b = demoSite(7);
    expect(JSON.stringify(a) === JSON.stringify(b)).toBe(false);
    const statuses = (s: typeof a) => s.issues.slice(0, 200).map((i) => `${i.statusId}${i.duedate}`).join();
    expect(statuses(a)).not.toEqual(statuses(b));
  });

  it('lays the site out around the anchor date', () => {
    const site = generateDemoSite({ seed: 42, anchorDate: '2025-06-15' });
    expect(site.generatedAt).toBe('2025-06-15T12:00:00.000+0000');
    expect(demoSite().generatedAt).toBe(`${ANCHOR}T12:00:00.000+0000`);
  });

  it('defaults the anchor to today (UTC)', () => {
    const today = new Date().toISOString().slice(0, 10);
    const site = generateDemoSite({ scale: 0.1 });
    // generated around midnight UTC the day may just have turned
    expect([today, new Date().toISOString().slice(0, 10)]).toContain(site.generatedAt.slice(0, 10));
  });

  it('keeps the same account ids whatever the seed', () => {
    const ids = (seed: number) => generateDemoSite({ seed, anchorDate: ANCHOR, scale: 0.1 }).users.map((u) => u.accountId);
    expect(ids(1)).toEqual(ids(2));
    for (const id of Object.values(DEMO_USERS)) expect(ids(1)).toContain(id);
  });

  it('keeps the programme, risks, milestones and teams the same at any scale', () => {
    const strip = (scale: number) => {
      const site = demoSite(42, scale);
      const idx = indexSite(site);
      return site.issues
        .filter((i) => PROGRAM_TYPES.includes(idx.typeOf(i)))
        .map((i) => ({ ...i, id: '', blocks: [], changelog: i.changelog.map((e) => ({ ...e, id: '' })) }));
    };
    expect(strip(2)).toEqual(strip(1));
  });

  it('streams the same JSON as JSON.stringify', () => {
    const site = demoSite();
    expect([...siteJsonChunks(site)].join('') === JSON.stringify(site)).toBe(true);
  });

  it('rejects bad options', () => {
    expect(() => generateDemoSite({ anchorDate: '2026-02-30' })).toThrow();
    expect(() => generateDemoSite({ anchorDate: '1/3/2026' })).toThrow();
    expect(() => generateDemoSite({ scale: 0 })).toThrow();
    expect(() => generateDemoSite({ seed: 1.5 })).toThrow();
  });
});
