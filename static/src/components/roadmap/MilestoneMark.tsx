import type { MilestoneDto } from '../../../../src/contract';
import { milestoneX } from './arrows';
import { EditableMilestone } from './EditableMilestone';
import { milestoneLabel } from './labels';
import { MILESTONE_SIZE, scheduleClass } from './styles';
import type { TimeScale } from './timeScale';

/** A diamond at the milestone's due date; a late one is red and carries a "!" (not colour alone). */
export function MilestoneMark({ milestone, scale, editable, tabbable }: { milestone: MilestoneDto; scale: TimeScale; editable: boolean; tabbable: boolean }) {
  if (editable && milestone.due !== null) return <EditableMilestone milestone={milestone} due={milestone.due} scale={scale} tabbable={tabbable} />;
  const x = milestoneX(milestone.due, scale);
  if (x === null) return null; // listed under "Not scheduled"
  const late = milestone.schedule === 'late';
  const label = milestoneLabel(milestone);
  return (
    <>
      <div
        role="img"
        aria-label={label}
        title={label}
        data-testid={`roadmap-milestone-${milestone.key}`}
        data-schedule={milestone.schedule}
        className={`roadmap-milestone ${scheduleClass(milestone.schedule)}`}
        style={{ left: x - MILESTONE_SIZE / 2 }}
      />
      {late && (
        <span aria-hidden="true" className="roadmap-milestone-late" style={{ left: x + MILESTONE_SIZE / 2 + 2 }}>
          !
        </span>
      )}
    </>
  );
}
