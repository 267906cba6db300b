import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { SavedViewDto } from '../contract';
import { savedViewSchema } from '../validation/payloads';

/** Enough views for anyone; keeps one user's record far below KVS's value size limit. */
export const MAX_VIEWS_PER_USER = 50;

const storedViewsSchema = z.array(savedViewSchema).max(MAX_VIEWS_PER_USER);
const keyFor = (accountId: string) => `saved-views:${accountId}`;

/** One user's saved backlog views; a record that no longer validates is reported, not trusted. */
export async function readSavedViews(accountId: string): Promise<{ views: SavedViewDto[]; discarded: boolean }> {
  const stored: unknown = await kvs.get(keyFor(accountId));
  if (stored === undefined) return { views: [], discarded: false };
  const parsed = storedViewsSchema.safeParse(stored);
  return parsed.success ? { views: parsed.data, discarded: false } : { views: [], discarded: true };
}

/** Adds or replaces a view (by id), newest last. */
export async function storeSavedView(accountId: string, view: SavedViewDto): Promise<SavedViewDto[]> {
  const { views } = await readSavedViews(accountId);
  const next = [...views.filter((v) => v.id !== view.id), view];
  if (next.length > MAX_VIEWS_PER_USER) throw new Error(`A user can keep at most ${MAX_VIEWS_PER_USER} views`);
  await kvs.set(keyFor(accountId), storedViewsSchema.parse(next));
  return next;
}

export async function removeSavedView(accountId: string, id: string): Promise<SavedViewDto[]> {
  const { views } = await readSavedViews(accountId);
  const next = views.filter((v) => v.id !== id);
  await kvs.set(keyFor(accountId), next);
  return next;
}
