import type { TransformationModel } from './model';
import { boxById, itemByKey } from './lookup';

/** The part of the transformation a page shows: the whole of it, or one Jira project's part. */
export interface Scope {
  /** The tops of the scope: the root box, or the project's topmost boxes. */
  rootIds: string[];
  /** Every box in scope: the scope roots and every box below them. */
  boxIds: Set<string>;
  /** Every work item (issue that is not a box) in scope. */
  itemKeys: Set<string>;
  name: string;
  /** The risks on the boxes above the scope's roots count too (a project's page: they threaten its work). */
  risksAbove: boolean;
}

interface Frame {
  id: string;
  inside: boolean;
}

/**
 * null: the whole transformation. A project key (matched exactly): the scope roots are the boxes of that
 * project that have no ancestor box in it (so a project box below a foreign box below the project is not
 * counted twice); in scope are the roots, every box below them and the work items in those boxes, plus the
 * project's work items that sit directly in boxes outside the scope (e.g. a PAY story under a DTO initiative).
 * The name is the root box's name; for a project, its roots' names joined by ", ", or the key when it has no box.
 */
export function resolveScope(model: TransformationModel, projectKey: string | null): Scope {
  const rootIds: string[] = [];
  const boxIds = new Set<string>();
  const itemKeys = new Set<string>();
  const outside: string[] = [];
  const visited = new Set<string>();
  const stack: Frame[] = [{ id: model.rootId, inside: projectKey === null }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const box = boxById(model, frame.id);
    if (box === undefined || visited.has(frame.id)) continue;
    visited.add(frame.id);
    let inside = frame.inside;
    if (!inside && projectKey !== null && box.projectKey === projectKey) inside = true;
    if (inside && !frame.inside) rootIds.push(box.id);
    if (projectKey === null && box.id === model.rootId) rootIds.push(box.id);
    if (inside) {
      boxIds.add(box.id);
      for (const key of box.itemKeys) itemKeys.add(key);
    } else {
      outside.push(box.id);
    }
    for (let index = box.childIds.length - 1; index >= 0; index -= 1) stack.push({ id: box.childIds[index] as string, inside });
  }
  for (const id of outside) {
    for (const key of boxById(model, id)?.itemKeys ?? []) {
      if (itemByKey(model, key)?.projectKey === projectKey) itemKeys.add(key);
    }
  }
  return { rootIds, boxIds, itemKeys, name: scopeName(model, projectKey, rootIds), risksAbove: projectKey !== null };
}

function scopeName(model: TransformationModel, projectKey: string | null, rootIds: string[]): string {
  const names = rootIds.map((id) => boxById(model, id)?.name ?? id);
  if (projectKey === null) return names[0] ?? model.name;
  return names.length === 0 ? projectKey : names.join(', ');
}

/**
 * The boxes shown as rows for a scope: the boxes in scope plus the boxes outside it that hold
 * one of its work items directly (so such an item still has a row to sit on).
 */
export function shownBoxIds(model: TransformationModel, scope: Scope): Set<string> {
  const shown = new Set(scope.boxIds);
  for (const box of Object.values(model.boxes)) {
    if (shown.has(box.id)) continue;
    if (box.itemKeys.some((key) => scope.itemKeys.has(key))) shown.add(box.id);
  }
  return shown;
}
