import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useMemo, useState } from 'react';
import type { OverviewDto, ScopeDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { useOpenBox } from '../../navigation/openBox';
import { fetchOverview } from '../../services/invokes';
import { Empty, ErrorState, Loading } from '../PanelState';
import { downloadCsv } from '../reports/download';
import { overviewCsv, overviewFileName } from './overviewCsv';
import { OverviewTable } from './OverviewTable';
import { OverviewToolbar } from './OverviewToolbar';
import { allRowsInOrder, initiallyExpanded, isFiltering, shownRows, type OverviewColumn, type OverviewFilter, type OverviewSort } from './overviewTree';

const NO_FILTER: OverviewFilter = { text: '', typeName: null };
/** Rows drawn at a time, so opening a large tree stays quick; more on request. */
const ROWS_DRAWN = 500;

function OverviewView({ data }: { data: OverviewDto }) {
  const open = useOpenBox();
  const [sort, setSort] = useState<OverviewSort | null>(null);
  const [filter, setFilter] = useState<OverviewFilter>(NO_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => initiallyExpanded(data.rows));
  const [focused, setFocused] = useState(0);
  const [drawn, setDrawn] = useState(ROWS_DRAWN);
  const shown = useMemo(() => shownRows(data.rows, sort, filter, expanded), [data.rows, sort, filter, expanded]);
  const typeNames = useMemo(() => [...new Set(data.rows.map((row) => row.typeName))], [data.rows]);

  const onSort = (column: OverviewColumn) => setSort((was) => (was?.column !== column ? { column, direction: 'asc' } : was.direction === 'asc' ? { column, direction: 'desc' } : null));
  const onToggle = useCallback((id: string) => setExpanded((was) => {
    const next = new Set(was);
    if (!next.delete(id)) next.add(id);
    return next;
  }), []);
  const withBaseline = data.baseline !== null;
  const exportCsv = () => downloadCsv(overviewCsv(allRowsInOrder(data.rows, sort, filter), withBaseline), overviewFileName(new Date()));
  const matched = isFiltering(filter) ? shown.length : null;

  return (
    <section data-testid="overview-panel" aria-label="Overview of boxes" style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <OverviewToolbar
        filter={filter}
        typeNames={typeNames}
        onFilter={(next) => {
          setFilter(next);
          setFocused(0);
        }}
        onExpandAll={() => setExpanded(new Set(data.rows.filter((row) => row.hasChildren).map((row) => row.id)))}
        onCollapseAll={() => {
          setExpanded(new Set());
          setFocused(0);
        }}
        onExport={exportCsv}
        canExport={shown.length > 0}
      />
      {data.baseline !== null && (
        <p style={{ margin: 0 }} data-testid="overview-baseline">
          Compared with the baseline “{data.baseline.name}” of {data.baseline.boxName}, saved {data.baseline.createdAt.slice(0, 10)}: slip is how many days later each box is due now.
        </p>
      )}
      <p role="status" style={{ margin: 0, color: token('color.text.subtle', '#44546F') }} data-testid="overview-count">
        {matched === null ? `${data.rows.length} boxes` : `${matched} of ${data.rows.length} boxes shown (matches and the boxes above them)`}
        {data.totalRows > data.rows.length && ` — the first ${data.rows.length} of ${data.totalRows}; open a box to see the rest of its tree.`}
      </p>
      {shown.length === 0 ? (
        <Empty title="No box matches the filter" />
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <OverviewTable shown={shown.length > drawn ? shown.slice(0, drawn) : shown} sort={sort} onSort={onSort} onToggle={onToggle} onOpen={(id) => open?.(id)} focused={Math.min(focused, shown.length - 1, drawn - 1)} onFocus={setFocused} withBaseline={withBaseline} />
          {shown.length > drawn && (
            <Button testId="overview-show-more" onClick={() => setDrawn((n) => n + ROWS_DRAWN)}>
              {`Show ${Math.min(ROWS_DRAWN, shown.length - drawn)} more of ${shown.length - drawn} rows`}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

/** Every box below the scope's top as a sortable, filterable tree, compared with a baseline when one is chosen; each row opens its box. */
export function OverviewPanel({ scope, baselineId }: { scope: ScopeDto; baselineId: string | null }) {
  const load = useCallback(() => fetchOverview(scope, baselineId ?? undefined), [scope, baselineId]);
  const resource = useResource(load);
  if (resource.state === 'loading') return <Loading label="Loading the boxes…" />;
  if (resource.state === 'error') return <ErrorState title="The overview could not be loaded" message={resource.message} onRetry={resource.retry} />;
  if (resource.data.rows.length === 0) return <Empty title="No boxes below this one">Boxes added below it in Jira will show here.</Empty>;
  return <OverviewView data={resource.data} />;
}
