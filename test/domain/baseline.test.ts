import { BASELINE_LIMITS, boxScope, captureBaseline, compareToBaseline, resolveScope } from '../../src/domain';
import type { WorkItem } from '../../src/domain';
import { build, config, initiative, team, workstream } from './factories';
import { smallTransformation } from './smallTransformation';

const cfg = config();

/** The small transformation with some issues changed (their fields merged), as Jira would show it later. */
function later(changes: Record<string, Partial<WorkItem>>): WorkItem[] {
  return smallTransformation().map((item) => {
    const change = changes[item.key];
    return change === undefined ? item : { ...item, ...change, fields: { ...item.fields, ...change.fields } };
  });
}

describe('baselines', () => {
  const small = build(smallTransformation());
  const whole = resolveScope(small, null);

  it('keep a box\'s subtree: each box\'s dates, progress and teams, each risk\'s scores', () => {
    const baseline = captureBaseline(small, cfg, whole, 'DTO-3');
    if (baseline === null || baseline === 'tooLarge') throw new Error('DTO-3 is on the page');
    expect(baseline.boxId).toBe('DTO-3');
    expect(baseline.boxes).toEqual([
      { id: 'DTO-3', start: '2026-01-01', due: '2026-03-01', ratio: 2 / 7, measured: true, converted: 1, teams: 2 },
      // PAY-1's dates are derived from its epic PAY-10.
      { id: 'PAY-1', start: '2026-02-01', due: '2026-04-30', ratio: 5 / 14, measured: true, converted: 1, teams: 1 },
      { id: 'PAY-2', start: null, due: null, ratio: 0, measured: false, converted: 0, teams: 1 },
    ]);
    // DTO-9: likelihood 3 × "minor" 2 = 6, no residual rating.
    expect(baseline.risks).toEqual([{ key: 'DTO-9', boxId: 'DTO-3', score: 6, residualScore: null }]);
  });

  it('are refused for a box the page cannot show, and past their size limit', () => {
    expect(captureBaseline(small, cfg, resolveScope(small, 'PAY'), 'DTO-3')).toBeNull();
    expect(captureBaseline(small, cfg, whole, 'NOPE-1')).toBeNull();
    const teams = Array.from({ length: BASELINE_LIMITS.maxBoxes }, (_, i) => team(`T${i}-1`, 'IN-1'));
    const big = build([workstream('WS-1'), initiative('IN-1', 'WS-1'), ...teams]);
    expect(captureBaseline(big, cfg, resolveScope(big, null), 'IN-1')).toBe('tooLarge');
    expect(captureBaseline(big, cfg, resolveScope(big, null), 'T0-1')).not.toBe('tooLarge');
  });

  it('show the slip of a due date in days and the change of progress', () => {
    const baseline = captureBaseline(small, cfg, whole, 'DTO-3');
    if (baseline === null || baseline === 'tooLarge') throw new Error('DTO-3 is on the page');
    // Later: DTO-3 due ten days later, PAY-12 (5 points) done.
    const now = build(later({ 'DTO-3': { fields: { dueDate: '2026-03-11' } }, 'PAY-12': { status: 'Done', statusCategory: 'done' } }));
    const deltas = compareToBaseline(now, resolveScope(now, null), baseline);
    expect(deltas.get('DTO-3')).toEqual({ start: '2026-01-01', due: '2026-03-01', slipDays: 10, progressDelta: 3 / 7 - 2 / 7 });
    expect(deltas.get('PAY-1')?.progressDelta).toBeCloseTo(10 / 14 - 5 / 14);
    expect(deltas.get('PAY-1')?.slipDays).toBe(0);
    expect(deltas.get('PAY-2')).toEqual({ start: null, due: null, slipDays: null, progressDelta: null });
    const earlier = build(later({ 'DTO-3': { fields: { dueDate: '2026-02-20' } } }));
    expect(compareToBaseline(earlier, resolveScope(earlier, null), baseline).get('DTO-3')?.slipDays).toBe(-9);
  });

  it('never show a box the viewer cannot see today, nor one outside the page', () => {
    const baseline = captureBaseline(small, cfg, whole, 'DTO-3');
    if (baseline === null || baseline === 'tooLarge') throw new Error('DTO-3 is on the page');
    const withoutPay1 = build(smallTransformation().filter((item) => item.key !== 'PAY-1' && item.parentKey !== 'PAY-1' && item.parentKey !== 'PAY-10'));
    expect([...compareToBaseline(withoutPay1, resolveScope(withoutPay1, null), baseline).keys()]).toEqual(['DTO-3', 'PAY-2']);
    const team = boxScope(small, whole, 'PAY-2');
    expect(team === null ? null : [...compareToBaseline(small, team, baseline).keys()]).toEqual(['PAY-2']);
  });
});
