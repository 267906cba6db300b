import type { TransformationConfig, TransformationModel } from './model';
import { boxById, itemByKey, riskMatcher } from './lookup';
import { riskScore } from './risk';
import { readRiskLevels } from './riskLevels';
import type { Scope } from './scope';
import { subtreeBoxIds } from './tree';

/** One box as a baseline keeps it: its dates, its progress (ratio, and whether anything was measured) and its teams. */
export interface BaselineBox {
  id: string;
  start: string | null;
  due: string | null;
  ratio: number;
  measured: boolean;
  converted: number;
  teams: number;
}

/** One risk as a baseline keeps it: where it sat and its inherent and residual scores (null when unscored). */
export interface BaselineRisk {
  key: string;
  boxId: string;
  score: number | null;
  residualScore: number | null;
}

export interface BaselineContent {
  /** The box the baseline is of; its subtree's boxes and risks are kept. */
  boxId: string;
  boxes: BaselineBox[];
  risks: BaselineRisk[];
}

/** What one baseline may hold, so it fits one Forge KVS value (240 KiB) with room to spare. */
export const BASELINE_LIMITS = { maxBoxes: 2000, maxRisks: 2000 } as const;

/**
 * The box's subtree as it stands: every box's dates, progress and teams converted, every risk's scores. null when the
 * box is not in the scope (the viewer cannot see it on this page); 'tooLarge' past BASELINE_LIMITS.
 */
export function captureBaseline(model: TransformationModel, config: TransformationConfig, scope: Scope, boxId: string): BaselineContent | 'tooLarge' | null {
  if (!scope.boxIds.has(boxId) || boxById(model, boxId) === undefined) return null;
  const ids = subtreeBoxIds(model, boxId);
  if (ids.length > BASELINE_LIMITS.maxBoxes) return 'tooLarge';
  const boxes: BaselineBox[] = [];
  const risks: BaselineRisk[] = [];
  const isRisk = riskMatcher(config);
  for (const id of ids) {
    const box = boxById(model, id);
    if (box === undefined) continue;
    const measured = box.progress.method === 'manual' || box.progress.total > 0;
    boxes.push({ id, start: box.startDate, due: box.dueDate, ratio: box.progress.ratio, measured, converted: box.teamsConverted.converted, teams: box.teamsConverted.total });
    for (const key of box.itemKeys) {
      const item = itemByKey(model, key);
      if (item === undefined || !isRisk(item)) continue;
      const levels = readRiskLevels(item, config.riskScale);
      const score = levels.likelihood === null || levels.impact === null ? null : riskScore(levels.likelihood, levels.impact);
      const residualScore = levels.residualLikelihood === null || levels.residualImpact === null ? null : riskScore(levels.residualLikelihood, levels.residualImpact);
      risks.push({ key, boxId: id, score, residualScore });
    }
  }
  if (risks.length > BASELINE_LIMITS.maxRisks) return 'tooLarge';
  return { boxId, boxes, risks };
}

/** How a box stands against a baseline: its dates then, the days its due date moved, the change of its progress. */
export interface BaselineDelta {
  start: string | null;
  due: string | null;
  /** Due now minus due then, in days (later is positive); null when either has no due date. */
  slipDays: number | null;
  /** Progress now minus progress then (0..1 scale, e.g. 0.05 = 5 points); null when either measured nothing. */
  progressDelta: number | null;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Each box of the scope against the baseline, for the boxes the baseline kept. Only boxes the viewer can see today
 * (in `scope`) are compared, so a baseline never shows anything of a box they may not browse now.
 */
export function compareToBaseline(model: TransformationModel, scope: Scope, baseline: Pick<BaselineContent, 'boxes'>): Map<string, BaselineDelta> {
  const deltas = new Map<string, BaselineDelta>();
  for (const then of baseline.boxes) {
    const box = scope.boxIds.has(then.id) ? boxById(model, then.id) : undefined;
    if (box === undefined) continue;
    const measuredNow = box.progress.method === 'manual' || box.progress.total > 0;
    deltas.set(then.id, {
      start: then.start,
      due: then.due,
      slipDays: then.due === null || box.dueDate === null ? null : days(then.due, box.dueDate),
      progressDelta: then.measured && measuredNow ? box.progress.ratio - then.ratio : null,
    });
  }
  return deltas;
}
