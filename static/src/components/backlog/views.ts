/** Saved views: a name, the columns and the query. No React here. */
import type { SavedViewDto } from '../../../../src/contract';
import { cleanQuery, type BacklogState } from './queryState';

export const MAX_VIEW_NAME = 80;

/** An id the resolver accepts (letters, digits, _ and -; at most 64). */
export const newViewId = (now: number, random: number): string => `view-${now.toString(36)}-${Math.floor(random * 36 ** 6).toString(36)}`;

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The view to store under `name`: a view of the same name is replaced (keeping its id), otherwise a new one is made. */
export function viewToSave(name: string, state: BacklogState, views: readonly SavedViewDto[], freshId: string): SavedViewDto {
  const trimmed = name.trim().slice(0, MAX_VIEW_NAME);
  const existing = views.find((view) => sameName(view.name, trimmed));
  return { id: existing?.id ?? freshId, name: trimmed, columns: [...state.columns], query: cleanQuery(state.query) };
}

/** Views by name, for the picker. */
export const sortedViews = (views: readonly SavedViewDto[]): SavedViewDto[] => [...views].sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }));
