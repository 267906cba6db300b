import { buildTransformationModel, DEFAULT_REPORTS_CONFIG, flowKindOf, flowReport, resolveScope } from '../../src/domain';
import type { FieldChange, FlowReport, FlowMeasures } from '../../src/domain';
import { config, story, workItem } from './factories';
import { historyChanges, historyModel, reportConfig, STATUS_CATEGORIES, WEEK } from './reportsHistory';

const cfg = reportConfig();

function report(period = WEEK, history = historyChanges()): FlowReport {
  const model = historyModel();
  return flowReport(model, cfg, resolveScope(model, null), history, STATUS_CATEGORIES, period);
}

function row(result: FlowReport, boxId: string): FlowReport['byBox'][number] {
  const found = result.byBox.find((entry) => entry.boxId === boxId);
  if (found === undefined) throw new Error(`no row ${boxId}`);
  return found;
}

const counts = (measures: FlowMeasures): number[] => measures.distribution.map((entry) => entry.count);

/*
 * Items finished in the week 03-02 … 03-08 (flow start → finish; active = in an 'indeterminate' status that is
 * not In Review, Blocked or Waiting for decision):
 *   S-1  02-20 → 03-03 = 11 days; In Review 02-25 → 02-27 waits 2 days → active 9
 *   S-2  03-02 → 03-06 =  4 days; active 4
 *   S-3  02-10 → 03-05 = 23 days (reopened 03-02: counted once, at its last done, from its first start);
 *        active = In Progress 02-10 → 02-24 (14) + 03-02 → 03-05 (3) = 17; done 02-24 → 03-02 is not active
 *   X-1  03-02 → 03-04 =  2 days; active 2
 * Flow times ascending: 2, 4, 11, 23. Nearest rank: median = rank ⌈0.5 × 4⌉ = 2 → 4; p85 = rank ⌈3.4⌉ = 4 → 23.
 * Efficiency = (9 + 4 + 17 + 2) / (11 + 4 + 23 + 2) = 32 / 40 = 0.8.
 * Load at 03-09T00:00: S-4 (Blocked), S-6 (In Progress), S-7 (Waiting for decision), D-1 (In Progress) = 4.
 * Milestones (M-1) and boxes (I-2 is waiting too) are not work items here.
 */
describe('the flow of the worked example', () => {
  const result = report();

  it('measures the week overall', () => {
    expect(result.period).toEqual(WEEK);
    expect(result.overall).toEqual({
      distribution: [
        { kind: 'feature', count: 4, ratio: 1 },
        { kind: 'defect', count: 0, ratio: 0 },
        { kind: 'risk', count: 0, ratio: 0 },
        { kind: 'debt', count: 0, ratio: 0 },
      ],
      velocity: 4,
      flowTimeMedianDays: 4,
      flowTimeP85Days: 23,
      load: 4,
      efficiency: 0.8,
    });
  });

  it('measures every box over its whole subtree, in tree order with depth', () => {
    expect(result.byBox.map((entry) => [entry.boxId, entry.depth])).toEqual([
      ['root', 0],
      ['W-1', 1],
      ['I-1', 2],
      ['T-1', 3],
      ['T-2', 3],
      ['I-2', 2],
      ['T-3', 3],
      ['W-2', 1],
      ['I-3', 2],
      ['T-4', 3],
      ['T-5', 3],
    ]);
    // W-1: S-1, S-2, S-3 finished: 4, 11, 23 → median rank 2 = 11, p85 rank ⌈2.55⌉ = 3 = 23; (9 + 4 + 17) / 38.
    expect(row(result, 'W-1')).toMatchObject({ velocity: 3, flowTimeMedianDays: 11, flowTimeP85Days: 23, load: 3 });
    expect(row(result, 'W-1').efficiency).toBeCloseTo(30 / 38, 10);
    // W-2: X-1 (moved here from T-1; the report uses the current structure) finished in 2 days, all active; D-1 in progress.
    expect(row(result, 'W-2')).toMatchObject({ velocity: 1, flowTimeMedianDays: 2, flowTimeP85Days: 2, load: 1, efficiency: 1 });
    expect(row(result, 'T-4')).toMatchObject({ velocity: 1, load: 1 });
    // T-2: S-5 to do, S-6 in progress; nothing finished.
    expect(row(result, 'T-2')).toMatchObject({ velocity: 0, flowTimeMedianDays: null, flowTimeP85Days: null, load: 1, efficiency: null });
    expect(row(result, 'root')).toMatchObject({ velocity: 4, load: 4, efficiency: 0.8 });
  });

  it('shows a week shorter than 4 weeks over the 12 weeks ending on its last day', () => {
    expect(result.overTime.map((week) => week.weekEnd)).toEqual([
      '2025-12-21', '2025-12-28', '2026-01-04', '2026-01-11', '2026-01-18', '2026-01-25',
      '2026-02-01', '2026-02-08', '2026-02-15', '2026-02-22', '2026-03-01', '2026-03-08',
    ]);
    // Velocity: B-1 finished 01-20 (week ending 01-25, 15 days from creation 01-05, straight to done); the four above
    // in the last week. S-3's first done (02-24) does not count: it was reopened.
    expect(result.overTime.map((week) => week.velocity)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 4]);
    expect(result.overTime.map((week) => week.flowTimeMedianDays)).toEqual([null, null, null, null, null, 15, null, null, null, null, null, 4]);
    // Load at each week's end: 02-01 (end 02-02T00:00): none (S-6 starts 02-02T10); 02-08: S-6; 02-15: S-3 (02-10),
    // S-4 (02-15), S-6; 02-22: S-1, S-3, S-4, S-6, S-7; 03-01: S-1, S-4, S-6, S-7 (S-3 was done); 03-08: 4 as above.
    expect(result.overTime.map((week) => week.load)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 3, 5, 4, 4]);
  });

  it('cuts a period of 4 weeks or more into weeks ending on its last day, the first one cut at its start', () => {
    const long = report({ from: '2026-02-06', to: '2026-03-08' }); // 31 days: 02-06…02-08, then 4 whole weeks
    expect(long.overTime.map((week) => [week.weekEnd, week.velocity])).toEqual([
      ['2026-02-08', 0],
      ['2026-02-15', 0],
      ['2026-02-22', 0],
      ['2026-03-01', 0],
      ['2026-03-08', 4],
    ]);
    expect(long.overall.velocity).toBe(4);
  });

  it('does not count in the first, cut week what finished before the period', () => {
    // 01-21 … 02-22 (33 days): the first week is 01-21 … 01-25, so B-1 (done 01-20) is in none of them.
    const cut = report({ from: '2026-01-21', to: '2026-02-22' });
    expect(cut.overTime.map((week) => [week.weekEnd, week.velocity])).toEqual([
      ['2026-01-25', 0],
      ['2026-02-01', 0],
      ['2026-02-08', 0],
      ['2026-02-15', 0],
      ['2026-02-22', 0],
    ]);
    expect(cut.overall.velocity).toBe(0);
  });
});

describe('flow in edge cases', () => {
  it('without any history, an item done now was created done: it finished, straight, at its creation', () => {
    const result = report({ from: '2026-02-01', to: '2026-02-01' }, []);
    // S-1, S-2, S-3 and X-1 were created 02-01T09:00, done: 4 finished, flow time 0, so efficiency has no time.
    expect(result.overall).toMatchObject({ velocity: 4, flowTimeMedianDays: 0, flowTimeP85Days: 0, efficiency: null });
    // In progress at the end of 02-01: S-4, S-6, S-7, D-1 (their current statuses, created 02-01T09:00).
    expect(result.overall.load).toBe(4);
  });

  it('an empty period (to before from) finishes nothing', () => {
    const result = report({ from: '2026-03-08', to: '2026-03-02' });
    expect(result.overall).toMatchObject({ velocity: 0, flowTimeMedianDays: null, efficiency: null });
    // Load at 03-08T00:00: S-4, S-6, S-7 and D-1 (started 03-07).
    expect(result.overall.load).toBe(4);
    expect(counts(result.overall)).toEqual([0, 0, 0, 0]);
  });

  it('a period in the future finishes nothing and carries today\'s load', () => {
    const result = report({ from: '2026-04-01', to: '2026-04-07' });
    expect(result.overall).toMatchObject({ velocity: 0, load: 4, efficiency: null });
  });

  it('a reopened item that is not done again is in progress, not finished', () => {
    const changes: FieldChange[] = [
      { key: 'A-1', at: '2026-03-02T00:00:00Z', concept: 'status', from: 'To Do', to: 'In Progress' },
      { key: 'A-1', at: '2026-03-03T00:00:00Z', concept: 'status', from: 'In Progress', to: 'Done' },
      { key: 'A-1', at: '2026-03-04T00:00:00Z', concept: 'status', from: 'Done', to: 'In Progress' },
    ];
    const model = buildTransformationModel([story('A-1', null, null, { status: 'In Progress', statusCategory: 'indeterminate', created: '2026-03-01T00:00:00Z' })], config(), { now: '2026-03-10T00:00:00Z' });
    const result = flowReport(model, config(), resolveScope(model, null), changes, STATUS_CATEGORIES, WEEK);
    expect(result.overall).toMatchObject({ velocity: 0, load: 1 });
  });

  it('an item that moves on from one done status to another finished when it first became done', () => {
    const changes: FieldChange[] = [
      { key: 'A-1', at: '2026-03-02T00:00:00Z', concept: 'status', from: 'To Do', to: 'In Progress' },
      { key: 'A-1', at: '2026-03-03T00:00:00Z', concept: 'status', from: 'In Progress', to: 'Done' },
      { key: 'A-1', at: '2026-03-05T00:00:00Z', concept: 'status', from: 'Done', to: 'Closed' },
    ];
    const model = buildTransformationModel([story('A-1', null, null, { status: 'Closed', statusCategory: 'done', created: '2026-03-01T00:00:00Z' })], config(), { now: '2026-03-10T00:00:00Z' });
    const result = flowReport(model, config(), resolveScope(model, null), changes, { ...STATUS_CATEGORIES, Closed: 'done' }, WEEK);
    // Started 03-02, done 03-03: 1 day (Done → Closed on 03-05 is not a new finish).
    expect(result.overall).toMatchObject({ velocity: 1, flowTimeMedianDays: 1, efficiency: 1 });
  });

  it('sorts the kinds of work by the configured issue types, anything else being a feature', () => {
    const kindOf = flowKindOf({ feature: ['Story'], defect: ['bug'], risk: ['Risk'], debt: ['Tech debt'] });
    expect(['Story', 'BUG', ' tech  debt ', 'Risk', 'Spike'].map(kindOf)).toEqual(['feature', 'defect', 'debt', 'risk', 'feature']);
  });

  it('uses the configured waiting statuses for efficiency', () => {
    // The same week with In Review active: S-1 is active all 11 days → (11 + 4 + 17 + 2) / 40 = 34 / 40.
    const model = historyModel();
    const cfgActiveReview = { ...cfg, reports: { ...DEFAULT_REPORTS_CONFIG, waitingStatuses: ['Blocked'] } };
    const result = flowReport(model, cfgActiveReview, resolveScope(model, null), historyChanges(), STATUS_CATEGORIES, WEEK);
    expect(result.overall.efficiency).toBeCloseTo(34 / 40, 10);
  });

  it('counts defects, risks and debt finished in the period by kind', () => {
    const done = (key: string, issueType: string): ReturnType<typeof workItem> => workItem({ key, issueType, status: 'Done', statusCategory: 'done', created: '2026-03-03T00:00:00Z' });
    const items = [done('K-1', 'Bug'), done('K-2', 'Bug'), done('K-3', 'Risk'), done('K-4', 'Tech debt'), done('K-5', 'Spike')];
    const model = buildTransformationModel(items, config(), { now: '2026-03-10T00:00:00Z' });
    const result = flowReport(model, config(), resolveScope(model, null), [], STATUS_CATEGORIES, WEEK);
    // 5 finished (created done): feature K-5, defect K-1 and K-2, risk K-3, debt K-4.
    expect(result.overall.distribution).toEqual([
      { kind: 'feature', count: 1, ratio: 0.2 },
      { kind: 'defect', count: 2, ratio: 0.4 },
      { kind: 'risk', count: 1, ratio: 0.2 },
      { kind: 'debt', count: 1, ratio: 0.2 },
    ]);
  });
});
