/**
 * Pure helpers of the risk matrix: the 5 × 5 grid in display order, cell labels, band colours and the
 * risks behind a cell. No React here.
 */
import type { RiskBandDto, RiskBandScaleDto, RiskCellDto, RiskDto, RiskMatrixDto } from '../../../../src/contract';

export type Rating = 'inherent' | 'residual';
export const LEVELS = [1, 2, 3, 4, 5] as const;

const BAND_NAMES: Record<RiskBandDto, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const bandName = (band: RiskBandDto): string => BAND_NAMES[band];

/** The band a score falls in: the one with the highest `min` not above the score (the lowest band below all). */
export function bandOf(score: number, bands: readonly RiskBandScaleDto[]): RiskBandDto {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  let found: RiskBandDto = sorted[0]?.name ?? 'low';
  for (const band of sorted) if (band.min <= score) found = band.name;
  return found;
}

/** Rows likelihood 5 → 1 (top to bottom), each with impact 1 → 5; a cell the server left out is empty. */
export function gridRows(cells: readonly RiskCellDto[], bands: readonly RiskBandScaleDto[]): RiskCellDto[][] {
  const byPlace = new Map(cells.map((cell) => [`${cell.likelihood}-${cell.impact}`, cell]));
  return [...LEVELS].reverse().map((likelihood) =>
    LEVELS.map((impact) => byPlace.get(`${likelihood}-${impact}`) ?? { likelihood, impact, score: likelihood * impact, band: bandOf(likelihood * impact, bands), riskKeys: [] }),
  );
}

/** The level's label (1-based), or the number itself when the scale has none. */
export const levelLabel = (labels: readonly string[], level: number): string => labels[level - 1] ?? String(level);

/** "Likelihood Likely, impact Major: 3 risks, high" */
export function cellLabel(cell: RiskCellDto, likelihoodLabels: readonly string[], impactLabels: readonly string[]): string {
  const count = cell.riskKeys.length;
  return `Likelihood ${levelLabel(likelihoodLabels, cell.likelihood)}, impact ${levelLabel(impactLabels, cell.impact)}: ${count} ${count === 1 ? 'risk' : 'risks'}, ${cell.band}`;
}

/** Issue keys in natural order: PRJ-2 before PRJ-10. */
export const compareKeys = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/** A risk's likelihood, impact, score and band under the chosen rating. */
export function ratingOf(risk: RiskDto, rating: Rating): { likelihood: number | null; impact: number | null; score: number | null; band: RiskBandDto | null } {
  return rating === 'inherent'
    ? { likelihood: risk.likelihood, impact: risk.impact, score: risk.score, band: risk.band }
    : { likelihood: risk.residualLikelihood, impact: risk.residualImpact, score: risk.residualScore, band: risk.residualBand };
}

/** The risks of a cell, highest score first, then by key; keys with no risk behind them are skipped. */
export function risksOfCell(cell: RiskCellDto, risks: readonly RiskDto[], rating: Rating): RiskDto[] {
  const byKey = new Map(risks.map((risk) => [risk.key, risk]));
  return cell.riskKeys
    .map((key) => byKey.get(key))
    .filter((risk): risk is RiskDto => risk !== undefined)
    .sort((a, b) => (ratingOf(b, rating).score ?? 0) - (ratingOf(a, rating).score ?? 0) || compareKeys(a.key, b.key));
}

/** What keeps a risk off the matrix, e.g. "likelihood and impact missing". */
export function missingText(risk: RiskDto): string {
  const missing = [risk.likelihood === null ? 'likelihood' : null, risk.impact === null ? 'impact' : null].filter((part): part is string => part !== null);
  return missing.length === 0 ? 'not placed' : `${missing.join(' and ')} missing`;
}

/** The unscored risks, in key order, with what each one lacks. */
export function unscoredRisks(matrix: RiskMatrixDto): { risk: RiskDto; missing: string }[] {
  const wanted = new Set(matrix.unscoredKeys);
  return matrix.risks
    .filter((risk) => wanted.has(risk.key))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((risk) => ({ risk, missing: missingText(risk) }));
}

/** Each band with the score range it covers, lowest first: "Low 1–4". */
export function bandRanges(bands: readonly RiskBandScaleDto[]): { band: RiskBandScaleDto; min: number; max: number }[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.map((band, i) => ({ band, min: band.min, max: (sorted[i + 1]?.min ?? 26) - 1 }));
}

/** The cell an arrow key moves to, staying inside the grid; null for other keys. */
export function moveInGrid(likelihood: number, impact: number, key: string): { likelihood: number; impact: number } | null {
  const clamp = (n: number) => Math.min(5, Math.max(1, n));
  if (key === 'ArrowUp') return { likelihood: clamp(likelihood + 1), impact };
  if (key === 'ArrowDown') return { likelihood: clamp(likelihood - 1), impact };
  if (key === 'ArrowLeft') return { likelihood, impact: clamp(impact - 1) };
  if (key === 'ArrowRight') return { likelihood, impact: clamp(impact + 1) };
  return null;
}
