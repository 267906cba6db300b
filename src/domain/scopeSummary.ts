import type { Box, ProgressMethod, TransformationConfig, TransformationModel, WorkItem } from './model';
import { boxById, itemByKey, riskMatcher } from './lookup';
import type { Scope } from './scope';
import { subtreeBoxIds } from './tree';
import { progressSummary, teamsConvertedSummary } from './views';
import type { ProgressSummary, TeamsConvertedSummary } from './views';

export interface ScopeSummary {
  progress: ProgressSummary;
  teamsConverted: TeamsConvertedSummary;
}

/** Work items in a box's subtree that count toward progress (every work item but risks). */
function subtreeIssueCount(model: TransformationModel, isRisk: (item: WorkItem) => boolean, topId: string): number {
  let count = 0;
  for (const id of subtreeBoxIds(model, topId)) {
    for (const key of boxById(model, id)?.itemKeys ?? []) {
      const item = itemByKey(model, key);
      if (item !== undefined && !isRisk(item)) count += 1;
    }
  }
  return count;
}

/**
 * The scope's top-row figures. One scope root (the root box, or a project with one top box): that box's own
 * figures. Several scope roots: teams converted are summed; progress is combined as the model combines a box's
 * children: each root that has something to measure (progress total > 0) weighs the number of work items in its
 * subtree that count toward progress (issue count, risks excluded), and the ratio is Σ weight × ratio / Σ weight
 * (0 when nothing weighs). The method is the roots' common method, or 'issueCount' when they differ.
 * No scope root: 0 of nothing.
 */
export function scopeSummary(model: TransformationModel, config: TransformationConfig, scope: Scope): ScopeSummary {
  const roots = scope.rootIds.map((id) => boxById(model, id)).filter((box): box is Box => box !== undefined);
  const only = roots.length === 1 ? roots[0] : undefined;
  if (only !== undefined) return { progress: progressSummary(only.progress), teamsConverted: teamsConvertedSummary(only.teamsConverted) };

  const isRisk = riskMatcher(config);
  let converted = 0;
  let total = 0;
  let weighted = 0;
  let weight = 0;
  for (const box of roots) {
    converted += box.teamsConverted.converted;
    total += box.teamsConverted.total;
    if (box.progress.total <= 0) continue;
    const size = subtreeIssueCount(model, isRisk, box.id);
    weighted += size * box.progress.ratio;
    weight += size;
  }
  const methods = new Set(roots.map((box) => box.progress.method));
  const method: ProgressMethod = methods.size === 1 ? (roots[0]?.progress.method ?? 'issueCount') : 'issueCount';
  return {
    progress: progressSummary({ method, ratio: weight > 0 ? weighted / weight : 0 }),
    teamsConverted: teamsConvertedSummary({ converted, total, ratio: total > 0 ? converted / total : 0 }),
  };
}
