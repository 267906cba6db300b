/** Dropping a risk on another cell of the matrix: the ratings that change, as writes to Jira. No React here. */
import type { FieldChangeRequestDto, RiskDto } from '../../../../src/contract';
import { ratingOf, type Rating } from './riskMatrix';

/** The MIME type a dragged risk carries its key in. */
export const RISK_DRAG_TYPE = 'application/x-transformation-risk';

/**
 * The writes that put the risk in the cell for the rating shown: one per axis that changes, its value the level's
 * label (the option Jira's field offers by that name), expecting the label of the level the page showed.
 */
export function moveChanges(risk: RiskDto, rating: Rating, to: { likelihood: number; impact: number }, likelihoodLabels: readonly string[], impactLabels: readonly string[]): FieldChangeRequestDto[] {
  const now = ratingOf(risk, rating);
  const label = (labels: readonly string[], level: number | null) => (level === null ? null : (labels[level - 1] ?? null));
  const axes = [
    { concept: rating === 'residual' ? 'residualLikelihood' : 'riskLikelihood', from: now.likelihood, to: to.likelihood, labels: likelihoodLabels },
    { concept: rating === 'residual' ? 'residualImpact' : 'riskImpact', from: now.impact, to: to.impact, labels: impactLabels },
  ] as const;
  return axes
    .filter((axis) => axis.from !== axis.to)
    .map((axis) => ({ issueKey: risk.key, concept: axis.concept, value: label(axis.labels, axis.to), expected: label(axis.labels, axis.from) }));
}
