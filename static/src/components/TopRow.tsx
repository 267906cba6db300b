import { token } from '@atlaskit/tokens';
import type { BacklogDrill, PageSummaryDto } from '../../../src/contract';
import { methodLabel } from './methodLabel';

interface FigureProps {
  label: string;
  value: string;
  detail: string;
  testId: string;
  /** What clicking opens: the issues behind the number. */
  drillLabel: string;
  onOpen: () => void;
}

function Figure({ label, value, detail, testId, drillLabel, onOpen }: FigureProps) {
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={`${label}: ${value}, ${detail}. ${drillLabel}`}
      data-testid={`${testId}-button`}
      style={{
        flex: '1 1 180px',
        textAlign: 'left',
        cursor: 'pointer',
        padding: token('space.200', '16px'),
        borderRadius: token('radius.large', '8px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        background: token('elevation.surface.raised', '#FFFFFF'),
        color: token('color.text', '#172B4D'),
        font: 'inherit',
      }}
    >
      <span style={{ display: 'block', font: token('font.body.small', '12px sans-serif'), color: token('color.text.subtle', '#44546F') }}>{label}</span>
      <span data-testid={testId} style={{ display: 'block', font: token('font.heading.xlarge', '600 29px/32px sans-serif') }}>
        {value}
      </span>
      <span style={{ display: 'block', font: token('font.body.small', '12px sans-serif'), color: token('color.text.subtlest', '#626F86') }}>{detail}</span>
    </button>
  );
}

/** What "of the teams" means when Jira hides some of them from this viewer. */
function teamsDetail(summary: PageSummaryDto): string {
  const { converted, total } = summary.teamsConverted;
  return summary.source.rowsHidden ? `${converted} of the ${total} teams you can see` : `${converted} of ${total} teams`;
}

/** What Issues read adds up, so its drill (the work items) can be checked against it. */
function issuesDetail(summary: PageSummaryDto): string {
  const boxes = summary.issueCount - summary.workItemCount;
  const split = `${summary.workItemCount.toLocaleString('en-GB')} work items and ${boxes.toLocaleString('en-GB')} boxes`;
  if (summary.issuesOutsideBoxes === 0) return split;
  return `${split}; ${summary.issuesOutsideBoxes.toLocaleString('en-GB')} work items in no box of this page (see the warnings)`;
}

/** The headline figures; each opens the issues behind it. */
export function TopRow({ summary, onDrill }: { summary: PageSummaryDto; onDrill: (drill: BacklogDrill | null) => void }) {
  const { progress, teamsConverted, schedule } = summary;
  const seen = summary.source.rowsHidden ? ' of the work you can see' : '';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <div role="group" aria-label="Headline figures" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
        <Figure label="Transformation advanced" value={progress.percentText} detail={`${progress.basis}${seen}`} testId="top-progress" drillLabel="Show the done work it counts" onOpen={() => onDrill('done')} />
        <Figure label="Teams converted" value={teamsConverted.percentText} detail={teamsDetail(summary)} testId="top-teams-converted" drillLabel="Show the teams" onOpen={() => onDrill('teams')} />
        <Figure label="Late" value={schedule.late.toLocaleString('en-GB')} detail={`${schedule.onTrack} on track, ${schedule.done} done`} testId="top-late" drillLabel="Show the late boxes" onOpen={() => onDrill('lateBoxes')} />
        <Figure label="Issues read" value={summary.issueCount.toLocaleString('en-GB')} detail={issuesDetail(summary)} testId="top-issue-count" drillLabel="Show the work items" onOpen={() => onDrill(null)} />
      </div>
      <MethodNote method={progress.method} />
    </div>
  );
}

/** How every % on the page is computed, one click away from the figures (as BigPicture states its method per box). */
function MethodNote({ method }: { method: PageSummaryDto['progress']['method'] }) {
  const combined = method === 'manual' ? 'the percent stated in the box’s Manual progress field' : `done over total by ${methodLabel(method)}`;
  return (
    <details data-testid="progress-method" style={{ font: token('font.body.small', '12px sans-serif'), color: token('color.text.subtle', '#44546F') }}>
      <summary style={{ cursor: 'pointer' }}>How is “Transformation advanced” computed? Here: {combined}.</summary>
      <p style={{ margin: `${token('space.050', '4px')} 0 0` }}>
        Every % is done over total of the work items in the box and every box below it, in the one unit its box type
        measures: issue count, story points or original estimate (a team’s % in its story points, an initiative’s in issues).
        Risks never count. A page with several top boxes adds them up in their common unit, or by issue count when their
        units differ. A box with a percent in its Manual progress field shows that percent. Open the figure to list the done work it counts.
      </p>
    </details>
  );
}
