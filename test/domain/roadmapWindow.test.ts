import { resolveScope, roadmap, roadmapWindow, ROADMAP_WINDOW_CAPS } from '../../src/domain';
import type { Roadmap, RoadmapCollapse, RoadmapRow } from '../../src/domain';
import { ROADMAP_LIMITS } from '../../src/contract';
import { build, config } from './factories';
import { smallTransformation, TODAY } from './smallTransformation';

const row = (id: string, parentId: string | null, depth: number, extra: Partial<RoadmapRow> = {}): RoadmapRow => ({
  id,
  key: id === 'root' ? null : id,
  name: `Name of ${id}`,
  typeName: 'Team',
  kind: 'box',
  parentId,
  depth,
  hasChildren: false,
  start: null,
  due: null,
  progress: { method: 'issueCount', ratio: 0, percentText: '0.0 %', done: 0, total: 1, basis: '0 of 1 work items done, counted by issue' },
  schedule: 'unscheduled',
  doneWithOpenWork: false,
  ...extra,
});

// root
// ├─ A            2026-01-01 → 2026-03-31
// │  ├─ A1
// │  │  └─ E1     2026-02-01 → (epic)
// │  └─ A2        → 2026-05-15
// └─ B
//    └─ B1        2025-12-01 → 2026-02-01
const map: Roadmap = {
  today: '2026-03-10',
  rows: [
    row('root', null, 0, { hasChildren: true }),
    row('A', 'root', 1, { hasChildren: true, start: '2026-01-01', due: '2026-03-31' }),
    row('A1', 'A', 2, { hasChildren: true }),
    row('E1', 'A1', 3, { kind: 'item', start: '2026-02-01' }),
    row('A2', 'A', 2, { due: '2026-05-15' }),
    row('B', 'root', 1, { hasChildren: true }),
    row('B1', 'B', 2, { start: '2025-12-01', due: '2026-02-01' }),
  ],
  milestones: [
    { key: 'M-1', name: 'Go-live', due: '2026-06-30', rowId: 'E1', schedule: 'onTrack' },
    { key: 'M-2', name: 'Kick-off', due: null, rowId: 'B', schedule: 'unscheduled' },
  ],
  dependencies: [
    { fromRowId: 'E1', toRowId: 'B1', fromKey: 'E1', toKey: 'B1', violated: true },
    { fromRowId: 'A2', toRowId: 'B', fromKey: 'A2-3', toKey: 'B-9', violated: false },
  ],
  undatedRowIds: ['root', 'A1', 'B'],
};

const listed = (...ids: string[]): RoadmapCollapse => ({ kind: 'listed', ids: new Set(ids) });
const allExcept = (...ids: string[]): RoadmapCollapse => ({ kind: 'allExcept', ids: new Set(ids) });
const window = (collapse: RoadmapCollapse, offset = 0, limit = 300) => roadmapWindow(map, { offset, limit, collapse });
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('collapsing', () => {
  it('shows every row when nothing is collapsed', () => {
    const answer = window(listed());
    expect(answer.totalRows).toBe(7);
    expect(ids(answer.rows)).toEqual(['root', 'A', 'A1', 'E1', 'A2', 'B', 'B1']);
    expect(answer.rows.every((r) => !r.collapsed)).toBe(true);
  });

  it('hides the descendants of a collapsed row, not the row, and says it is collapsed', () => {
    const answer = window(listed('A'));
    expect(ids(answer.rows)).toEqual(['root', 'A', 'B', 'B1']);
    expect(answer.totalRows).toBe(4);
    expect(answer.rows.find((r) => r.id === 'A')).toMatchObject({ collapsed: true, hasChildren: true });
    expect(ids(window(listed('root')).rows)).toEqual(['root']);
  });

  it('keeps a collapsed row hidden under a collapsed ancestor; a row without children or an unknown id hides nothing', () => {
    expect(ids(window(listed('A', 'A1')).rows)).toEqual(['root', 'A', 'B', 'B1']);
    expect(ids(window(listed('A1', 'B')).rows)).toEqual(['root', 'A', 'A1', 'A2', 'B']);
    const stale = window(listed('B1', 'NOPE-1'));
    expect(stale.totalRows).toBe(7);
    expect(stale.rows.find((r) => r.id === 'B1')?.collapsed).toBe(false);
  });

  it('"collapse all except" opens only the listed rows, and only where their parents show', () => {
    expect(ids(window(allExcept()).rows)).toEqual(['root']);
    expect(ids(window(allExcept('root')).rows)).toEqual(['root', 'A', 'B']);
    expect(ids(window(allExcept('root', 'A')).rows)).toEqual(['root', 'A', 'A1', 'A2', 'B']);
    expect(ids(window(allExcept('A')).rows)).toEqual(['root']);
    expect(window(allExcept('root')).rows.map((r) => r.collapsed)).toEqual([false, true, true]);
  });

  it('gives each row its parent\'s index among the rows showing', () => {
    const answer = window(listed('A1'));
    expect(answer.rows.map((r) => [r.id, r.parentIndex])).toEqual([
      ['root', null],
      ['A', 0],
      ['A1', 1],
      ['A2', 1],
      ['B', 0],
      ['B1', 4],
    ]);
  });
});

describe('the window', () => {
  it('slices the rows showing, keeping the total and the offset', () => {
    const answer = window(listed(), 2, 3);
    expect(answer).toMatchObject({ totalRows: 7, offset: 2 });
    expect(ids(answer.rows)).toEqual(['A1', 'E1', 'A2']);
    expect(answer.rows[0]?.parentIndex).toBe(1); // the parent is outside the window
  });

  it('stops at the last row, and past the end answers no rows with the right total', () => {
    expect(ids(window(listed(), 5, 10).rows)).toEqual(['B', 'B1']);
    const past = window(listed('A'), 50, 10);
    expect(past).toMatchObject({ totalRows: 4, offset: 50, rows: [], milestones: [], dependencies: [] });
    expect(past.timeline).toEqual({ first: '2025-12-01', last: '2026-06-30' });
  });

  it('keeps the time axis of the whole roadmap, whatever the window or collapsing', () => {
    const axes = [window(listed()), window(listed(), 6, 1), window(allExcept()), window(listed('A'), 0, 1)].map((a) => a.timeline);
    expect(new Set(axes.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(axes[0]).toEqual({ first: '2025-12-01', last: '2026-06-30' }); // B1's start, M-1's due
  });

  it('keeps the milestones of the window\'s rows only', () => {
    expect(window(listed()).milestones.map((m) => m.key)).toEqual(['M-1', 'M-2']);
    expect(window(listed(), 4, 3).milestones.map((m) => m.key)).toEqual(['M-2']);
    expect(window(listed('A1')).milestones.map((m) => m.key)).toEqual(['M-2']); // E1 is collapsed away
  });

  it('keeps dependencies with an end in the window, saying where the other end is and its dates', () => {
    expect(window(listed(), 0, 3).dependencies).toEqual([]);
    const [toB1] = window(listed(), 3, 1).dependencies; // E1 only
    expect(toB1).toEqual({
      fromRowId: 'E1', toRowId: 'B1', fromKey: 'E1', toKey: 'B1', violated: true,
      fromIndex: 3, toIndex: 6, fromDates: { start: '2026-02-01', due: null }, toDates: { start: '2025-12-01', due: '2026-02-01' },
    });
    expect(window(listed(), 6, 1).dependencies.map((d) => d.fromRowId)).toEqual(['E1']); // from its other end
  });

  it('keeps a dependency whose other end is collapsed away, with no index for that end', () => {
    const deps = window(listed('B')).dependencies;
    expect(deps.map((d) => [d.fromIndex, d.toIndex])).toEqual([
      [3, null],
      [4, 5],
    ]);
    expect(window(listed('A')).dependencies.map((d) => [d.fromIndex, d.toIndex])).toEqual([
      [null, 3],
      [null, 2],
    ]);
    expect(window(listed('root')).dependencies).toEqual([]); // no end showing
  });

  it('lists undated rows by name and undated milestones over the whole roadmap, collapsed or not', () => {
    expect(window(allExcept(), 0, 1).unscheduled).toEqual({
      rows: [
        { id: 'root', key: null, name: 'Name of root', typeName: 'Team' },
        { id: 'A1', key: 'A1', name: 'Name of A1', typeName: 'Team' },
        { id: 'B', key: 'B', name: 'Name of B', typeName: 'Team' },
      ],
      rowCount: 3,
      milestones: [map.milestones[1]],
      milestoneCount: 1,
    });
  });
});

describe('limits', () => {
  const wide: Roadmap = {
    today: '2026-03-10',
    rows: [row('root', null, 0, { hasChildren: true }), ...Array.from({ length: 1500 }, (_, i) => row(`T-${i}`, 'root', 1))],
    milestones: Array.from({ length: 600 }, (_, i) => ({ key: `M-${i}`, name: `M ${i}`, due: null, rowId: 'root', schedule: 'unscheduled' as const })),
    dependencies: Array.from({ length: 1200 }, (_, i) => ({ fromRowId: 'root', toRowId: `T-${i}`, fromKey: 'root', toKey: `T-${i}`, violated: false })),
    undatedRowIds: ['root', ...Array.from({ length: 1500 }, (_, i) => `T-${i}`)],
  };

  it('lists at most 200 undated rows and milestones by name, and counts them all', () => {
    const { unscheduled } = roadmapWindow(wide, { offset: 0, limit: 10, collapse: listed() });
    expect(unscheduled.rows).toHaveLength(200);
    expect(unscheduled.rowCount).toBe(1501);
    expect(unscheduled.milestones).toHaveLength(200);
    expect(unscheduled.milestoneCount).toBe(600);
  });

  it('caps the milestones and dependencies of one window and counts what it left out', () => {
    const answer = roadmapWindow(wide, { offset: 0, limit: 10, collapse: listed() });
    expect(answer.milestones).toHaveLength(500);
    expect(answer.dependencies).toHaveLength(1000);
    expect(answer.omitted).toEqual({ milestones: 100, dependencies: 200 });
  });

  it('match the contract\'s limits', () => {
    expect(ROADMAP_WINDOW_CAPS).toEqual({ unscheduledListed: ROADMAP_LIMITS.unscheduledListed, milestones: ROADMAP_LIMITS.maxWindowMilestones, dependencies: ROADMAP_LIMITS.maxWindowDependencies });
  });
});

describe('a window of the small transformation', () => {
  it('agrees with the whole roadmap when the window holds every row', () => {
    const model = build(smallTransformation());
    const whole = roadmap(model, config(), resolveScope(model, null), TODAY);
    const answer = roadmapWindow(whole, { offset: 0, limit: 300, collapse: listed() });
    expect(answer.rows.map(({ parentIndex: _p, collapsed: _c, ...rest }) => rest)).toEqual(whole.rows);
    expect(answer.milestones).toEqual(whole.milestones);
    expect(answer.dependencies.map(({ fromRowId, toRowId, fromKey, toKey, violated }) => ({ fromRowId, toRowId, fromKey, toKey, violated }))).toEqual(whole.dependencies);
    expect(answer.unscheduled.rows.map((r) => r.id)).toEqual(whole.undatedRowIds);
  });
});
