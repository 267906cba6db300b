/** What the reader has collapsed, and how the roadmap query says it. No React here. */
import { ROADMAP_LIMITS, type RoadmapQueryDto } from '../../../../src/contract';

/** The listed rows hide their children, or (after "Collapse all") every row but the listed ones does. */
export interface CollapseState {
  kind: 'listed' | 'allExcept';
  ids: ReadonlySet<string>;
}

export const NOTHING_COLLAPSED: CollapseState = { kind: 'listed', ids: new Set() };
export const ALL_COLLAPSED: CollapseState = { kind: 'allExcept', ids: new Set() };

/** Collapses or expands one row; unchanged when the query could not carry one more id. */
export function toggleCollapse(state: CollapseState, id: string): CollapseState {
  const ids = new Set(state.ids);
  if (!ids.delete(id)) {
    if (ids.size >= ROADMAP_LIMITS.maxCollapsedIds || id.length > ROADMAP_LIMITS.maxRowIdLength) return state;
    ids.add(id);
  }
  return { kind: state.kind, ids };
}

/** The part of the roadmap query that says what is collapsed (ids sorted, so equal states ask the same). */
export function collapseQuery(state: CollapseState): Pick<RoadmapQueryDto, 'collapsed' | 'collapseAllExcept'> {
  const ids = [...state.ids].sort();
  return state.kind === 'listed' ? { collapsed: ids } : { collapseAllExcept: ids };
}
