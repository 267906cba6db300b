import { roadmap, roadmapWindow, type RoadmapCollapse } from '../domain';
import type { RoadmapDto } from '../contract';
import { baselineDeltas } from './baselines';
import type { ScopedRead } from './readScope';

/**
 * One window of the scope's roadmap (only the asked-for rows go back, so the answer's size does not grow with the scope),
 * each box row with its dates in the chosen baseline; null when that baseline is not this viewer's to see.
 */
export async function roadmapPanel(read: ScopedRead, window: { offset: number; limit: number }, collapse: RoadmapCollapse, baselineId: string | undefined): Promise<RoadmapDto | null> {
  const answer = roadmapWindow(roadmap(read.model, read.config, read.scope, read.today), { ...window, collapse });
  if (baselineId === undefined) return answer;
  const compared = await baselineDeltas(read, baselineId);
  if (compared === null) return null;
  return { ...answer, rows: answer.rows.map((row) => ({ ...row, baseline: compared.deltas.get(row.id) ?? null })) };
}
