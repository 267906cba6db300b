import type { BoxType, WorkItem } from './model';
import type { BoxTypeCatalog } from './boxTypes';
import type { ProjectBox } from './boxFinding';
import { ROOT_ID } from './issues';
import type { ParentLinks } from './parentLinks';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

/** A box before it is measured: where it sits and what is directly in it. */
export interface BoxNode {
  id: string;
  type: BoxType;
  /** The box's own issue; null for the root box and for project boxes. */
  issue: WorkItem | null;
  /** The Jira project a project box stands for; null for every other box. */
  projectKey: string | null;
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

/**
 * Hangs the boxes together and puts every work item in its box. An issue sits in the nearest box up its
 * chain of parent links (the root box when there is none), except that an issue of a project with a project
 * box moves into that project box when it is not already in a box of a type below the project type: work
 * items always, boxes only when their own type is below the project type.
 */
export function buildHierarchy(
  byKey: ReadonlyMap<string, WorkItem>,
  links: ParentLinks,
  catalog: BoxTypeCatalog,
  boxTypeByKey: ReadonlyMap<string, BoxType>,
  projectBoxes: ReadonlyMap<string, ProjectBox>,
  sink: WarningSink,
): Hierarchy {
  const boxAbove = nearestBoxesAbove(byKey, links, (key) => boxTypeByKey.has(key));

  const root: BoxNode = { id: ROOT_ID, type: catalog.root, issue: null, projectKey: null, parentId: null, childIds: [], itemKeys: [] };
  const boxes = new Map<string, BoxNode>([[ROOT_ID, root]]);
  const projectNodes = new Map<string, BoxNode>();
  for (const project of projectBoxes.values()) {
    const node: BoxNode = { id: project.id, type: project.type, issue: null, projectKey: project.projectKey, parentId: ROOT_ID, childIds: [], itemKeys: [] };
    boxes.set(project.id, node);
    projectNodes.set(project.projectKey, node);
    root.childIds.push(project.id);
    const parentType = catalog.parentTypeOf(project.type.id);
    if (parentType !== null && parentType.id !== catalog.root.id) sink.push(warn.projectBoxNotUnderRoot(project.projectKey, project.type.name, parentType.name));
  }
  for (const [key, type] of boxTypeByKey) {
    boxes.set(key, { id: key, type, issue: byKey.get(key) ?? null, projectKey: null, parentId: null, childIds: [], itemKeys: [] });
  }
  for (const [key, item] of byKey) {
    const above = boxAbove.get(key) ?? null;
    let container = boxes.get(above ?? ROOT_ID) ?? root;
    const box = boxTypeByKey.has(key) ? boxes.get(key) : undefined;
    const project = typeof item.projectKey === 'string' ? projectNodes.get(item.projectKey) : undefined;
    if (project !== undefined && !catalog.isBelow(container.type.id, project.type.id) && (box === undefined || catalog.isBelow(box.type.id, project.type.id))) {
      container = project;
    }
    if (box === undefined) {
      container.itemKeys.push(key);
      continue;
    }
    box.parentId = container.id;
    container.childIds.push(key);
    const parentType = catalog.parentTypeOf(box.type.id);
    if (container === root && parentType !== null && parentType.id !== catalog.root.id) {
      sink.push(warn.orphanBox(key, box.type.name, parentType.name));
    }
  }
  return { boxes, topDown: topDownOrder(boxes) };
}
