import { resolveScope, scheduleCounts, scheduleStatus, scopeSummary } from '../../src/domain';
import { boxOf, build, doneItem, initiative, story, team, workstream } from './factories';
import { smallTransformation, TODAY } from './smallTransformation';

describe('scheduleStatus', () => {
  it.each([
    [true, '2026-01-01', 'done'],
    [false, '2026-03-09', 'late'],
    [false, '2026-03-10', 'onTrack'], // due today is not late
    [false, '2026-03-11', 'onTrack'],
    [false, null, 'unscheduled'],
    [true, null, 'done'],
  ] as const)('done=%p, due %p → %p', (done, due, expected) => {
    expect(scheduleStatus(done, due, TODAY)).toBe(expected);
  });
});

describe('resolveScope', () => {
  const model = build(smallTransformation());

  it('is the whole transformation for no project', () => {
    const scope = resolveScope(model, null);
    expect(scope.rootIds).toEqual(['root']);
    expect([...scope.boxIds]).toEqual(['root', 'DTO-1', 'DTO-3', 'PAY-1', 'PAY-2', 'DTO-4', 'CRM-1', 'DTO-2', 'DTO-5', 'OPS-1']);
    expect(scope.itemKeys.size).toBe(14);
    expect(scope.name).toBe('Digital Transformation');
  });

  it('takes a project\'s topmost boxes, what is below them, and its items that sit in boxes of other projects', () => {
    const scope = resolveScope(model, 'PAY');
    expect(scope.rootIds).toEqual(['PAY-1', 'PAY-2']);
    expect([...scope.boxIds]).toEqual(['PAY-1', 'PAY-2']);
    // PAY-20 is a PAY story directly in DTO-5, an initiative of DTO.
    expect([...scope.itemKeys]).toEqual(['PAY-10', 'PAY-9', 'PAY-11', 'PAY-12', 'PAY-13', 'PAY-14', 'PAY-20']);
    expect(scope.name).toBe('Payments A, Payments B');
  });

  it('includes boxes of other projects below a scope root', () => {
    const scope = resolveScope(model, 'DTO');
    expect(scope.rootIds).toEqual(['DTO-1', 'DTO-2']);
    expect(scope.boxIds.has('PAY-1')).toBe(true);
    expect(scope.boxIds.has('root')).toBe(false);
    expect(scope.itemKeys.has('PAY-9')).toBe(true);
    expect(scope.itemKeys.size).toBe(14);
  });

  it('does not take a project box below a foreign box below the same project as a second root', () => {
    const nested = build([workstream('PAY-1'), initiative('DTO-1', 'PAY-1'), team('PAY-2', 'DTO-1')]);
    const scope = resolveScope(nested, 'PAY');
    expect(scope.rootIds).toEqual(['PAY-1']);
    expect([...scope.boxIds]).toEqual(['PAY-1', 'DTO-1', 'PAY-2']);
  });

  it('is empty for a project with nothing in the transformation', () => {
    const scope = resolveScope(model, 'NOPE');
    expect(scope).toEqual({ rootIds: [], boxIds: new Set(), itemKeys: new Set(), name: 'NOPE', risksAbove: true });
  });
});

describe('scopeSummary', () => {
  const model = build(smallTransformation());

  it('is the root box\'s figures for the whole transformation: 3 of 10 issues = 30.0 %, 2 of 4 teams', () => {
    const summary = scopeSummary(model, resolveScope(model, null));
    expect(summary.progress).toEqual({ method: 'issueCount', ratio: 0.3, percentText: '30.0 %', done: 3, total: 10, basis: '3 of 10 work items done, counted by issue' });
    expect(summary.teamsConverted).toEqual({ converted: 2, total: 4, ratio: 0.5, percentText: '50.0 %' });
  });

  it('sums teams and leaves out a root that measures nothing (PAY-2): PAY is PAY-1\'s 5/14', () => {
    const summary = scopeSummary(model, resolveScope(model, 'PAY'));
    expect(summary.progress).toEqual({ method: 'storyPoints', ratio: 5 / 14, percentText: '35.7 %', done: 5, total: 14, basis: '5 of 14 story points done' });
    expect(summary.teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5, percentText: '50.0 %' });
  });

  it('combines several roots in their common unit, story points, as its label says', () => {
    // PAY-1: 3 stories of 1 point, one done. PAY-2: one done story of 6 points. Points: 1 + 6 = 7 of 9
    // (before: their point ratios weighted by issue counts, 0.5, labelled "story points").
    const two = build([
      initiative('DTO-1', null),
      initiative('DTO-2', null),
      team('PAY-1', 'DTO-1', 'Converted'),
      team('PAY-2', 'DTO-2', 'Piloting'),
      doneItem({ key: 'PAY-10', parentKey: 'PAY-1', fields: { storyPoints: 1 } }),
      story('PAY-11', 'PAY-1', 1),
      story('PAY-12', 'PAY-1', 1),
      doneItem({ key: 'PAY-20', parentKey: 'PAY-2', fields: { storyPoints: 6 } }),
    ]);
    const summary = scopeSummary(two, resolveScope(two, 'PAY'));
    expect(summary.progress).toEqual({ method: 'storyPoints', ratio: 7 / 9, percentText: '77.8 %', done: 7, total: 9, basis: '7 of 9 story points done' });
    expect(summary.teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5, percentText: '50.0 %' });
  });

  it('says issueCount when the roots measure differently', () => {
    const mixed = build([workstream('PAY-1'), doneItem({ key: 'PAY-2', parentKey: 'PAY-1' }), team('PAY-3', null, 'Converted'), story('PAY-4', 'PAY-3', 2)]);
    const summary = scopeSummary(mixed, resolveScope(mixed, 'PAY'));
    // PAY-1: 1 issue, done; PAY-3: 1 issue (2 points), not done → 1 of 2 issues, stated as such.
    expect(summary.progress).toEqual({ method: 'issueCount', ratio: 0.5, percentText: '50.0 %', done: 1, total: 2, basis: '1 of 2 work items done, counted by issue' });
  });

  it('is 0 of nothing for an empty scope', () => {
    const summary = scopeSummary(model, resolveScope(model, 'NOPE'));
    expect(summary).toEqual({ progress: { method: 'issueCount', ratio: 0, percentText: '–', done: 0, total: 0, basis: 'nothing to measure: no work items' }, teamsConverted: { converted: 0, total: 0, ratio: 0, percentText: '0.0 %' } });
  });
});

describe('scheduleCounts', () => {
  const model = build(smallTransformation());

  it('counts the boxes below the virtual root: DTO-3 late, DTO-4 done, PAY-2 and OPS-1 unscheduled, 5 on track', () => {
    expect(scheduleCounts(model, resolveScope(model, null), TODAY)).toEqual({ late: 1, onTrack: 5, done: 1, unscheduled: 2 });
  });

  it('counts a box whose issue is done as done even though its progress is below 1', () => {
    expect(boxOf(model, 'DTO-4').progress.ratio).toBe(0.5);
    const dto = resolveScope(model, 'DTO');
    // DTO-1, DTO-2 themselves too: DTO-3 late, DTO-4 done, DTO-1 / DTO-2 / DTO-5 / PAY-1 / CRM-1 on track, PAY-2 / OPS-1 unscheduled.
    expect(scheduleCounts(model, dto, TODAY)).toEqual({ late: 1, onTrack: 5, done: 1, unscheduled: 2 });
  });

  it('counts a box as done when all of it is done although its issue is not', () => {
    const finished = build([workstream('WS-1', { fields: { dueDate: '2026-01-01' } }), initiative('INI-1', 'WS-1', { fields: { dueDate: '2026-01-01' } }), doneItem({ parentKey: 'INI-1' })]);
    expect(scheduleCounts(finished, resolveScope(finished, null), TODAY)).toEqual({ late: 0, onTrack: 0, done: 2, unscheduled: 0 });
  });

  it('does not count a box as done when it has nothing to measure', () => {
    const empty = build([workstream('WS-1', { fields: { dueDate: '2026-01-01' } })]);
    expect(scheduleCounts(empty, resolveScope(empty, null), TODAY)).toEqual({ late: 1, onTrack: 0, done: 0, unscheduled: 0 });
  });

  it('counts a team project\'s own boxes, its teams, and nothing for a scope without boxes', () => {
    // PAY-1 is due with its epic (04-30), PAY-2 has no dates. Before, the scope's tops were skipped: 0 everywhere.
    expect(scheduleCounts(model, resolveScope(model, 'PAY'), TODAY)).toEqual({ late: 0, onTrack: 1, done: 0, unscheduled: 1 });
    expect(scheduleCounts(model, resolveScope(model, 'NOPE'), TODAY)).toEqual({ late: 0, onTrack: 0, done: 0, unscheduled: 0 });
  });
});
