import type { BoxType, WorkItem } from './model';
import type { BoxTypeCatalog } from './boxTypes';
import { ROOT_ID } from './issues';
import type { ParentLinks } from './parentLinks';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** A box before it is measured: where it sits and what is directly in it. */
export interface BoxNode {
  id: string;
  type: BoxType;
  /** The box's own issue; null for the root box. */
  issue: WorkItem | null;
  parentId: string | null;
  childIds: string[];
  /** Work items directly in this box (not in a child box), in input order. */
  itemKeys: string[];
}

export interface Hierarchy {
  boxes: ReadonlyMap<string, BoxNode>;
  /** Box ids ordered so that each box comes after its parent; reversed, children come first. */
  topDown: readonly string[];
}

/**
 * The nearest box strictly above each issue, following parent links. Each chain is walked
 * once and the answer remembered for every issue on it, so this is linear even for deep chains.
 */
function nearestBoxesAbove(byKey: ReadonlyMap<string, WorkItem>, links: ParentLinks, isBox: (key: string) => boolean): Map<string, string | null> {
  const boxAbove = new Map<string, string | null>();
  for (const start of byKey.keys()) {
    if (boxAbove.has(start)) continue;
    const path = [start];
    let current = start;
    let found: string | null = null;
    for (;;) {
      const parent = links.get(current);
      if (parent === undefined) break;
      if (isBox(parent)) {
        found = parent;
        break;
      }
      const known = boxAbove.get(parent);
      if (known !== undefined) {
        found = known;
        break;
      }
      path.push(parent);
      current = parent;
    }
    for (const key of path) boxAbove.set(key, found);
  }
  return boxAbove;
}

function topDownOrder(boxes: ReadonlyMap<string, BoxNode>): string[] {
  const order: string[] = [];
  const stack = [ROOT_ID];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    order.push(id);
    const children = boxes.get(id)?.childIds ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index] as string);
  }
  return order;
}

export function buildHierarchy(byKey: ReadonlyMap<string, WorkItem>, links: ParentLinks, catalog: BoxTypeCatalog, sink: WarningSink): Hierarchy {
  const boxTypeByKey = new Map<string, BoxType>();
  for (const [key, item] of byKey) {
    const type = catalog.boxTypeOf(item);
    if (type !== null) boxTypeByKey.set(key, type);
  }
  const boxAbove = nearestBoxesAbove(byKey, links, (key) => boxTypeByKey.has(key));

  const root: BoxNode = { id: ROOT_ID, type: catalog.root, issue: null, parentId: null, childIds: [], itemKeys: [] };
  const boxes = new Map<string, BoxNode>([[ROOT_ID, root]]);
  for (const [key, type] of boxTypeByKey) {
    boxes.set(key, { id: key, type, issue: byKey.get(key) ?? null, parentId: null, childIds: [], itemKeys: [] });
  }
  for (const key of byKey.keys()) {
    const above = boxAbove.get(key) ?? null;
    const container = boxes.get(above ?? ROOT_ID) ?? root;
    const box = boxes.get(key);
    if (box === undefined) {
      container.itemKeys.push(key);
      continue;
    }
    box.parentId = container.id;
    container.childIds.push(key);
    const parentType = catalog.parentTypeOf(box.type.id);
    if (above === null && parentType !== null && parentType.id !== catalog.root.id) {
      sink.push(warn.orphanBox(key, box.type.name, parentType.name));
    }
  }
  return { boxes, topDown: topDownOrder(boxes) };
}
