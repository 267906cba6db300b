/** Which page figures a class of viewers' reports are stored with, and of which day: one KVS key per class. */
import { z } from 'zod';
import { kvsGet, kvsSet, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';
import { askedRecently } from './askedRecently';

/** The reports stored with page figures `figuresId`: the default period and "today" are of `day`. */
export interface ReportsState {
  figuresId: string;
  day: string;
  computedAt: string;
  scopes: number;
}

export interface ReportsRecord {
  reports: ReportsState | null;
  /** When a page last asked for them to be computed. */
  requestedAt: string | null;
}

const stateSchema = z.object({ figuresId: z.string(), day: z.string(), computedAt: z.string(), scopes: z.number().int() });
const recordSchema = z.object({ reports: stateSchema.nullable().catch(null), requestedAt: z.string().nullable().catch(null) });
const NO_RECORD: ReportsRecord = { reports: null, requestedAt: null };

export const reportsKey = (classKey: string) => `${SNAPSHOT_KEYS.reportsPrefix}${classKey}`;

export async function readReportsRecord(classKey: string): Promise<ReportsRecord> {
  const parsed = recordSchema.safeParse(await kvsGet(reportsKey(classKey)));
  return parsed.success ? parsed.data : NO_RECORD;
}

export const writeReportsRecord = (classKey: string, record: ReportsRecord): Promise<void> => kvsSet(reportsKey(classKey), record);

/** Records the request and queues the class's reports, unless that was done within the last minute. */
export async function requestReports(classKey: string, record: ReportsRecord, now: Date, queue: (classKey: string) => Promise<void>): Promise<void> {
  if (askedRecently(record.requestedAt, now)) return;
  await writeReportsRecord(classKey, { ...record, requestedAt: now.toISOString() });
  await queue(classKey);
}
