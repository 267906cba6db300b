import type { FieldConcept } from '../../domain';
import { fetchFieldChanges } from '../../jira/changelog';
import type { JiraApi } from '../../jira/jiraHttp';
import { writeHistory } from '../../storage/snapshot/historyRows';
import { issueIdsAfter } from '../../storage/snapshot/snapshotRows';
import { kvsGet, kvsSet, readHead, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';

/** The fields whose history the reports read, besides status (Jira takes at most 10 field ids per request). */
export const REPORT_CONCEPTS: readonly FieldConcept[] = ['conversionStage', 'riskLikelihood', 'riskImpact', 'stageGate', 'realisedValue', 'targetValue', 'flagged'];

/** Status and the report concepts' mapped fields: the changes worth keeping. */
export function reportFieldIds(fieldIds: Partial<Record<FieldConcept, string>>): string[] {
  return ['status', ...REPORT_CONCEPTS.map((concept) => fieldIds[concept]).filter((id): id is string => id !== undefined)];
}

/** How far the changelog rows of a build are read; reports use them once `done`. */
export interface HistoryState {
  buildId: string;
  /** Every issue with an id up to this one has its changelog stored. */
  cursorId: number;
  done: boolean;
  issuesRead: number;
  requests: number;
  startedAt: string;
  heartbeatAt: string;
}

/** Issues whose changelogs one bulk request reads (Jira's maximum). */
const ISSUES_PER_STEP = 1000;

export const readHistoryState = async (): Promise<HistoryState | null> => ((await kvsGet(SNAPSHOT_KEYS.history)) as HistoryState | undefined) ?? null;

/** The changelog rows of this build are complete: reports may read them instead of Jira. */
export async function historyReady(buildId: string): Promise<boolean> {
  const state = await readHistoryState();
  return state !== null && state.buildId === buildId && state.done;
}

/** Starts reading the changelogs of a build just swapped in (a new build starts over). */
export async function startHistory(buildId: string, now: Date): Promise<void> {
  const state: HistoryState = { buildId, cursorId: 0, done: false, issuesRead: 0, requests: 0, startedAt: now.toISOString(), heartbeatAt: now.toISOString() };
  await kvsSet(SNAPSHOT_KEYS.history, state);
}

/**
 * Reads the changelogs of the current build's issues, 1,000 issues a request, in id order from the stored cursor, as
 * the app; stops at the deadline. 'finished' when every issue's changelog is stored, 'stale' when another build took over.
 */
export async function runHistoryStep(jira: JiraApi, buildId: string, limits: { deadline: number; now: () => Date }): Promise<'finished' | 'continue' | 'stale'> {
  const state = await readHistoryState();
  const head = await readHead();
  if (!state || state.buildId !== buildId || !head || head.buildId !== buildId) return 'stale';
  if (state.done) return 'finished';
  const fields = reportFieldIds(head.fieldIds);
  while (limits.now().getTime() < limits.deadline) {
    const ids = await issueIdsAfter({ buildId, version: head.version }, state.cursorId, ISSUES_PER_STEP);
    if (ids.length === 0) {
      state.done = true;
      break;
    }
    const read = await fetchFieldChanges(jira, ids, fields);
    await writeHistory(buildId, read.changes);
    state.cursorId = Math.max(...ids.map(Number));
    state.issuesRead += ids.length;
    state.requests += read.requests;
    state.heartbeatAt = limits.now().toISOString();
    await kvsSet(SNAPSHOT_KEYS.history, state);
  }
  state.heartbeatAt = limits.now().toISOString();
  await kvsSet(SNAPSHOT_KEYS.history, state);
  return state.done ? 'finished' : 'continue';
}

/**
 * Reads again the changelogs of issues a sync changed, before the head that shows them is written, so a report on
 * that head finds their newest changes. Nothing to do while no history of this build is being kept. Returns requests made.
 */
export async function refreshHistory(jira: JiraApi, head: SnapshotHead, issueIds: readonly string[]): Promise<number> {
  if (issueIds.length === 0) return 0;
  const state = await readHistoryState();
  if (!state || state.buildId !== head.buildId) return 0;
  const read = await fetchFieldChanges(jira, issueIds, reportFieldIds(head.fieldIds));
  await writeHistory(head.buildId, read.changes);
  return read.requests;
}
