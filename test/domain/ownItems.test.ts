import fc from 'fast-check';
import { addOwnItem, emptyOwnItems, mergeOwnItems, type OwnItems } from '../../src/domain/ownItems';
import type { Measure } from '../../src/domain/measures';
import type { DateSpan } from '../../src/domain/dates';

const day = fc.integer({ min: 0, max: 2000 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
const item = fc.record({
  measure: fc.option(fc.record({ done: fc.boolean(), points: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0.5, 1.5, 2.5)), seconds: fc.integer({ min: 0, max: 100 }).map((h) => h * 3600) }), { nil: undefined }),
  dates: fc.option(fc.record({ startDate: fc.option(day, { nil: null }), dueDate: fc.option(day, { nil: null }) }), { nil: undefined }),
  group: fc.integer({ min: 0, max: 3 }),
});

const sumOf = (items: ReadonlyArray<{ measure: Measure | undefined; dates: DateSpan | undefined }>): OwnItems => {
  const own = emptyOwnItems();
  for (const i of items) addOwnItem(own, i.measure, i.dates);
  return own;
};

describe("a box's own work items, summed", () => {
  it('counts each measured item once, its size in every unit, done or not, and spans its dates', () => {
    const own = sumOf([
      { measure: { done: true, points: 3, seconds: 7200 }, dates: { startDate: '2026-02-01', dueDate: '2026-03-01' } },
      { measure: { done: false, points: 5, seconds: 0 }, dates: { startDate: '2026-01-15', dueDate: null } },
      // A risk: no measure, no dates; it changes nothing.
      { measure: undefined, dates: undefined },
    ]);
    expect(own.amounts).toEqual({ issues: { done: 1, total: 2 }, points: { done: 3, total: 8 }, seconds: { done: 7200, total: 7200 } });
    expect(own.span).toEqual({ startDate: '2026-01-15', dueDate: '2026-03-01' });
  });

  it('is the same whether summed at once or per group and merged, as a GROUP BY per project gives it', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const whole = sumOf(items);
        const merged = emptyOwnItems();
        for (const group of [0, 1, 2, 3]) mergeOwnItems(merged, sumOf(items.filter((i) => i.group === group)));
        expect(merged).toEqual(whole);
      }),
    );
  });
});
