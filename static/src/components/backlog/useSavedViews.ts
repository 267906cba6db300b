import { useCallback, useEffect, useState } from 'react';
import type { SavedViewDto } from '../../../../src/contract';
import { deleteView, listSavedViews, saveView } from '../../services/invokes';

export interface SavedViews {
  views: SavedViewDto[];
  busy: boolean;
  error: string | null;
  save: (view: SavedViewDto) => Promise<boolean>;
  remove: (id: string) => Promise<boolean>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The caller's saved views; saving and deleting answer with the new list. */
export function useSavedViews(): SavedViews {
  const [views, setViews] = useState<SavedViewDto[]>([]);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (call: () => Promise<SavedViewDto[]>): Promise<boolean> => {
    setBusy(true);
    try {
      setViews(await call());
      setError(null);
      return true;
    } catch (failure) {
      setError(messageOf(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    void run(listSavedViews);
  }, [run]);
  const save = useCallback((view: SavedViewDto) => run(() => saveView(view)), [run]);
  const remove = useCallback((id: string) => run(() => deleteView(id)), [run]);
  return { views, busy, error, save, remove };
}
