import type { FieldConcept, RiskScale, TransformationConfig, WorkItem } from './model';
import { parseRiskLevel } from './parseRiskLevel';
import { riskBand, riskScore } from './risk';
import type { RiskBandName } from './risk';
import { isMissing } from './rawValue';
import { warn } from './warnings';
import type { WarningSink } from './warnings';

export interface RiskLevels {
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
}

const LEVEL_CONCEPTS: ReadonlyArray<[keyof RiskLevels, FieldConcept, 'likelihoodLabels' | 'impactLabels']> = [
  ['likelihood', 'riskLikelihood', 'likelihoodLabels'],
  ['impact', 'riskImpact', 'impactLabels'],
  ['residualLikelihood', 'residualLikelihood', 'likelihoodLabels'],
  ['residualImpact', 'residualImpact', 'impactLabels'],
];

function labelsOf(scale: RiskScale | undefined, which: 'likelihoodLabels' | 'impactLabels'): readonly string[] {
  const labels: unknown = scale?.[which];
  return Array.isArray(labels) ? labels.filter((label): label is string => typeof label === 'string') : [];
}

/** A risk's four levels (1..5), null where the field is missing or not a level. */
export function readRiskLevels(item: WorkItem, scale: RiskScale | undefined): RiskLevels {
  const levels: RiskLevels = { likelihood: null, impact: null, residualLikelihood: null, residualImpact: null };
  for (const [name, concept, which] of LEVEL_CONCEPTS) levels[name] = parseRiskLevel(item.fields?.[concept], labelsOf(scale, which));
  return levels;
}

/** Warns once per level field that has a value which is not a level; a missing value is not warned (the risk is unscored). */
export function checkRiskLevels(key: string, item: WorkItem, config: TransformationConfig, sink: WarningSink): void {
  for (const [, concept, which] of LEVEL_CONCEPTS) {
    const raw = item.fields?.[concept];
    if (isMissing(raw) || parseRiskLevel(raw, labelsOf(config.riskScale, which)) !== null) continue;
    sink.push(warn.invalidRiskLevel(key, config.fieldMapping, concept, raw, labelsOf(config.riskScale, which)));
  }
}

/** A risk's inherent band, or null when it lacks a likelihood or an impact. */
export function inherentBand(item: WorkItem, scale: RiskScale): RiskBandName | null {
  const { likelihood, impact } = readRiskLevels(item, scale);
  return likelihood === null || impact === null ? null : riskBand(riskScore(likelihood, impact), scale);
}
