import { ALL_PANELS, boxTypeNamer, breadcrumbs, hiddenReasons, hiddenReasonsBelow, shownBoxIds, itemsOutsideBoxes, pageWarnings, scheduleCounts, scopeSummary, type Panel, type Scope, type TransformationConfig, type TransformationModel } from '../domain';
import type { PageSummaryDto } from '../contract';
import type { ScopedRead } from './readScope';

export const MAX_SUMMARY_WARNINGS = 200;
const MAX_OUTSIDE_BOXES = 1000;

/** What a summary is computed from: the model as the viewer sees it, the page's scope and the open box's. */
export type SummarySource = Pick<ScopedRead, 'model' | 'scope' | 'pageScope' | 'boxId'>;

/** The summary's figures that depend only on the model and the scope: not on the day, the source or what was hidden. */
export type ModelSummary = Omit<PageSummaryDto, 'readAt' | 'schedule' | 'source' | 'hiddenBecause'>;

/** The panels the scope's box types switch on (the union, for a project that holds several boxes). */
function toolsetOf(model: TransformationModel, scope: Scope, config: TransformationConfig): Panel[] {
  const typeIds = new Set(scope.rootIds.map((id) => model.boxes[id]?.typeId));
  const enabled = new Set(config.boxTypes.filter((t) => typeIds.has(t.id)).flatMap((t) => t.toolset));
  return ALL_PANELS.filter((p) => enabled.has(p));
}

/** Where the open box sits, and whether the scope has boxes below its top (so an Overview to show). */
function boxPlace(read: SummarySource, config: TransformationConfig): Pick<PageSummaryDto, 'boxId' | 'boxTypeName' | 'breadcrumbs' | 'hasChildBoxes' | 'outsideBoxIds'> {
  const { model, scope, boxId } = read;
  const typeName = boxTypeNamer(config);
  const crumbs = boxId === null ? [] : breadcrumbs(model, read.pageScope, boxId).map(({ id, name, typeId, openable }) => ({ id, name, typeName: typeName(typeId), openable }));
  const box = boxId === null ? undefined : model.boxes[boxId];
  // Boxes of other projects that hold some of a project page's work: shown as rows, not opened from this page.
  const outside = [...shownBoxIds(model, scope)].filter((id) => !read.pageScope.boxIds.has(id)).slice(0, MAX_OUTSIDE_BOXES);
  return { boxId, boxTypeName: box === undefined ? null : typeName(box.typeId), breadcrumbs: crumbs, hasChildBoxes: scope.rootIds.length > 1 || scope.boxIds.size > scope.rootIds.length, outsideBoxIds: outside };
}

/** The top row's figures that follow from the model and scope alone: advance, teams converted, counts, warnings. */
export function modelSummary(read: SummarySource, config: TransformationConfig, projectKey: string | null): ModelSummary {
  const { model, scope } = read;
  const summary = scopeSummary(model, scope);
  const warnings = pageWarnings(model, config, scope);
  return {
    transformationName: model.name,
    scope: read.boxId === null ? { projectKey } : { projectKey, boxId: read.boxId },
    scopeName: scope.name,
    progress: summary.progress,
    teamsConverted: summary.teamsConverted,
    issueCount: scope.itemKeys.size + [...scope.boxIds].filter((id) => model.items[id] !== undefined).length,
    workItemCount: scope.itemKeys.size,
    toolset: toolsetOf(model, scope, config),
    ...boxPlace(read, config),
    issuesOutsideBoxes: itemsOutsideBoxes(model, scope).length,
    warnings: warnings.slice(0, MAX_SUMMARY_WARNINGS).map(({ code, issueKey, field, message }) => ({ code, issueKey, field, message })),
    warningCount: warnings.length,
  };
}

/** Why issues the viewer may not see would have been on this page (none known without the list: a live read). */
export function hiddenFromPage(read: SummarySource & Pick<ScopedRead, 'hidden'>, projectKey: string | null): PageSummaryDto['hiddenBecause'] {
  const { model, scope, hidden } = read;
  if (hidden === undefined) return [];
  return read.boxId === null ? hiddenReasons(model, scope, projectKey, hidden) : hiddenReasonsBelow(scope, hidden);
}

/** The page's top row: advance, teams converted, schedule counts, and what could not be read. */
export function pageSummary(read: ScopedRead, config: TransformationConfig, projectKey: string | null): PageSummaryDto {
  const { model, scope } = read;
  const hiddenBecause = hiddenFromPage(read, projectKey);
  // Without the list (a live read), keep what the source says.
  const rowsHidden = read.hidden === undefined ? read.source.rowsHidden : hiddenBecause.length > 0;
  return {
    ...modelSummary(read, config, projectKey),
    // One moment for every figure: the snapshot's (or the live read's), not the minute this page was served.
    readAt: read.source.asOf,
    schedule: scheduleCounts(model, scope, read.today),
    source: { ...read.source, rowsHidden },
    hiddenBecause,
  };
}
