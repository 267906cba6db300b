/** The words the roadmap puts in titles and accessible names. No React here. */
import type { DependencyDto, MilestoneDto, RoadmapRowDto, ScheduleStatusDto } from '../../../../src/contract';

const SCHEDULE_TEXT: Record<ScheduleStatusDto, string> = { done: 'done', late: 'late', onTrack: 'on track', unscheduled: 'not scheduled' };
export const scheduleText = (schedule: ScheduleStatusDto): string => SCHEDULE_TEXT[schedule];

/** "PAY-3 Team Falcon", or just the name for the root. */
export const rowName = (row: Pick<RoadmapRowDto, 'key' | 'name'>): string => (row.key ? `${row.key} ${row.name}` : row.name);

function datesText(start: string | null, due: string | null): string {
  if (start && due) return `${start} → ${due}`;
  if (start) return `starts ${start}, no due date`;
  if (due) return `due ${due}, no start date`;
  return 'no dates';
}

/** "PAY-3 Team Falcon: 2026-01-05 → 2026-04-30, 62.5 % done, late" */
export const barLabel = (row: RoadmapRowDto): string =>
  `${rowName(row)}: ${datesText(row.start, row.due)}, ${row.progress.percentText} done, ${scheduleText(row.schedule)}${row.doneWithOpenWork ? ' in Jira, with work still open' : ''}`;

/** "Milestone PAY-9 Go-live: due 2026-03-31, late" */
export const milestoneLabel = (milestone: MilestoneDto): string =>
  `Milestone ${milestone.key} ${milestone.name}: ${milestone.due ? `due ${milestone.due}` : 'no due date'}, ${scheduleText(milestone.schedule)}`;

/** "PAY-5 blocks PAY-7 (conflict: PAY-7 is due before PAY-5 ends)" */
export const dependencyLabel = (dependency: Pick<DependencyDto, 'fromKey' | 'toKey' | 'violated'>): string =>
  `${dependency.fromKey} blocks ${dependency.toKey}${dependency.violated ? ` (conflict: ${dependency.toKey} is due before ${dependency.fromKey} ends)` : ''}`;

/** Per row, what it blocks and what blocks it, for the row's accessible name. */
export function dependencyNotes(dependencies: readonly Pick<DependencyDto, 'fromRowId' | 'toRowId' | 'fromKey' | 'toKey' | 'violated'>[]): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  const add = (rowId: string, note: string) => {
    const list = notes.get(rowId);
    if (list) list.push(note);
    else notes.set(rowId, [note]);
  };
  for (const d of dependencies) {
    const conflict = d.violated ? ' (conflict)' : '';
    add(d.fromRowId, `blocks ${d.toKey}${conflict}`);
    add(d.toRowId, `blocked by ${d.fromKey}${conflict}`);
  }
  return notes;
}

/** The row's accessible name: what it is, its dates and state, and its dependencies. */
export function rowLabel(row: RoadmapRowDto, notes: readonly string[] | undefined, milestones: readonly MilestoneDto[] | undefined): string {
  const parts = [`${barLabel(row)} (${row.typeName})`];
  if (milestones?.length) parts.push(milestones.map(milestoneLabel).join('; '));
  if (notes?.length) parts.push(notes.join('; '));
  return parts.join('. ');
}
