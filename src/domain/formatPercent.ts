/** Undoes binary noise such as 0.9995 * 1000 = 999.4999999999999 before rounding. */
const SIGNIFICANT_DIGITS = 12;

/** 0.1016 → "10.2 %": one decimal, rounded half away from zero, a normal space before "%". */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '– %';
  const tenthsOfPercent = Number((ratio * 1000).toPrecision(SIGNIFICANT_DIGITS));
  const rounded = Math.sign(tenthsOfPercent) * Math.round(Math.abs(tenthsOfPercent));
  const percent = rounded / 10;
  return `${(percent === 0 ? 0 : percent).toFixed(1)} %`;
}
