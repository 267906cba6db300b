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

/** The headline figures; each opens the issues behind it. */
export function TopRow({ summary, onDrill }: { summary: PageSummaryDto; onDrill: (drill: BacklogDrill | null) => void }) {
  const { progress, teamsConverted, schedule } = summary;
  return (
    <div role="group" aria-label="Headline figures" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
      <Figure label="Transformation advanced" value={progress.percentText} detail={`rolled up by ${methodLabel(progress.method)}`} testId="top-progress" drillLabel="Show the done work" onOpen={() => onDrill('done')} />
      <Figure label="Teams converted" value={teamsConverted.percentText} detail={`${teamsConverted.converted} of ${teamsConverted.total} teams`} testId="top-teams-converted" drillLabel="Show the teams" onOpen={() => onDrill('teams')} />
      <Figure label="Late" value={schedule.late.toLocaleString('en-GB')} detail={`${schedule.onTrack} on track, ${schedule.done} done`} testId="top-late" drillLabel="Show the late boxes" onOpen={() => onDrill('lateBoxes')} />
      <Figure label="Issues read" value={summary.issueCount.toLocaleString('en-GB')} detail={`read at ${new Date(summary.readAt).toLocaleString('en-GB')}`} testId="top-issue-count" drillLabel="Show all issues" onOpen={() => onDrill(null)} />
    </div>
  );
}
