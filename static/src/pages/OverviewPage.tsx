import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { fetchOverview } from '../services/invokes';
import { useResource } from '../hooks/useResource';
import { BoxProgressTable } from '../components/BoxProgressTable';
import { DataQualityWarnings } from '../components/DataQualityWarnings';
import { ErrorState, Loading } from '../components/PanelState';
import { TopRow } from '../components/TopRow';

/** The transformation at a glance: the top row, then progress and teams converted per box. */
export function OverviewPage() {
  const overview = useResource(fetchOverview);
  if (overview.state === 'loading') return <Loading label="Reading the transformation from Jira…" />;
  if (overview.state === 'error') return <ErrorState title="The transformation could not be read" message={overview.message} onRetry={overview.retry} />;
  const { data } = overview;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.300', '24px') }}>
      <Heading size="large" as="h2">
        {data.transformationName}
      </Heading>
      <TopRow overview={data} />
      <DataQualityWarnings warnings={data.warnings} total={data.warningCount} />
      <section aria-labelledby="teams-converted-heading">
        <Heading size="medium" as="h3" id="teams-converted-heading">
          Teams converted per {data.childTypeName.toLowerCase()}
        </Heading>
        <BoxProgressTable boxes={data.children} typeName={data.childTypeName} />
      </section>
    </div>
  );
}
