import DynamicTable from '@atlaskit/dynamic-table';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ValueTrackingDto } from '../../../../src/contract/reports';
import { fetchValueTracking } from '../../services/invokes';
import { Empty } from '../PanelState';
import { axisNumber, dayOfInstant, daysText, numberText } from './format';
import { LineChart } from './LineChart';
import { valueBlocks } from './reportCsv';
import { ReportView } from './ReportView';
import { TargetBars } from './TargetBars';
import { useReport, type ReportContext } from './useReport';
import { ValuePipeline } from './ValuePipeline';

const stuckHead = {
  cells: [
    { key: 'key', content: 'Key', width: 12 },
    { key: 'summary', content: 'Initiative', width: 48 },
    { key: 'gate', content: 'Gate', width: 20 },
    { key: 'days', content: 'In the gate', width: 20 },
  ],
};

function Stuck({ value }: { value: ValueTrackingDto }) {
  const title = `Stuck in a gate longer than ${daysText(value.stuckThresholdDays)}`;
  const rows = value.stuck.map((s) => ({
    key: s.key,
    testId: `report-stuck-${s.key}`,
    cells: [
      { key: 'key', content: s.key },
      { key: 'summary', content: s.summary },
      { key: 'gate', content: s.gate },
      { key: 'days', content: `${daysText(s.days)} (since ${dayOfInstant(s.since)})` },
    ],
  }));
  return (
    <section className="report-block" aria-label={title} data-testid="report-value-stuck">
      <Heading size="xsmall" as="h4">
        {title}
      </Heading>
      {rows.length === 0 ? <p style={{ color: token('color.text.subtlest', '#626F86') }}>No initiative is stuck.</p> : <DynamicTable head={stuckHead} rows={rows} label={title} />}
    </section>
  );
}

function ValueBody({ value }: { value: ValueTrackingDto }) {
  const last = value.overTime[value.overTime.length - 1];
  const desc = last ? `${value.overTime.length} points from ${value.overTime[0]?.date} to ${last.date}; latest realised ${numberText(last.realised)} against a target of ${numberText(last.target)}.` : '';
  return (
    <div style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <ValuePipeline value={value} />
      <section aria-label="Target vs realised value by workstream">
        <Heading size="xsmall" as="h4">
          Target vs realised by workstream
        </Heading>
        {value.byWorkstream.length === 0 ? <Empty title="No workstreams with a value target" /> : <TargetBars rows={value.byWorkstream} />}
      </section>
      <section aria-label="Value realised over time">
        <Heading size="xsmall" as="h4">
          Realised over time
        </Heading>
        {value.overTime.length === 0 ? (
          <p style={{ color: token('color.text.subtlest', '#626F86') }}>No value recorded over time yet.</p>
        ) : (
          <LineChart
            testId="report-value-over-time"
            title="Value realised over time"
            desc={desc}
            dates={value.overTime.map((p) => p.date)}
            format={numberText}
            axisFormat={axisNumber}
            series={[
              { name: 'Target', values: value.overTime.map((p) => p.target), color: token('color.chart.success.bold', '#1F845A'), dashed: true },
              { name: 'Realised', values: value.overTime.map((p) => p.realised), color: token('color.chart.brand', '#1D7AFC') },
            ]}
          />
        )}
      </section>
      <Stuck value={value} />
    </div>
  );
}

const noInitiatives = (v: ValueTrackingDto) => (v.pipeline.every((g) => g.count === 0) && v.ungated.length === 0 && v.byWorkstream.length === 0 ? 'No initiatives in this scope' : null);

/** Value tracking: the stage-gate pipeline, target vs realised value, value over time and initiatives stuck in a gate. */
export function ValueReport({ context }: { context: ReportContext }) {
  const resource = useReport(context, 'value', fetchValueTracking);
  return (
    <ReportView kind="value" title="Value tracking" context={context} resource={resource} blocks={valueBlocks} emptyTitle={noInitiatives}>
      {(value) => <ValueBody value={value} />}
    </ReportView>
  );
}
