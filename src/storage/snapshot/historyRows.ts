import { placeholders as marks, replaceInBatches, selectRows as run, writeRows as write } from '../sql/statements';
import { z } from 'zod';
import type { JiraFieldChange } from '../../jira/changelog';

/** Forge SQL takes requests up to 1 MiB: a write carries at most this much change text (escaping adds to it). */
const WRITE_BATCH_BYTES = 400 * 1024;
/** Ids per `IN (…)` list. */
const IDS_PER_STATEMENT = 1_000;
/** Rows per read page: changes are small, so a page stays far under Forge SQL's 4 MiB answer. */
const READ_PAGE_ROWS = 5_000;
const DELETE_PAGE_ROWS = 5_000;
const HISTORY_COLUMNS = ['build_id', 'issue_id', 'change_id', 'at_ms', 'at_text', 'field_id', 'from_text', 'to_text'];

/** Stores changes of a build's issues; a change already stored (read again after a sync) is replaced, not doubled. */
export async function writeHistory(buildId: string, changes: readonly JiraFieldChange[]): Promise<void> {
  const rows = function* (): Generator<unknown[]> {
    for (const change of changes) {
      const at = Date.parse(change.at);
      // A change of no field, or at no readable time, is one no report can use.
      if (change.fieldId === null || Number.isNaN(at) || change.at.length > 40) continue;
      // Jira's own time text is kept as well: reports show it as Jira wrote it ("+0000", or the site's offset).
      yield [buildId, Number(change.issueId), change.changeId, at, change.at, change.fieldId, change.fromString, change.toString];
    }
  };
  // The change's id, field and from/to texts; the rest are short.
  const size = (row: unknown[]): number => 64 + [row[2], row[5], row[6], row[7]].reduce<number>((sum, value) => sum + (typeof value === 'string' ? value.length : 0), 0);
  await replaceInBatches('snapshot_history', HISTORY_COLUMNS, rows(), size, WRITE_BATCH_BYTES);
}

const rowSchema = z.object({
  issue_id: z.coerce.number(),
  change_id: z.string(),
  at_ms: z.coerce.number(),
  at_text: z.string(),
  field_id: z.string(),
  from_text: z.string().nullable(),
  to_text: z.string().nullable(),
});

const toChange = (row: z.infer<typeof rowSchema>): JiraFieldChange => ({
  issueId: String(row.issue_id),
  changeId: row.change_id,
  at: row.at_text,
  fieldId: row.field_id,
  fromString: row.from_text,
  toString: row.to_text,
});

/** A change's place in its issue's changelog: the history's id (numeric in Jira), then the item's place in it. */
function changeOrder(changeId: string): [number, number] {
  const [history = '', item = ''] = changeId.split(':');
  return [Number(history) || 0, Number(item) || 0];
}

/** Per issue, oldest first and in changelog order within one moment, as Jira's changelog lists them. */
function inChangelogOrder(changes: JiraFieldChange[]): JiraFieldChange[] {
  const keyed = changes.map((change) => ({ change, issue: Number(change.issueId), ms: Date.parse(change.at), order: changeOrder(change.changeId) }));
  keyed.sort((a, b) => a.issue - b.issue || a.ms - b.ms || a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return keyed.map((k) => k.change);
}

/** Changes up to `untilMs` of these issues (every issue of the build when `issueIds` is 'all'), oldest first per issue. */
export async function readHistory(buildId: string, issueIds: readonly string[] | 'all', untilMs: number): Promise<JiraFieldChange[]> {
  return inChangelogOrder(await readRows(buildId, issueIds, untilMs));
}

async function readRows(buildId: string, issueIds: readonly string[] | 'all', untilMs: number): Promise<JiraFieldChange[]> {
  const out: JiraFieldChange[] = [];
  const columns = 'issue_id, change_id, at_ms, at_text, field_id, from_text, to_text';
  if (issueIds !== 'all') {
    for (let start = 0; start < issueIds.length; start += IDS_PER_STATEMENT) {
      const part = issueIds.slice(start, start + IDS_PER_STATEMENT).map(Number);
      const rows = await run(`SELECT ${columns} FROM snapshot_history WHERE build_id = ? AND at_ms <= ? AND issue_id IN (${marks(part.length)})`, [buildId, untilMs, ...part]);
      out.push(...z.array(rowSchema).parse(rows).map(toChange));
    }
    return out;
  }
  // Keyset paging on the primary key: each page is one bounded request, whatever the build's size.
  let after: { issue: number; change: string } = { issue: -1, change: '' };
  for (;;) {
    const rows = await run(`SELECT ${columns} FROM snapshot_history WHERE build_id = ? AND at_ms <= ? AND (issue_id > ? OR (issue_id = ? AND change_id > ?)) ORDER BY issue_id, change_id LIMIT ${READ_PAGE_ROWS}`, [buildId, untilMs, after.issue, after.issue, after.change]);
    const page = z.array(rowSchema).parse(rows);
    out.push(...page.map(toChange));
    const last = page[page.length - 1];
    if (page.length < READ_PAGE_ROWS || last === undefined) return out;
    after = { issue: last.issue_id, change: last.change_id };
  }
}

async function deleteInPages(where: string, params: unknown[]): Promise<void> {
  // Small deletes: one huge DELETE would pass Forge SQL's 10 s write timeout on a large history.
  while ((await write(`DELETE FROM snapshot_history WHERE ${where} LIMIT ${DELETE_PAGE_ROWS}`, params)) >= DELETE_PAGE_ROWS);
}

/** Every change of every build but this one: what a build that was swapped in leaves behind. */
export const deleteOtherBuildsHistory = (keep: string): Promise<void> => deleteInPages('build_id <> ?', [keep]);

export const deleteBuildHistory = (buildId: string): Promise<void> => deleteInPages('build_id = ?', [buildId]);
