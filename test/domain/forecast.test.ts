import { buildTransformationModel, DEFAULT_REPORTS_CONFIG, forecast, resolveScope, simulate } from '../../src/domain';
import type { FieldChange, Forecast, WorkItem } from '../../src/domain';
import { config, initiative, story } from './factories';
import { historyChanges, historyModel, reportConfig, STATUS_CATEGORIES, TODAY } from './reportsHistory';

const cfg = reportConfig();
const SEED = 42;

function run(history = historyChanges(), seed = SEED): Forecast {
  const model = historyModel();
  return forecast(model, cfg, resolveScope(model, null), history, STATUS_CATEGORIES, TODAY, seed);
}

/** 'yyyy-mm-dd' plus some days (UTC calendar arithmetic). */
function addDaysForTest(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const weeksAfterToday = (weeks: number): string => addDaysForTest(TODAY, 7 * weeks);

describe('the forecast of the worked example (today 03-10)', () => {
  const result = run();

  it('explains its method in one sentence', () => {
    expect(result.method).toBe("2,000 simulated futures, each replaying weeks drawn at random from the last 12 weeks' throughput; the dates are when 50 %, 85 % and 95 % of them finished.");
    expect(result).toMatchObject({ trials: 2000, sampleWeeks: 12 });
  });

  it('forecasts the teams converted from the conversions of the last 12 weeks', () => {
    // 5 teams, target ⌈0.8 × 5⌉ = 4, converted now 2 (T-1, T-3) → 2 remaining. Sample weeks end on 03-10, 03-03, …:
    // T-1 converted 03-04 (week 0), T-3 on 02-20 (week 2) → throughput [1, 0, 1, 0 × 9]: each simulated week converts
    // one team with chance 1/6. Finished by week w = P(≥ 2 of w) = 1 − (5/6)^w − w/6 × (5/6)^(w−1):
    //   w = 9: 0.457, 10: 0.516 → median at week 10 (± 1 for sampling noise);
    //   w = 18: 0.827, 19: 0.850, 20: 0.870 → p85 at 19 or 20;  w = 26: 0.946, 27: 0.953 → p95 at 27.
    // Planned: the root's due date, 06-30 (the latest due date below it), 112 days = 16 weeks away:
    //   P(by week 16) = 1 − 0.0541 − 0.1731 = 0.773.
    const teams = result.teamsConverted;
    expect(teams).toMatchObject({ key: null, name: 'Teams converted', remaining: 2, plannedDate: '2026-06-30' });
    expect([weeksAfterToday(9), weeksAfterToday(10), weeksAfterToday(11)]).toContain(teams.p50);
    expect([weeksAfterToday(18), weeksAfterToday(19), weeksAfterToday(20), weeksAfterToday(21)]).toContain(teams.p85);
    expect([weeksAfterToday(26), weeksAfterToday(27), weeksAfterToday(28)]).toContain(teams.p95);
    expect(teams.probabilityByPlanned).toBeGreaterThan(0.73);
    expect(teams.probabilityByPlanned).toBeLessThan(0.81);
  });

  it('forecasts each initiative from its own finished items', () => {
    // I-1: S-4, S-5, S-6 not done → 3; I-2: S-7 → 1; I-3: D-1 and M-2 → 2 (risks do not count).
    expect(result.initiatives.map((line) => [line.key, line.name, line.remaining, line.plannedDate])).toEqual([
      ['I-1', 'Checkout', 3, '2026-06-30'],
      ['I-2', 'Loyalty', 1, '2026-04-30'],
      ['I-3', 'Back office', 2, '2026-05-31'],
    ]);
    // I-2 finished nothing in 12 weeks: it never finishes at this pace.
    expect(result.initiatives[1]).toMatchObject({ p50: null, p85: null, p95: null, probabilityByPlanned: 0 });
  });

  it('is the same for the same seed', () => {
    expect(run(historyChanges(), SEED)).toEqual(result);
  });
});

describe('forecast edge cases', () => {
  it('with no history there is no throughput: never, with probability 0', () => {
    const teams = run([]).teamsConverted;
    expect(teams).toMatchObject({ remaining: 2, p50: null, p85: null, p95: null, probabilityByPlanned: 0 });
  });

  /** C-1 with one item finished in each of the last 12 weeks (03-09, 03-02, … at 10:00) and `open` items not done. */
  function steady(open: number, due: string | null): { items: WorkItem[]; changes: FieldChange[] } {
    const items: WorkItem[] = [initiative('C-1', null, { summary: 'Steady', fields: due === null ? {} : { dueDate: due } })];
    const changes: FieldChange[] = [];
    for (let week = 0; week < 12; week += 1) {
      items.push(story(`F-${week}`, 'C-1', null, { status: 'Done', statusCategory: 'done', created: '2025-12-01T00:00:00Z' }));
      changes.push({ key: `F-${week}`, at: `${addDaysForTest('2026-03-09', -7 * week)}T10:00:00Z`, concept: 'status', from: 'To Do', to: 'Done' });
    }
    for (let index = 0; index < open; index += 1) items.push(story(`O-${index}`, 'C-1'));
    return { items, changes };
  }

  function steadyForecast(open: number, due: string | null): Forecast {
    const { items, changes } = steady(open, due);
    const model = buildTransformationModel(items, config(), { now: '2026-03-10T12:00:00Z' });
    return forecast(model, config(), resolveScope(model, null), changes, STATUS_CATEGORIES, TODAY, 7);
  }

  it('with the same throughput every week, every simulated future finishes the same week', () => {
    // 1 item a week, 5 left → 5 weeks in every trial: 03-10 + 35 days = 04-14. Due 04-14: all on time.
    expect(steadyForecast(5, '2026-04-14').initiatives[0]).toMatchObject({ key: 'C-1', remaining: 5, p50: '2026-04-14', p85: '2026-04-14', p95: '2026-04-14', probabilityByPlanned: 1 });
    // Due a day earlier: none.
    expect(steadyForecast(5, '2026-04-13').initiatives[0]?.probabilityByPlanned).toBe(0);
    expect(steadyForecast(5, null).initiatives[0]?.probabilityByPlanned).toBeNull();
  });

  it('with nothing remaining, the date is today for all, and on time', () => {
    // No teams at all: target ⌈0.8 × 0⌉ = 0. C-1 has nothing open.
    const result = steadyForecast(0, '2026-03-31');
    expect(result.teamsConverted).toMatchObject({ remaining: 0, p50: TODAY, p85: TODAY, p95: TODAY, plannedDate: '2026-03-31', probabilityByPlanned: 1 });
    expect(result.initiatives[0]).toMatchObject({ remaining: 0, p50: TODAY, p95: TODAY });
  });

  it('uses the configured trials and sample weeks', () => {
    const { items, changes } = steady(2, null);
    const custom = { ...config(), reports: { ...DEFAULT_REPORTS_CONFIG, forecastTrials: 10, forecastSampleWeeks: 1 } };
    const model = buildTransformationModel(items, custom, { now: '2026-03-10T12:00:00Z' });
    const result = forecast(model, custom, resolveScope(model, null), changes, STATUS_CATEGORIES, TODAY, 1);
    expect(result.method).toBe("10 simulated futures, each replaying weeks drawn at random from the last week's throughput; the dates are when 50 %, 85 % and 95 % of them finished.");
    // Week 0 alone (F-0 on 03-09): 1 a week, 2 left → 03-24.
    expect(result.initiatives[0]).toMatchObject({ p50: '2026-03-24', p95: '2026-03-24' });
  });
});

describe('the teams line', () => {
  it('rounds the target number of teams up', () => {
    // Target 65 % of 5 teams = 3.25 → 4 teams; 2 converted → 2 remaining.
    const custom = { ...cfg, conversion: { ...cfg.conversion, targetRatio: 0.65 } };
    const model = historyModel(undefined, custom);
    expect(forecast(model, custom, resolveScope(model, null), historyChanges(), STATUS_CATEGORIES, TODAY, SEED).teamsConverted.remaining).toBe(2);
  });

  it('counts as throughput only moves up to the target stage, not moves beyond it', () => {
    // One sample week (03-04 … 03-10): T-1 converted on 03-04; T-3 moving on from Converted to Sustaining on 03-09
    // is no conversion. 1 a week, 2 remaining → 2 weeks → 03-24.
    const changes = [...historyChanges(), { key: 'T-3', at: '2026-03-09T10:00:00.000Z', concept: 'conversionStage' as const, from: 'Converted', to: 'Sustaining' }];
    const custom = { ...cfg, reports: { ...DEFAULT_REPORTS_CONFIG, forecastSampleWeeks: 1, forecastTrials: 50 } };
    const model = historyModel(undefined, custom);
    const result = forecast(model, custom, resolveScope(model, null), changes, STATUS_CATEGORIES, TODAY, SEED);
    expect(result.teamsConverted).toMatchObject({ remaining: 2, p50: '2026-03-24', p95: '2026-03-24', probabilityByPlanned: 1 });
  });
});

describe('simulate', () => {
  it('replays the drawn weeks until the work is done (a scripted draw)', () => {
    // Samples [0, 2]; a draw below 0.5 picks 0, above picks 2. Remaining 3.
    // Trial 1: 2, 2 → 2 weeks. Trial 2: 0, 2, 0, 2 → 4. Trial 3: 2, 0, 2 → 3. Trial 4: 0, 0, 0, 2, 2 → 5.
    // Sorted 2, 3, 4, 5: p50 = rank 2 → 3 weeks; p85 = rank ⌈3.4⌉ = 4 → 5; p95 = rank ⌈3.8⌉ = 4 → 5.
    // Planned 4 weeks away: 3 of 4 trials.
    const draws = [0.9, 0.9, 0.1, 0.9, 0.1, 0.9, 0.9, 0.1, 0.9, 0.1, 0.1, 0.1, 0.9, 0.9];
    let next = 0;
    const random = (): number => draws[next++] ?? 0.5;
    const result = simulate({ remaining: 3, samples: [0, 2], today: '2026-03-10', plannedDate: '2026-04-07', trials: 4, random });
    expect(result).toEqual({ p50: '2026-03-31', p85: '2026-04-14', p95: '2026-04-14', probabilityByPlanned: 0.75 });
    expect(next).toBe(draws.length);
  });

  it('gives up after ten years: such a future never finishes', () => {
    const result = simulate({ remaining: 1000, samples: [1], today: '2026-03-10', plannedDate: '2030-01-01', trials: 3, random: () => 0 });
    expect(result).toEqual({ p50: null, p85: null, p95: null, probabilityByPlanned: 0 });
  });
});
