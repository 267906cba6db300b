import { DEMO_USERS, generateDemoSite } from '../../dev/demo/generate';
import { DEFAULT_CONFIG, resolveScope, roadmap, roadmapWindow } from '../../src/domain';
import type { RoadmapCollapse } from '../../src/domain';
import { ROADMAP_LIMITS } from '../../src/contract';
import { expectedModel } from '../support/expectedModel';
import { TEST_ANCHOR } from '../support/platform';

const NOTHING_COLLAPSED: RoadmapCollapse = { kind: 'listed', ids: new Set() };
const MEGABYTE = 1024 * 1024;
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** The whole roadmap of the demo site at `scale` (7 ≈ 10,000 issues), as the resolver builds it before windowing. */
function demoRoadmap(scale: number) {
  const site = generateDemoSite({ seed: 7, anchorDate: TEST_ANCHOR, scale });
  const model = expectedModel(site, DEMO_USERS.admin);
  return { issues: site.issues.length, map: roadmap(model, DEFAULT_CONFIG, resolveScope(model, null), TEST_ANCHOR) };
}

/** Every resolver answer must stay under 1 MB whatever the number of issues: the roadmap sends one window of rows. */
describe('the roadmap answer’s size', () => {
  const small = demoRoadmap(1);
  const large = demoRoadmap(7);
  const defaultWindow = (map: typeof small.map, offset = 0) => roadmapWindow(map, { offset, limit: ROADMAP_LIMITS.defaultWindow, collapse: NOTHING_COLLAPSED });

  it('is under 1 MB for the default window at ~10,000 issues, where the whole roadmap is not small', () => {
    expect(large.issues).toBeGreaterThan(9_000);
    expect(large.map.rows.length).toBeGreaterThan(ROADMAP_LIMITS.defaultWindow);
    const answer = defaultWindow(large.map);
    expect(answer.rows).toHaveLength(ROADMAP_LIMITS.defaultWindow);
    expect(answer.totalRows).toBe(large.map.rows.length);
    expect(bytes(answer)).toBeLessThan(MEGABYTE);
    expect(bytes(answer)).toBeLessThan(bytes(large.map) / 2);
  });

  it('grows with the window, not with the number of issues', () => {
    // The same 200-row window at ~1,600 and ~10,000 issues: per row, about the same bytes.
    const window = (map: typeof small.map) => roadmapWindow(map, { offset: 0, limit: 200, collapse: NOTHING_COLLAPSED });
    const perRow = (map: typeof small.map) => bytes(window(map)) / window(map).rows.length;
    expect(large.issues / small.issues).toBeGreaterThan(5);
    expect(bytes(large.map) / bytes(small.map)).toBeGreaterThan(2.5);
    expect(bytes(window(large.map)) / bytes(window(small.map))).toBeLessThan(1.5);
    expect(perRow(large.map)).toBeLessThan(perRow(small.map) * 1.5);
    // And the default window: scale 7 sends 300 rows where scale 1 sends all its rows (fewer than 300).
    const ratio = bytes(defaultWindow(large.map)) / bytes(defaultWindow(small.map));
    expect(ratio).toBeLessThan((1.5 * ROADMAP_LIMITS.defaultWindow) / Math.min(ROADMAP_LIMITS.defaultWindow, small.map.rows.length));
  });

  it('stays under 1 MB for the largest window anywhere in the roadmap', () => {
    for (let offset = 0; offset < large.map.rows.length; offset += ROADMAP_LIMITS.maxWindow / 2) {
      expect(bytes(roadmapWindow(large.map, { offset, limit: ROADMAP_LIMITS.maxWindow, collapse: NOTHING_COLLAPSED }))).toBeLessThan(MEGABYTE);
    }
  });
});
