import type { RiskScale } from './model';

export type RiskBandName = RiskScale['bands'][number]['name'];

/** likelihood × impact (1..25 for levels 1..5); 0 when either is not a finite number. */
export function riskScore(likelihood: number, impact: number): number {
  if (!Number.isFinite(likelihood) || !Number.isFinite(impact)) return 0;
  return likelihood * impact;
}

/** The band with the highest `min` the score reaches; below every band, the lowest band; 'low' if there are none. */
export function riskBand(score: number, scale: RiskScale): RiskBandName {
  const bands = [...scale.bands].sort((a, b) => a.min - b.min);
  const lowest = bands[0];
  if (lowest === undefined) return 'low';
  let band = lowest;
  for (const candidate of bands) {
    if (score >= candidate.min) band = candidate;
  }
  return band.name;
}
