import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { FlowMeasuresDto, FlowReportDto } from '../../../../src/contract/reports';
import { fetchFlowReport } from '../../services/invokes';
import { DistributionBar } from './DistributionBar';
import { flowTexts } from './flow';
import { FlowTable } from './FlowTable';
import { LineChart } from './LineChart';
import { flowBlocks } from './reportCsv';
import { ReportView } from './ReportView';
import { useReport, type ReportContext } from './useReport';

function Tiles({ measures }: { measures: FlowMeasuresDto }) {
  const t = flowTexts(measures);
  const tiles = [
    { id: 'velocity', label: 'Velocity', value: t.velocity, note: 'items finished' },
    { id: 'median', label: 'Flow time, median', value: t.median, note: 'first start to done' },
    { id: 'p85', label: 'Flow time, p85', value: t.p85, note: '85 % finish within' },
    { id: 'load', label: 'Load', value: t.load, note: 'in progress at the end' },
    { id: 'efficiency', label: 'Efficiency', value: t.efficiency, note: 'active time of flow time' },
  ];
  return (
    <dl className="report-block" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: token('space.150', '12px'), margin: 0, padding: 0 }}>
      {tiles.map((tile) => (
        <div key={tile.id} style={{ padding: token('space.150', '12px'), border: `${token('border.width', '1px')} solid ${token('color.border', '#091E4224')}`, borderRadius: token('radius.medium', '6px') }}>
          <dt style={{ color: token('color.text.subtle', '#44546F'), fontSize: '12px' }}>{tile.label}</dt>
          <dd data-testid={`report-flow-${tile.id}`} style={{ margin: 0, fontSize: '20px', fontWeight: 600 }}>
            {tile.value}
          </dd>
          <dd style={{ margin: 0, color: token('color.text.subtlest', '#626F86'), fontSize: '12px' }}>{tile.note}</dd>
        </div>
      ))}
    </dl>
  );
}

function FlowBody({ flow }: { flow: FlowReportDto }) {
  const weeks = flow.overTime;
  const last = weeks[weeks.length - 1];
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Tiles measures={flow.overall} />
      <section aria-label="Flow distribution">
        <Heading size="xsmall" as="h4">
          Distribution of the items finished
        </Heading>
        <DistributionBar measures={flow.overall} />
      </section>
      {weeks.length > 0 && (
        <section aria-label="Velocity and load by week">
          <Heading size="xsmall" as="h4">
            Velocity and load by week
          </Heading>
          <LineChart
            testId="report-flow-weekly"
            title="Velocity and load by week"
            desc={last ? `${weeks.length} weeks to ${last.weekEnd}; last week ${last.velocity} items finished and ${last.load} in progress.` : ''}
            dates={weeks.map((w) => w.weekEnd)}
            format={String}
            counts
            series={[
              { name: 'Velocity (items finished)', values: weeks.map((w) => w.velocity), color: token('color.chart.brand', '#1D7AFC') },
              { name: 'Load (in progress)', values: weeks.map((w) => w.load), color: token('color.chart.orange.bold', '#FAA53D'), dashed: true },
            ]}
          />
        </section>
      )}
      <section aria-label="Flow by box">
        <Heading size="xsmall" as="h4">
          By box
        </Heading>
        <FlowTable boxes={flow.byBox} />
      </section>
    </div>
  );
}

const nothingFlowing = (f: FlowReportDto) => (f.overall.velocity === 0 && f.overall.load === 0 && f.byBox.length === 0 ? 'Nothing finished or in progress in this period' : null);

/** The flow of the work (Flow Framework): distribution, velocity, flow time, load and efficiency, by box and by week. */
export function FlowReport({ context }: { context: ReportContext }) {
  const resource = useReport(context, 'flow', fetchFlowReport);
  return (
    <ReportView kind="flow" title="Flow of the work" context={context} resource={resource} blocks={flowBlocks} emptyTitle={nothingFlowing}>
      {(flow) => <FlowBody flow={flow} />}
    </ReportView>
  );
}
