import { randomUUID } from 'node:crypto';
import { captureBaseline, compareToBaseline, type BaselineContent, type BaselineDelta } from '../domain';
import type { BaselineDto } from '../contract';
import { listBaselineMetas, MAX_BASELINES, readBaselineContent, readBaselineMeta, storeBaseline, type BaselineMeta } from '../storage/baselines';
import type { ScopedRead } from './readScope';

/** The baseline as this viewer may see it: only a baseline of a box they can see on this page, named as it is today. */
function visible(read: ScopedRead, meta: BaselineMeta): BaselineDto | null {
  const box = read.pageScope.boxIds.has(meta.boxId) ? read.model.boxes[meta.boxId] : undefined;
  return box === undefined ? null : { id: meta.id, name: meta.name, boxId: meta.boxId, boxName: box.name, createdAt: meta.createdAt };
}

/** The baselines of the boxes this viewer can see on this page, newest first. */
export async function visibleBaselines(read: ScopedRead): Promise<BaselineDto[]> {
  const metas = await listBaselineMetas();
  return metas
    .map((meta) => visible(read, meta))
    .filter((dto): dto is BaselineDto => dto !== null)
    .reverse();
}

/** A baseline and how each box of the page stands against it; null when this viewer may not see it (or it is gone). */
export async function baselineDeltas(read: ScopedRead, id: string): Promise<{ baseline: BaselineDto; deltas: Map<string, BaselineDelta> } | null> {
  const meta = await readBaselineMeta(id);
  const baseline = meta === null ? null : visible(read, meta);
  const content = baseline === null ? null : await readBaselineContent(id);
  if (baseline === null || content === null) return null;
  return { baseline, deltas: compareToBaseline(read.model, read.scope, content) };
}

export type SaveOutcome = { saved: BaselineDto } | { refused: 'noBox' | 'tooLarge' | 'full' };

/** Saves a baseline of the open box (or the page's one top box) as the caller sees it now. */
export async function saveBaseline(read: ScopedRead, name: string, accountId: string, now: Date): Promise<SaveOutcome> {
  const boxId = read.boxId ?? (read.scope.rootIds.length === 1 ? read.scope.rootIds[0] : undefined);
  if (boxId === undefined) return { refused: 'noBox' };
  const content: BaselineContent | 'tooLarge' | null = captureBaseline(read.model, read.config, read.scope, boxId);
  if (content === null) return { refused: 'noBox' };
  if (content === 'tooLarge') return { refused: 'tooLarge' };
  if ((await listBaselineMetas()).length >= MAX_BASELINES) return { refused: 'full' };
  const meta: BaselineMeta = { id: randomUUID(), name, boxId, createdAt: now.toISOString(), createdBy: accountId };
  await storeBaseline(meta, content);
  const saved = visible(read, meta);
  return saved === null ? { refused: 'noBox' } : { saved };
}
