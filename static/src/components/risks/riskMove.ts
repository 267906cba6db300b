/** Dropping a risk on another cell of the matrix: the ratings that change, as writes to Jira. No React here. */
import type { EditableFieldDto, FieldChangeRequestDto, RiskDto } from '../../../../src/contract';
import { ratingOf, type Rating } from './riskMatrix';

/** The MIME type a dragged risk carries its key in. */
export const RISK_DRAG_TYPE = 'application/x-transformation-risk';

/** "3 - Possible", "3: Possible", "3) Possible", "3 Possible", "3" (as the domain reads risk levels). */
const NUMBERED = /^(\d+)(?:\s*(?:[-–—:.)|/]|\s)|$)/;
const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The level 1..5 an option's text stands for: its leading number, else its place among the labels; null if none. */
export function levelOfOption(option: string, labels: readonly string[]): number | null {
  const numbered = NUMBERED.exec(option.trim());
  const level = numbered ? Number(numbered[1]) : labels.findIndex((l) => normal(l) === normal(option)) + 1;
  return level >= 1 && level <= 5 ? level : null;
}

/**
 * The value to write for a level: the option Jira's edit screen offers for it when known (e.g. "4 - Likely"), else
 * the level's label.
 */
function valueFor(level: number, labels: readonly string[], field: EditableFieldDto | undefined): string | null {
  const option = field?.options?.find((o) => levelOfOption(o, labels) === level);
  return option ?? labels[level - 1] ?? null;
}

/**
 * What Jira's value was, for the level the page showed: Jira's own text when it stands for that level (so an option
 * named "2 - Unlikely" is expected as such), else the label, which Jira will answer with a conflict naming its value.
 */
function expectedFor(level: number | null, labels: readonly string[], field: EditableFieldDto | undefined) {
  if (level === null) return null;
  const current = field?.current;
  return typeof current === 'string' && levelOfOption(current, labels) === level ? current : (labels[level - 1] ?? null);
}

/**
 * The writes that put the risk in the cell for the rating shown: one per axis that changes. `fields` (the risk's
 * edit screen, when read) supplies Jira's option texts.
 */
export function moveChanges(
  risk: RiskDto,
  rating: Rating,
  to: { likelihood: number; impact: number },
  likelihoodLabels: readonly string[],
  impactLabels: readonly string[],
  fields: readonly EditableFieldDto[] = [],
): FieldChangeRequestDto[] {
  const now = ratingOf(risk, rating);
  const axes = [
    { concept: rating === 'residual' ? 'residualLikelihood' : 'riskLikelihood', from: now.likelihood, to: to.likelihood, labels: likelihoodLabels },
    { concept: rating === 'residual' ? 'residualImpact' : 'riskImpact', from: now.impact, to: to.impact, labels: impactLabels },
  ] as const;
  return axes
    .filter((axis) => axis.from !== axis.to)
    .map((axis) => {
      const field = fields.find((f) => f.concept === axis.concept);
      return { issueKey: risk.key, concept: axis.concept, value: valueFor(axis.to, axis.labels, field), expected: expectedFor(axis.from, axis.labels, field) };
    });
}
