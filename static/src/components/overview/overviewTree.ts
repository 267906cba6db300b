/** The Overview's tree: siblings sorted, rows filtered (keeping the way down to a match), expansion applied. No React here. */
import type { OverviewRowDto, ScheduleStatusDto } from '../../../../src/contract';

export type OverviewColumn = 'name' | 'type' | 'progress' | 'start' | 'due' | 'schedule' | 'teams' | 'risks' | 'owner' | 'sponsor' | 'slip' | 'progressDelta';
export interface OverviewSort {
  column: OverviewColumn;
  direction: 'asc' | 'desc';
}
export interface OverviewFilter {
  /** Matched, ignoring case, against name, key, type, owner and sponsor. */
  text: string;
  /** Only boxes of this type (with the boxes above them, to show where they sit). */
  typeName: string | null;
}

export interface ShownRow {
  row: OverviewRowDto;
  /** null: the row has no children shown; else whether they are. */
  expanded: boolean | null;
}

const SCHEDULE_ORDER: Record<ScheduleStatusDto, number> = { late: 0, onTrack: 1, unscheduled: 2, done: 3 };
const text = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Nothing measured sorts below 0 %, so "–" never passes for a figure. */
const measured = (row: OverviewRowDto): number => (row.progress.percentText === '–' ? -1 : row.progress.ratio);
const riskWeight = (row: OverviewRowDto): number[] => [row.openRisks.critical, row.openRisks.high, row.openRisks.medium, row.openRisks.low, row.openRisks.unscored];

function compareNullable<T extends string | number>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : text.compare(String(a), String(b));
}

/** The cell a column sorts by when it may be empty; undefined for columns that always hold a value. */
function nullableValue(column: OverviewColumn, row: OverviewRowDto): string | number | null | undefined {
  if (column === 'start' || column === 'due' || column === 'owner' || column === 'sponsor') return row[column];
  if (column === 'slip') return row.baseline?.slipDays ?? null;
  if (column === 'progressDelta') return row.baseline?.progressDelta ?? null;
  return undefined;
}

function compareBy(column: OverviewColumn, a: OverviewRowDto, b: OverviewRowDto): number {
  switch (column) {
    case 'name':
      return text.compare(a.name, b.name);
    case 'type':
      return text.compare(a.typeName, b.typeName);
    case 'progress':
      return measured(a) - measured(b);
    case 'start':
    case 'due':
    case 'owner':
    case 'sponsor':
    case 'slip':
    case 'progressDelta':
      return compareNullable(nullableValue(column, a) ?? null, nullableValue(column, b) ?? null);
    case 'schedule':
      return SCHEDULE_ORDER[a.schedule] - SCHEDULE_ORDER[b.schedule];
    case 'teams':
      return a.teamsConverted.ratio - b.teamsConverted.ratio || a.teamsConverted.total - b.teamsConverted.total;
    case 'risks': {
      const [wa, wb] = [riskWeight(a), riskWeight(b)];
      return wa.reduce((found, value, index) => found || value - (wb[index] ?? 0), 0);
    }
  }
}

/** Sorts siblings only, so the tree stays a tree; ties keep the server's order. Empty dates and people stay last. */
function sortSiblings(siblings: OverviewRowDto[], sort: OverviewSort | null): OverviewRowDto[] {
  if (sort === null) return siblings;
  const sign = sort.direction === 'asc' ? 1 : -1;
  const column = sort.column;
  const empty = (row: OverviewRowDto) => nullableValue(column, row) === null;
  return siblings
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const raw = compareBy(column, x.row, y.row);
      // An empty cell stays last whichever way the column is sorted.
      const oneEmpty = empty(x.row) !== empty(y.row);
      return (oneEmpty ? raw : sign * raw) || x.index - y.index;
    })
    .map(({ row }) => row);
}

function childrenByParent(rows: readonly OverviewRowDto[]): Map<string | null, OverviewRowDto[]> {
  const ids = new Set(rows.map((row) => row.id));
  const children = new Map<string | null, OverviewRowDto[]>();
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null;
    const list = children.get(parent);
    if (list === undefined) children.set(parent, [row]);
    else list.push(row);
  }
  return children;
}

export const isFiltering = (filter: OverviewFilter): boolean => filter.text.trim() !== '' || filter.typeName !== null;

function matcher(filter: OverviewFilter): (row: OverviewRowDto) => boolean {
  const needle = filter.text.trim().toLowerCase();
  return (row) =>
    (filter.typeName === null || row.typeName === filter.typeName) &&
    (needle === '' || [row.name, row.key, row.typeName, row.owner, row.sponsor].some((value) => value !== null && value.toLowerCase().includes(needle)));
}

/** The rows that match, and every row above a match. */
function kept(rows: readonly OverviewRowDto[], children: Map<string | null, OverviewRowDto[]>, filter: OverviewFilter): Set<string> {
  const matches = matcher(filter);
  const keep = new Set<string>();
  const visit = (row: OverviewRowDto): boolean => {
    let any = matches(row);
    for (const child of children.get(row.id) ?? []) any = visit(child) || any;
    if (any) keep.add(row.id);
    return any;
  };
  for (const top of children.get(null) ?? []) visit(top);
  return keep;
}

/**
 * The rows to draw, in tree order with siblings sorted. While filtering, every kept row shows (the way down to each
 * match is opened); otherwise a row's children show only when it is in `expanded`.
 */
export function shownRows(rows: readonly OverviewRowDto[], sort: OverviewSort | null, filter: OverviewFilter, expanded: ReadonlySet<string>): ShownRow[] {
  const children = childrenByParent(rows);
  const filtering = isFiltering(filter);
  const keep = filtering ? kept(rows, children, filter) : null;
  const shown: ShownRow[] = [];
  const walk = (siblings: OverviewRowDto[]): void => {
    for (const row of sortSiblings(siblings.filter((r) => keep === null || keep.has(r.id)), sort)) {
      const below = (children.get(row.id) ?? []).filter((r) => keep === null || keep.has(r.id));
      const open = below.length === 0 ? null : filtering || expanded.has(row.id);
      shown.push({ row, expanded: open });
      if (open) walk(below);
    }
  };
  walk(children.get(null) ?? []);
  return shown;
}

/** Every kept row in the order shown with everything expanded: what the CSV export writes. */
export const allRowsInOrder = (rows: readonly OverviewRowDto[], sort: OverviewSort | null, filter: OverviewFilter): OverviewRowDto[] =>
  shownRows(rows, sort, filter, new Set(rows.map((row) => row.id))).map(({ row }) => row);

/** The rows expanded at first: the top rows, so the second level shows and the rest is a click away. */
export const initiallyExpanded = (rows: readonly OverviewRowDto[]): Set<string> => new Set(rows.filter((row) => row.depth === 0 && row.hasChildren).map((row) => row.id));

export type KeyAction = { kind: 'focus'; index: number } | { kind: 'expand'; id: string } | { kind: 'collapse'; id: string } | { kind: 'open'; id: string } | null;

/**
 * The tree grid's keys (WAI-ARIA treegrid): ↓ ↑ Home End move; → opens a closed row, or moves to its first child;
 * ← closes an open row, or moves to its parent; Enter opens the box.
 */
export function keyAction(key: string, shown: readonly ShownRow[], index: number): KeyAction {
  const current = shown[index];
  if (current === undefined) return shown.length > 0 ? { kind: 'focus', index: 0 } : null;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(index + 1, shown.length - 1) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(index - 1, 0) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: shown.length - 1 };
    case 'ArrowRight':
      if (current.expanded === false) return { kind: 'expand', id: current.row.id };
      return current.expanded === true ? { kind: 'focus', index: index + 1 } : null;
    case 'ArrowLeft': {
      if (current.expanded === true) return { kind: 'collapse', id: current.row.id };
      const parent = shown.findIndex(({ row }) => row.id === current.row.parentId);
      return parent >= 0 ? { kind: 'focus', index: parent } : null;
    }
    case 'Enter':
      return { kind: 'open', id: current.row.id };
    default:
      return null;
  }
}
