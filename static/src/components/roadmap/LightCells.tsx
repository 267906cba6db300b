import type { RoadmapRowDto } from '../../../../src/contract';
import { rowSpan } from './arrows';
import { scheduleClass } from './styles';
import type { TimeScale } from './timeScale';

const MIN_BAR = 3;

/** The one mark a light row shows: its bar with the progress in it, or the bracket of its one known date. */
function LightMark({ row, scale }: { row: RoadmapRowDto; scale: TimeScale }) {
  const span = rowSpan(row, scale);
  if (span.kind === 'none') return null;
  const schedule = scheduleClass(row.schedule);
  if (span.kind !== 'bar') return <div className={`roadmap-marker roadmap-marker-${span.kind} ${schedule}`} style={{ left: span.kind === 'start' ? span.x : span.x - 8 }} />;
  const ratio = Math.min(1, Math.max(0, row.progress.ratio));
  return (
    <div className={`roadmap-bar ${schedule}`} style={{ left: span.startX, width: Math.max(MIN_BAR, span.endX - span.startX) }}>
      <div className="roadmap-progress" style={{ width: `${ratio * 100}%` }} />
    </div>
  );
}

/**
 * A row as drawn while the grid flings past it: its name at its depth and its bar, nothing to hover, focus or edit
 * (no toggle, key, caption, baseline or milestone). A fling mounts a screenful of rows every frame; these cost a
 * few elements each. The row's accessible name is on the row itself, so it reads the same.
 */
export function LightCells({ row, indent, scale }: { row: RoadmapRowDto; indent: number; scale: TimeScale }) {
  return (
    <>
      <div role="gridcell" data-roadmap-name="" className="roadmap-namecell" style={{ paddingLeft: indent }}>
        <span className={row.kind === 'box' ? 'roadmap-name roadmap-box' : 'roadmap-name'}>{row.name}</span>
      </div>
      <div role="gridcell" className="roadmap-timeline">
        <LightMark row={row} scale={scale} />
      </div>
    </>
  );
}
