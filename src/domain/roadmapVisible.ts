/** Which roadmap rows are left showing when some rows hide their children. */
import type { RoadmapRow } from './roadmap';

/** The rows listed hide their children ('listed'), or every row but the listed ones does ('allExcept': "Collapse all"). */
export interface RoadmapCollapse {
  kind: 'listed' | 'allExcept';
  ids: ReadonlySet<string>;
}

export interface VisibleRoadmapRows {
  /** The rows showing, in tree order. */
  visible: RoadmapRow[];
  /** Index of each showing row among them. */
  indexOf: Map<string, number>;
  /** The row hides its children (never true for a row without children). */
  isCollapsed: (row: RoadmapRow) => boolean;
}

/**
 * A row is hidden when its parent is hidden or collapsed. Relies on the roadmap's order (parents before their
 * children); a row whose parent is not a row shows, and an id that is not a row hides nothing.
 */
export function visibleRoadmapRows(rows: readonly RoadmapRow[], collapse: RoadmapCollapse): VisibleRoadmapRows {
  const listed = collapse.kind === 'listed';
  const isCollapsed = (row: RoadmapRow): boolean => row.hasChildren && collapse.ids.has(row.id) === listed;
  // Rows whose children do not show: collapsed ones, and hidden ones (so their whole subtree hides).
  const closed = new Set<string>();
  const visible: RoadmapRow[] = [];
  const indexOf = new Map<string, number>();
  for (const row of rows) {
    if (row.parentId !== null && closed.has(row.parentId)) {
      closed.add(row.id);
      continue;
    }
    indexOf.set(row.id, visible.length);
    visible.push(row);
    if (isCollapsed(row)) closed.add(row.id);
  }
  return { visible, indexOf, isCollapsed };
}
