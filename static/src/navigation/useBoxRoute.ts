import { view } from '@forge/bridge';
import { useCallback, useEffect, useState } from 'react';
import { boxIdOfRoute, pathnameOf, routeOfBox } from './boxRoute';

/** What the page needs of Forge's history: where it is, a way to move, and word of moves (back, forward). */
interface PageHistory {
  location: unknown;
  push(path: string): void;
  listen(listener: (update: unknown) => void): () => void;
}

export interface BoxRoute {
  /** Until Forge's history answers, the page does not know which box the URL names. */
  ready: boolean;
  boxId: string | null;
  /** Opens a box (null: the page's own scope), as a new entry of the browser's history. */
  open: (boxId: string | null) => void;
}

/**
 * The open box, kept in the page's URL through `view.createHistory()` so a link to a box can be pasted and the
 * browser's back button goes back. Where Forge offers no history, boxes still open, without a URL of their own.
 */
export function useBoxRoute(): BoxRoute {
  const [history, setHistory] = useState<PageHistory | null>(null);
  const [state, setState] = useState<{ ready: boolean; boxId: string | null }>({ ready: false, boxId: null });
  useEffect(() => {
    let current = true;
    let stop = (): void => undefined;
    view.createHistory().then(
      (created: PageHistory) => {
        if (!current) return;
        setHistory(created);
        setState({ ready: true, boxId: boxIdOfRoute(pathnameOf(created.location)) });
        stop = created.listen((update) => setState({ ready: true, boxId: boxIdOfRoute(pathnameOf(update)) }));
      },
      () => current && setState({ ready: true, boxId: null }),
    );
    return () => {
      current = false;
      stop();
    };
  }, []);
  const current = state.boxId;
  const open = useCallback(
    (boxId: string | null) => {
      // Opening the box already open adds no entry to the browser's history.
      if (boxId === current) return;
      if (history === null) setState({ ready: true, boxId });
      else history.push(routeOfBox(boxId));
    },
    [history, current],
  );
  return { ...state, open };
}
