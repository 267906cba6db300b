import { errorCodes, ForgeSQLAPIError } from '@forge/sql';
import { placeholders as marks, replaceInBatches, selectRows as run, writeRows as write } from '../sql/statements';
import { z } from 'zod';
import type { SnapshotIssue } from './types';

/** Which stored rows a reader or writer means: one build, as of one head version. */
export interface RowsAt {
  buildId: string;
  version: number;
}

/** Who may see what: the projects the viewer browses, and the issues under a security level they may see. */
export interface ViewerFilter {
  projectIds: ReadonlySet<string>;
  issueIds: ReadonlySet<string>;
}

/** An issue the viewer may not see, by the columns a page needs to say what it lost (never its content). */
export interface HiddenRow {
  id: string;
  key: string;
  projectId: string;
  projectKey: string;
  parentKey: string | null;
  restricted: boolean;
}

/** Forge SQL takes requests up to 1 MiB: a write carries at most this much issue JSON (escaping adds to it). */
const WRITE_BATCH_BYTES = 600 * 1024;
/** Ids per `IN (…)` list: keeps each request small and well under any parameter limit. */
const IDS_PER_STATEMENT = 1_000;
/** Rows per read page; a page whose answer Forge finds too large (4 MiB) is asked again at half the size. */
const READ_PAGE_ROWS = 2_000;
const DELETE_PAGE_ROWS = 5_000;

const ISSUE_COLUMNS = ['build_id', 'issue_id', 'version', 'replaced_at', 'replaced_ms', 'project_id', 'restricted', 'issue_key', 'project_key', 'parent_key', 'doc'];

const VISIBLE = 'build_id = ? AND version <= ? AND (replaced_at IS NULL OR replaced_at > ?)';
const visibleParams = (at: RowsAt): unknown[] => [at.buildId, at.version, at.version];



function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The viewer's rights as SQL: their projects, and under a security level only the issues they may see. */
function viewerClause(filter: ViewerFilter): { clause: string; params: unknown[] } {
  const projects = [...filter.projectIds];
  const issues = [...filter.issueIds].map(Number);
  const restricted = issues.length ? `(restricted = 0 OR issue_id IN (${marks(issues.length)}))` : 'restricted = 0';
  return { clause: `project_id IN (${marks(projects.length)}) AND ${restricted}`, params: [...projects, ...issues] };
}

/** Stores issues at a version; a row already there (a step redone after a crash) is replaced, not doubled. */
export async function writeIssues(buildId: string, version: number, issues: readonly SnapshotIssue[]): Promise<void> {
  const rows = function* (): Generator<unknown[]> {
    for (const issue of issues) yield [buildId, Number(issue.id), version, null, null, issue.projectId, issue.restricted ? 1 : 0, issue.item.key, issue.item.projectKey, issue.item.parentKey, JSON.stringify(issue)];
  };
  // A row's size is its issue JSON (the last column); the other columns are short.
  await replaceInBatches('snapshot_issue', ISSUE_COLUMNS, rows(), (row) => String(row[row.length - 1]).length, WRITE_BATCH_BYTES);
}

/** Marks the current rows of these issues as replaced from `version` on (by a newer row, or by their deletion). */
export async function markReplaced(buildId: string, ids: readonly string[], version: number, nowMs: number): Promise<void> {
  for (const part of batches([...new Set(ids)].map(Number), IDS_PER_STATEMENT)) {
    await write(`UPDATE snapshot_issue SET replaced_at = ?, replaced_ms = ? WHERE build_id = ? AND replaced_at IS NULL AND issue_id IN (${marks(part.length)})`, [version, nowMs, buildId, ...part]);
  }
}

/** Undoes what a change that never got its head left behind, so the next change starts from the head's rows. */
export async function discardAbove(at: RowsAt): Promise<void> {
  await write('DELETE FROM snapshot_issue WHERE build_id = ? AND version > ?', [at.buildId, at.version]);
  await write('UPDATE snapshot_issue SET replaced_at = NULL, replaced_ms = NULL WHERE build_id = ? AND replaced_at > ?', [at.buildId, at.version]);
}

async function deleteInPages(where: string, params: unknown[]): Promise<void> {
  // Small deletes: one huge DELETE would pass Forge SQL's 10 s write timeout on a large snapshot.
  while ((await write(`DELETE FROM snapshot_issue WHERE ${where} LIMIT ${DELETE_PAGE_ROWS}`, params)) >= DELETE_PAGE_ROWS);
}

/** Rows replaced before `beforeMs`: no reader still pages through a head that shows them. */
export const pruneReplaced = (buildId: string, beforeMs: number): Promise<void> => deleteInPages('build_id = ? AND replaced_ms < ?', [buildId, beforeMs]);

/** Every row of every build but this one: what a build that was swapped in leaves behind. */
export const deleteOtherBuilds = (keep: string): Promise<void> => deleteInPages('build_id <> ?', [keep]);

export const deleteBuild = (buildId: string): Promise<void> => deleteInPages('build_id = ?', [buildId]);

const countSchema = z.array(z.object({ n: z.coerce.number() }));

export async function countVisible(at: RowsAt): Promise<number> {
  return countSchema.parse(await run(`SELECT COUNT(*) AS n FROM snapshot_issue WHERE ${VISIBLE}`, visibleParams(at)))[0]?.n ?? 0;
}

/** Ids of the issues under a security level, which the permission check asks about one by one. */
export async function restrictedIds(at: RowsAt): Promise<string[]> {
  return readPaged('issue_id', at, { clause: 'restricted = 1', params: [] }, z.object({ issue_id: z.coerce.number() }), (row) => String(row.issue_id));
}

const tooLarge = (error: unknown): boolean => error instanceof ForgeSQLAPIError && error.code === errorCodes.SQL_EXECUTION_ERROR && /larger|size|exceed/i.test(error.message);

/**
 * Rows at `at` matching `where`, in id order, page by page: each page is one request whose answer stays under
 * Forge SQL's 4 MiB (a page found too large is asked again at half the size).
 */
async function readPaged<Row extends { issue_id: number }, Out = Row>(columns: string, at: RowsAt, where: { clause: string; params: unknown[] }, schema: z.ZodType<Row>, map: (row: Row) => Out = (row) => row as unknown as Out): Promise<Out[]> {
  const out: Out[] = [];
  let after = -1;
  let limit = READ_PAGE_ROWS;
  for (;;) {
    let rows: Row[];
    try {
      rows = z.array(schema).parse(await run(`SELECT ${columns} FROM snapshot_issue WHERE ${VISIBLE} AND issue_id > ? AND ${where.clause} ORDER BY issue_id LIMIT ${limit}`, [...visibleParams(at), after, ...where.params]));
    } catch (error) {
      if (!tooLarge(error) || limit <= 50) throw error;
      limit = Math.floor(limit / 2);
      continue;
    }
    // Mapped page by page, so a page's raw answer (an issue's JSON text) is let go before the next one is read.
    for (const row of rows) out.push(map(row));
    if (rows.length < limit) return out;
    after = rows[rows.length - 1]?.issue_id ?? after;
  }
}

const ALL = { clause: '1 = 1', params: [] };
const docRowSchema = z.object({ issue_id: z.coerce.number(), doc: z.string() });

/** The issues at `at` the filter lets through (all of them without one), in id order, each mapped as its page arrives. */
export async function readVisibleIssues<T = SnapshotIssue>(at: RowsAt, filter: ViewerFilter | null, map: (issue: SnapshotIssue) => T = (issue) => issue as unknown as T): Promise<T[]> {
  if (filter && filter.projectIds.size === 0) return [];
  return readPaged('issue_id, doc', at, filter ? viewerClause(filter) : ALL, docRowSchema, (row) => map(JSON.parse(row.doc) as SnapshotIssue));
}

const hiddenRowSchema = z.object({ issue_id: z.coerce.number(), issue_key: z.string(), project_id: z.string(), project_key: z.string(), parent_key: z.string().nullable(), restricted: z.coerce.number() });

/** The issues the filter keeps from the viewer, without their content: a page says what it lost, and why. */
export async function readHiddenRows(at: RowsAt, filter: ViewerFilter): Promise<HiddenRow[]> {
  const viewer = filter.projectIds.size === 0 ? { clause: '1 = 0', params: [] } : viewerClause(filter);
  return readPaged('issue_id, issue_key, project_id, project_key, parent_key, restricted', at, { clause: `NOT (${viewer.clause})`, params: viewer.params }, hiddenRowSchema, (row) => ({ id: String(row.issue_id), key: row.issue_key, projectId: row.project_id, projectKey: row.project_key, parentKey: row.parent_key, restricted: row.restricted === 1 }));
}

/** The next `limit` issue ids at `at` after `afterId`, in id order: a resumable walk over the snapshot. */
export async function issueIdsAfter(at: RowsAt, afterId: number, limit: number): Promise<string[]> {
  const rows = z.array(z.object({ issue_id: z.coerce.number() })).parse(await run(`SELECT issue_id FROM snapshot_issue WHERE ${VISIBLE} AND issue_id > ? ORDER BY issue_id LIMIT ${Math.floor(limit)}`, [...visibleParams(at), afterId]));
  return rows.map((row) => String(row.issue_id));
}

/** Every issue id at `at`, for the reconcile's comparison with Jira. */
export async function allIssueIds(at: RowsAt): Promise<string[]> {
  return readPaged('issue_id', at, ALL, z.object({ issue_id: z.coerce.number() }), (row) => String(row.issue_id));
}
