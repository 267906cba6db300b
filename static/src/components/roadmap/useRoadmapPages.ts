import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScopeDto } from '../../../../src/contract';
import { fetchRoadmap } from '../../services/invokes';
import { collapseQuery, type CollapseState } from './collapseState';
import { RoadmapPages, type RoadmapPagesView } from './roadmapPages';
import { SCROLL_SETTLE_MS } from './useScrolling';

export interface RoadmapPagesHandle {
  view: RoadmapPagesView;
  /** Tell which rows are on screen; their pages are fetched if missing. */
  want: (first: number, last: number) => void;
  retry: () => void;
}

/**
 * The roadmap of a scope (the whole, a project, a box) under a collapse state, fetched page by page as the grid
 * scrolls; read again, keeping the rows shown meanwhile, whenever `refresh` changes (after an edit).
 */
export function useRoadmapPages(scope: ScopeDto, collapse: CollapseState, baselineId?: string, refresh = 0): RoadmapPagesHandle {
  const question = useMemo(() => ({ scope, ...collapseQuery(collapse), ...(baselineId !== undefined && { baselineId }) }), [scope, collapse, baselineId]);
  const [pages] = useState(() => new RoadmapPages(question));
  const [version, setVersion] = useState(0);
  const alive = useRef(true);
  const changed = useCallback(() => {
    if (alive.current) setVersion((n) => n + 1);
  }, []);

  const pump = useCallback(() => {
    let started = false;
    for (let request = pages.nextRequest(); request !== null; request = pages.nextRequest()) {
      started = true;
      const asked = request;
      fetchRoadmap(asked.query).then(
        (answer) => pages.settle(asked, { answer }),
        (error: unknown) => pages.settle(asked, { message: error instanceof Error ? error.message : String(error) }),
      ).then((kept) => {
        if (kept) changed();
        // A settled request frees a place for the next page.
        if (alive.current) pump();
      });
    }
    if (started) changed();
  }, [pages, changed]);

  useEffect(() => {
    alive.current = true;
    if (pages.ask(question)) changed();
    pump();
    return () => {
      alive.current = false;
    };
  }, [pages, question, pump, changed]);

  const reread = useRef(refresh);
  useEffect(() => {
    if (reread.current === refresh) return;
    reread.current = refresh;
    pages.reread();
    changed();
    pump();
  }, [pages, refresh, changed, pump]);

  // Rows that flash past in a fast scroll are not fetched: while `want` keeps coming quicker than SCROLL_SETTLE_MS,
  // the fetch waits until it stops (each window costs a resolver call that reads the whole scope).
  const lastWant = useRef(-Infinity);
  const deferred = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(deferred.current), []);
  const want = useCallback(
    (first: number, last: number) => {
      if (pages.want(first, last)) changed();
      const now = performance.now();
      const quick = now - lastWant.current < SCROLL_SETTLE_MS;
      lastWant.current = now;
      window.clearTimeout(deferred.current);
      if (quick) deferred.current = window.setTimeout(pump, SCROLL_SETTLE_MS);
      else pump();
    },
    [pages, pump, changed],
  );
  const retry = useCallback(() => {
    pages.retry();
    changed();
    pump();
  }, [pages, pump, changed]);

  // `version` marks each change of the mutable pages, so the view is rebuilt only then.
  const view = useMemo(() => pages.view(), [pages, version]);
  return { view, want, retry };
}
