/** How the Overview words a box against a baseline. No React here. */

/** "+14 d" later than the baseline, "−3 d" earlier, "0 d" on it; "—" when either has no due date. */
export const slipText = (days: number | null): string => (days === null ? '—' : days > 0 ? `+${days} d` : days < 0 ? `−${-days} d` : '0 d');
/** Percentage points gained since the baseline, e.g. "+5.0 pts". */
export const progressDeltaText = (delta: number | null): string => {
  if (delta === null) return '—';
  const points = Math.round(delta * 1000) / 10;
  return points > 0 ? `+${points.toFixed(1)} pts` : points < 0 ? `−${(-points).toFixed(1)} pts` : '0.0 pts';
};
