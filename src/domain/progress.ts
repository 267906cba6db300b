import type { Amount, Amounts, Progress, ProgressMethod, ProgressUnit } from './model';
import type { Hierarchy } from './hierarchy';

const UNITS: readonly ProgressUnit[] = ['issues', 'points', 'seconds'];

/** The unit a method measures in; a manual box without a stated percent counts issues. */
export const UNIT_OF: Record<ProgressMethod, ProgressUnit> = { issueCount: 'issues', storyPoints: 'points', originalEstimate: 'seconds', manual: 'issues' };

export interface ProgressInputs {
  hierarchy: Hierarchy;
  /** Per box, the done and total of its own work items that count toward progress (risks never do); see ownItems.ts. */
  ownAmounts: (boxId: string) => Amounts | undefined;
  /** Manual boxes' own percent, null when the field is empty. */
  manualPercent: (boxId: string) => number | null;
}

export function emptyAmounts(): Amounts {
  return { issues: { done: 0, total: 0 }, points: { done: 0, total: 0 }, seconds: { done: 0, total: 0 } };
}

export function addAmounts(into: Amounts, from: Amounts): void {
  for (const unit of UNITS) {
    into[unit].done += from[unit].done;
    into[unit].total += from[unit].total;
  }
}

function clampRatio(ratio: number): number {
  return Math.min(1, Math.max(0, ratio));
}

/** Done over total, 0 when there is nothing to measure. */
export function ratioOf(amount: Amount): number {
  return amount.total > 0 ? clampRatio(amount.done / amount.total) : 0;
}

export interface MeasuredBox {
  progress: Progress;
  /** Done and total of every work item in the box's subtree, in every unit (a stated manual percent applied). */
  amounts: Amounts;
}

/**
 * Progress of every box, children before parents, in one unit per box: done over total of every work item in the
 * box's subtree (its own and its child boxes'), in the unit of the box's method. So a box counting issues counts
 * the issues of a child that estimates in points, never the child's point ratio: the figure is always "done of
 * total" of one unit. A manual box with a stated percent shows that percent, and counts in the boxes above it as
 * that share of its subtree's size in their unit; one that states none counts issues, and says so (method issueCount).
 */
export function measureProgress({ hierarchy, ownAmounts, manualPercent }: ProgressInputs): Map<string, MeasuredBox> {
  const measured = new Map<string, MeasuredBox>();
  for (let index = hierarchy.topDown.length - 1; index >= 0; index -= 1) {
    const id = hierarchy.topDown[index] as string;
    const box = hierarchy.boxes.get(id);
    if (box === undefined) continue;
    const method = box.type.progressMethod;
    const amounts = emptyAmounts();
    const own = ownAmounts(id);
    if (own !== undefined) addAmounts(amounts, own);
    for (const childId of box.childIds) {
      const child = measured.get(childId);
      if (child !== undefined) addAmounts(amounts, child.amounts);
    }
    const stated = method === 'manual' && box.issue !== null ? manualPercent(id) : null;
    if (stated !== null) {
      const share = clampRatio(stated / 100);
      for (const unit of UNITS) amounts[unit].done = share * amounts[unit].total;
      measured.set(id, { amounts, progress: { method, ratio: share, done: stated, total: 100 } });
      continue;
    }
    // A manual box that states no percent (or has no issue to state one) says what it does instead: count issues.
    const shown: ProgressMethod = method === 'manual' ? 'issueCount' : method;
    const amount = amounts[UNIT_OF[shown]];
    measured.set(id, { amounts, progress: { method: shown, ratio: ratioOf(amount), done: amount.done, total: amount.total } });
  }
  return measured;
}

/**
 * Several boxes (disjoint subtrees) combined in one unit: their common method's unit when they all share one that
 * is not manual, else issue count. One box: its own progress.
 */
export function combineProgress(parts: readonly MeasuredBox[]): Progress {
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only !== undefined) return only.progress;
  const methods = new Set(parts.map((part) => part.progress.method));
  const first = parts[0]?.progress.method ?? 'issueCount';
  const method: ProgressMethod = methods.size === 1 && first !== 'manual' ? first : 'issueCount';
  const sum = emptyAmounts();
  for (const part of parts) addAmounts(sum, part.amounts);
  const amount = sum[UNIT_OF[method]];
  return { method, ratio: ratioOf(amount), done: amount.done, total: amount.total };
}
