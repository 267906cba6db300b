/** The box types as a tree: order, depth, descendants, and which parents a type may take. No React here. */
import type { BoxTypeDto } from '../../../../src/contract';

export interface TreeRow {
  type: BoxTypeDto;
  depth: number;
  /** Index among the types with the same parent, and how many there are. */
  siblingIndex: number;
  siblingCount: number;
}

export const isRoot = (type: BoxTypeDto): boolean => type.source.kind === 'root';

/** Children of `parentId` in array order. */
export const childrenOf = (types: readonly BoxTypeDto[], parentId: string | null): BoxTypeDto[] => types.filter((t) => t.parentTypeId === parentId);

/**
 * Depth-first from the root type(s), siblings in array order. Types that no path from a root reaches
 * (a missing parent, a cycle) follow at depth 0, so every type is listed exactly once.
 */
export function treeRows(types: readonly BoxTypeDto[]): TreeRow[] {
  const ids = new Set(types.map((t) => t.id));
  const rows: TreeRow[] = [];
  const placed = new Set<string>();
  const visit = (type: BoxTypeDto, depth: number, siblings: readonly BoxTypeDto[]) => {
    if (placed.has(type.id)) return;
    placed.add(type.id);
    rows.push({ type, depth, siblingIndex: siblings.indexOf(type), siblingCount: siblings.length });
    const children = childrenOf(types, type.id).filter((c) => c.id !== type.id);
    for (const child of children) visit(child, depth + 1, children);
  };
  const tops = types.filter((t) => isRoot(t) || t.parentTypeId === null || !ids.has(t.parentTypeId));
  for (const top of tops) visit(top, 0, tops);
  const rest = types.filter((t) => !placed.has(t.id));
  for (const type of rest) visit(type, 0, rest);
  return rows;
}

/** The types in tree order: how the editor keeps the array, so the stored order reads top-down. */
export const inTreeOrder = (types: readonly BoxTypeDto[]): BoxTypeDto[] => treeRows(types).map((row) => row.type);

/** Ids of every type below `id` (not `id` itself). */
export function descendantIds(types: readonly BoxTypeDto[], id: string): Set<string> {
  const found = new Set<string>();
  const walk = (parentId: string) => {
    for (const child of childrenOf(types, parentId)) {
      if (found.has(child.id) || child.id === id) continue;
      found.add(child.id);
      walk(child.id);
    }
  };
  walk(id);
  return found;
}

/** The types `id` may take as parent: any type but itself and the types below it (that would make a cycle). */
export function parentChoices(types: readonly BoxTypeDto[], id: string): BoxTypeDto[] {
  const below = descendantIds(types, id);
  return inTreeOrder(types).filter((t) => t.id !== id && !below.has(t.id));
}

export const typeName = (types: readonly BoxTypeDto[], id: string | null): string => types.find((t) => t.id === id)?.name ?? id ?? '—';

/** An id for a new type from its name: "Squad team" → "squad-team", made unique with "-2", "-3"… */
export function newTypeId(name: string, types: readonly BoxTypeDto[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'box-type';
  const taken = new Set(types.map((t) => t.id.toLowerCase()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
