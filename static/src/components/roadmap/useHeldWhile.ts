import { useRef } from 'react';

interface Range {
  first: number;
  last: number;
}

/** The range as it was when `held` became true, for as long as it stays true; the live range otherwise. */
export function useHeldWhile(held: boolean, range: Range): Range {
  const kept = useRef(range);
  if (!held || kept.current.last < kept.current.first) kept.current = range;
  return held ? kept.current : range;
}
