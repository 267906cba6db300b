import { useCallback, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { RoadmapRowDto, ScopeDto } from '../../../../src/contract';
import { IssueEditPanel } from '../edits/IssueEditPanel';
import { Empty, ErrorState, Loading } from '../PanelState';
import { ALL_COLLAPSED, NOTHING_COLLAPSED, toggleCollapse, type CollapseState } from './collapseState';
import { RoadmapGrid } from './RoadmapGrid';
import { RoadmapLegend } from './RoadmapLegend';
import { RoadmapToolbar } from './RoadmapToolbar';
import { createScale, type Zoom } from './timeScale';
import { UnscheduledList } from './UnscheduledList';
import { useRoadmapPages } from './useRoadmapPages';
import { useEditRefresh } from '../edits/editsContext';

const ROW_CONCEPTS = ['startDate', 'dueDate', 'flagged'] as const;

/** The roadmap (Gantt) of a scope: boxes, their child boxes and grouping items over time. */
export function RoadmapPanel({ scope, baselineId }: { scope: ScopeDto; baselineId?: string }) {
  return (
    <section data-testid="roadmap" aria-label="Roadmap" style={{ display: 'flex', flexDirection: 'column', gap: token('space.150', '12px'), minWidth: 0 }}>
      {/* Another scope starts afresh: none of the previous scope's pages may show. */}
      <RoadmapView key={`${scope.projectKey ?? '*'}|${scope.boxId ?? ''}|${baselineId ?? ''}`} scope={scope} baselineId={baselineId} />
    </section>
  );
}

function RoadmapView({ scope, baselineId }: { scope: ScopeDto; baselineId?: string }) {
  const [zoom, setZoom] = useState<Zoom>('month');
  const [collapse, setCollapse] = useState<CollapseState>(NOTHING_COLLAPSED);
  const { view, want, retry } = useRoadmapPages(scope, collapse, baselineId, useEditRefresh());
  const { latest } = view;
  const [axisFirst, axisLast, today] = [latest?.timeline.first ?? null, latest?.timeline.last ?? null, latest?.today ?? ''];
  // The timeline covers the whole roadmap, so the axis stays put while scrolling and collapsing.
  const scale = useMemo(() => createScale([axisFirst, axisLast], today, zoom), [axisFirst, axisLast, today, zoom]);
  const toggle = useCallback((id: string) => setCollapse((previous) => toggleCollapse(previous, id)), []);
  const expandAll = useCallback(() => setCollapse(NOTHING_COLLAPSED), []);
  const collapseAll = useCallback(() => setCollapse(ALL_COLLAPSED), []);
  const [editing, setEditing] = useState<{ key: string; name: string } | null>(null);
  const edit = useCallback((row: RoadmapRowDto) => setEditing(row.key === null ? null : { key: row.key, name: row.name }), []);

  if (latest === null) {
    return view.error === null ? <Loading label="Reading the roadmap from Jira…" /> : <ErrorState title="The roadmap could not be read" message={view.error} onRetry={retry} />;
  }
  if (latest.totalRows === 0) return <Empty title="No boxes or items in this scope yet">Boxes and the epics under them will show here once they exist in Jira.</Empty>;
  return (
    <>
      <RoadmapToolbar zoom={zoom} onZoom={setZoom} onExpandAll={expandAll} onCollapseAll={collapseAll} />
      <RoadmapLegend />
      {view.error !== null && (
        <SectionMessage appearance="warning" title="Some rows could not be read">
          <p data-testid="roadmap-page-error">{view.error}</p>
          <Button onClick={retry}>Try again</Button>
        </SectionMessage>
      )}
      <RoadmapGrid view={view} today={latest.today} scale={scale} onToggle={toggle} onRows={want} onEdit={edit} />
      <UnscheduledList unscheduled={latest.unscheduled} />
      {editing && <IssueEditPanel issueKey={editing.key} title={editing.name} concepts={ROW_CONCEPTS} onClose={() => setEditing(null)} />}
    </>
  );
}
