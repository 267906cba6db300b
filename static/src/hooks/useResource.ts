import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; retry: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/** Loads something once on mount, with a retry after failure. */
export function useResource<T>(load: () => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ ok: true; data: T } | { ok: false; message: string } | null>(null);
  const again = useCallback(() => {
    setResult(null);
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ ok: true, data }),
      (error: unknown) => current && setResult({ ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);
  if (!result) return { state: 'loading' };
  return result.ok ? { state: 'ready', data: result.data, reload: again } : { state: 'error', message: result.message, retry: again };
}
