import { overview } from '../domain';
import type { OverviewDto } from '../contract';
import { baselineDeltas } from './baselines';
import type { ScopedRead } from './readScope';

/** The Overview's rows, each compared with the chosen baseline when there is one; null when that baseline is not this viewer's to see. */
export async function overviewPanel(read: ScopedRead, baselineId: string | undefined): Promise<OverviewDto | null> {
  const { rows, totalRows } = overview(read.model, read.config, read.scope, read.today);
  if (baselineId === undefined) return { today: read.today, rows: rows.map((row) => ({ ...row, baseline: null })), totalRows, baseline: null };
  const compared = await baselineDeltas(read, baselineId);
  if (compared === null) return null;
  return { today: read.today, rows: rows.map((row) => ({ ...row, baseline: compared.deltas.get(row.id) ?? null })), totalRows, baseline: compared.baseline };
}
