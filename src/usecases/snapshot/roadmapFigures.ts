import { z } from 'zod';
import { hiddenRuns, positionAtIndex, ROADMAP_WINDOW_CAPS, scheduleStatus, shownIndexOf, type RoadmapCollapse, type RoadmapDependency, type RoadmapMilestone, type StoredRoadmapRow, type TransformationConfig } from '../../domain';
import type { RoadmapDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { rowSpans, scopeTimeline, scopeUndated, windowDependencies, windowMilestones, windowRows, type ListRecord, type PositionRange } from '../../storage/snapshot/figureRoadmap';
import type { ScopeRequest } from '../readScope';
import { queueFiguresWork } from '../../events/snapshotQueue';
import { figuresFor, today, type FiguresAnswer } from './pageFigures';

/** Ids a single `IN (…)` list carries. */
const IDS_PER_QUERY = 1000;

// The rows are the app's own JSON; their shape is checked all the same before a page gets them.
const rowDoc = z.looseObject({ id: z.string(), parentId: z.string().nullable(), hasChildren: z.boolean(), due: z.string().nullable(), start: z.string().nullable() });
const milestoneDoc = z.looseObject({ key: z.string(), rowId: z.string(), due: z.string().nullable() });
const dependencyDoc = z.looseObject({ fromRowId: z.string(), toRowId: z.string() });

const milestoneOf = (record: ListRecord, day: string): RoadmapMilestone => {
  const milestone = milestoneDoc.parse(record.doc) as unknown as Omit<RoadmapMilestone, 'schedule'>;
  return { ...milestone, schedule: scheduleStatus(record.done, milestone.due, day) };
};

/**
 * One window of the roadmap from the stored figures: the whole transformation's or one box's, with rows collapsed by
 * a list. Other roadmaps (a project's, "collapse all", with a baseline) are read in full.
 */
export async function roadmapFromFigures(asCaller: JiraApi, config: TransformationConfig, request: ScopeRequest, window: { offset: number; limit: number }, collapse: RoadmapCollapse, baselineId: string | undefined, now: Date, queue: (classKey: string) => Promise<void> = queueFiguresWork): Promise<FiguresAnswer<RoadmapDto>> {
  if (baselineId !== undefined || collapse.kind !== 'listed') return { kind: 'readInFull', prior: undefined };
  const found = await figuresFor(asCaller, config, request, now, queue);
  if (found.kind !== 'ready') return found;
  const { state, stored } = found;
  const scope = stored.roadmap;
  if (scope === null) return { kind: 'readInFull', prior: { head: found.head } };
  const day = today(now);
  const ids = [...collapse.ids];
  const collapsed = [];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) collapsed.push(...(await rowSpans(state.figuresId, ids.slice(start, start + IDS_PER_QUERY), scope)));
  const runs = hiddenRuns(collapsed).map((run) => ({ first: run.first, last: run.last }));
  const hidden = runs.reduce((sum, run) => sum + run.last - run.first + 1, 0);
  const totalRows = scope.last - scope.first + 1 - hidden;
  const offset = Math.max(0, window.offset);
  const end = Math.min(totalRows, offset + Math.max(0, window.limit));
  const range: PositionRange = end > offset ? { first: positionAtIndex(offset, scope.first, runs), last: positionAtIndex(end - 1, scope.first, runs) } : { first: 1, last: 0 };
  const indexOf = (position: number): number | null => shownIndexOf(position, scope.first, runs);

  const rows = (await windowRows(state.figuresId, range, runs)).map((record) => {
    const row = rowDoc.parse(record.doc) as unknown as StoredRoadmapRow;
    const top = record.position === scope.first;
    return {
      ...row,
      parentId: top ? null : row.parentId,
      depth: record.depth - scope.depth,
      schedule: scheduleStatus(record.done, row.due, day),
      parentIndex: top || record.parentPosition === null ? null : indexOf(record.parentPosition),
      collapsed: row.hasChildren && collapse.ids.has(row.id),
    };
  });
  const milestones = await windowMilestones(state.figuresId, range, runs, ROADMAP_WINDOW_CAPS.milestones);
  const dependencies = await windowDependencies(state.figuresId, scope, range, runs, ROADMAP_WINDOW_CAPS.dependencies);
  const undated = await scopeUndated(state.figuresId, scope, ROADMAP_WINDOW_CAPS.unscheduledListed);
  return {
    kind: 'answer',
    answer: {
      today: day,
      totalRows,
      offset,
      rows,
      timeline: await scopeTimeline(state.figuresId, scope),
      milestones: milestones.items.map((record) => milestoneOf(record, day)),
      dependencies: dependencies.items.map((record) => ({
        ...(dependencyDoc.parse(record.doc) as unknown as RoadmapDependency),
        fromIndex: indexOf(record.fromPosition),
        toIndex: indexOf(record.toPosition),
        fromDates: record.fromDates,
        toDates: record.toDates,
      })),
      unscheduled: {
        rows: undated.rows.items.map((record) => {
          const row = rowDoc.parse(record.doc) as unknown as StoredRoadmapRow;
          return { id: row.id, key: row.key, name: row.name, typeName: row.typeName };
        }),
        rowCount: undated.rows.total,
        milestones: undated.milestones.items.map((record) => milestoneOf(record, day)),
        milestoneCount: undated.milestones.total,
      },
      omitted: { milestones: milestones.total - milestones.items.length, dependencies: dependencies.total - dependencies.items.length },
    },
  };
}
