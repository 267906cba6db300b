import { boxScope, overview, resolveScope, riskMatrix, scopeSummary } from '../../src/domain';
import type { OpenRiskCounts, TransformationModel } from '../../src/domain';
import { build, config, initiative, workstream } from './factories';
import { largeTransformation } from './largeTransformation';
import { smallTransformation, TODAY } from './smallTransformation';

const cfg = config();
const none: OpenRiskCounts = { low: 0, medium: 0, high: 0, critical: 0, unscored: 0 };

/** The oracle for a row's risks: the open risks the box's own page places on its matrix, by band, and its unscored ones. */
function risksOnBoxPage(model: TransformationModel, boxId: string): OpenRiskCounts {
  const scope = boxScope(model, resolveScope(model, null), boxId);
  if (scope === null) throw new Error(`${boxId} is not on the page`);
  const matrix = riskMatrix(model, cfg, scope);
  const counts = { ...none, unscored: matrix.unscoredKeys.length };
  for (const cell of matrix.cells) counts[cell.band] += cell.riskKeys.length;
  return counts;
}

describe('the Overview of boxes', () => {
  const small = build(smallTransformation());

  it('lists every box below the transformation in tree order, its depth counted from the top rows', () => {
    const { rows, totalRows } = overview(small, cfg, resolveScope(small, null), TODAY);
    expect(rows.map((row) => [row.id, row.parentId, row.depth, row.hasChildren])).toEqual([
      ['DTO-1', null, 0, true],
      ['DTO-3', 'DTO-1', 1, true],
      ['PAY-1', 'DTO-3', 2, false],
      ['PAY-2', 'DTO-3', 2, false],
      ['DTO-4', 'DTO-1', 1, true],
      ['CRM-1', 'DTO-4', 2, false],
      ['DTO-2', null, 0, true],
      ['DTO-5', 'DTO-2', 1, true],
      ['OPS-1', 'DTO-5', 2, false],
    ]);
    expect(totalRows).toBe(9);
  });

  it('fills a row with the box\'s type, progress and its method, dates, schedule, teams and open risks of its subtree', () => {
    const rows = overview(small, cfg, resolveScope(small, null), TODAY).rows;
    expect(rows.find((row) => row.id === 'DTO-3')).toEqual({
      id: 'DTO-3', key: 'DTO-3', name: 'Online checkout', typeName: 'Initiative', parentId: 'DTO-1', depth: 1, hasChildren: true,
      progress: { method: 'issueCount', ratio: 2 / 7, percentText: '28.6 %', done: 2, total: 7, basis: '2 of 7 work items done, counted by issue' },
      start: '2026-01-01', due: '2026-03-01', schedule: 'late',
      teamsConverted: { converted: 1, total: 2, ratio: 0.5, percentText: '50.0 %' },
      openRisks: { ...none, medium: 1 },
      owner: null, sponsor: null,
    });
    // DTO-8 (4 × 4 = 16, critical) on DTO-1 and DTO-9 (medium) on DTO-3 below it; DTO-11 is closed, DTO-10 has no impact.
    expect(rows.find((row) => row.id === 'DTO-1')?.openRisks).toEqual({ ...none, critical: 1, medium: 1 });
    expect(rows.find((row) => row.id === 'DTO-2')?.openRisks).toEqual({ ...none, unscored: 1 });
    expect(rows.find((row) => row.id === 'PAY-1')).toMatchObject({ typeName: 'Team', progress: { method: 'storyPoints', basis: '5 of 14 story points done' }, schedule: 'onTrack' });
    expect(rows.find((row) => row.id === 'DTO-4')?.schedule).toBe('done');
    expect(rows.find((row) => row.id === 'OPS-1')?.progress.percentText).toBe('–');
  });

  it('each row\'s figures are those the box\'s own page shows', () => {
    for (const model of [small, build(largeTransformation(3000))]) {
      const rows = overview(model, cfg, resolveScope(model, null), TODAY).rows;
      expect(rows.length).toBe(Object.keys(model.boxes).length - 1);
      for (const row of rows) {
        const scope = boxScope(model, resolveScope(model, null), row.id);
        if (scope === null) throw new Error(`${row.id} is not on the page`);
        const page = scopeSummary(model, scope);
        expect(row.progress).toEqual(page.progress);
        expect(row.teamsConverted).toEqual(page.teamsConverted);
        expect(row.openRisks).toEqual(risksOnBoxPage(model, row.id));
      }
    }
  });

  it('on a box\'s page lists the boxes below it; on a project page with several top boxes, those boxes too', () => {
    const initiativePage = boxScope(small, resolveScope(small, null), 'DTO-3');
    expect(initiativePage === null ? null : overview(small, cfg, initiativePage, TODAY).rows.map((row) => [row.id, row.depth])).toEqual([
      ['PAY-1', 0],
      ['PAY-2', 0],
    ]);
    const team = boxScope(small, resolveScope(small, null), 'PAY-1');
    expect(team === null ? null : overview(small, cfg, team, TODAY)).toEqual({ rows: [], totalRows: 0 });
    expect(overview(small, cfg, resolveScope(small, 'PAY'), TODAY).rows.map((row) => row.id)).toEqual(['PAY-1', 'PAY-2']);
  });

  it('lists at most the cap, parents first, and counts the rest', () => {
    const capped = overview(small, cfg, resolveScope(small, null), TODAY, 3);
    expect(capped.rows.map((row) => row.id)).toEqual(['DTO-1', 'DTO-3', 'PAY-1']);
    expect(capped.totalRows).toBe(9);
  });

  it('names the box issue\'s assignee as owner and its Sponsor field as sponsor', () => {
    const model = build([workstream('WS-1', { assignee: 'Dana' }), initiative('IN-1', 'WS-1', { fields: { sponsor: 'Sam Sponsor' } })]);
    expect(overview(model, cfg, resolveScope(model, null), TODAY).rows.map((row) => [row.id, row.owner, row.sponsor])).toEqual([
      ['WS-1', 'Dana', null],
      ['IN-1', null, 'Sam Sponsor'],
    ]);
  });
});
