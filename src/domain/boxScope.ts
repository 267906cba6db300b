import type { TransformationModel } from './model';
import { boxById } from './lookup';
import type { Scope } from './scope';
import { subtreeBoxIds } from './tree';

/**
 * One box's subtree as a page's scope: the box as its only root, every box below it, and every work item in those
 * boxes, so each figure of the page is the box's own roll-up. null when the box is not in `within` (the page's own
 * scope: a project page may open only its project's boxes) or does not exist for this viewer.
 */
export function boxScope(model: TransformationModel, within: Scope, boxId: string): Scope | null {
  const box = boxById(model, boxId);
  if (box === undefined || !within.boxIds.has(boxId)) return null;
  const boxIds = new Set(subtreeBoxIds(model, boxId));
  const itemKeys = new Set<string>();
  for (const id of boxIds) for (const key of boxById(model, id)?.itemKeys ?? []) itemKeys.add(key);
  return { rootIds: [boxId], boxIds, itemKeys, name: box.name, risksAbove: false };
}

export interface Breadcrumb {
  id: string;
  name: string;
  typeId: string;
  /** The page may open this box: it lies in the page's own scope (on a project page, not above its boxes). */
  openable: boolean;
}

/** The chain of boxes from the transformation down to the box, the box last; empty for a box that does not exist. */
export function breadcrumbs(model: TransformationModel, within: Scope, boxId: string): Breadcrumb[] {
  const chain: Breadcrumb[] = [];
  const seen = new Set<string>();
  let box = boxById(model, boxId);
  while (box !== undefined && !seen.has(box.id)) {
    seen.add(box.id);
    chain.push({ id: box.id, name: box.name, typeId: box.typeId, openable: within.boxIds.has(box.id) });
    box = box.parentId === null ? undefined : boxById(model, box.parentId);
  }
  return chain.reverse();
}
