import type { TransformationConfig, TransformationModel } from './model';
import { boxById, itemByKey, riskMatcher } from './lookup';
import { riskBand, riskScore } from './risk';
import { readRiskLevels } from './riskLevels';

/** Open risks (status category not done) by inherent band; `unscored` lacks a likelihood or an impact. */
export interface OpenRiskCounts {
  low: number;
  medium: number;
  high: number;
  critical: number;
  unscored: number;
}

export const noOpenRisks = (): OpenRiskCounts => ({ low: 0, medium: 0, high: 0, critical: 0, unscored: 0 });

/** The open risks in the box's own items, by band (not those of the boxes below it). */
function ownOpenRisks(model: TransformationModel, config: TransformationConfig, boxId: string, isRisk: ReturnType<typeof riskMatcher>): OpenRiskCounts {
  const counts = noOpenRisks();
  for (const key of boxById(model, boxId)?.itemKeys ?? []) {
    const item = itemByKey(model, key);
    if (item === undefined || !isRisk(item) || item.statusCategory === 'done') continue;
    const { likelihood, impact } = readRiskLevels(item, config.riskScale);
    if (likelihood === null || impact === null) counts.unscored += 1;
    else counts[riskBand(riskScore(likelihood, impact), config.riskScale)] += 1;
  }
  return counts;
}

/**
 * The open risks of each listed box's subtree: its own plus those of every box below it. `treeOrder` lists the boxes
 * parents before children (as `subtreeBoxIds` or `placeBoxes` give them), so one pass from the end adds each up.
 */
export function openRisksBySubtree(model: TransformationModel, config: TransformationConfig, treeOrder: readonly string[]): Map<string, OpenRiskCounts> {
  const isRisk = riskMatcher(config);
  const counts = new Map<string, OpenRiskCounts>(treeOrder.map((id) => [id, ownOpenRisks(model, config, id, isRisk)]));
  for (let index = treeOrder.length - 1; index >= 0; index -= 1) {
    const id = treeOrder[index] as string;
    const parentId = boxById(model, id)?.parentId ?? null;
    const own = counts.get(id);
    const parent = parentId === null ? undefined : counts.get(parentId);
    if (own === undefined || parent === undefined) continue;
    parent.low += own.low;
    parent.medium += own.medium;
    parent.high += own.high;
    parent.critical += own.critical;
    parent.unscored += own.unscored;
  }
  return counts;
}
