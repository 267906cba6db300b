import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ForecastDto, ForecastLineDto } from '../../../../src/contract/reports';
import { fetchForecast } from '../../services/invokes';
import { chanceLozenge, countOf, forecastDateText } from './format';
import { forecastBlocks } from './reportCsv';
import { ReportView } from './ReportView';
import { useReport, type ReportContext } from './useReport';

const subtlest = { color: token('color.text.subtlest', '#626F86') };

const head = {
  cells: [
    { key: 'line', content: 'What', width: 30 },
    { key: 'remaining', content: 'Remaining', width: 12 },
    { key: 'p50', content: '50 %', width: 11 },
    { key: 'p85', content: '85 %', width: 11 },
    { key: 'p95', content: '95 %', width: 11 },
    { key: 'planned', content: 'Planned', width: 11 },
    { key: 'chance', content: 'Chance by the planned date', width: 14 },
  ],
};

const When = ({ date }: { date: string | null }) => (date ? <span>{date}</span> : <span style={{ ...subtlest, fontStyle: 'italic' }}>{forecastDateText(date)}</span>);

function row(line: ForecastLineDto, testId: string, unit: string) {
  const chance = chanceLozenge(line.probabilityByPlanned);
  return {
    key: testId,
    testId,
    cells: [
      { key: 'line', content: line.key ? `${line.key} ${line.name}` : <strong>{line.name}</strong> },
      { key: 'remaining', content: countOf(line.remaining, unit) },
      { key: 'p50', content: <When date={line.p50} /> },
      { key: 'p85', content: <When date={line.p85} /> },
      { key: 'p95', content: <When date={line.p95} /> },
      { key: 'planned', content: line.plannedDate ?? <span style={subtlest}>none</span> },
      { key: 'chance', content: chance ? <Lozenge appearance={chance.appearance}>{chance.text}</Lozenge> : <span style={subtlest}>—</span> },
    ],
  };
}

function ForecastBody({ forecast }: { forecast: ForecastDto }) {
  const rows = [row(forecast.teamsConverted, 'report-forecast-row-teams', 'team'), ...forecast.initiatives.map((line, i) => row(line, `report-forecast-row-${line.key ?? i}`, 'item'))];
  return (
    <div style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <SectionMessage appearance="information" title="How this is forecast">
        <p data-testid="report-forecast-method">{forecast.method}</p>
        <p style={subtlest}>
          {forecast.trials.toLocaleString('en-US')} trials over {countOf(forecast.sampleWeeks, 'week')} of history. Each date is the day by which that share of the trials (50 %, 85 %, 95 %) had finished.
        </p>
      </SectionMessage>
      <DynamicTable head={head} rows={rows} label="When the transformation and each initiative finish" />
    </div>
  );
}

/** The forecast: when the target of teams converted is reached and each initiative finishes, with the chance of the planned date. */
export function ForecastReport({ context }: { context: ReportContext }) {
  const resource = useReport(context, 'forecast', fetchForecast);
  return (
    <ReportView kind="forecast" title="Forecast" context={context} resource={resource} blocks={forecastBlocks} emptyTitle={() => null}>
      {(forecast) => <ForecastBody forecast={forecast} />}
    </ReportView>
  );
}
