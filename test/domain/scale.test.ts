import { backlogPage, resolveScope, riskMatrix, roadmap, scheduleCounts, scopeSummary, teamRows } from '../../src/domain';
import type { TransformationModel } from '../../src/domain';
import { build, config, story, team } from './factories';
import { largeTransformation } from './largeTransformation';

const cfg = config();
const TODAY = '2026-03-10';

describe('on 100,000 issues', () => {
  let model: TransformationModel;
  beforeAll(() => {
    model = build(largeTransformation(100_000));
  });

  /** Correctness at scale; how long each panel takes is measured by `npm run bench` (bench/scenarios/domainScale.ts). */
  it('each panel covers the whole portfolio', () => {
    const scope = resolveScope(model, null);
    expect(scope.itemKeys.size).toBeGreaterThan(95_000);
    expect(resolveScope(model, 'T7').rootIds.length).toBeGreaterThan(0);
    expect(scopeSummary(model, scope).teamsConverted.total).toBe(1000);
    const counts = scheduleCounts(model, scope, TODAY);
    expect(counts.late + counts.onTrack + counts.done + counts.unscheduled).toBeGreaterThan(1000);
    expect(roadmap(model, cfg, scope, TODAY).rows.length).toBeGreaterThan(10_000);
    expect(riskMatrix(model, cfg, scope).cells.reduce((sum, cell) => sum + cell.riskKeys.length, 0)).toBe(40);
    expect(teamRows(model, cfg, scope).length).toBeGreaterThan(1000);
    expect(backlogPage(model, cfg, scope, { text: 'payments person', sort: { column: 'summary', direction: 'desc' }, page: 3 }, TODAY).items.length).toBeLessThanOrEqual(50);
    const byKey = backlogPage(model, cfg, scope, { sort: { column: 'key', direction: 'asc' } }, TODAY);
    expect(byKey.total).toBe(scope.itemKeys.size);
    expect(byKey.items).toHaveLength(50);
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
