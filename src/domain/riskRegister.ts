import type { RiskScale, StatusCategory, TransformationConfig, TransformationModel } from './model';
import { fieldText, textOf } from './itemFields';
import { boxById, containerOfItems, itemByKey, riskMatcher } from './lookup';
import { riskBand, riskScore } from './risk';
import type { RiskBandName } from './risk';
import { readRiskLevels } from './riskLevels';
import type { Scope } from './scope';
import { knownStatusCategory } from './views';

export interface RiskEntry {
  key: string;
  summary: string;
  owner: string | null;
  status: string;
  statusCategory: StatusCategory | null;
  boxId: string;
  boxName: string;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  band: RiskBandName | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualBand: RiskBandName | null;
  mitigation: string | null;
  /** The risk sits on a box above the page's own boxes (e.g. the initiative over a project's teams), not in them. */
  onBoxAbove: boolean;
}

export interface RiskBandScale {
  name: RiskBandName;
  min: number;
  color: string;
}

export interface RiskCell {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandName;
  riskKeys: string[];
}

export interface RiskMatrix {
  likelihoodLabels: string[];
  impactLabels: string[];
  bands: RiskBandScale[];
  cells: RiskCell[];
  residualCells: RiskCell[];
  risks: RiskEntry[];
  unscoredKeys: string[];
  closedCount: number;
}

const LEVELS = [1, 2, 3, 4, 5] as const;

/** The 25 cells, likelihood-major: (1,1), (1,2) … (1,5), (2,1) … (5,5). */
function emptyCells(scale: RiskScale): RiskCell[] {
  return LEVELS.flatMap((likelihood) => LEVELS.map((impact) => ({ likelihood, impact, score: likelihood * impact, band: riskBand(likelihood * impact, scale), riskKeys: [] })));
}

function cellAt(cells: RiskCell[], likelihood: number, impact: number): RiskCell | undefined {
  return cells[(likelihood - 1) * LEVELS.length + (impact - 1)];
}

function rating(likelihood: number | null, impact: number | null, scale: RiskScale): { score: number | null; band: RiskBandName | null } {
  if (likelihood === null || impact === null) return { score: null, band: null };
  const score = riskScore(likelihood, impact);
  return { score, band: riskBand(score, scale) };
}

/**
 * The scope's risks (work items of a risk issue type) on the 5 × 5 matrix. Open risks (status category not
 * done) with both levels go to the cell of their inherent rating, and with both residual levels to the
 * residual cell; open risks lacking a likelihood or an impact are listed in `unscoredKeys`. Done risks are
 * only counted in `closedCount`. `risks` lists every risk in scope either way. `residualCells` is empty when
 * no open risk has both residual levels. Unparseable levels were warned when the model was built.
 * On a project page the risks on the boxes above the project's own boxes count too (they threaten its work), marked;
 * a box's page shows only its subtree's risks.
 */
export function riskMatrix(model: TransformationModel, config: TransformationConfig, scope: Scope): RiskMatrix {
  const scale = config.riskScale;
  const isRisk = riskMatcher(config);
  const containerOf = containerOfItems(model);
  const cells = emptyCells(scale);
  const residualCells = emptyCells(scale);
  const risks: RiskEntry[] = [];
  const unscoredKeys: string[] = [];
  let closedCount = 0;
  let residualPlaced = 0;
  const above = scope.risksAbove ? risksAbove(model, scope) : new Set<string>();
  for (const key of [...scope.itemKeys, ...above]) {
    const item = itemByKey(model, key);
    if (item === undefined || !isRisk(item)) continue;
    const levels = readRiskLevels(item, scale);
    const inherent = rating(levels.likelihood, levels.impact, scale);
    const residual = rating(levels.residualLikelihood, levels.residualImpact, scale);
    const boxId = containerOf.get(key) ?? model.rootId;
    const statusCategory = knownStatusCategory(item.statusCategory);
    risks.push({
      key,
      summary: textOf(item.summary),
      owner: item.assignee ?? null,
      status: textOf(item.status),
      statusCategory,
      boxId,
      boxName: boxById(model, boxId)?.name ?? '',
      likelihood: levels.likelihood,
      impact: levels.impact,
      score: inherent.score,
      band: inherent.band,
      residualLikelihood: levels.residualLikelihood,
      residualImpact: levels.residualImpact,
      residualScore: residual.score,
      residualBand: residual.band,
      mitigation: fieldText(item.fields?.mitigation),
      onBoxAbove: above.has(key),
    });
    if (statusCategory === 'done') {
      closedCount += 1;
      continue;
    }
    if (levels.likelihood === null || levels.impact === null) unscoredKeys.push(key);
    else cellAt(cells, levels.likelihood, levels.impact)?.riskKeys.push(key);
    if (levels.residualLikelihood !== null && levels.residualImpact !== null) {
      cellAt(residualCells, levels.residualLikelihood, levels.residualImpact)?.riskKeys.push(key);
      residualPlaced += 1;
    }
  }
  return {
    likelihoodLabels: [...scale.likelihoodLabels],
    impactLabels: [...scale.impactLabels],
    bands: [...scale.bands].sort((a, b) => a.min - b.min).map(({ name, min, color }) => ({ name, min, color })),
    cells,
    residualCells: residualPlaced > 0 ? residualCells : [],
    risks,
    unscoredKeys,
    closedCount,
  };
}

/** Items on the boxes above a project scope's top boxes, up to (not including) the transformation itself; not those in scope. */
function risksAbove(model: TransformationModel, scope: Scope): Set<string> {
  const keys = new Set<string>();
  const visited = new Set<string>();
  for (const rootId of scope.rootIds) {
    let id = boxById(model, rootId)?.parentId ?? null;
    while (id !== null && id !== model.rootId && !visited.has(id) && !scope.boxIds.has(id)) {
      visited.add(id);
      const box = boxById(model, id);
      for (const key of box?.itemKeys ?? []) if (!scope.itemKeys.has(key)) keys.add(key);
      id = box?.parentId ?? null;
    }
  }
  return keys;
}
