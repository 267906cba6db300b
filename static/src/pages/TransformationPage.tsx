import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import type { BacklogDrill, PanelKey, ScopeDto } from '../../../src/contract';
import { BacklogPanel } from '../components/backlog/BacklogPanel';
import { DataQualityWarnings } from '../components/DataQualityWarnings';
import { ErrorState, Loading, Preparing } from '../components/PanelState';
import { ReportsPanel } from '../components/reports/ReportsPanel';
import { RiskMatrixPanel } from '../components/risks/RiskMatrixPanel';
import { RoadmapPanel } from '../components/roadmap/RoadmapPanel';
import { TeamsConvertedPanel } from '../components/teams/TeamsConvertedPanel';
import { TopRow } from '../components/TopRow';
import { useResource } from '../hooks/useResource';
import { DataSourceNote } from '../components/DataSourceNote';
import { EditsProvider } from '../components/edits/EditsProvider';
import { useEditRefresh, useEdits } from '../components/edits/editsContext';
import { fetchSummary } from '../services/invokes';

const PANEL_TITLES: Partial<Record<PanelKey, string>> = {
  teamsConverted: 'Teams converted',
  roadmap: 'Roadmap',
  riskMatrix: 'Risks',
  backlog: 'Backlog',
  reports: 'Reports',
};

/** The transformation, or one project's part of it, with the edits the viewer may make in Jira from it. */
export function TransformationPage({ scope }: { scope: ScopeDto }) {
  return (
    <EditsProvider>
      <TransformationView scope={scope} />
    </EditsProvider>
  );
}

/** The top row, then the panels its box type enables; read again after every edit, so the figures follow. */
function TransformationView({ scope }: { scope: ScopeDto }) {
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

  if (summary.state === 'loading') return <Loading label="Reading the transformation from Jira…" />;
  if (summary.state === 'error' && summary.code === 'NOT_READY') return <Preparing message={summary.message} onRetry={summary.retry} />;
  if (summary.state === 'error') return <ErrorState title="The transformation could not be read" message={summary.message} onRetry={summary.retry} />;
  const { data } = summary;
  const panels = data.toolset.filter((p) => PANEL_TITLES[p] !== undefined);
  const openBacklog = (next: BacklogDrill | null) => {
    setDrill(next ?? undefined);
    setDrillRequest((n) => n + 1);
    const index = panels.indexOf('backlog');
    if (index >= 0) setSelected(index);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}>
      <Heading size="large" as="h2">
        {data.scopeName}
      </Heading>
      <TopRow summary={data} onDrill={openBacklog} />
      <DataSourceNote source={data.source} hiddenBecause={data.hiddenBecause} />
      <DataQualityWarnings warnings={data.warnings} total={data.warningCount} />
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
                {p === 'teamsConverted' && <TeamsConvertedPanel scope={scope} />}
                {p === 'roadmap' && <RoadmapPanel scope={scope} />}
                {p === 'riskMatrix' && <RiskMatrixPanel scope={scope} />}
                {p === 'backlog' && <BacklogPanel key={drillRequest} scope={scope} drill={drill} onDrillCleared={() => setDrill(undefined)} />}
                {p === 'reports' && <ReportsPanel scope={scope} />}
              </div>
            </TabPanel>
          ))}
        </Tabs>
      )}
    </div>
  );
}
