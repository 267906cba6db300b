import { useCallback, useMemo, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { RoadmapDto, ScopeDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { fetchRoadmap } from '../../services/invokes';
import { Empty, ErrorState, Loading } from '../PanelState';
import { RoadmapGrid } from './RoadmapGrid';
import { RoadmapLegend } from './RoadmapLegend';
import { RoadmapToolbar } from './RoadmapToolbar';
import { createScale, type Zoom } from './timeScale';
import { UnscheduledList } from './UnscheduledList';
import { collapsibleIds, flattenRows } from './visibleRows';

/** The roadmap (Gantt) of a scope: boxes, their child boxes and grouping items over time. */
export function RoadmapPanel({ scope }: { scope: ScopeDto }) {
  const { projectKey } = scope;
  const load = useCallback(() => fetchRoadmap({ projectKey }), [projectKey]);
  const roadmap = useResource(load);
  let content: React.ReactNode;
  if (roadmap.state === 'loading') content = <Loading label="Reading the roadmap from Jira…" />;
  else if (roadmap.state === 'error') content = <ErrorState title="The roadmap could not be read" message={roadmap.message} onRetry={roadmap.retry} />;
  else if (roadmap.data.rows.length === 0) content = <Empty title="No boxes or items in this scope yet">Boxes and the epics under them will show here once they exist in Jira.</Empty>;
  else content = <RoadmapView data={roadmap.data} />;
  return (
    <section data-testid="roadmap" aria-label="Roadmap" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px'), minWidth: 0 }}>
      {content}
    </section>
  );
}

function RoadmapView({ data }: { data: RoadmapDto }) {
  const [zoom, setZoom] = useState<Zoom>('month');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const shown = useMemo(() => flattenRows(data.rows, collapsed), [data.rows, collapsed]);
  const dates = useMemo(() => [...data.rows.flatMap((row) => [row.start, row.due]), ...data.milestones.map((m) => m.due)], [data.rows, data.milestones]);
  const scale = useMemo(() => createScale(dates, data.today, zoom), [dates, data.today, zoom]);
  const toggle = useCallback(
    (id: string) =>
      setCollapsed((previous) => {
        const next = new Set(previous);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const expandAll = useCallback(() => setCollapsed(new Set()), []);
  const collapseAll = useCallback(() => setCollapsed(new Set(collapsibleIds(data.rows))), [data.rows]);
  return (
    <>
      <RoadmapToolbar zoom={zoom} onZoom={setZoom} onExpandAll={expandAll} onCollapseAll={collapseAll} />
      <RoadmapLegend />
      <RoadmapGrid rows={shown} data={data} scale={scale} collapsed={collapsed} onToggle={toggle} />
      <UnscheduledList rows={data.rows} undatedRowIds={data.undatedRowIds} milestones={data.milestones} />
    </>
  );
}
