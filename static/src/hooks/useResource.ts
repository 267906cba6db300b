import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  /** `code`: the resolver's error code when the backend answered one (e.g. NOT_READY). */
  | { state: 'error'; message: string; code: string | null; retry: () => void }
  | { state: 'ready'; data: T; reload: () => void };

type Outcome<T> = { ok: true; data: T } | { ok: false; message: string; code: string | null };

const codeOf = (error: unknown): string | null => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
};

/**
 * Loads something, again whenever `load` changes, with a retry after failure. An answer is shown only for
 * the loader that asked for it, so a new question (another period, another scope) never shows the old answer.
 * A new `refresh` (after an edit) loads the same question again and keeps the answer shown until the new one is in.
 */
export function useResource<T>(load: () => Promise<T>, refresh = 0): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState<{ load: () => Promise<T>; attempt: number; outcome: Outcome<T> } | null>(null);
  const again = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setAnswered({ load, attempt, outcome: { ok: true, data } }),
      (error: unknown) => current && setAnswered({ load, attempt, outcome: { ok: false, message: error instanceof Error ? error.message : String(error), code: codeOf(error) } }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt, refresh]);
  if (!answered || answered.load !== load || answered.attempt !== attempt) return { state: 'loading' };
  const { outcome } = answered;
  return outcome.ok ? { state: 'ready', data: outcome.data, reload: again } : { state: 'error', message: outcome.message, code: outcome.code, retry: again };
}
