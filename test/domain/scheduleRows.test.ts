import fc from 'fast-check';
import { boxScope, countScheduleRows, resolveScope, scheduleCounts, scheduleRows, scopeSpans, treeSpans, type Scope, type TransformationModel } from '../../src/domain';
import { build, config, initiative, story, team, workstream } from './factories';
import { transformations } from './randomTransformations';

const cfg = config();
const DAYS = ['2025-12-31', '2026-03-09', '2026-03-10', '2026-07-01'];

/** Every scope a page can have: the whole, each project's part, and each box of the whole. */
function everyScope(model: TransformationModel): Scope[] {
  const whole = resolveScope(model, null);
  const projects = new Set(Object.values(model.items).map((item) => item.projectKey).filter((key): key is string => typeof key === 'string'));
  const boxes = Object.keys(model.boxes).map((id) => boxScope(model, whole, id)).filter((scope): scope is Scope => scope !== null);
  return [whole, ...[...projects].map((key) => resolveScope(model, key)), ...boxes];
}

describe('schedule rows: a scope\'s schedule counted from one row per box and the spans of its roots', () => {
  it('numbers each subtree as one span of positions', () => {
    const model = build([workstream('WS-1'), initiative('IN-1', 'WS-1'), team('TM-1', 'IN-1'), team('TM-2', 'IN-1'), initiative('IN-2', 'WS-1'), workstream('WS-2')], cfg);
    const spans = treeSpans(model);
    expect(spans.get('root')).toEqual({ position: 0, lastBelow: 6 });
    expect(spans.get('WS-1')).toEqual({ position: 1, lastBelow: 5 });
    expect(spans.get('IN-1')).toEqual({ position: 2, lastBelow: 4 });
    expect(spans.get('TM-2')).toEqual({ position: 4, lastBelow: 4 });
    expect(spans.get('WS-2')).toEqual({ position: 6, lastBelow: 6 });
  });

  it('counts a late box, a done one and an unscheduled one as the schedule does; the transformation is no schedule item', () => {
    const model = build([workstream('WS-1'), initiative('IN-1', 'WS-1'), story('WK-1', 'IN-1', 3, { fields: { dueDate: '2026-03-01' } }), initiative('IN-2', 'WS-1', { status: 'Done', statusCategory: 'done' })], cfg);
    const spans = treeSpans(model);
    const rows = scheduleRows(model, spans);
    const whole = resolveScope(model, null);
    expect(countScheduleRows(rows, scopeSpans(whole, spans), '2026-03-10')).toEqual({ late: 2, onTrack: 0, done: 1, unscheduled: 0 });
    expect(countScheduleRows(rows, scopeSpans(whole, spans), '2026-03-01')).toEqual({ late: 0, onTrack: 2, done: 1, unscheduled: 0 });
  });

  it('equals scheduleCounts for every scope of random transformations, on days around their due dates', () => {
    fc.assert(
      fc.property(transformations, fc.constantFrom(...DAYS), (items, today) => {
        const model = build(items, cfg);
        const spans = treeSpans(model);
        const rows = scheduleRows(model, spans);
        expect(spans.size).toBe(Object.keys(model.boxes).length);
        for (const scope of everyScope(model)) {
          const within = scopeSpans(scope, spans);
          const inSpans = new Set([...spans].filter(([, s]) => within.some((w) => s.position >= w.position && s.position <= w.lastBelow)).map(([id]) => id));
          expect(inSpans).toEqual(scope.boxIds);
          expect(countScheduleRows(rows, within, today)).toEqual(scheduleCounts(model, scope, today));
        }
      }),
      { numRuns: 200 },
    );
  });
});
