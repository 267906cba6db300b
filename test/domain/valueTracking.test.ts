import { DEFAULT_REPORTS_CONFIG, resolveScope, valueTracking } from '../../src/domain';
import type { TransformationConfig, ValueTracking } from '../../src/domain';
import { historyChanges, historyItems, historyModel, reportConfig, TODAY } from './reportsHistory';

const cfg = reportConfig();

function tracking(history = historyChanges(), settings: TransformationConfig = cfg, today = TODAY, projectKey: string | null = null): ValueTracking {
  const model = historyModel(historyItems(), settings);
  return valueTracking(model, settings, resolveScope(model, projectKey), history, today);
}

/*
 * Initiatives: I-1 (gate L2 Planned), I-2 ("l1 validated", matched case-insensitively), I-3 (no gate: ungated).
 * Values now: I-1 target 100, realised 20; I-2 target "50", realised 0; I-3 target 30, realised "30".
 */
describe('value tracking of the worked example (today 03-10)', () => {
  const result = tracking();

  it('shows the pipeline by gate, in the configured order', () => {
    expect(result.gates).toEqual(DEFAULT_REPORTS_CONFIG.stageGates);
    expect(result.pipeline).toEqual([
      { gate: 'L0 Idea', count: 0, keys: [] },
      { gate: 'L1 Validated', count: 1, keys: ['I-2'] },
      { gate: 'L2 Planned', count: 1, keys: ['I-1'] },
      { gate: 'L3 Approved', count: 0, keys: [] },
      { gate: 'L4 Done', count: 0, keys: [] },
      { gate: 'L5 Value realised', count: 0, keys: [] },
    ]);
    expect(result.ungated).toEqual(['I-3']);
  });

  it('sums target and realised value per workstream', () => {
    // W-1: I-1 + I-2 → target 150, realised 20 → 13.3 %; W-2: I-3 → 30 of 30.
    expect(result.byWorkstream).toEqual([
      { boxId: 'W-1', name: 'Customer', target: 150, realised: 20, ratio: 20 / 150 },
      { boxId: 'W-2', name: 'Operations', target: 30, realised: 30, ratio: 1 },
    ]);
  });

  it('follows realised value month by month, from the first initiative created (01-01)', () => {
    // 01-31: I-1 and I-2 exist (I-3 is created 02-10): target 150; realised: I-1 had 10 (since 01-20).
    // 02-28: all three: target 180; I-1 20 (since 02-15), I-3 before its first change (03-05) had null → 0.
    // 03-10 (today): I-3 30 → 50.
    expect(result.overTime).toEqual([
      { date: '2026-01-31', target: 150, realised: 10 },
      { date: '2026-02-28', target: 180, realised: 20 },
      { date: '2026-03-10', target: 180, realised: 50 },
    ]);
  });

  it('lists initiatives stuck in their gate for more than 60 days', () => {
    // I-1 entered L2 on 02-01: 37 days (28 in February + 9). I-2 has no gate change: since its creation on 01-01,
    // 31 + 28 + 9 = 68 days > 60. I-3 has no gate.
    expect(result.stuckThresholdDays).toBe(60);
    expect(result.stuck).toEqual([{ key: 'I-2', summary: 'Loyalty', gate: 'L1 Validated', since: '2026-01-01T09:00:00.000Z', days: 68 }]);
  });

  it('takes the threshold and the gates from the configuration', () => {
    const custom = { ...cfg, reports: { ...DEFAULT_REPORTS_CONFIG, stuckGateDays: 30, stageGates: ['l1 VALIDATED', 'L2 Planned'] } };
    const result30 = tracking(historyChanges(), custom);
    // 68 and 37 days are both over 30; but I-1 is in the last gate now, so only I-2 is stuck.
    expect(result30.stuck.map((entry) => [entry.key, entry.gate, entry.days])).toEqual([['I-2', 'l1 VALIDATED', 68]]);
    expect(result30.pipeline.map((gate) => gate.count)).toEqual([1, 1]);
  });
});

describe('the stuck threshold', () => {
  it('is "more than": I-2, 68 days in its gate, is stuck at 67 but not at 68', () => {
    const at = (days: number) => tracking(historyChanges(), { ...cfg, reports: { ...DEFAULT_REPORTS_CONFIG, stuckGateDays: days } }).stuck.map((entry) => entry.key);
    expect(at(67)).toEqual(['I-2']);
    expect(at(68)).toEqual([]);
  });
});

describe('value tracking in edge cases', () => {
  it('without any history: today\'s values all along, and stuck since creation', () => {
    const result = tracking([]);
    expect(result.overTime).toEqual([
      { date: '2026-01-31', target: 150, realised: 20 },
      { date: '2026-02-28', target: 180, realised: 50 },
      { date: '2026-03-10', target: 180, realised: 50 },
    ]);
    // I-1 now counts from its creation too (01-01): 68 days.
    expect(result.stuck.map((entry) => [entry.key, entry.days])).toEqual([['I-1', 68], ['I-2', 68]]);
  });

  it('has a single point, today, when no initiative has a creation date or a change', () => {
    const items = historyItems().map((item) => ({ ...item, created: null }));
    const model = historyModel(items);
    const result = valueTracking(model, cfg, resolveScope(model, null), [], TODAY);
    expect(result.overTime).toEqual([{ date: '2026-03-10', target: 180, realised: 50 }]);
    expect(result.stuck).toEqual([]);
  });

  it('falls back to the initiative box type when no box carries a gate', () => {
    const items = historyItems().map((item) => ({ ...item, fields: { ...item.fields, stageGate: null } }));
    const model = historyModel(items);
    const result = valueTracking(model, cfg, resolveScope(model, null), [], TODAY);
    expect(result.ungated).toEqual(['I-1', 'I-2', 'I-3']);
    expect(result.pipeline.every((gate) => gate.count === 0)).toBe(true);
  });

  it('for a project, has one row per top box', () => {
    const result = tracking(historyChanges(), cfg, TODAY, 'I');
    expect(result.byWorkstream.map((entry) => [entry.boxId, entry.target, entry.realised])).toEqual([
      ['I-1', 100, 20],
      ['I-2', 50, 0],
      ['I-3', 30, 30],
    ]);
  });
});
