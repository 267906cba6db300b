import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { isKeyConflict } from '../kvsErrors';
import { KVS_QUERY_PAGE_SIZE } from '../kvsQuery';
import type { SnapshotHead } from './types';

/**
 * Where the snapshot lives in Forge KVS (its issues are rows in Forge SQL, snapshotRows.ts):
 *   snapshot:head               the current snapshot (SnapshotHead); replaced in one write when a build or sync completes
 *   snapshot:build              the state of a full build in progress (resumable)
 *   snapshot:history            how far the changelog rows of the current build are read (resumable)
 *   snapshot:figures:<class>    one class of viewers' page figures: which head and settings they are of, what the class
 *                               may see (projects, issues under a security level) and when a page last asked for them
 *   snapshot:reports:<class>    which of a class's page figures its reports are stored with, of which day, and when a
 *                               page last asked for them
 *   snapshot:pending:<id>       issues a trigger reported changed or deleted, not yet applied
 *   snapshot:deleted:<id>       deletions, kept a day so a build running at the time can apply them
 *   snapshot:syncQueued         present while a sync event is queued, so triggers queue one, not one each
 *   snapshot:unreadable         a page could not read the snapshot's rows: the next reconcile rebuilds
 *   snapshot:lock               held while the head is being replaced
 */
export const SNAPSHOT_KEYS = {
  head: 'snapshot:head',
  build: 'snapshot:build',
  history: 'snapshot:history',
  figuresPrefix: 'snapshot:figures:',
  reportsPrefix: 'snapshot:reports:',
  syncQueued: 'snapshot:syncQueued',
  unreadable: 'snapshot:unreadable',
  lock: 'snapshot:lock',
  pendingPrefix: 'snapshot:pending:',
  deletedPrefix: 'snapshot:deleted:',
} as const;

const warningSchema = z.looseObject({ code: z.string(), issueKey: z.string().nullable(), field: z.string().nullable(), message: z.string() });
const headSchema = z.object({
  schema: z.literal(2),
  buildId: z.string(),
  builtAt: z.string(),
  syncedAt: z.string(),
  updatedAt: z.string().optional(),
  mappingFingerprint: z.string(),
  fieldIds: z.record(z.string(), z.string()),
  fieldWarnings: z.array(warningSchema),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  version: z.number().int().min(0),
  issueCount: z.number().int().min(0),
});

/** The current snapshot, or null when there is none or it was written by a version we cannot read (a rebuild fixes it: a schema 1 head named KVS chunks). */
export async function readHead(): Promise<SnapshotHead | null> {
  const stored = await kvs.get<unknown>(SNAPSHOT_KEYS.head);
  if (stored === undefined || stored === null) return null;
  const parsed = headSchema.safeParse(stored);
  return parsed.success ? (parsed.data as SnapshotHead) : null;
}

/** Replaces the snapshot in one write: readers see the old head or this one, never a mix. */
export async function writeHead(head: SnapshotHead): Promise<void> {
  await kvs.set(SNAPSHOT_KEYS.head, { ...head, updatedAt: new Date().toISOString() });
}

export async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await kvs.delete(key);
  }
}

/** Every value under a key prefix, following the query cursor. */
export async function readAllWithPrefix(prefix: string): Promise<Array<{ key: string; value: unknown }>> {
  const out: Array<{ key: string; value: unknown }> = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(KVS_QUERY_PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    out.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Creates the key only if it does not exist; false when it already did. */
export async function createIfAbsent(key: string, value: unknown): Promise<boolean> {
  try {
    await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (error) {
    if (isKeyConflict(error)) return false;
    throw error;
  }
}

export const kvsGet = (key: string): Promise<unknown> => kvs.get<unknown>(key);
export const kvsSet = (key: string, value: unknown): Promise<void> => kvs.set(key, value);
export const kvsDelete = (key: string): Promise<void> => kvs.delete(key);
