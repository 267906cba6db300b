import { z } from 'zod';
import type { BacklogIndexRow, BacklogItem, RankedColumn, ScheduleStatus, StoredBacklogItem, TreeSpan } from '../../domain';
import { scheduleStatus } from '../../domain';
import { replaceInBatches, selectRows } from '../sql/statements';

/** Forge SQL takes requests up to 1 MiB: a write carries at most this much row text (escaping adds to it). */
const WRITE_BATCH_BYTES = 500 * 1024;

const RANK_COLUMN: Record<RankedColumn, string> = {
  key: 'r_key',
  summary: 'r_summary',
  type: 'r_type',
  status: 'r_status',
  assignee: 'r_assignee',
  labels: 'r_labels',
  box: 'r_box',
  start: 'r_start',
  due: 'r_due',
  storyPoints: 'r_story_points',
  riskBand: 'r_risk_band',
};
const RANKED = Object.keys(RANK_COLUMN) as RankedColumn[];
const COLUMNS = ['figures_id', 'item_order', 'box_position', 'project_key', 'is_risk', 'is_milestone', 'status_category', 'type_name', 'done', 'due_date', 'search_text', ...RANKED.map((c) => RANK_COLUMN[c]), 'doc'];

/** Writes a figures id's backlog rows; a row written before (a step redone) is replaced, not doubled. */
export async function writeBacklogRows(figuresId: string, rows: Iterable<BacklogIndexRow>): Promise<void> {
  const values = mapRows(rows, (row) => [figuresId, row.order, row.boxPosition, row.projectKey, row.isRisk ? 1 : 0, row.isMilestone ? 1 : 0, row.statusCategory, row.typeName, row.done ? 1 : 0, row.due, row.searchText, ...RANKED.map((c) => row.ranks[c]), JSON.stringify(row.row)]);
  // The row's text: its search text, type name and document (the last three text columns), plus the rest.
  await replaceInBatches('page_figures_item', COLUMNS, values, (v) => 200 + String(v[v.length - 1]).length + String(v[10]).length + String(v[7]).length, WRITE_BATCH_BYTES);
}

/** Each row mapped as it is taken: the rows are never all in memory at once. */
function* mapRows<T, U>(rows: Iterable<T>, map: (row: T) => U): Generator<U> {
  for (const row of rows) yield map(row);
}

/** Which backlog rows a page asks for, as the usecase worked them out from the page's scope and query. */
export interface BacklogSelection {
  /** The scope's boxes: rows of items in them. */
  spans: readonly TreeSpan[];
  /** A project page also lists its project's items that sit in boxes outside its scope (after the others). */
  projectKey: string | null;
  /** Only items in this box's subtree. */
  boxSpan: TreeSpan | null;
  only: 'all' | 'risks' | 'milestones';
  lateOnly: boolean;
  statusCategory: string | null;
  /** Normalised; a type filter that normalises to nothing matches nothing and is not asked. */
  typeName: string | null;
  /** Lower-cased words, each of which must be in the search text. */
  words: readonly string[];
  /** The risk band's rank (low 0 … critical 3). */
  riskBandRank: number | null;
  sort: { column: RankedColumn | 'schedule'; direction: 'asc' | 'desc' } | null;
  offset: number;
  limit: number;
  /** 'yyyy-mm-dd': what is late, on this day. */
  today: string;
}

const spanClause = (spans: readonly TreeSpan[]): { sql: string; params: number[] } =>
  spans.length === 0 ? { sql: '1 = 0', params: [] } : { sql: `(${spans.map(() => '(box_position BETWEEN ? AND ?)').join(' OR ')})`, params: spans.flatMap((s) => [s.position, s.lastBelow]) };

function whereOf(s: BacklogSelection): { sql: string; params: unknown[] } {
  const inScope = spanClause(s.spans);
  const parts: string[] = [s.projectKey === null ? inScope.sql : `(${inScope.sql} OR project_key = ?)`];
  const params: unknown[] = [...inScope.params, ...(s.projectKey === null ? [] : [s.projectKey])];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (s.boxSpan) add('box_position BETWEEN ? AND ?', s.boxSpan.position, s.boxSpan.lastBelow);
  if (s.only === 'risks') add('is_risk = 1');
  if (s.only === 'milestones') add('is_milestone = 1');
  if (s.lateOnly) add('done = 0 AND due_date < ?', s.today);
  if (s.statusCategory !== null) add('status_category = ?', s.statusCategory);
  if (s.typeName !== null) add('type_name = ?', s.typeName);
  for (const word of s.words) add('INSTR(search_text, ?) > 0', word);
  if (s.riskBandRank !== null) add('r_risk_band = ?', s.riskBandRank);
  return { sql: parts.join(' AND '), params };
}

/** Scope order: the scope's boxes' items in tree order, then (project page) its items in boxes outside, in tree order. */
function scopeOrder(s: BacklogSelection): { sql: string; params: unknown[] } {
  if (s.projectKey === null) return { sql: 'item_order', params: [] };
  const inScope = spanClause(s.spans);
  return { sql: `CASE WHEN ${inScope.sql} THEN 0 ELSE 1 END, item_order`, params: inScope.params };
}

const SCHEDULE_RANK_SQL = 'CASE WHEN done = 1 THEN 3 WHEN due_date IS NULL THEN 2 WHEN due_date < ? THEN 0 ELSE 1 END';

/** A sort as `sortBacklog` does it: missing values last either way, ties in scope order. */
function orderOf(s: BacklogSelection): { sql: string; params: unknown[] } {
  const scope = scopeOrder(s);
  if (s.sort === null) return scope;
  const direction = s.sort.direction === 'desc' ? 'DESC' : 'ASC';
  if (s.sort.column === 'schedule') return { sql: `${SCHEDULE_RANK_SQL} ${direction}, ${scope.sql}`, params: [s.today, ...scope.params] };
  const column = RANK_COLUMN[s.sort.column];
  return { sql: `${column} IS NULL, ${column} ${direction}, ${scope.sql}`, params: scope.params };
}

const rowSchema = z.object({ doc: z.string(), done: z.coerce.number(), due_date: z.string().nullable() });
const itemSchema = z.looseObject({ key: z.string(), summary: z.string(), boxId: z.string(), due: z.string().nullable() });

/** One page of backlog rows and how many rows match: two queries, whatever the backlog's size. */
export async function selectBacklogPage(figuresId: string, selection: BacklogSelection): Promise<{ items: BacklogItem[]; total: number }> {
  const where = whereOf(selection);
  const order = orderOf(selection);
  const rows = z.array(rowSchema).parse(
    await selectRows(`SELECT doc, done, due_date FROM page_figures_item WHERE figures_id = ? AND ${where.sql} ORDER BY ${order.sql} LIMIT ${Math.floor(selection.limit)} OFFSET ${Math.floor(selection.offset)}`, [figuresId, ...where.params, ...order.params]),
  );
  const counted = z.array(z.object({ n: z.coerce.number() })).parse(await selectRows(`SELECT COUNT(*) AS n FROM page_figures_item WHERE figures_id = ? AND ${where.sql}`, [figuresId, ...where.params]));
  const items = rows.map((row): BacklogItem => {
    const stored = itemSchema.parse(JSON.parse(row.doc)) as unknown as StoredBacklogItem;
    const schedule: ScheduleStatus = scheduleStatus(row.done === 1, row.due_date, selection.today);
    return { ...stored, schedule };
  });
  return { items, total: counted[0]?.n ?? 0 };
}
