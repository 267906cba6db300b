import type { Amounts } from './model';
import type { DateSpan } from './dates';
import { earlier, later } from './dates';
import type { Hierarchy } from './hierarchy';
import type { Measure } from './measures';
import { addAmounts, emptyAmounts } from './progress';

/**
 * What a box holds directly, summed: all the roll-ups need of its work items. The same sums come from the issues in
 * memory (below) or from a database's GROUP BY per box, so the figures do not depend on where the items were read.
 */
export interface OwnItems {
  /** Done and total of the box's own work items (not its child boxes'), in every unit. */
  amounts: Amounts;
  /** The earliest start and latest due date among the box's own work items. */
  span: DateSpan;
}

export function emptyOwnItems(): OwnItems {
  return { amounts: emptyAmounts(), span: { startDate: null, dueDate: null } };
}

/** Adds one work item: counted once, its points and seconds, done or not, and its dates. */
export function addOwnItem(into: OwnItems, measure: Measure | undefined, dates: DateSpan | undefined): void {
  if (measure !== undefined) {
    const { amounts } = into;
    amounts.issues.total += 1;
    amounts.points.total += measure.points;
    amounts.seconds.total += measure.seconds;
    if (measure.done) {
      amounts.issues.done += 1;
      amounts.points.done += measure.points;
      amounts.seconds.done += measure.seconds;
    }
  }
  if (dates !== undefined) {
    into.span.startDate = earlier(into.span.startDate, dates.startDate);
    into.span.dueDate = later(into.span.dueDate, dates.dueDate);
  }
}

/** Each box's own work items summed, from the measures and dates of the items read (risks have neither). */
export function sumOwnItems(hierarchy: Hierarchy, measures: ReadonlyMap<string, Measure>, itemDates: ReadonlyMap<string, DateSpan>): Map<string, OwnItems> {
  const sums = new Map<string, OwnItems>();
  for (const [id, box] of hierarchy.boxes) {
    const own = emptyOwnItems();
    for (const key of box.itemKeys) addOwnItem(own, measures.get(key), itemDates.get(key));
    sums.set(id, own);
  }
  return sums;
}

/** Adds what another group of the same box's items holds (e.g. the box's items of another project). */
export function mergeOwnItems(into: OwnItems, from: OwnItems): void {
  addAmounts(into.amounts, from.amounts);
  into.span.startDate = earlier(into.span.startDate, from.span.startDate);
  into.span.dueDate = later(into.span.dueDate, from.span.dueDate);
}
