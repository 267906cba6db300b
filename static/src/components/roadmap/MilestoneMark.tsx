import type { MilestoneDto } from '../../../../src/contract';
import { milestoneX } from './arrows';
import { barColors, COLORS } from './colors';
import { ROW_HEIGHT } from './constants';
import { milestoneLabel } from './labels';
import type { TimeScale } from './timeScale';

const SIZE = 12;

/** A diamond at the milestone's due date; a late one is red and carries a "!" (not colour alone). */
export function MilestoneMark({ milestone, scale }: { milestone: MilestoneDto; scale: TimeScale }) {
  const x = milestoneX(milestone.due, scale);
  if (x === null) return null; // listed under "Not scheduled"
  const late = milestone.schedule === 'late';
  const color = late ? barColors('late').fill : milestone.schedule === 'done' ? barColors('done').fill : COLORS.milestone;
  const label = milestoneLabel(milestone);
  return (
    <>
      <div
        role="img"
        aria-label={label}
        title={label}
        data-testid={`roadmap-milestone-${milestone.key}`}
        data-schedule={milestone.schedule}
        style={{ position: 'absolute', left: x - SIZE / 2, top: (ROW_HEIGHT - SIZE) / 2, width: SIZE, height: SIZE, boxSizing: 'border-box', transform: 'rotate(45deg)', background: color, border: `2px solid ${COLORS.surface}`, zIndex: 1 }}
      />
      {late && (
        <span aria-hidden="true" style={{ position: 'absolute', left: x + SIZE / 2 + 2, top: 0, lineHeight: `${ROW_HEIGHT}px`, fontWeight: 700, color: barColors('late').text }}>
          !
        </span>
      )}
    </>
  );
}
