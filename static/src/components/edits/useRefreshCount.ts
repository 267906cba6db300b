import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataSourceDto } from '../../../../src/contract';

/** The snapshot follows Jira's issue events within seconds: until it has, the figures are read again this often. */
const FOLLOW_MS = 1500;
const FOLLOW_TRIES = 8;

/**
 * The count that makes the panels read Jira again: once after each write and, while the figures come from the
 * snapshot, again until the snapshot has moved on from the time the page showed before the write.
 */
export function useRefreshCount() {
  const [refresh, setRefresh] = useState(0);
  // The snapshot time the page showed, and after a write the one it must move on from.
  const seenAsOf = useRef<string | null>(null);
  const awaiting = useRef<{ since: string; tries: number } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const written = useCallback(() => {
    awaiting.current = seenAsOf.current === null ? null : { since: seenAsOf.current, tries: 0 };
    setRefresh((n) => n + 1);
  }, []);
  const sourceRead = useCallback((source: DataSourceDto) => {
    const wait = awaiting.current;
    seenAsOf.current = source.kind === 'snapshot' ? source.asOf : null;
    if (!wait || source.kind !== 'snapshot' || source.asOf !== wait.since || wait.tries >= FOLLOW_TRIES) {
      awaiting.current = null;
      return;
    }
    wait.tries += 1;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setRefresh((n) => n + 1), FOLLOW_MS);
  }, []);
  return { refresh, written, sourceRead };
}
