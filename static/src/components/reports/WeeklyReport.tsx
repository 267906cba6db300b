import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ScopeDto } from '../../../../src/contract';
import type { WeeklyReportDto } from '../../../../src/contract/reports';
import { CreateIssuePanel } from '../edits/CreateIssuePanel';
import { fetchWeeklyReport } from '../../services/invokes';
import { Empty } from '../PanelState';
import { weeklyBlocks } from './reportCsv';
import { ReportView } from './ReportView';
import { useReport, type ReportContext } from './useReport';
import { progressLine, teamsLine } from './weekly';
import { WorkstreamWeek } from './WorkstreamWeek';

function WeeklyBody({ report, scope }: { report: WeeklyReportDto; scope: ScopeDto }) {
  const [creatingUnder, setCreatingUnder] = useState<string | null>(null);
  return (
    <div style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <div className="report-block" data-testid="report-weekly-overall">
        <Heading size="small" as="h3">
          All workstreams
        </Heading>
        <p style={{ margin: `${token('space.050', '4px')} 0`, fontSize: '16px' }}>
          <span data-testid="report-weekly-progress">{progressLine(report.overall)}</span>
          {' · '}
          <span data-testid="report-weekly-teams">{teamsLine(report.overall)}</span>
        </p>
      </div>
      {report.workstreams.length === 0 ? (
        <Empty title="No workstreams in this scope" />
      ) : (
        report.workstreams.map((ws) => <WorkstreamWeek key={ws.boxId} ws={ws} onCreate={setCreatingUnder} />)
      )}
      {creatingUnder && <CreateIssuePanel scope={scope} boxKey={creatingUnder} onClose={() => setCreatingUnder(null)} />}
    </div>
  );
}

/** The weekly transformation report: the overall movement, then each workstream's week. */
export function WeeklyReport({ context }: { context: ReportContext }) {
  const resource = useReport(context, 'weekly', fetchWeeklyReport);
  return (
    <ReportView kind="weekly" title="Weekly report" context={context} resource={resource} blocks={weeklyBlocks} emptyTitle={() => null}>
      {(report) => <WeeklyBody report={report} scope={context.scope} />}
    </ReportView>
  );
}
