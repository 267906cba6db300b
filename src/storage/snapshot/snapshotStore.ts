import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import { isKeyConflict } from '../kvsErrors';
import { KVS_QUERY_PAGE_SIZE } from '../kvsQuery';
import type { ChunkRef, SnapshotHead, SnapshotIssue } from './types';

/**
 * Where the snapshot lives in Forge KVS:
 *   snapshot:head               the current snapshot (SnapshotHead); replaced in one write when a build or sync completes
 *   snapshot:chunk:<build>:<n>  immutable chunks of issues (each under 240 KiB)
 *   snapshot:build              the state of a full build in progress (resumable)
 *   snapshot:pending:<id>       issues a trigger reported changed or deleted, not yet applied
 *   snapshot:deleted:<id>       deletions, kept a day so a build running at the time can apply them
 *   snapshot:syncQueued         present while a sync event is queued, so triggers queue one, not one each
 *   snapshot:unreadable         a page found a chunk it could not read: the next reconcile rebuilds
 *   snapshot:lock               held while the head is being replaced
 */
export const SNAPSHOT_KEYS = {
  head: 'snapshot:head',
  build: 'snapshot:build',
  syncQueued: 'snapshot:syncQueued',
  unreadable: 'snapshot:unreadable',
  lock: 'snapshot:lock',
  chunk: (buildId: string, n: number) => `snapshot:chunk:${buildId}:${n}`,
  pendingPrefix: 'snapshot:pending:',
  deletedPrefix: 'snapshot:deleted:',
} as const;

const warningSchema = z.looseObject({ code: z.string(), issueKey: z.string().nullable(), field: z.string().nullable(), message: z.string() });
const headSchema = z.object({
  schema: z.literal(1),
  buildId: z.string(),
  builtAt: z.string(),
  syncedAt: z.string(),
  updatedAt: z.string().optional(),
  mappingFingerprint: z.string(),
  fieldIds: z.record(z.string(), z.string()),
  fieldWarnings: z.array(warningSchema),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  chunks: z.array(z.object({ key: z.string(), minId: z.number(), count: z.number().int(), bytes: z.number().int() })),
  issueCount: z.number().int().min(0),
  nextChunk: z.number().int().min(0),
});

/** The current snapshot, or null when there is none or it was written by a version we cannot read (a rebuild fixes it). */
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The stored shape of a chunk, checked in place: a schema parse would copy every issue, doubling the memory a 100k
 * snapshot needs. What the domain reads of an item it validates itself, as for any issue.
 */
function chunkIssues(stored: unknown): SnapshotIssue[] | null {
  if (!isRecord(stored) || !Array.isArray(stored.issues)) return null;
  for (const issue of stored.issues as unknown[]) {
    if (!isRecord(issue) || typeof issue.id !== 'string' || typeof issue.projectId !== 'string' || !isRecord(issue.item) || typeof issue.item.key !== 'string' || !Array.isArray(issue.warnings)) return null;
  }
  return stored.issues as SnapshotIssue[];
}

/** A stored chunk went missing: the head that named it was replaced meanwhile (read the head again). */
export class SnapshotChunkMissingError extends Error {
  constructor(readonly key: string) {
    super(`The stored snapshot chunk ${key} is gone; the snapshot was replaced while it was being read.`);
    this.name = 'SnapshotChunkMissingError';
  }
}

/** A stored chunk is not in the shape this version writes (damaged, or written by another version). */
export class SnapshotChunkUnreadableError extends Error {
  constructor(readonly key: string) {
    super(`The stored snapshot chunk ${key} is not in the expected shape.`);
    this.name = 'SnapshotChunkUnreadableError';
  }
}

/** Chunks never change once written, so a warm function container keeps what it read (bounded). */
const chunkCache = new Map<string, SnapshotIssue[]>();
const CHUNK_CACHE_MAX = 2_000;

async function readChunk(key: string): Promise<SnapshotIssue[]> {
  const cached = chunkCache.get(key);
  if (cached) return cached;
  const stored = await kvs.get<unknown>(key);
  if (stored === undefined || stored === null) throw new SnapshotChunkMissingError(key);
  const issues = chunkIssues(stored);
  if (!issues) throw new SnapshotChunkUnreadableError(key);
  if (chunkCache.size >= CHUNK_CACHE_MAX) chunkCache.delete(chunkCache.keys().next().value as string);
  chunkCache.set(key, issues);
  return issues;
}

/** Reads chunks a few at a time, in order. */
export async function readChunks(refs: readonly ChunkRef[], concurrency = 8): Promise<SnapshotIssue[][]> {
  const out: SnapshotIssue[][] = new Array<SnapshotIssue[]>(refs.length);
  let next = 0;
  const worker = async () => {
    while (next < refs.length) {
      const i = next++;
      out[i] = await readChunk((refs[i] as ChunkRef).key);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, refs.length) }, worker));
  return out;
}

export async function writeChunk(key: string, issues: readonly SnapshotIssue[]): Promise<void> {
  await kvs.set(key, { issues });
}

export async function deleteKeys(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    chunkCache.delete(key);
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
