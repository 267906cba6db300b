import type { Box, TransformationModel } from './model';
import { boxById } from './lookup';

/** A box placed among the rows that are shown: under its nearest shown ancestor. */
export interface PlacedBox {
  box: Box;
  /** The nearest ancestor that is shown too; null when none is. */
  parentRowId: string | null;
  depth: number;
}

interface Frame {
  id: string;
  parentRowId: string | null;
  depth: number;
}

/**
 * The shown boxes in tree order (depth first from the root, children in the order of `childIds`),
 * each under its nearest shown ancestor; depth counts shown ancestors only. Iterative, so deep trees are fine.
 */
export function placeBoxes(model: TransformationModel, shown: (id: string) => boolean): PlacedBox[] {
  const placed: PlacedBox[] = [];
  const visited = new Set<string>();
  const stack: Frame[] = [{ id: model.rootId, parentRowId: null, depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const box = boxById(model, frame.id);
    if (box === undefined || visited.has(frame.id)) continue;
    visited.add(frame.id);
    const isShown = shown(box.id);
    if (isShown) placed.push({ box, parentRowId: frame.parentRowId, depth: frame.depth });
    const parentRowId = isShown ? box.id : frame.parentRowId;
    const depth = isShown ? frame.depth + 1 : frame.depth;
    for (let index = box.childIds.length - 1; index >= 0; index -= 1) stack.push({ id: box.childIds[index] as string, parentRowId, depth });
  }
  return placed;
}

/** The ids of a box and every box below it, in tree order; empty when there is no such box. */
export function subtreeBoxIds(model: TransformationModel, topId: string): string[] {
  const ids: string[] = [];
  const visited = new Set<string>();
  const stack = [topId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const box = boxById(model, id);
    if (box === undefined || visited.has(id)) continue;
    visited.add(id);
    ids.push(id);
    for (let index = box.childIds.length - 1; index >= 0; index -= 1) stack.push(box.childIds[index] as string);
  }
  return ids;
}
