import { useCallback } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ScopeDto, TeamsConvertedPanelDto } from '../../../../src/contract';
import { useResource } from '../../hooks/useResource';
import { useEditRefresh } from '../edits/editsContext';
import { fetchTeamsConverted } from '../../services/invokes';
import { Empty, ErrorState, Loading } from '../PanelState';
import { ConversionChart } from './ConversionChart';
import { TeamsTable } from './TeamsTable';
import { isTeamRow, teamsToday } from './teamStage';
import { percentText } from './chartScale';

function TeamsConvertedView({ data }: { data: TeamsConvertedPanelDto }) {
  const today = teamsToday(data.rows);
  return (
    <div data-testid="teams-converted-panel" style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <section aria-label="Teams converted over time">
        <Heading size="xsmall" as="h4">
          Teams converted over time
        </Heading>
        <p style={{ color: token('color.text.subtle', '#44546F'), margin: `${token('space.050', '4px')} 0` }}>
          A team counts as converted from the “{data.targetStage}” stage on.
          {` Today: ${today.converted} of ${today.total} teams (${percentText(today.ratio)}).`}
        </p>
        {data.historySource === 'currentOnly' && (
          <SectionMessage appearance="information" testId="teams-history-current-only">
            <p>History not available: showing today's stage only.</p>
          </SectionMessage>
        )}
        <ConversionChart history={data.history} targetRatio={data.targetRatio} />
      </section>
      <section aria-label="Teams converted by box">
        <TeamsTable teams={data.rows} stages={data.stages} targetStage={data.targetStage} />
      </section>
    </div>
  );
}

/** Each box's conversion stage, progress and teams converted, and the share of teams converted week by week. */
export function TeamsConvertedPanel({ scope }: { scope: ScopeDto }) {
  const load = useCallback(() => fetchTeamsConverted(scope), [scope]);
  const resource = useResource(load, useEditRefresh());
  if (resource.state === 'loading') return <Loading label="Loading teams…" />;
  if (resource.state === 'error') return <ErrorState title="Teams converted could not be loaded" message={resource.message} onRetry={resource.retry} />;
  if (!resource.data.rows.some(isTeamRow)) return <Empty title="No teams in this scope">Teams added below this scope's boxes in Jira will show here.</Empty>;
  return <TeamsConvertedView data={resource.data} />;
}
