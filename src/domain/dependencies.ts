import type { TransformationModel } from './model';
import { itemByKey } from './lookup';
import type { Scope } from './scope';

export interface RoadmapDependency {
  fromRowId: string;
  toRowId: string;
  fromKey: string;
  toKey: string;
  violated: boolean;
}

/**
 * "blocks" links between two issues in scope (boxes' own issues included), drawn between the rows the
 * issues sit on. A link within one row is skipped; of several links between the same two rows (in that
 * direction) only the first is kept, in scope order (boxes in tree order, then work items).
 * Violated: the blocked row is due before the blocking row is (both due dates known).
 */
export function roadmapDependencies(model: TransformationModel, scope: Scope, rows: ReadonlyArray<{ id: string; due: string | null }>, rowIdOf: (key: string) => string): RoadmapDependency[] {
  const dueOf = new Map(rows.map((row) => [row.id, row.due]));
  const inScope = (key: string): boolean => (scope.boxIds.has(key) && key !== model.rootId) || scope.itemKeys.has(key);
  const seen = new Set<string>();
  const dependencies: RoadmapDependency[] = [];
  const from = [...scope.boxIds, ...scope.itemKeys];
  for (const fromKey of from) {
    const blocks: unknown = itemByKey(model, fromKey)?.blocks;
    if (!inScope(fromKey) || !Array.isArray(blocks)) continue;
    for (const toKey of blocks) {
      if (typeof toKey !== 'string' || !inScope(toKey)) continue;
      const fromRowId = rowIdOf(fromKey);
      const toRowId = rowIdOf(toKey);
      const pair = JSON.stringify([fromRowId, toRowId]);
      if (fromRowId === toRowId || seen.has(pair)) continue;
      seen.add(pair);
      const blockingDue = dueOf.get(fromRowId) ?? null;
      const blockedDue = dueOf.get(toRowId) ?? null;
      dependencies.push({ fromRowId, toRowId, fromKey, toKey, violated: blockingDue !== null && blockedDue !== null && blockedDue < blockingDue });
    }
  }
  return dependencies;
}
