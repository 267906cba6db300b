import { progressDeltaText, resolveScope, weeklyReport } from '../../src/domain';
import type { WeeklyReport } from '../../src/domain';
import { boxOf, milestone } from './factories';
import { historyChanges, historyItems, historyModel, reportConfig, STATUS_CATEGORIES, WEEK } from './reportsHistory';

const cfg = reportConfig();

function report(period = WEEK, history = historyChanges(), projectKey: string | null = null): WeeklyReport {
  const model = historyModel();
  return weeklyReport(model, cfg, resolveScope(model, projectKey), history, STATUS_CATEGORIES, period);
}

function section(result: WeeklyReport, boxId: string): WeeklyReport['workstreams'][number] {
  const found = result.workstreams.find((row) => row.boxId === boxId);
  if (found === undefined) throw new Error(`no section ${boxId}`);
  return found;
}

const keys = (list: Array<{ key: string }>): string[] => list.map((entry) => entry.key);

describe('the weekly report of the worked example (week 03-02 … 03-08)', () => {
  const result = report();

  it('has one section per workstream, with its sponsor', () => {
    expect(result.period).toEqual(WEEK);
    expect(result.workstreams.map((row) => [row.boxId, row.name, row.sponsor])).toEqual([
      ['W-1', 'Customer', 'Ana Souza'],
      ['W-2', 'Operations', null],
    ]);
  });

  it('compares progress at the start of 03-02 with the end of 03-08', () => {
    // Before (03-02T00:00): S-5 does not exist yet; only S-3 (done 02-24, reopened later) and B-1 are done.
    //   W-1: S-1..S-4, M-1, S-6, S-7 = 7 items, 1 done → 1/7 = 14.29 %; W-2: B-1, D-1, X-1, M-2 → 1/4 = 25 %;
    //   root: 2/11 = 18.18 %.
    // After (03-09T00:00): S-1 (03-03), M-1 (03-04), S-3 (03-05), S-2 (03-06) and X-1 (03-04) are done too.
    //   W-1: 4 of 8 = 50 %; W-2: B-1, X-1 of 4 = 50 %; root: 6 of 12 = 50 %.
    expect(section(result, 'W-1').progressBefore).toBeCloseTo(1 / 7, 10);
    expect(section(result, 'W-1').progressAfter).toBeCloseTo(0.5, 10);
    expect(section(result, 'W-1').progressDeltaText).toBe('+35.7 pts'); // 50 − 14.29 = 35.71
    expect(section(result, 'W-2').progressBefore).toBeCloseTo(0.25, 10);
    expect(section(result, 'W-2').progressDeltaText).toBe('+25.0 pts');
    expect(result.overall.progressBefore).toBeCloseTo(2 / 11, 10);
    expect(result.overall.progressAfter).toBeCloseTo(0.5, 10);
    expect(result.overall.progressDeltaText).toBe('+31.8 pts'); // 50 − 18.18 = 31.82
  });

  it('ends at the progress the model shows now, as nothing changed after the week', () => {
    const model = historyModel();
    expect(result.overall.progressAfter).toBeCloseTo(boxOf(model, 'root').progress.ratio, 10);
    expect(section(result, 'W-1').progressAfter).toBeCloseTo(boxOf(model, 'W-1').progress.ratio, 10);
  });

  it('counts teams converted before and after, and lists the teams that converted or slipped', () => {
    // Before: only T-3 (converted 02-20); T-1 and T-2 were piloting, T-5 did not exist. After: T-1 and T-3.
    expect(result.overall).toMatchObject({ teamsConvertedBefore: 1, teamsConvertedAfter: 2, teamsTotal: 5 });
    expect(section(result, 'W-1')).toMatchObject({ teamsConvertedBefore: 1, teamsConvertedAfter: 2, teamsTotal: 3 });
    expect(section(result, 'W-2')).toMatchObject({ teamsConvertedBefore: 0, teamsConvertedAfter: 0, teamsTotal: 2 });
    expect(result.overall.converted).toEqual([{ key: 'T-1', summary: 'Team T-1', fromStage: 'Piloting', toStage: 'Converted', at: '2026-03-04T10:00:00.000Z' }]);
    expect(result.overall.slipped).toEqual([{ key: 'T-2', summary: 'Team T-2', fromStage: 'Piloting', toStage: 'Preparing', at: '2026-03-05T10:00:00.000Z' }]);
    expect(section(result, 'W-2').converted).toEqual([]);
  });

  it('lists milestones done in the week and milestones that became late', () => {
    expect(section(result, 'W-1').milestonesDone).toEqual([{ key: 'M-1', summary: 'Beta', due: '2026-03-04', doneAt: '2026-03-04T15:00:00.000Z' }]);
    // M-2 was due 03-05, inside the week and before today (03-10), and is not done at the week's end.
    expect(section(result, 'W-2').milestonesNewlyLate).toEqual([{ key: 'M-2', summary: 'Ledger live', due: '2026-03-05', doneAt: null }]);
    expect(keys(result.overall.milestonesDone)).toEqual(['M-1']);
    expect(keys(result.overall.milestonesNewlyLate)).toEqual(['M-2']);
  });

  it('lists new risks and risks whose score rose', () => {
    // 3 × 4 = 12 at the start, 4 × 4 = 16 at the end (critical from 16). R-2: created 03-04, 2 × 2 = 4 (low).
    // R-3 fell from 3 × 5 = 15 to 3 × 2 = 6, so it is not listed.
    expect(section(result, 'W-1').risksRisen).toEqual([{ key: 'R-1', summary: 'PSP outage', scoreBefore: 12, scoreAfter: 16, band: 'critical' }]);
    expect(section(result, 'W-2').risksNew).toEqual([{ key: 'R-2', summary: 'Vendor delay', scoreBefore: null, scoreAfter: 4, band: 'low' }]);
    expect(section(result, 'W-2').risksRisen).toEqual([]);
    expect(keys(result.overall.risksRisen)).toEqual(['R-1']);
  });

  it('lists blocked items and decisions needed, longest waiting first, in days up to the end of the week', () => {
    // S-4 blocked since 02-26T10:00 → 03-09T00:00 is 10 days 14 hours → 10.
    expect(result.overall.blocked).toEqual([{ key: 'S-4', summary: 'Fraud checks', status: 'Blocked', since: '2026-02-26T10:00:00.000Z', days: 10, flagged: false }]);
    // S-7 waits for a decision since 02-20T10 (16 d 14 h), S-6 is flagged since 03-01T10 (7 d 14 h), the initiative
    // I-2 waits since 03-06T10 (2 d 14 h). B-1 is flagged but done, so it is left out.
    expect(result.overall.decisionsNeeded).toEqual([
      { key: 'S-7', summary: 'Points expiry', status: 'Waiting for decision', since: '2026-02-20T10:00:00.000Z', days: 16, flagged: false },
      { key: 'S-6', summary: 'Double charge', status: 'In Progress', since: '2026-03-01T10:00:00.000Z', days: 7, flagged: true },
      { key: 'I-2', summary: 'Loyalty', status: 'Waiting for decision', since: '2026-03-06T10:00:00.000Z', days: 2, flagged: false },
    ]);
    expect(keys(section(result, 'W-1').decisionsNeeded)).toEqual(['S-7', 'S-6', 'I-2']);
    expect(section(result, 'W-2').decisionsNeeded).toEqual([]);
  });

  it('counts an item moved between boxes in its current box (the report uses the current structure)', () => {
    // X-1 now sits in T-4 (W-2): it is one of W-2's done items after the week (2 of 4 = 50 %), not W-1's.
    expect(section(result, 'W-2').progressAfter).toBeCloseTo(0.5, 10);
    expect(section(result, 'W-1').progressAfter).toBeCloseTo(0.5, 10);
  });
});

describe('the weekly report in edge cases', () => {
  it('without any history: stages and statuses are today\'s all along, only creation dates move', () => {
    const result = report(WEEK, []);
    // Before: S-5 does not exist; done now (and so all along): S-1, S-2, S-3, M-1 of W-1's 7 → 4/7; after 4/8.
    expect(result.workstreams[0]?.progressBefore).toBeCloseTo(4 / 7, 10);
    expect(result.workstreams[0]?.progressAfter).toBeCloseTo(0.5, 10);
    // T-1 and T-3 converted all along; T-5 exists only at the end.
    expect(result.overall).toMatchObject({ teamsConvertedBefore: 2, teamsConvertedAfter: 2, teamsTotal: 5, converted: [], slipped: [], milestonesDone: [], risksRisen: [] });
    expect(keys(result.overall.milestonesNewlyLate)).toEqual(['M-2']);
    expect(keys(result.overall.risksNew)).toEqual(['R-2']);
    // With no status change, waiting counts from creation: S-4 02-01T09 → 03-09T00 = 35 d 15 h → 35.
    expect(result.overall.blocked.map((item) => [item.key, item.days])).toEqual([['S-4', 35]]);
    // I-2 created 01-01T09 → 66 days; S-6 and S-7 created 02-01T09 → 35 days (equal: by key).
    expect(result.overall.decisionsNeeded.map((item) => [item.key, item.days])).toEqual([['I-2', 66], ['S-6', 35], ['S-7', 35]]);
  });

  it('an empty period (to before from) ends where it starts: nothing moves', () => {
    const result = report({ from: '2026-03-08', to: '2026-03-02' });
    expect(result.overall.progressBefore).toBe(result.overall.progressAfter);
    expect(result.overall.progressDeltaText).toBe('±0.0 pts');
    expect(result.overall).toMatchObject({ converted: [], slipped: [], milestonesDone: [], milestonesNewlyLate: [], risksNew: [], risksRisen: [] });
    // Days count up to the period's end, 03-08T00:00 here: S-4 blocked since 02-26T10 → 9 days.
    expect(result.overall.blocked.map((item) => item.days)).toEqual([9]);
  });

  it('a period in the future: the state is today\'s throughout, and nothing is late yet', () => {
    const result = report({ from: '2026-04-01', to: '2026-04-07' });
    expect(result.overall.progressBefore).toBeCloseTo(0.5, 10);
    expect(result.overall.progressDeltaText).toBe('±0.0 pts');
    expect(result.overall).toMatchObject({ teamsConvertedBefore: 2, teamsConvertedAfter: 2, converted: [], milestonesNewlyLate: [], risksNew: [] });
    // Days count only up to when the data was read (03-10T12:00): S-4 → 12 d 2 h → 12.
    expect(result.overall.blocked.map((item) => item.days)).toEqual([12]);
  });

  it('in a period that runs past today, a milestone due after today is not late yet', () => {
    const items = [...historyItems(), milestone('M-3', 'I-3', '2026-03-09', { created: '2026-01-15T00:00:00Z' }), milestone('M-4', 'I-3', '2026-03-12', { created: '2026-01-15T00:00:00Z' })];
    const model = historyModel(items);
    const result = weeklyReport(model, cfg, resolveScope(model, null), historyChanges(), STATUS_CATEGORIES, { from: '2026-03-09', to: '2026-03-15' });
    // Today is 03-10: M-3 (due 03-09) is late, M-4 (due 03-12) is not yet; M-2 was due before the period.
    expect(keys(result.overall.milestonesNewlyLate)).toEqual(['M-3']);
  });

  it('dates a milestone done when it first became done, even if it moved on to another done status', () => {
    const changes = [...historyChanges(), { key: 'M-1', at: '2026-03-06T10:00:00.000Z', concept: 'status' as const, from: 'Done', to: 'Closed' }];
    const model = historyModel();
    const result = weeklyReport(model, cfg, resolveScope(model, null), changes, { ...STATUS_CATEGORIES, Closed: 'done' }, WEEK);
    expect(result.overall.milestonesDone.map((item) => item.doneAt)).toEqual(['2026-03-04T15:00:00.000Z']);
  });

  it('counts a flag from when it was set, not from later edits of its value', () => {
    const changes = [...historyChanges(), { key: 'S-6', at: '2026-03-04T10:00:00.000Z', concept: 'flagged' as const, from: 'Impediment', to: 'Impediment, Urgent' }];
    const result = report(WEEK, changes);
    expect(result.overall.decisionsNeeded.find((item) => item.key === 'S-6')).toMatchObject({ since: '2026-03-01T10:00:00.000Z', days: 7 });
  });

  it('for a project, has one section per top box of the project', () => {
    const result = report(WEEK, historyChanges(), 'I');
    expect(result.workstreams.map((row) => row.boxId)).toEqual(['I-1', 'I-2', 'I-3']);
    // I-1: before S-3 done of S-1..S-4, M-1, S-6 → 1/6; after 4/7. Overall, the roots weigh their items:
    // (6 × 1/6 + 1 × 0 + 4 × 1/4) / 11 = 2/11 before, (7 × 4/7 + 0 + 4 × 2/4) / 12 = 1/2 after.
    expect(section(result, 'I-1').progressBefore).toBeCloseTo(1 / 6, 10);
    expect(section(result, 'I-1').progressAfter).toBeCloseTo(4 / 7, 10);
    expect(result.overall.progressBefore).toBeCloseTo(2 / 11, 10);
    expect(result.overall.progressAfter).toBeCloseTo(0.5, 10);
    expect(section(result, 'I-1')).toMatchObject({ teamsConvertedBefore: 0, teamsConvertedAfter: 1, teamsTotal: 2 });
  });

  it('keeps at most 10 blocked items, longest blocked first', () => {
    const items = historyItems();
    const blocked = items.filter((item) => item.key === 'S-4');
    for (let day = 1; day <= 12; day += 1) {
      items.push(...blocked.map((item) => ({ ...item, key: `Z-${day}`, created: `2026-02-${String(day).padStart(2, '0')}T00:00:00.000Z` })));
    }
    const model = historyModel(items);
    const result = weeklyReport(model, cfg, resolveScope(model, null), [], STATUS_CATEGORIES, WEEK);
    // Z-1 … Z-12 blocked since their creation on 02-01 … 02-12; S-4 since 02-01T09:00. The 10 longest: Z-1, S-4, Z-2 … Z-9.
    expect(keys(result.overall.blocked)).toEqual(['Z-1', 'S-4', 'Z-2', 'Z-3', 'Z-4', 'Z-5', 'Z-6', 'Z-7', 'Z-8', 'Z-9']);
  });
});

describe('progressDeltaText', () => {
  it('writes percentage points with a sign and one decimal', () => {
    expect(progressDeltaText(0.1, 0.124)).toBe('+2.4 pts');
    expect(progressDeltaText(0.5, 0.49)).toBe('−1.0 pts');
    expect(progressDeltaText(0.3, 0.3004)).toBe('±0.0 pts');
    expect(progressDeltaText(0.3, 0.29951)).toBe('±0.0 pts'); // −0.049 pts
    expect(progressDeltaText(0, 0.0005)).toBe('+0.1 pts'); // 0.05 pts: half away from zero
    expect(progressDeltaText(0.0005, 0)).toBe('−0.1 pts');
  });
});
