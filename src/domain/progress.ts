import type { Progress, ProgressMethod } from './model';
import type { Hierarchy } from './hierarchy';
import type { Measure } from './measures';

type Unit = 'issues' | 'points' | 'seconds';
interface Amount {
  done: number;
  total: number;
}
/** Done and total of a set of work items in every unit at once. */
type Tally = Record<Unit, Amount>;

/** The unit a method measures and weighs in; a manual box weighs its parts by issue count. */
const UNIT_OF: Record<ProgressMethod, Unit> = { issueCount: 'issues', storyPoints: 'points', originalEstimate: 'seconds', manual: 'issues' };

export interface ProgressInputs {
  hierarchy: Hierarchy;
  /** Measures of the work items that count toward progress (risks are absent). */
  measures: ReadonlyMap<string, Measure>;
  /** Manual boxes' own percent, null when the field is empty. */
  manualPercent: (boxId: string) => number | null;
}

function emptyTally(): Tally {
  return { issues: { done: 0, total: 0 }, points: { done: 0, total: 0 }, seconds: { done: 0, total: 0 } };
}

function addMeasure(tally: Tally, measure: Measure): void {
  tally.issues.total += 1;
  tally.points.total += measure.points;
  tally.seconds.total += measure.seconds;
  if (!measure.done) return;
  tally.issues.done += 1;
  tally.points.done += measure.points;
  tally.seconds.done += measure.seconds;
}

function addTally(into: Tally, from: Tally): void {
  for (const unit of ['issues', 'points', 'seconds'] as const) {
    into[unit].done += from[unit].done;
    into[unit].total += from[unit].total;
  }
}

function clampRatio(ratio: number): number {
  return Math.min(1, Math.max(0, ratio));
}

interface Measured {
  progress: Progress;
  subtree: Tally;
  /** False when the box has nothing to measure: it then weighs 0 in its parent. */
  measurable: boolean;
}

/**
 * Progress of every box, children before parents. A box's ratio is the weighted mean of its parts:
 * its own direct work items as one group (ratio done/total in the box's unit, weight total) and each
 * measurable child box (the child's ratio, weighted by the size of the child's subtree in the box's unit).
 * A manual box with a stated percent uses that instead.
 */
export function measureProgress({ hierarchy, measures, manualPercent }: ProgressInputs): Map<string, Progress> {
  const measured = new Map<string, Measured>();
  for (let index = hierarchy.topDown.length - 1; index >= 0; index -= 1) {
    const id = hierarchy.topDown[index] as string;
    const box = hierarchy.boxes.get(id);
    if (box === undefined) continue;
    const method = box.type.progressMethod;
    const unit = UNIT_OF[method];

    const own = emptyTally();
    for (const key of box.itemKeys) {
      const measure = measures.get(key);
      if (measure !== undefined) addMeasure(own, measure);
    }
    const subtree = emptyTally();
    addTally(subtree, own);
    let weighted = own[unit].done;
    let weight = own[unit].total;
    for (const childId of box.childIds) {
      const child = measured.get(childId);
      if (child === undefined) continue;
      addTally(subtree, child.subtree);
      if (!child.measurable) continue;
      const childWeight = child.subtree[unit].total;
      weighted += childWeight * child.progress.ratio;
      weight += childWeight;
    }
    const stated = method === 'manual' && box.issue !== null ? manualPercent(id) : undefined;
    measured.set(id, { subtree, ...summarise(method, subtree[unit], stated, weighted, weight) });
  }
  const progress = new Map<string, Progress>();
  for (const [id, entry] of measured) progress.set(id, entry.progress);
  return progress;
}

/** `stated` is a manual box's own percent (null: empty field); undefined when the box rolls up its parts. */
function summarise(method: ProgressMethod, amount: Amount, stated: number | null | undefined, weighted: number, weight: number): Omit<Measured, 'subtree'> {
  if (stated === null) return { measurable: false, progress: { method, ratio: 0, done: 0, total: 0 } };
  if (stated !== undefined) return { measurable: true, progress: { method, ratio: clampRatio(stated / 100), done: stated, total: 100 } };
  const measurable = weight > 0;
  const ratio = measurable ? clampRatio(weighted / weight) : 0;
  if (method === 'manual') return { measurable, progress: { method, ratio, done: ratio * 100, total: measurable ? 100 : 0 } };
  return { measurable, progress: { method, ratio, done: amount.done, total: amount.total } };
}
