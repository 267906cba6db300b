import { kvs, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { BaselineContent } from '../domain';
import { KVS_QUERY_PAGE_SIZE } from './kvsQuery';

/** Baselines kept per installation: listing them reads at most 5 query pages of 20. */
export const MAX_BASELINES = 100;
/** Forge KVS's value size limit ("240 KiB", limits-kvs-ce), less room for the JSON the client adds. */
const MAX_DATA_BYTES = 240 * 1024 - 1024;

const META_PREFIX = 'baseline:meta:';
const DATA_PREFIX = 'baseline:data:';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
/** A box as stored, compactly: [id, start, due, ratio, measured 0/1, converted, teams]. */
const storedBox = z.tuple([z.string().min(1).max(255), day, day, z.number().min(0).max(1), z.union([z.literal(0), z.literal(1)]), z.number().int().min(0), z.number().int().min(0)]);
/** A risk as stored: [key, box id, score, residual score]. */
const storedRisk = z.tuple([z.string().min(1).max(255), z.string().min(1).max(255), z.number().min(0).max(25).nullable(), z.number().min(0).max(25).nullable()]);
const dataSchema = z.object({ v: z.literal(1), boxId: z.string().min(1).max(255), boxes: z.array(storedBox).max(5000), risks: z.array(storedRisk).max(5000) }).strict();

const baselineIdSchema = z.string().regex(/^[a-f0-9-]{36}$/, 'must be a baseline id');

const metaSchema = z
  .object({
    id: baselineIdSchema,
    name: z.string().min(1).max(80),
    boxId: z.string().min(1).max(255),
    createdAt: z.string().min(1).max(40),
    createdBy: z.string().min(1).max(128),
  })
  .strict();
export type BaselineMeta = z.infer<typeof metaSchema>;

/** The baseline is larger than one KVS value can hold. */
export class BaselineTooLargeError extends Error {}

function toStored(content: BaselineContent): z.infer<typeof dataSchema> {
  return {
    v: 1,
    boxId: content.boxId,
    boxes: content.boxes.map((b) => [b.id, b.start, b.due, b.ratio, b.measured ? 1 : 0, b.converted, b.teams]),
    risks: content.risks.map((r) => [r.key, r.boxId, r.score, r.residualScore]),
  };
}

function fromStored(data: z.infer<typeof dataSchema>): BaselineContent {
  return {
    boxId: data.boxId,
    boxes: data.boxes.map(([id, start, due, ratio, measured, converted, teams]) => ({ id, start, due, ratio, measured: measured === 1, converted, teams })),
    risks: data.risks.map(([key, boxId, score, residualScore]) => ({ key, boxId, score, residualScore })),
  };
}

/** Every baseline's name and box (not its content), oldest first; a record that no longer validates is left out. */
export async function listBaselineMetas(): Promise<BaselineMeta[]> {
  const metas: BaselineMeta[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(META_PREFIX)).limit(KVS_QUERY_PAGE_SIZE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany<unknown>();
    for (const { value } of page.results) {
      const parsed = metaSchema.safeParse(value);
      if (parsed.success) metas.push(parsed.data);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return metas.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function readBaselineMeta(id: string): Promise<BaselineMeta | null> {
  const parsed = metaSchema.safeParse(await kvs.get<unknown>(`${META_PREFIX}${id}`));
  return parsed.success ? parsed.data : null;
}

/** A baseline's content; null when it is gone or no longer validates. */
export async function readBaselineContent(id: string): Promise<BaselineContent | null> {
  const parsed = dataSchema.safeParse(await kvs.get<unknown>(`${DATA_PREFIX}${id}`));
  return parsed.success ? fromStored(parsed.data) : null;
}

/** Stores the content, then its name: a baseline is listed only once it is whole. */
export async function storeBaseline(meta: BaselineMeta, content: BaselineContent): Promise<void> {
  const data = dataSchema.parse(toStored(content));
  if (Buffer.byteLength(JSON.stringify(data), 'utf8') > MAX_DATA_BYTES) throw new BaselineTooLargeError('This box has too many boxes and risks below it for one baseline; save a baseline of a box further down.');
  await kvs.set(`${DATA_PREFIX}${meta.id}`, data);
  await kvs.set(`${META_PREFIX}${meta.id}`, metaSchema.parse(meta));
}

/** Unlists the baseline first, so a half-deleted one is never shown. */
export async function deleteBaseline(id: string): Promise<void> {
  await kvs.delete(`${META_PREFIX}${id}`);
  await kvs.delete(`${DATA_PREFIX}${id}`);
}
