import { z } from 'zod';
import type { RoadmapIndex } from '../../domain';
import { placeholders, replaceInBatches, selectRows } from '../sql/statements';

/** Forge SQL takes requests up to 1 MiB: a write carries at most this much row text (escaping adds to it). */
const WRITE_BATCH_BYTES = 500 * 1024;

/** Rows of a table written in batches under Forge SQL's request size (each row counted with 100 bytes of overhead). */
const writeBatched = (table: string, columns: readonly string[], rows: readonly unknown[][], size: (row: unknown[]) => number): Promise<void> =>
  replaceInBatches(table, columns, rows, (row) => 100 + size(row), WRITE_BATCH_BYTES);

const docLength = (row: unknown[]) => String(row[row.length - 1]).length;

/** Writes a figures id's roadmap rows, milestones and dependencies. */
export async function writeRoadmapIndex(figuresId: string, index: RoadmapIndex): Promise<void> {
  await writeBatched(
    'page_figures_row',
    ['figures_id', 'row_position', 'last_below', 'parent_position', 'depth', 'row_id', 'done', 'start_date', 'due_date', 'doc'],
    index.rows.map((r) => [figuresId, r.position, r.lastBelow, r.parentPosition, r.depth, r.row.id, r.done ? 1 : 0, r.row.start, r.row.due, JSON.stringify(r.row)]),
    docLength,
  );
  await writeBatched(
    'page_figures_milestone',
    ['figures_id', 'milestone_order', 'row_position', 'done', 'due_date', 'doc'],
    index.milestones.map((m) => [figuresId, m.order, m.rowPosition, m.done ? 1 : 0, m.milestone.due, JSON.stringify(m.milestone)]),
    docLength,
  );
  await writeBatched(
    'page_figures_dependency',
    ['figures_id', 'dependency_order', 'from_position', 'to_position', 'doc'],
    index.dependencies.map((d) => [figuresId, d.order, d.fromPosition, d.toPosition, JSON.stringify(d.dependency)]),
    docLength,
  );
}

export interface PositionRange {
  first: number;
  last: number;
}

/** `column` within the range and in none of the runs (hidden rows). */
function shownIn(column: string, range: PositionRange, runs: readonly PositionRange[]): { sql: string; params: number[] } {
  const inside = runs.filter((run) => run.last >= range.first && run.first <= range.last);
  return {
    sql: [`${column} BETWEEN ? AND ?`, ...inside.map(() => `${column} NOT BETWEEN ? AND ?`)].join(' AND '),
    params: [range.first, range.last, ...inside.flatMap((run) => [run.first, run.last])],
  };
}

const spanSchema = z.array(z.object({ row_position: z.coerce.number(), last_below: z.coerce.number() }));

/** The subtrees of the listed rows (by id) within the scope's range: what collapsing them hides. */
export async function rowSpans(figuresId: string, ids: readonly string[], scope: PositionRange): Promise<Array<{ position: number; lastBelow: number }>> {
  if (ids.length === 0) return [];
  const rows = spanSchema.parse(await selectRows(`SELECT row_position, last_below FROM page_figures_row WHERE figures_id = ? AND row_position BETWEEN ? AND ? AND row_id IN (${placeholders(ids.length)})`, [figuresId, scope.first, scope.last, ...ids]));
  return rows.map((row) => ({ position: row.row_position, lastBelow: row.last_below }));
}

const rowSchema = z.object({ row_position: z.coerce.number(), parent_position: z.coerce.number().nullable(), depth: z.coerce.number(), done: z.coerce.number(), doc: z.string() });
export type WindowRowRecord = { position: number; parentPosition: number | null; depth: number; done: boolean; doc: unknown };

/** The rows showing within the range, in roadmap order. */
export async function windowRows(figuresId: string, range: PositionRange, runs: readonly PositionRange[]): Promise<WindowRowRecord[]> {
  if (range.last < range.first) return [];
  const shown = shownIn('row_position', range, runs);
  const rows = z.array(rowSchema).parse(await selectRows(`SELECT row_position, parent_position, depth, done, doc FROM page_figures_row WHERE figures_id = ? AND ${shown.sql} ORDER BY row_position`, [figuresId, ...shown.params]));
  return rows.map((row) => ({ position: row.row_position, parentPosition: row.parent_position, depth: row.depth, done: row.done === 1, doc: JSON.parse(row.doc) as unknown }));
}

const listSchema = z.array(z.object({ done: z.coerce.number(), doc: z.string(), total: z.coerce.number() }));
export type ListRecord = { done: boolean; doc: unknown };

/** The milestones on the rows showing within the range, in scope order: the first `cap`, and how many there are. */
export async function windowMilestones(figuresId: string, range: PositionRange, runs: readonly PositionRange[], cap: number): Promise<{ items: ListRecord[]; total: number }> {
  if (range.last < range.first) return { items: [], total: 0 };
  const shown = shownIn('row_position', range, runs);
  const rows = listSchema.parse(await selectRows(`SELECT done, doc, COUNT(*) OVER () AS total FROM page_figures_milestone WHERE figures_id = ? AND ${shown.sql} ORDER BY milestone_order LIMIT ${Math.floor(cap)}`, [figuresId, ...shown.params]));
  return { items: rows.map((row) => ({ done: row.done === 1, doc: JSON.parse(row.doc) as unknown })), total: rows[0]?.total ?? 0 };
}

const dependencySchema = z.array(z.object({ from_position: z.coerce.number(), to_position: z.coerce.number(), doc: z.string(), from_start: z.string().nullable(), from_due: z.string().nullable(), to_start: z.string().nullable(), to_due: z.string().nullable(), total: z.coerce.number() }));
export type DependencyRecord = { fromPosition: number; toPosition: number; doc: unknown; fromDates: { start: string | null; due: string | null }; toDates: { start: string | null; due: string | null } };

/** Dependencies within the scope with an end on a row showing within the range, in scope order, with both ends' dates. */
export async function windowDependencies(figuresId: string, scope: PositionRange, range: PositionRange, runs: readonly PositionRange[], cap: number): Promise<{ items: DependencyRecord[]; total: number }> {
  if (range.last < range.first) return { items: [], total: 0 };
  const from = shownIn('d.from_position', range, runs);
  const to = shownIn('d.to_position', range, runs);
  const rows = dependencySchema.parse(
    await selectRows(
      `SELECT d.from_position, d.to_position, d.doc, f.start_date AS from_start, f.due_date AS from_due, t.start_date AS to_start, t.due_date AS to_due, COUNT(*) OVER () AS total
       FROM page_figures_dependency d
       JOIN page_figures_row f ON f.figures_id = d.figures_id AND f.row_position = d.from_position
       JOIN page_figures_row t ON t.figures_id = d.figures_id AND t.row_position = d.to_position
       WHERE d.figures_id = ? AND d.from_position BETWEEN ? AND ? AND d.to_position BETWEEN ? AND ? AND ((${from.sql}) OR (${to.sql}))
       ORDER BY d.dependency_order LIMIT ${Math.floor(cap)}`,
      [figuresId, scope.first, scope.last, scope.first, scope.last, ...from.params, ...to.params],
    ),
  );
  return {
    items: rows.map((row) => ({ fromPosition: row.from_position, toPosition: row.to_position, doc: JSON.parse(row.doc) as unknown, fromDates: { start: row.from_start, due: row.from_due }, toDates: { start: row.to_start, due: row.to_due } })),
    total: rows[0]?.total ?? 0,
  };
}

const timelineSchema = z.array(z.object({ first_row: z.string().nullable(), last_row: z.string().nullable(), first_start: z.string().nullable(), last_start: z.string().nullable(), first_milestone: z.string().nullable(), last_milestone: z.string().nullable() }));

/** Earliest and latest date of every row and milestone of the scope ('yyyy-mm-dd' sorts as text). */
export async function scopeTimeline(figuresId: string, scope: PositionRange): Promise<{ first: string | null; last: string | null }> {
  const rows = timelineSchema.parse(
    await selectRows(
      `SELECT MIN(r.due_date) AS first_row, MAX(r.due_date) AS last_row, MIN(r.start_date) AS first_start, MAX(r.start_date) AS last_start,
        (SELECT MIN(m.due_date) FROM page_figures_milestone m WHERE m.figures_id = ? AND m.row_position BETWEEN ? AND ?) AS first_milestone,
        (SELECT MAX(m.due_date) FROM page_figures_milestone m WHERE m.figures_id = ? AND m.row_position BETWEEN ? AND ?) AS last_milestone
       FROM page_figures_row r WHERE r.figures_id = ? AND r.row_position BETWEEN ? AND ?`,
      [figuresId, scope.first, scope.last, figuresId, scope.first, scope.last, figuresId, scope.first, scope.last],
    ),
  );
  const row = rows[0];
  const dates = [row?.first_row, row?.last_row, row?.first_start, row?.last_start, row?.first_milestone, row?.last_milestone].filter((d): d is string => typeof d === 'string');
  if (dates.length === 0) return { first: null, last: null };
  dates.sort();
  return { first: dates[0] ?? null, last: dates[dates.length - 1] ?? null };
}

const undatedSchema = z.array(z.object({ kind: z.string(), ord: z.coerce.number(), done: z.coerce.number(), doc: z.string(), total: z.coerce.number() }));

/** The scope's rows with no dates and milestones with no due date: the first `cap` of each, in order, and their counts. */
export async function scopeUndated(figuresId: string, scope: PositionRange, cap: number): Promise<{ rows: { items: ListRecord[]; total: number }; milestones: { items: ListRecord[]; total: number } }> {
  const limit = Math.floor(cap);
  const rows = undatedSchema.parse(
    await selectRows(
      `(SELECT 'row' AS kind, row_position AS ord, done, doc, COUNT(*) OVER () AS total FROM page_figures_row WHERE figures_id = ? AND row_position BETWEEN ? AND ? AND start_date IS NULL AND due_date IS NULL ORDER BY row_position LIMIT ${limit})
       UNION ALL
       (SELECT 'milestone' AS kind, milestone_order AS ord, done, doc, COUNT(*) OVER () AS total FROM page_figures_milestone WHERE figures_id = ? AND row_position BETWEEN ? AND ? AND due_date IS NULL ORDER BY milestone_order LIMIT ${limit})`,
      [figuresId, scope.first, scope.last, figuresId, scope.first, scope.last],
    ),
  );
  const part = (kind: string) => {
    // A union keeps no order of its own: each part's order is put back here.
    const of = rows.filter((row) => row.kind === kind).sort((a, b) => a.ord - b.ord);
    return { items: of.map((row) => ({ done: row.done === 1, doc: JSON.parse(row.doc) as unknown })), total: of[0]?.total ?? 0 };
  };
  return { rows: part('row'), milestones: part('milestone') };
}
