import { useMemo, useState, type ReactElement } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { ScopeDto } from '../../../../src/contract';
import { FlowReport } from './FlowReport';
import { ForecastReport } from './ForecastReport';
import { DEFAULT_PRESET, localToday, presetPeriod } from './period';
import { PeriodPicker } from './PeriodPicker';
import { createReportCache } from './reportCache';
import type { ReportKind } from './reportCsv';
import type { ReportContext } from './useReport';
import { ValueReport } from './ValueReport';
import { WeeklyReport } from './WeeklyReport';
import './reports.css';

const REPORTS: { kind: ReportKind; label: string; View: (props: { context: ReportContext }) => ReactElement }[] = [
  { kind: 'weekly', label: 'Weekly report', View: WeeklyReport },
  { kind: 'value', label: 'Value', View: ValueReport },
  { kind: 'flow', label: 'Flow', View: FlowReport },
  { kind: 'forecast', label: 'Forecast', View: ForecastReport },
];

/**
 * The transformation office's reports for a scope: the weekly report, value tracking, the flow of the work and the
 * forecast. Each loads when its tab is first opened and is kept per scope and period; each exports CSV and prints.
 */
export function ReportsPanel({ scope }: { scope: ScopeDto }) {
  const [today] = useState(() => localToday(new Date()));
  const [period, setPeriod] = useState(() => presetPeriod(DEFAULT_PRESET, today));
  const [selected, setSelected] = useState(0);
  const [cache] = useState(createReportCache);
  const context = useMemo<ReportContext>(() => ({ scope, period, today, cache }), [scope, period, today, cache]);
  return (
    <div className="report-print-area" data-testid="reports-panel" style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <PeriodPicker period={period} today={today} onChange={setPeriod} />
      <Tabs id="report-tabs" selected={selected} onChange={setSelected} shouldUnmountTabPanelOnChange>
        <div className="report-no-print">
          <TabList>
            {REPORTS.map(({ kind, label }) => (
              <Tab key={kind} testId={`report-tab-${kind}`}>
                {label}
              </Tab>
            ))}
          </TabList>
        </div>
        {REPORTS.map(({ kind, View }) => (
          <TabPanel key={kind}>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
              <View context={context} />
            </div>
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
