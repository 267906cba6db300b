import { useEffect, useReducer } from 'react';
import { token } from '@atlaskit/tokens';
import type { BacklogDrill, SavedViewDto, ScopeDto } from '../../../../src/contract';
import { ErrorState, Loading } from '../PanelState';
import { BacklogFilters } from './BacklogFilters';
import { BacklogTable } from './BacklogTable';
import { ColumnChooser } from './ColumnChooser';
import { countText } from './columns';
import { ExportCsvButton } from './ExportCsvButton';
import { backlogReducer, cleanQuery, initialState, lastPage, requestQuery } from './queryState';
import { SavedViews } from './SavedViews';
import { useBacklogSearch } from './useBacklogSearch';
import { useSavedViews } from './useSavedViews';
import { newViewId, viewToSave } from './views';

const SEARCH_DELAY_MS = 250;

interface Props {
  scope: ScopeDto;
  /** A preset from the top row's figures; shown as a removable chip. */
  drill?: BacklogDrill;
  /** Called when the person removes the drill (or picks a view without it). */
  onDrillCleared?: () => void;
}

/** Every work item in scope, searched, filtered, sorted and paged by the resolver, 50 a page. */
export function BacklogPanel({ scope, drill, onDrillCleared }: Props) {
  const [state, dispatch] = useReducer(backlogReducer, drill, initialState);
  const search = useBacklogSearch(scope, requestQuery(state));
  const saved = useSavedViews();
  const page = search.page;
  const pageIndex = state.query.page ?? 0;

  useEffect(() => {
    const timer = setTimeout(() => dispatch({ type: 'commitText' }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.textInput]);
  useEffect(() => {
    if (drill) dispatch({ type: 'setDrill', drill });
  }, [drill]);
  useEffect(() => {
    if (page && page.items.length === 0 && page.total > 0 && pageIndex > 0) dispatch({ type: 'setPage', page: lastPage(page.total, page.pageSize) });
  }, [page, pageIndex]);

  const leaveDrill = (next: BacklogDrill | undefined) => {
    if (drill !== undefined && next !== drill) onDrillCleared?.();
  };
  const applyView = (view: SavedViewDto) => {
    dispatch({ type: 'applyView', view });
    leaveDrill(view.query.drill);
  };
  const saveAs = async (name: string) => {
    const shown = { ...state, query: { ...state.query, text: state.textInput } };
    const view = viewToSave(name, shown, saved.views, newViewId(Date.now(), Math.random()));
    const ok = await saved.save(view);
    if (ok) dispatch({ type: 'viewSaved', id: view.id });
    return ok;
  };

  if (!page && search.error) return <ErrorState title="The backlog could not be loaded" message={search.error} onRetry={search.retry} />;
  if (!page) return <Loading label="Loading the backlog…" />;
  return (
    <div data-testid="backlog-panel" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
      <BacklogFilters
        state={state}
        facets={page.facets}
        dispatch={dispatch}
        onDrillRemoved={() => {
          dispatch({ type: 'setDrill', drill: undefined });
          leaveDrill(undefined);
        }}
      />
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}>
        <strong aria-live="polite" data-testid="backlog-total" style={{ marginInlineEnd: 'auto' }}>
          {countText(page.total)}
        </strong>
        <SavedViews saved={saved} currentId={state.viewId} onApply={applyView} onSaveAs={saveAs} />
        <ColumnChooser columns={state.columns} onToggle={(column) => dispatch({ type: 'toggleColumn', column })} />
        <ExportCsvButton scope={scope} query={cleanQuery(state.query)} columns={state.columns} total={page.total} />
      </div>
      {page.drillNote !== null && (
        <p data-testid="backlog-drill-note" style={{ margin: 0, color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px sans-serif') }}>
          {page.drillNote}
        </p>
      )}
      {search.error && <ErrorState title="The latest search failed" message={search.error} onRetry={search.retry} />}
      <BacklogTable
        items={page.items}
        total={page.total}
        columns={state.columns}
        query={state.query}
        loading={search.loading}
        onSort={(sort) => dispatch({ type: 'setSort', sort })}
        onPage={(index) => dispatch({ type: 'setPage', page: index })}
      />
    </div>
  );
}
