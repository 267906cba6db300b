import fc from 'fast-check';
import { backlogPage, boxScope, overview, resolveScope, riskMatrix, scheduleCounts, scopeSummary } from '../../src/domain';
import type { TransformationModel } from '../../src/domain';
import { progressSummary, teamsConvertedSummary } from '../../src/domain/views';
import { build, config } from './factories';
import { transformations } from './randomTransformations';

const cfg = config();
const TODAY = '2026-03-10';

/** Boxes whose chain of parents passes through the box, found by walking up, not down. */
function under(model: TransformationModel, topId: string): Set<string> {
  return new Set(Object.keys(model.boxes).filter((id) => {
    for (let at: string | null = id; at !== null; at = model.boxes[at]?.parentId ?? null) if (at === topId) return true;
    return false;
  }));
}

describe('every box\'s page, on random transformations', () => {
  it('shows the box\'s own roll-up, its subtree\'s schedule, risks and work, and its Overview row\'s figures', () => {
    fc.assert(
      fc.property(transformations, (items) => {
        const model = build(items, cfg);
        const whole = resolveScope(model, null);
        const rows = new Map(overview(model, cfg, whole, TODAY).rows.map((row) => [row.id, row]));
        for (const box of Object.values(model.boxes)) {
          const scope = boxScope(model, whole, box.id);
          if (scope === null) throw new Error(`${box.id} is on the page`);
          const boxes = under(model, box.id);
          expect(new Set(scope.boxIds)).toEqual(boxes);
          const summary = scopeSummary(model, scope);
          expect(summary.progress).toEqual(progressSummary(box.progress));
          expect(summary.teamsConverted).toEqual(teamsConvertedSummary(box.teamsConverted));
          const scheduled = [...boxes].filter((id) => id !== 'root' && model.items[id] !== undefined).length;
          const counts = scheduleCounts(model, scope, TODAY);
          expect(counts.late + counts.onTrack + counts.done + counts.unscheduled).toBe(scheduled);
          const keys = new Set([...boxes].flatMap((id) => model.boxes[id]?.itemKeys ?? []));
          expect(riskMatrix(model, cfg, scope).risks.every((risk) => keys.has(risk.key))).toBe(true);
          expect(backlogPage(model, cfg, scope, { pageSize: 200 }, TODAY).total).toBe(keys.size);
          const row = rows.get(box.id);
          if (box.id !== 'root') expect(row && { progress: row.progress, teams: row.teamsConverted }).toEqual({ progress: summary.progress, teams: summary.teamsConverted });
        }
      }),
      { numRuns: 150 },
    );
  });
});
