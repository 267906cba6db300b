import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { ScheduleCounts, ScheduleRow, TreeSpan } from '../../domain';
import { replaceInBatches, selectRows, writeRows } from '../sql/statements';

/** Forge SQL takes requests up to 1 MiB: a write carries at most this much summary JSON (escaping adds to it). */
const WRITE_BATCH_BYTES = 600 * 1024;
const BOX_ROWS_PER_STATEMENT = 5_000;
const DELETE_PAGE_ROWS = 5_000;
const FIGURES_TABLES = ['page_figures', 'page_figures_doc', 'page_figures_box', 'page_figures_item', 'page_figures_row', 'page_figures_milestone', 'page_figures_dependency'];
/** Code units of a document per chunk: at most 3 bytes each in UTF-8, so a chunk stays well under 1 MiB. */
const DOC_CHUNK_UNITS = 150_000;
/**
 * A stored document's text is its JSON deflated and in base64 after this mark: report and matrix JSON shrinks ~10×, so a
 * page reads (and the installation stores) a tenth; a text without it is plain JSON (documents stored before).
 */
const DEFLATED = 'z1:';

/** One scope's stored figures: its summary JSON (validated by the reader), and the tree spans its boxes fill. */
export interface StoredScopeFigures {
  scopeKey: string;
  summary: unknown;
  spans: TreeSpan[];
  /** The scope's slice of the whole roadmap's rows, and its top row's depth there; null when it is no slice (a project). */
  roadmap: { first: number; last: number; depth: number } | null;
}

/** Writes one figures id's scopes; a scope written before (a step redone) is replaced, not doubled. */
export async function writeScopeFigures(figuresId: string, scopes: readonly StoredScopeFigures[]): Promise<void> {
  const rows = scopes.map((scope) => [figuresId, scope.scopeKey, JSON.stringify({ summary: scope.summary, spans: scope.spans, roadmap: scope.roadmap })]);
  await replaceInBatches('page_figures', ['figures_id', 'scope_key', 'summary'], rows, (row) => String(row[2]).length, WRITE_BATCH_BYTES);
}

/** Writes the schedule rows of one figures id (only boxes that are schedule items are kept). */
export async function writeScheduleRows(figuresId: string, rows: readonly ScheduleRow[]): Promise<void> {
  const kept = rows.filter((row) => row.scheduled);
  for (let start = 0; start < kept.length; start += BOX_ROWS_PER_STATEMENT) {
    const part = kept.slice(start, start + BOX_ROWS_PER_STATEMENT);
    await writeRows(`REPLACE INTO page_figures_box (figures_id, box_position, done, due_date) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')}`, part.flatMap((row) => [figuresId, row.position, row.done ? 1 : 0, row.dueDate]));
  }
}

const storedSchema = z.object({ summary: z.unknown(), spans: z.array(z.object({ position: z.number().int(), lastBelow: z.number().int() })), roadmap: z.object({ first: z.number().int(), last: z.number().int(), depth: z.number().int() }).nullable() });

/** One scope's figures, or null when this figures id has none for it. */
export async function readScopeFigures(figuresId: string, scopeKey: string): Promise<StoredScopeFigures | null> {
  const rows = z.array(z.object({ summary: z.string() })).parse(await selectRows('SELECT summary FROM page_figures WHERE figures_id = ? AND scope_key = ?', [figuresId, scopeKey]));
  const row = rows[0];
  if (row === undefined) return null;
  const stored = storedSchema.parse(JSON.parse(row.summary));
  return { scopeKey, summary: stored.summary, spans: stored.spans, roadmap: stored.roadmap };
}

/** The larger answers only some panels read, one document per scope and part; the reports' are written by a consumer of their own. */
export type ScopeDocPart = 'facets' | 'riskMatrix' | 'overview' | 'teams' | 'weeklyReport' | 'valueTracking' | 'flowReport' | 'forecast';

/** Chunks of at most DOC_CHUNK_UNITS code units, never splitting a surrogate pair. */
function chunksOf(text: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + DOC_CHUNK_UNITS);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}

/** Writes documents of one figures id, in chunks, several small chunks a request. */
export const writeScopeDocs = (figuresId: string, docs: Iterable<{ scopeKey: string; part: ScopeDocPart; value: unknown }>): Promise<void> =>
  writeScopeTexts(
    figuresId,
    (function* () {
      for (const doc of docs) yield { scopeKey: doc.scopeKey, part: doc.part, text: JSON.stringify(doc.value) };
    })(),
  );

/** Writes documents already in JSON, as writeScopeDocs; taken one at a time, so a caller may compute each as it is written. */
export async function writeScopeTexts(figuresId: string, docs: Iterable<{ scopeKey: string; part: ScopeDocPart; text: string }>): Promise<void> {
  const rows = function* (): Generator<unknown[]> {
    for (const doc of docs) yield* chunksOf(DEFLATED + deflateRawSync(doc.text).toString('base64')).map((text, chunk) => [figuresId, doc.scopeKey, doc.part, chunk, text]);
  };
  await replaceInBatches('page_figures_doc', ['figures_id', 'scope_key', 'part', 'chunk', 'text'], rows(), (row) => String(row[4]).length, DOC_CHUNK_UNITS);
}

/** One scope's document (its chunks put together), or null when there is none. */
export async function readScopeDoc(figuresId: string, scopeKey: string, part: ScopeDocPart): Promise<unknown> {
  const rows = z.array(z.object({ text: z.string() })).parse(await selectRows('SELECT text FROM page_figures_doc WHERE figures_id = ? AND scope_key = ? AND part = ? ORDER BY chunk', [figuresId, scopeKey, part]));
  if (rows.length === 0) return null;
  const text = rows.map((row) => row.text).join('');
  return JSON.parse(text.startsWith(DEFLATED) ? inflateRawSync(Buffer.from(text.slice(DEFLATED.length), 'base64')).toString('utf8') : text) as unknown;
}

const countsSchema = z.array(z.object({ done: z.coerce.number(), late: z.coerce.number(), on_track: z.coerce.number(), unscheduled: z.coerce.number() }));

/** The schedule counts of the boxes within the spans, on `today` ('yyyy-mm-dd'): counted by the database. */
export async function countSchedule(figuresId: string, spans: readonly TreeSpan[], today: string): Promise<ScheduleCounts> {
  if (spans.length === 0) return { late: 0, onTrack: 0, done: 0, unscheduled: 0 };
  const within = spans.map(() => '(box_position BETWEEN ? AND ?)').join(' OR ');
  const open = 'done = 0 AND due_date';
  const rows = countsSchema.parse(
    await selectRows(
      `SELECT COALESCE(SUM(done = 1), 0) AS done, COALESCE(SUM(${open} < ?), 0) AS late, COALESCE(SUM(${open} >= ?), 0) AS on_track, COALESCE(SUM(${open} IS NULL), 0) AS unscheduled FROM page_figures_box WHERE figures_id = ? AND (${within})`,
      [today, today, figuresId, ...spans.flatMap((span) => [span.position, span.lastBelow])],
    ),
  );
  const row = rows[0];
  return { late: row?.late ?? 0, onTrack: row?.on_track ?? 0, done: row?.done ?? 0, unscheduled: row?.unscheduled ?? 0 };
}

/**
 * Removes one class's figures whose ids sort before `oldestKept`: figures ids begin with their class (`classPrefix`)
 * and then the time they were started, so a consumer computing other figures at the same time never loses rows it has
 * yet to name in the state, and other classes' figures are left alone.
 */
export async function deleteFiguresBefore(classPrefix: string, oldestKept: string): Promise<void> {
  for (const table of FIGURES_TABLES) {
    // Small deletes: one huge DELETE would pass Forge SQL's 10 s write timeout.
    while ((await writeRows(`DELETE FROM ${table} WHERE figures_id >= ? AND figures_id < ? LIMIT ${DELETE_PAGE_ROWS}`, [classPrefix, oldestKept])) >= DELETE_PAGE_ROWS);
  }
}
