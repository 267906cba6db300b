import type { TransformationConfig, TransformationModel } from './model';
import { boxKey, boxTypeNamer, itemByKey } from './lookup';
import { fieldText } from './itemFields';
import { noOpenRisks, openRisksBySubtree, type OpenRiskCounts } from './openRisks';
import { boxSchedule } from './schedule';
import type { Scope } from './scope';
import { placeBoxes } from './tree';
import { progressSummary, teamsConvertedSummary } from './views';
import type { ProgressSummary, ScheduleStatus, TeamsConvertedSummary } from './views';

export interface OverviewRow {
  id: string;
  key: string | null;
  name: string;
  typeName: string;
  /** The row above it in the tree; null for a top row. */
  parentId: string | null;
  depth: number;
  /** Boxes below it are rows too. */
  hasChildren: boolean;
  progress: ProgressSummary;
  start: string | null;
  due: string | null;
  schedule: ScheduleStatus;
  teamsConverted: TeamsConvertedSummary;
  openRisks: OpenRiskCounts;
  /** The box issue's assignee, and the person in its mapped Sponsor field. */
  owner: string | null;
  sponsor: string | null;
}

export interface Overview {
  /** The first `maxRows` rows in tree order (so every row's parent is listed before it). */
  rows: OverviewRow[];
  /** Rows in all, listed or not. */
  totalRows: number;
}

/** Rows one answer lists; a scope with more boxes says how many were left out. */
export const OVERVIEW_MAX_ROWS = 2000;

/**
 * Every box of the scope below its top, as a tree: the open box's (or the transformation's) children and all below
 * them; on a project page with several top boxes, those boxes and all below them. Each row carries the box's own
 * roll-up figures, its schedule against `today` and the open risks of its subtree.
 */
export function overview(model: TransformationModel, config: TransformationConfig, scope: Scope, today: string, maxRows = OVERVIEW_MAX_ROWS): Overview {
  const singleTop = scope.rootIds.length === 1 ? scope.rootIds[0] : undefined;
  const placed = placeBoxes(model, (id) => scope.boxIds.has(id) && id !== singleTop);
  const risks = openRisksBySubtree(model, config, placed.map(({ box }) => box.id));
  const typeName = boxTypeNamer(config);
  const parents = new Set(placed.map(({ parentRowId }) => parentRowId));
  const rows = placed.slice(0, maxRows).map(({ box, parentRowId, depth }): OverviewRow => {
    const issue = itemByKey(model, box.id);
    const key = boxKey(model, box);
    return {
      id: box.id,
      key,
      name: box.name,
      typeName: typeName(box.typeId),
      parentId: parentRowId,
      depth,
      hasChildren: parents.has(box.id),
      progress: progressSummary(box.progress),
      start: box.startDate,
      due: box.dueDate,
      schedule: boxSchedule(model, box, today),
      teamsConverted: teamsConvertedSummary(box.teamsConverted),
      openRisks: risks.get(box.id) ?? noOpenRisks(),
      owner: key === null ? null : (issue?.assignee ?? null),
      sponsor: key === null ? null : fieldText(issue?.fields?.sponsor),
    };
  });
  return { rows, totalRows: placed.length };
}
