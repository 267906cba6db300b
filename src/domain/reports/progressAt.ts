import type { BoxType, Progress, TransformationConfig, TransformationModel } from '../model';
import type { BoxNode, Hierarchy } from '../hierarchy';
import { boxById, itemByKey, riskMatcher } from '../lookup';
import { readManualPercent } from '../measures';
import type { Measure } from '../measures';
import { itemSize } from '../itemFields';
import { combineProgress, measureProgress } from '../progress';
import { sumOwnItems } from '../ownItems';
import type { MeasuredBox } from '../progress';
import type { Scope } from '../scope';
import { subtreeBoxIds } from '../tree';
import { categoryBefore, existsBefore } from './timeline';
import type { Timeline } from './timeline';

/**
 * Progress of the boxes as it stood just before an instant, with the model's own roll-up rules on the model's
 * current structure (boxes and parent links as they are now: an item moved to another box counts in its current
 * box throughout). Only the work items change: those created after the instant are left out, the others are
 * done when their status category then was done. Sizes and manual percents are today's (their history is not read).
 */
export interface ProgressAt {
  /** Progress by box, and the work items counted (those that existed), by key. */
  at(t: number): { byBox: Map<string, Progress>; measured: ReadonlyMap<string, MeasuredBox> };
}

export function progressAt(model: TransformationModel, config: TransformationConfig, scope: Scope, timelines: ReadonlyMap<string, Timeline>): ProgressAt {
  const nodes = new Map<string, BoxNode>();
  const topDown = subtreeBoxIds(model, model.rootId);
  for (const id of topDown) {
    const box = boxById(model, id);
    if (box === undefined) continue;
    const type: BoxType = { id: box.typeId, name: box.typeId, parentTypeId: null, source: { kind: 'root' }, progressMethod: box.progress.method, toolset: [] };
    const issue = id === model.rootId ? null : (itemByKey(model, id) ?? null);
    nodes.set(id, { id, type, issue, projectKey: box.projectKey, parentId: box.parentId, childIds: box.childIds, itemKeys: box.itemKeys });
  }
  const hierarchy: Hierarchy = { boxes: nodes, topDown };
  const isRisk = riskMatcher(config); // risks do not count toward progress
  const keys: string[] = [];
  const points: number[] = [];
  const seconds: number[] = [];
  const lines: Timeline[] = [];
  for (const key of scope.itemKeys) {
    const item = itemByKey(model, key);
    const timeline = timelines.get(key);
    if (item === undefined || timeline === undefined || isRisk(item)) continue;
    keys.push(key);
    points.push(itemSize(item, 'storyPoints'));
    seconds.push(itemSize(item, 'originalEstimate'));
    lines.push(timeline);
  }
  const manual = new Map<string, number | null>();
  const manualPercent = (id: string): number | null => {
    if (!manual.has(id)) {
      const item = itemByKey(model, id);
      manual.set(id, item === undefined ? null : readManualPercent(id, item, config, []));
    }
    return manual.get(id) ?? null;
  };
  return {
    at(t) {
      const measures = new Map<string, Measure>();
      for (let index = 0; index < keys.length; index += 1) {
        const timeline = lines[index] as Timeline;
        if (!existsBefore(timeline, t)) continue;
        measures.set(keys[index] as string, { done: categoryBefore(timeline, t) === 'done', points: points[index] as number, seconds: seconds[index] as number });
      }
      const own = sumOwnItems(hierarchy, measures, new Map());
      const measured = measureProgress({ hierarchy, ownAmounts: (id) => own.get(id)?.amounts, manualPercent });
      const byBox = new Map<string, Progress>();
      for (const [id, entry] of measured) byBox.set(id, entry.progress);
      return { byBox, measured };
    },
  };
}

/** The scope's progress ratio from its roots, combined in one unit as `scopeSummary` combines them. */
export function scopeRatio(scope: Scope, measured: ReadonlyMap<string, MeasuredBox>): number {
  const roots = scope.rootIds.map((id) => measured.get(id)).filter((entry): entry is MeasuredBox => entry !== undefined);
  return combineProgress(roots).ratio;
}
