/** Where the timeline opens: pure maths, no React. x values are pixels from the timeline's left edge. */

/** Room left of the earliest bar so that its start reads as a start, not a cut. */
export const START_MARGIN = 24;

/**
 * The horizontal scroll to open the roadmap at: today a third of the way in, unless a bar on screen starts earlier,
 * in which case the view starts just before the earliest such bar, so no bar on screen opens cut off at the left.
 */
export function initialScrollLeft(options: { todayX: number | null; earliestStartX: number | null; viewportWidth: number }): number {
  const { todayX, earliestStartX, viewportWidth } = options;
  const todayLeft = todayX === null ? null : todayX - viewportWidth / 3;
  const barLeft = earliestStartX === null ? null : earliestStartX - START_MARGIN;
  const candidates = [todayLeft, barLeft].filter((x): x is number => x !== null);
  return candidates.length === 0 ? 0 : Math.max(0, Math.min(...candidates));
}

/** The x where the earliest of these rows' bars starts (a bar with only a due date starts there); null when none has a date. */
export function earliestStartX(rows: ReadonlyArray<{ start: string | null; due: string | null } | undefined>, xOf: (iso: string) => number | null): number | null {
  let earliest: number | null = null;
  for (const row of rows) {
    const date = row?.start ?? row?.due ?? null;
    const x = date === null ? null : xOf(date);
    if (x !== null && (earliest === null || x < earliest)) earliest = x;
  }
  return earliest;
}
