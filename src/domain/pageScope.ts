import type { DataQualityWarning, TransformationConfig, TransformationModel } from './model';
import { formatPercent } from './formatPercent';
import { boxById, containerOfItems, itemByKey, riskMatcher } from './lookup';
import { isDoneWithOpenWork } from './schedule';
import type { Scope } from './scope';
import { warn } from './warnings';

/**
 * The warnings about what a page shows: those on an issue of the scope (a box or a work item in it) and those
 * about the configuration (no issue), which shape every page. A warning on another project's issue is not this page's.
 */
export function scopeWarnings(model: TransformationModel, scope: Scope): DataQualityWarning[] {
  return model.warnings.filter((w) => w.issueKey === null || scope.boxIds.has(w.issueKey) || scope.itemKeys.has(w.issueKey));
}

/**
 * Work items of the scope that sit in none of the page's boxes, so no box figure and no Late count holds them: on
 * the global page those directly under the virtual transformation box; on a project page also the project's items
 * that sit in a box of another project above it. Scope order.
 */
export function itemsOutsideBoxes(model: TransformationModel, scope: Scope): string[] {
  const inBoxes = new Set<string>();
  for (const id of scope.boxIds) {
    if (id === model.rootId) continue;
    for (const key of boxById(model, id)?.itemKeys ?? []) inBoxes.add(key);
  }
  return [...scope.itemKeys].filter((key) => !inBoxes.has(key));
}

/**
 * Everything a page warns about: its scoped data-quality warnings, then where its figures could mislead: work items
 * that no box of the page holds (with where they are counted instead; risks are not work), and boxes done in Jira
 * while their work is not.
 */
export function pageWarnings(model: TransformationModel, config: TransformationConfig, scope: Scope): DataQualityWarning[] {
  const warnings = scopeWarnings(model, scope);
  const isRisk = riskMatcher(config);
  const containerOf = containerOfItems(model);
  for (const key of itemsOutsideBoxes(model, scope)) {
    const item = itemByKey(model, key);
    if (item === undefined || isRisk(item)) continue;
    const boxId = containerOf.get(key) ?? model.rootId;
    if (boxId === model.rootId) warnings.push(warn.notInBox(key));
    else warnings.push(warn.inOtherProjectsBox(key, boxId));
  }
  for (const id of scope.boxIds) {
    const box = boxById(model, id);
    if (box !== undefined && isDoneWithOpenWork(model, box)) warnings.push(warn.doneWithOpenWork(id, formatPercent(box.progress.ratio)));
  }
  return warnings;
}

/** Why an issue was left out for this viewer: they may not browse its project, or it has a security level they are not in. */
export type HiddenReason = 'project' | 'securityLevel';

/** An issue the viewer may not see, as the server knows it (never sent to the page). */
export interface HiddenIssue {
  key: string;
  projectKey: string;
  parentKey: string | null;
  reason: HiddenReason;
}

/**
 * Why issues were left out of this page, if any were: on the global page every hidden issue; on a project page an
 * issue of the project, or one whose chain of parents (through other hidden issues) reaches an issue of the scope.
 */
export function hiddenReasons(model: TransformationModel, scope: Scope, projectKey: string | null, hidden: readonly HiddenIssue[]): HiddenReason[] {
  return reasonsOf(scope, hidden, (issue) => projectKey === null || issue.projectKey === projectKey);
}

/** Why issues were left out of one box's page: only those whose chain of parents (through other hidden issues) reaches the box's subtree. */
export function hiddenReasonsBelow(scope: Scope, hidden: readonly HiddenIssue[]): HiddenReason[] {
  return reasonsOf(scope, hidden, () => false);
}

function reasonsOf(scope: Scope, hidden: readonly HiddenIssue[], onPage: (issue: HiddenIssue) => boolean): HiddenReason[] {
  const byKey = new Map(hidden.map((issue) => [issue.key, issue]));
  const inScope = (key: string): boolean => scope.boxIds.has(key) || scope.itemKeys.has(key);
  const reasons = new Set<HiddenReason>();
  for (const issue of hidden) {
    if (onPage(issue) || reachesScope(issue, byKey, inScope)) reasons.add(issue.reason);
  }
  return (['project', 'securityLevel'] as const).filter((reason) => reasons.has(reason));
}

function reachesScope(issue: HiddenIssue, byKey: ReadonlyMap<string, HiddenIssue>, inScope: (key: string) => boolean): boolean {
  const seen = new Set<string>();
  let parent = issue.parentKey;
  while (parent !== null && !seen.has(parent)) {
    if (inScope(parent)) return true;
    seen.add(parent);
    parent = byKey.get(parent)?.parentKey ?? null;
  }
  return false;
}
