import { useCallback, useEffect, useState } from 'react';
import type { BacklogPageDto, BacklogQueryDto, ScopeDto } from '../../../../src/contract';
import { searchBacklog } from '../../services/invokes';

export interface BacklogSearch {
  /** The latest page that came back; kept while the next one loads. */
  page: BacklogPageDto | null;
  loading: boolean;
  error: string | null;
  retry: () => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Asks the resolver for one page whenever the query changes; answers to older queries are dropped. */
export function useBacklogSearch(scope: ScopeDto, query: BacklogQueryDto): BacklogSearch {
  const [state, setState] = useState<Omit<BacklogSearch, 'retry'>>({ page: null, loading: true, error: null });
  const [attempt, setAttempt] = useState(0);
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    let current = true;
    setState((was) => ({ ...was, loading: true, error: null }));
    searchBacklog(scope, JSON.parse(queryKey) as BacklogQueryDto).then(
      (page) => current && setState({ page, loading: false, error: null }),
      (error: unknown) => current && setState((was) => ({ ...was, loading: false, error: messageOf(error) })),
    );
    return () => {
      current = false;
    };
  }, [scope, queryKey, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
