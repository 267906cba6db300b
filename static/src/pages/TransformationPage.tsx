import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import Lozenge from '@atlaskit/lozenge';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { BacklogDrill, PanelKey, ScopeDto } from '../../../src/contract';
import { BacklogPanel } from '../components/backlog/BacklogPanel';
import { BaselineBar } from '../components/baselines/BaselineBar';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { OverviewPanel } from '../components/overview/OverviewPanel';
import { DataQualityWarnings } from '../components/DataQualityWarnings';
import { ErrorState, Loading, Preparing } from '../components/PanelState';
import { ReportsPanel } from '../components/reports/ReportsPanel';
import { RiskMatrixPanel } from '../components/risks/RiskMatrixPanel';
import { RoadmapPanel } from '../components/roadmap/RoadmapPanel';
import { TeamsConvertedPanel } from '../components/teams/TeamsConvertedPanel';
import { TopRow } from '../components/TopRow';
import { useResource } from '../hooks/useResource';
import { DataSourceNote } from '../components/DataSourceNote';
import { BoxNotFound } from '../components/BoxNotFound';
import { EditsProvider } from '../components/edits/EditsProvider';
import { useEditRefresh, useEdits } from '../components/edits/editsContext';
import { OpenBoxProvider, OutsideBoxesProvider } from '../navigation/openBox';
import { useBoxRoute } from '../navigation/useBoxRoute';
import { fetchSummary } from '../services/invokes';

/** The Overview comes first on every page whose scope has boxes below its top; the box type's toolset follows. */
type Tab = PanelKey | 'overview';

const PANEL_TITLES: Partial<Record<Tab, string>> = {
  overview: 'Overview',
  teamsConverted: 'Teams converted',
  roadmap: 'Roadmap',
  riskMatrix: 'Risks',
  backlog: 'Backlog',
  reports: 'Reports',
};

/**
 * The transformation, or one project's part of it, or one box of either (named by the page's URL, so a link to a box
 * opens that box), with the edits the viewer may make in Jira from it: breadcrumbs, the top row, then the Overview and
 * the panels the box type enables.
 */
export function TransformationPage({ scope }: { scope: ScopeDto }) {
  const route = useBoxRoute();
  const { boxId } = route;
  const viewScope = useMemo<ScopeDto>(() => (boxId === null ? scope : { ...scope, boxId }), [scope, boxId]);
  // The chosen baseline stays chosen from box to box, so a slip can be followed down the tree.
  const [baselineId, setBaselineId] = useState<string | null>(null);
  if (!route.ready) return <Loading label="Opening the page…" />;
  return (
    <EditsProvider>
      <OpenBoxProvider value={route.open}>
        {/* Another box starts afresh: no panel keeps the previous box's tab, filters or answers. */}
        <ScopeView key={boxId ?? ''} scope={viewScope} baselineId={baselineId} onBaseline={setBaselineId} />
      </OpenBoxProvider>
    </EditsProvider>
  );
}

/** One scope's page; read again after every edit, so the figures follow. */
function ScopeView({ scope, baselineId, onBaseline }: { scope: ScopeDto; baselineId: string | null; onBaseline: (id: string | null) => void }) {
  const loadSummary = useCallback(() => fetchSummary(scope), [scope]);
  const summary = useResource(loadSummary, useEditRefresh());
  const { sourceRead } = useEdits();
  const source = summary.state === 'ready' ? summary.data.source : null;
  useEffect(() => {
    if (source) sourceRead(source);
  }, [source, sourceRead]);
  const [selected, setSelected] = useState(0);
  const [drill, setDrill] = useState<BacklogDrill | undefined>(undefined);
  // Each click on a figure opens a fresh backlog, so "Issues read" never keeps the filters of the figure before it.
  const [drillRequest, setDrillRequest] = useState(0);
  const ready = summary.state === 'ready' ? summary.data : null;
  const outsideBoxes = useMemo(() => new Set(ready?.outsideBoxIds ?? []), [ready]);

  if (summary.state === 'loading') return <Loading label="Reading the transformation from Jira…" />;
  if (summary.state === 'error' && summary.code === 'NOT_READY') return <Preparing message={summary.message} onRetry={summary.retry} />;
  if (summary.state === 'error' && summary.code === 'NOT_FOUND' && scope.boxId !== undefined) return <BoxNotFound message={summary.message} />;
  if (summary.state === 'error') return <ErrorState title="The transformation could not be read" message={summary.message} onRetry={summary.retry} />;
  const { data } = summary;
  const panels: Tab[] = [...(data.hasChildBoxes ? (['overview'] as const) : []), ...data.toolset.filter((p) => PANEL_TITLES[p] !== undefined)];
  const openBacklog = (next: BacklogDrill | null) => {
    setDrill(next ?? undefined);
    setDrillRequest((n) => n + 1);
    const index = panels.indexOf('backlog');
    if (index >= 0) setSelected(index);
  };
  return (
    <OutsideBoxesProvider value={outsideBoxes}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}>
        {data.boxId !== null && <Breadcrumbs crumbs={data.breadcrumbs} homeLabel={scope.projectKey === null ? null : `Project ${scope.projectKey}`} />}
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
          <Heading size="large" as="h2">
            {data.scopeName}
          </Heading>
          {data.boxTypeName !== null && <Lozenge testId="box-type">{data.boxTypeName}</Lozenge>}
        </div>
        <TopRow summary={data} onDrill={openBacklog} />
        <DataSourceNote source={data.source} hiddenBecause={data.hiddenBecause} />
        <DataQualityWarnings warnings={data.warnings} total={data.warningCount} />
        {(panels.includes('overview') || panels.includes('roadmap')) && (
          <BaselineBar scope={scope} canSave={data.boxId !== null || scope.projectKey === null} selected={baselineId} onSelect={onBaseline} />
        )}
        {panels.length === 0 ? (
          <p>No panels are switched on for this box type. An admin can enable them in the app's settings.</p>
        ) : (
          <Tabs id="transformation-panels" selected={selected} onChange={setSelected}>
            <TabList>
              {panels.map((p) => (
                <Tab key={p} testId={`tab-${p}`}>
                  {PANEL_TITLES[p]}
                </Tab>
              ))}
            </TabList>
            {panels.map((p) => (
              <TabPanel key={p}>
                <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
                  {p === 'overview' && <OverviewPanel scope={scope} baselineId={baselineId} />}
                  {p === 'teamsConverted' && <TeamsConvertedPanel scope={scope} />}
                  {p === 'roadmap' && <RoadmapPanel scope={scope} baselineId={baselineId ?? undefined} />}
                  {p === 'riskMatrix' && <RiskMatrixPanel scope={scope} />}
                  {p === 'backlog' && <BacklogPanel key={drillRequest} scope={scope} drill={drill} onDrillCleared={() => setDrill(undefined)} />}
                  {p === 'reports' && <ReportsPanel scope={scope} />}
                </div>
              </TabPanel>
            ))}
          </Tabs>
        )}
      </div>
    </OutsideBoxesProvider>
  );
}
