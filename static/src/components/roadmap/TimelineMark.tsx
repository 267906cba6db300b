import type { RoadmapRowDto } from '../../../../src/contract';
import { rowSpan } from './arrows';
import { Caption } from './Caption';
import { EditableBar } from './EditableBar';
import { barLabel } from './labels';
import { scheduleClass } from './styles';
import type { TimeScale } from './timeScale';

const MIN_BAR = 3;

/** A bar from start to due with its progress inside, a bracket for the one known date, or a note when there is none. */
export function TimelineMark({ row, scale, editable, tabbable }: { row: RoadmapRowDto; scale: TimeScale; editable: boolean; tabbable: boolean }) {
  const span = rowSpan(row, scale);
  if (span.kind === 'none') return <span className="roadmap-nodates">No dates: listed under “Not scheduled”</span>;
  const label = barLabel(row);
  const { key, start, due } = row;
  // Dates the wrong way round are left to Jira: the app does not guess which one is meant.
  if (span.kind === 'bar' && editable && key !== null && start !== null && due !== null && start <= due) {
    return <EditableBar row={row} issueKey={key} dates={{ start, due }} scale={scale} label={label} tabbable={tabbable} />;
  }
  if (span.kind === 'bar') {
    const width = Math.max(MIN_BAR, span.endX - span.startX);
    const ratio = Math.min(1, Math.max(0, row.progress.ratio));
    return (
      <>
        <div
          role="img"
          aria-label={label}
          title={`${label} (${row.progress.basis})`}
          data-testid={`roadmap-bar-${row.id}`}
          data-schedule={row.schedule}
          className={`roadmap-bar ${scheduleClass(row.schedule)}`}
          style={{ left: span.startX, width }}
        >
          <div data-testid={`roadmap-progress-${row.id}`} className="roadmap-progress" style={{ width: `${ratio * 100}%` }} />
        </div>
        <Caption x={span.startX + width + 6} row={row} />
      </>
    );
  }
  // One known date: a bracket opening towards the unknown side, never a made-up bar.
  const isStart = span.kind === 'start';
  return (
    <>
      <div
        role="img"
        aria-label={label}
        title={`${label} (${row.progress.basis})`}
        data-testid={`roadmap-marker-${row.id}`}
        data-marker={span.kind}
        data-schedule={row.schedule}
        className={`roadmap-marker roadmap-marker-${span.kind} ${scheduleClass(row.schedule)}`}
        style={{ left: isStart ? span.x : span.x - 8 }}
      />
      <Caption x={span.x + (isStart ? 12 : 4)} row={row} prefix={isStart ? `from ${row.start}, no due date` : `due ${row.due}, no start date`} />
    </>
  );
}
