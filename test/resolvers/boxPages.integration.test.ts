import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { backlogPage, boxScope, DEFAULT_CONFIG, overview, resolveScope, shownBoxIds, riskMatrix, roadmap, scheduleCounts, scopeSummary, type TransformationModel } from '../../src/domain';
import { PANEL_KEYS, REPORT_KEYS, type BacklogPageDto, type OverviewDto, type PageSummaryDto, type RiskMatrixDto, type RoadmapDto, type TeamsConvertedPanelDto, type WeeklyReportDto } from '../../src/contract';
import { expectedModel } from '../support/expectedModel';
import { resolverCalls, startTestPlatform, testSite } from '../support/platform';

const projectPage = (key: string) => ({ moduleKey: 'transformation-office-project', extension: { type: 'jira:projectPage', project: { key, id: '1', type: 'software' } } });

/** The box of a type that has the most boxes below it (so its page has something to narrow). */
function biggestBoxOf(model: TransformationModel, typeId: string): string {
  const boxes = Object.values(model.boxes).filter((box) => box.typeId === typeId);
  boxes.sort((a, b) => b.childIds.length - a.childIds.length || a.id.localeCompare(b.id));
  const id = boxes[0]?.id;
  if (id === undefined) throw new Error(`the demo has no ${typeId}`);
  return id;
}

/** Every panel of one box's page, through the real handler, compared with the domain on the box's subtree. */
describe('box pages over HTTP against the Jira emulator', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let model: TransformationModel;

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
    model = expectedModel(site, DEMO_USERS.admin);
  });
  afterAll(() => platform.close());

  const { answer, call } = resolverCalls(() => platform);
  const today = () => new Date().toISOString().slice(0, 10);
  const subtree = (boxId: string, projectKey: string | null = null) => {
    const scope = boxScope(model, resolveScope(model, projectKey), boxId);
    if (scope === null) throw new Error(`${boxId} is not on the page`);
    return scope;
  };

  it('an initiative\'s top row is its own roll-up, with breadcrumbs up to the transformation and its type\'s toolset', async () => {
    const boxId = biggestBoxOf(model, 'initiative');
    const box = model.boxes[boxId];
    const summary = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: null, boxId } });
    const scope = subtree(boxId);
    const expected = scopeSummary(model, scope);
    expect(summary.scope).toEqual({ projectKey: null, boxId });
    expect(summary.scopeName).toBe(box?.name);
    expect(summary.progress).toEqual(expected.progress);
    expect(summary.teamsConverted).toEqual(expected.teamsConverted);
    expect(summary.schedule).toEqual(scheduleCounts(model, scope, today()));
    expect(summary.workItemCount).toBe(scope.itemKeys.size);
    expect(summary.boxTypeName).toBe('Initiative');
    expect(summary.hasChildBoxes).toBe(true);
    expect(summary.breadcrumbs.map((crumb) => [crumb.typeName, crumb.openable])).toEqual([
      ['Transformation', true],
      ['Workstream', true],
      ['Initiative', true],
    ]);
    expect(summary.breadcrumbs.at(-1)?.id).toBe(boxId);
    expect(summary.breadcrumbs[1]?.id).toBe(box?.parentId);
    expect(summary.toolset).toEqual(['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports']);
  });

  it('a team opens with the team box type\'s reduced toolset and no Overview', async () => {
    const boxId = biggestBoxOf(model, 'team');
    const summary = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: null, boxId } });
    expect(summary.toolset).toEqual(['roadmap', 'riskMatrix', 'teamsConverted', 'backlog']);
    expect(summary.hasChildBoxes).toBe(false);
    expect(summary.progress).toEqual(scopeSummary(model, subtree(boxId)).progress);
  });

  it('roadmap, risks, teams, backlog and reports answer for the box\'s subtree only', async () => {
    const boxId = biggestBoxOf(model, 'initiative');
    const scope = subtree(boxId);
    const box = { projectKey: null, boxId };
    const rows = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: box, window: { offset: 0, limit: 1000 } });
    const expectedRows = roadmap(model, DEFAULT_CONFIG, scope, rows.today).rows;
    expect(rows.rows[0]?.id).toBe(boxId);
    expect(rows.rows.map((row) => row.id).sort()).toEqual(expectedRows.map((row) => row.id).sort());

    const risks = await call<RiskMatrixDto>(PANEL_KEYS.risks, { scope: box });
    expect(risks.risks.map((risk) => risk.key).sort()).toEqual(riskMatrix(model, DEFAULT_CONFIG, scope).risks.map((risk) => risk.key).sort());
    expect(risks.risks.every((risk) => scope.itemKeys.has(risk.key))).toBe(true);

    const teams = await call<TeamsConvertedPanelDto>(PANEL_KEYS.teams, { scope: box });
    expect(teams.rows.map((row) => row.id).sort()).toEqual([...scope.boxIds].sort());
    const { converted, total } = scopeSummary(model, scope).teamsConverted;
    expect(teams.history.at(-1)).toMatchObject({ converted, total });

    const backlog = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: box, query: { pageSize: 200 } });
    expect(backlog.total).toBe(backlogPage(model, DEFAULT_CONFIG, scope, { pageSize: 200 }, today()).total);
    expect(backlog.items.every((item) => scope.itemKeys.has(item.key))).toBe(true);

    const weekly = await call<WeeklyReportDto>(REPORT_KEYS.weekly, { scope: box });
    expect(weekly.overall.progressAfter).toBeCloseTo(scopeSummary(model, scope).progress.ratio);
    expect(weekly.overall.teamsTotal).toBe(scopeSummary(model, scope).teamsConverted.total);
    for (const key of [REPORT_KEYS.value, REPORT_KEYS.flow, REPORT_KEYS.forecast]) expect((await answer(key, { scope: box })).success).toBe(true);
  });

  it('a project page opens the boxes of its project, and refuses a box above them as not on the page', async () => {
    const member = expectedModel(site, DEMO_USERS.teamMember);
    const pay = resolveScope(member, 'PAY');
    const teamId = pay.rootIds[0] as string;
    const summary = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'PAY', boxId: teamId } }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(summary.progress).toEqual(scopeSummary(member, boxScope(member, pay, teamId) ?? pay).progress);
    expect(summary.breadcrumbs.at(-1)).toMatchObject({ id: teamId, openable: true });
    expect(summary.breadcrumbs.slice(0, -1).every((crumb) => !crumb.openable)).toBe(true);
    const above = member.boxes[teamId]?.parentId ?? 'root';
    const refused = await answer(PANEL_KEYS.summary, { scope: { projectKey: 'PAY', boxId: above } }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(refused).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    const other = await answer(PANEL_KEYS.roadmap, { scope: { projectKey: null, boxId: teamId } }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(other).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });

    // Boxes outside a project that hold some of its work (OPS has work directly under the transformation) are shown on
    // its page, and named as not to be opened there.
    const ops = resolveScope(model, 'OPS');
    const home = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'OPS' } }, DEMO_USERS.admin, projectPage('OPS'));
    const outside = [...shownBoxIds(model, ops)].filter((id) => !ops.boxIds.has(id));
    expect(outside).toEqual(['root']);
    expect(home.outsideBoxIds).toEqual(outside);
    expect((await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: null } })).outsideBoxIds).toEqual([]);
  });

  it('a box the viewer may not browse is not found for them, whoever else sees it', async () => {
    const limited = expectedModel(site, DEMO_USERS.limited);
    const hiddenBox = Object.keys(model.boxes).find((id) => id !== 'root' && limited.boxes[id] === undefined);
    if (hiddenBox === undefined) throw new Error('the demo hides some box from the limited user');
    expect((await answer(PANEL_KEYS.summary, { scope: { projectKey: null, boxId: hiddenBox } })).success).toBe(true);
    const refused = await answer<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: null, boxId: hiddenBox } }, DEMO_USERS.limited);
    expect(refused).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(refused)).not.toContain(model.boxes[hiddenBox]?.name ?? '');
  });

  it('the Overview lists every box the viewer may see, each with its own page\'s figures', async () => {
    const whole = await call<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null } });
    const expected = overview(model, DEFAULT_CONFIG, resolveScope(model, null), whole.today);
    expect(whole.totalRows).toBe(Object.keys(model.boxes).length - 1);
    expect(whole.rows.map((row) => row.id).sort()).toEqual(expected.rows.map((row) => row.id).sort());
    const byId = new Map(expected.rows.map((row) => [row.id, row]));
    for (const row of whole.rows) expect(row).toEqual({ ...byId.get(row.id), baseline: null });
    expect(whole.baseline).toBeNull();

    const boxId = biggestBoxOf(model, 'initiative');
    const initiative = await call<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null, boxId } });
    expect(initiative.rows.map((row) => row.id).sort()).toEqual([...subtree(boxId).boxIds].filter((id) => id !== boxId).sort());

    const limited = await call<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null } }, DEMO_USERS.limited);
    const limitedModel = expectedModel(site, DEMO_USERS.limited);
    expect(limited.rows.every((row) => limitedModel.boxes[row.id] !== undefined)).toBe(true);
    expect(limited.totalRows).toBeLessThan(whole.totalRows);
  });

  it('refuses a box id that is not a box id', async () => {
    for (const boxId of ['', 'root; drop', 'pay-1', '__proto__', 'x'.repeat(300)]) {
      expect(await answer(PANEL_KEYS.summary, { scope: { projectKey: null, boxId } })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    }
  });
});
