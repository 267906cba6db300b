import { backlogPage, resolveScope, riskMatrix, roadmap, scheduleCounts, scopeSummary, teamRows } from '../../src/domain';
import type { TransformationModel } from '../../src/domain';
import { build, config, story, team } from './factories';
import { largeTransformation } from './largeTransformation';

const cfg = config();
const TODAY = '2026-03-10';
/** Generous for a loaded CI machine; a quadratic step on 100,000 issues would take minutes. */
const BUDGET_MS = 3000;

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

describe('on 100,000 issues', () => {
  let model: TransformationModel;
  beforeAll(() => {
    model = build(largeTransformation(100_000));
  });

  it('each panel is computed in linear-looking time', () => {
    const scope = resolveScope(model, null);
    expect(scope.itemKeys.size).toBeGreaterThan(95_000);
    const runs = {
      scope: timed(() => resolveScope(model, null)),
      projectScope: timed(() => resolveScope(model, 'T7')),
      summary: timed(() => scopeSummary(model, scope)),
      counts: timed(() => scheduleCounts(model, scope, TODAY)),
      roadmap: timed(() => roadmap(model, cfg, scope, TODAY)),
      risks: timed(() => riskMatrix(model, cfg, scope)),
      teams: timed(() => teamRows(model, cfg, scope)),
      backlog: timed(() => backlogPage(model, cfg, scope, { text: 'payments person', sort: { column: 'summary', direction: 'desc' }, page: 3 }, TODAY)),
      backlogByKey: timed(() => backlogPage(model, cfg, scope, { sort: { column: 'key', direction: 'asc' } }, TODAY)),
    };
    for (const [name, run] of Object.entries(runs)) expect([name, run.ms < BUDGET_MS]).toEqual([name, true]);
    expect(runs.roadmap.result.rows.length).toBeGreaterThan(10_000);
    expect(runs.backlogByKey.result.total).toBe(scope.itemKeys.size);
    expect(runs.backlogByKey.result.items).toHaveLength(50);
  });
});

describe('a chain of 20,000 boxes nested in each other', () => {
  it('is walked without recursion', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => team(`T-${i}`, i === 0 ? null : `T-${i - 1}`, i % 2 === 0 ? 'Converted' : 'Piloting'));
    const model = build([...items, story('S-1', 'T-19999', 3)]);
    const scope = resolveScope(model, 'T');
    expect(scope.rootIds).toEqual(['T-0']);
    expect(scope.boxIds.size).toBe(20_000);
    expect(teamRows(model, cfg, scope)[19_999]).toMatchObject({ id: 'T-19999', depth: 19_999 });
    expect(roadmap(model, cfg, scope, TODAY).rows).toHaveLength(20_000);
    expect(scopeSummary(model, scope).teamsConverted).toMatchObject({ converted: 10_000, total: 20_000 });
    // The scope's own top box T-0 is a schedule item too.
    expect(scheduleCounts(model, scope, TODAY).unscheduled).toBe(20_000);
    expect(backlogPage(model, cfg, scope, { boxId: 'T-0' }, TODAY).total).toBe(1);
  });
});
