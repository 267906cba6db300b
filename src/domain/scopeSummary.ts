import type { Box, TransformationModel } from './model';
import { boxById } from './lookup';
import { combineProgress } from './progress';
import type { Scope } from './scope';
import { progressSummary, teamsConvertedSummary } from './views';
import type { ProgressSummary, TeamsConvertedSummary } from './views';

export interface ScopeSummary {
  progress: ProgressSummary;
  teamsConverted: TeamsConvertedSummary;
}

/**
 * The scope's top-row figures. One scope root (the root box, or a project with one top box): that box's own
 * figures. Several scope roots: teams converted are summed; progress is done over total of every work item in
 * their subtrees in one unit: their common method's, or issue count when they differ (see `combineProgress`).
 * No scope root: 0 of nothing.
 */
export function scopeSummary(model: TransformationModel, scope: Scope): ScopeSummary {
  const roots = scope.rootIds.map((id) => boxById(model, id)).filter((box): box is Box => box !== undefined);
  const only = roots.length === 1 ? roots[0] : undefined;
  if (only !== undefined) return { progress: progressSummary(only.progress), teamsConverted: teamsConvertedSummary(only.teamsConverted) };
  let converted = 0;
  let total = 0;
  for (const box of roots) {
    converted += box.teamsConverted.converted;
    total += box.teamsConverted.total;
  }
  return {
    progress: progressSummary(combineProgress(roots)),
    teamsConverted: teamsConvertedSummary({ converted, total, ratio: total > 0 ? converted / total : 0 }),
  };
}
