/** Classes of viewers: who sees the same page figures, what each class may see, and which head its figures are of. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TransformationConfig } from '../../domain';
import { deleteFiguresBefore } from '../../storage/snapshot/figureRows';
import { restrictedIds } from '../../storage/snapshot/snapshotRows';
import { kvsDelete, kvsGet, kvsSet, readAllWithPrefix, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import type { SnapshotHead } from '../../storage/snapshot/types';
import { seesEverything, type ViewerCheck } from './readSnapshot';
import { askedRecently } from './askedRecently';
import { reportsKey } from './reportsRecord';

/** Which head and settings the stored page figures are of; a page uses them only for exactly that head. */
export interface FiguresState {
  /** The class of viewers: 'all' for those who may see every issue, else a hash of what they may see. */
  classKey: string;
  figuresId: string;
  buildId: string;
  version: number;
  configFingerprint: string;
  computedAt: string;
  scopes: number;
  /** The moment of the head they were computed from (its last change). */
  headAsOf?: string;
}

const stateSchema = z.object({ classKey: z.string(), figuresId: z.string(), buildId: z.string(), version: z.number().int(), configFingerprint: z.string(), computedAt: z.string(), scopes: z.number().int(), headAsOf: z.string().optional() });
const filterSchema = z.object({ projectIds: z.array(z.string()), issueIds: z.array(z.string()) });

/**
 * One class of viewers' record, one KVS key: which head its figures are of and, for a class other than 'all', what
 * the class may see (the filter its figures are read with) and when a page last asked for them.
 */
export interface ClassRecord {
  figures: FiguresState | null;
  filter: z.infer<typeof filterSchema> | null;
  requestedAt: string | null;
}

const recordSchema = z.object({ figures: stateSchema.nullable().catch(null), filter: filterSchema.nullable().catch(null), requestedAt: z.string().nullable().catch(null) });
const NO_RECORD: ClassRecord = { figures: null, filter: null, requestedAt: null };
export const recordKey = (classKey: string) => `${SNAPSHOT_KEYS.figuresPrefix}${classKey}`;

export async function readClassRecord(classKey: string): Promise<ClassRecord> {
  const parsed = recordSchema.safeParse(await kvsGet(recordKey(classKey)));
  return parsed.success ? parsed.data : NO_RECORD;
}

export async function readFiguresState(classKey = 'all'): Promise<FiguresState | null> {
  return (await readClassRecord(classKey)).figures;
}

/** Viewers who may see the same projects and the same issues under a security level see the same figures. */
export function classOf(head: SnapshotHead, check: ViewerCheck): { classKey: string; filter: { projectIds: string[]; issueIds: string[] } } {
  if (seesEverything(head, check)) return { classKey: 'all', filter: { projectIds: [], issueIds: [] } };
  const projectIds = head.projects.map((p) => p.id).filter((id) => check.browsable.projectIds.has(id)).sort();
  const issueIds = check.restricted.filter((id) => check.browsable.issueIds.has(id)).sort();
  const classKey = createHash('sha256').update(JSON.stringify([projectIds, issueIds])).digest('hex').slice(0, 12);
  return { classKey, filter: { projectIds, issueIds } };
}

/** Records the class and queues its figures, unless that was done within the last minute. */
export async function requestClassFigures(classKey: string, record: ClassRecord, filter: { projectIds: string[]; issueIds: string[] }, now: Date, queue: (classKey: string) => Promise<void>): Promise<void> {
  if (askedRecently(record.requestedAt, now)) return;
  await kvsSet(recordKey(classKey), { ...record, filter, requestedAt: now.toISOString() } satisfies ClassRecord);
  await queue(classKey);
}

/** Equal for two configurations exactly when they give the same figures from the same issues. */
export const configFingerprint = (config: TransformationConfig): string => createHash('sha256').update(JSON.stringify(config)).digest('hex');

/** JQL box types are matched by each viewer's own search, so no figures computed once can serve every viewer. */
export const hasJqlBoxTypes = (config: TransformationConfig): boolean => config.boxTypes.some((type) => type.source.kind === 'jql');

/** What a class of viewers reads of the head; for 'all', every project and every issue under a security level. Null for a class no page asked for. */
export async function filterOf(head: SnapshotHead, classKey: string, record: ClassRecord): Promise<{ projectIds: Set<string>; issueIds: Set<string> } | null> {
  if (classKey === 'all') return { projectIds: new Set(head.projects.map((p) => p.id)), issueIds: new Set(await restrictedIds({ buildId: head.buildId, version: head.version })) };
  return record.filter === null ? null : { projectIds: new Set(record.filter.projectIds), issueIds: new Set(record.filter.issueIds) };
}

/** A class no page asked for in this long loses its figures (they would only take storage). */
const CLASS_KEPT_MS = 24 * 60 * 60_000;

export async function forgetUnusedClasses(now: Date): Promise<void> {
  for (const { key, value } of await readAllWithPrefix(SNAPSHOT_KEYS.figuresPrefix)) {
    const classKey = key.slice(SNAPSHOT_KEYS.figuresPrefix.length);
    const record = recordSchema.safeParse(value);
    const askedAt = record.success && record.data.requestedAt !== null ? Date.parse(record.data.requestedAt) : Number.NaN;
    if (classKey === 'all' || now.getTime() - askedAt < CLASS_KEPT_MS) continue;
    const prefix = `${classKey.padEnd(12, '-')}-`;
    await deleteFiguresBefore(prefix, `${prefix}~`);
    await kvsDelete(reportsKey(classKey));
    await kvsDelete(key);
  }
}

