import type { Box, TransformationConfig, TransformationModel, WorkItem } from './model';
import type { BacklogDrill, BacklogItem } from './backlogTypes';
import { itemDate, itemLabels, itemNumber, textOf } from './itemFields';
import { boxById, itemByKey, riskMatcher } from './lookup';
import { inherentBand } from './riskLevels';
import { progressItems } from './progressItems';
import { boxSchedule, scheduleBoxes, scheduleStatus } from './schedule';
import type { Scope } from './scope';
import { knownStatusCategory } from './views';

/** An issue the backlog may list: a work item, or (for the box drills) a box itself. */
export interface Candidate {
  item: WorkItem;
  /** Set when the row is a box itself (a team, or a late box). */
  teamBox: Box | null;
  /** The box the row belongs to: the work item's box, or the box itself. */
  boxId: string;
}

const TEAM_DRILLS: ReadonlySet<BacklogDrill> = new Set(['teams', 'convertedTeams', 'notConvertedTeams']);

/** The work items in scope (in scope order), or for the team drills the team boxes in scope (in tree order). */
export function candidates(model: TransformationModel, config: TransformationConfig, scope: Scope, containerOf: ReadonlyMap<string, string>, drill: BacklogDrill | undefined): Candidate[] {
  const list: Candidate[] = [];
  if (drill !== undefined && TEAM_DRILLS.has(drill)) {
    const teamTypeId = config.conversion?.teamBoxTypeId;
    for (const id of scope.boxIds) {
      const box = boxById(model, id);
      const item = itemByKey(model, id);
      if (box === undefined || item === undefined || box.typeId !== teamTypeId) continue;
      if (drill === 'convertedTeams' && box.converted !== true) continue;
      if (drill === 'notConvertedTeams' && box.converted === true) continue;
      list.push({ item, teamBox: box, boxId: box.id });
    }
    return list;
  }
  if (drill === 'lateBoxes') {
    // Exactly the boxes the top row's "Late" figure counts.
    for (const box of scheduleBoxes(model, scope)) {
      const item = itemByKey(model, box.id);
      if (item !== undefined) list.push({ item, teamBox: box, boxId: box.id });
    }
    return list;
  }
  // The "Transformation advanced" drill lists exactly the done items its figure adds up, not every done issue.
  const keys = drill === 'done' ? progressItems(model, config, scope).doneKeys : scope.itemKeys;
  for (const key of keys) {
    const item = itemByKey(model, key);
    if (item !== undefined) list.push({ item, teamBox: null, boxId: containerOf.get(key) ?? model.rootId });
  }
  return list;
}

/** Lower-cased key, summary, assignee and labels, one per line, for the text search. */
export function searchText(candidate: Candidate): string {
  const { item, teamBox } = candidate;
  const summary = teamBox === null ? textOf(item.summary) : teamBox.name;
  const assignee = typeof item.assignee === 'string' ? item.assignee : '';
  return [textOf(item.key), summary, assignee, ...itemLabels(item)].join('\n').toLowerCase();
}

export function backlogItem(model: TransformationModel, config: TransformationConfig, candidate: Candidate, today: string, isRisk: ReturnType<typeof riskMatcher>): BacklogItem {
  const { item, teamBox, boxId } = candidate;
  const box = teamBox ?? boxById(model, boxId);
  const due = teamBox === null ? itemDate(item, 'dueDate') : teamBox.dueDate;
  return {
    key: textOf(item.key),
    summary: teamBox === null ? textOf(item.summary) : teamBox.name,
    type: textOf(item.issueType),
    status: textOf(item.status),
    statusCategory: knownStatusCategory(item.statusCategory),
    assignee: typeof item.assignee === 'string' ? item.assignee : null,
    labels: itemLabels(item),
    boxId,
    boxName: box?.name ?? '',
    start: teamBox === null ? itemDate(item, 'startDate') : teamBox.startDate,
    due,
    storyPoints: itemNumber(item, 'storyPoints'),
    riskBand: teamBox === null && isRisk(item) ? inherentBand(item, config.riskScale) : null,
    schedule: teamBox === null ? scheduleStatus(item.statusCategory === 'done', due, today) : boxSchedule(model, teamBox, today),
  };
}
