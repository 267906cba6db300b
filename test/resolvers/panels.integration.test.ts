import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { backlogPage, DEFAULT_CONFIG, resolveScope, riskMatrix, roadmap, scopeSummary } from '../../src/domain';
import { PANEL_KEYS, type BacklogPageDto, type DependencyDto, type RoadmapRowDto, type PageSummaryDto, type RiskMatrixDto, type RoadmapDto, type SavedViewDto, type TeamsConvertedPanelDto } from '../../src/contract';
import { expectedModel } from '../support/expectedModel';
import { GLOBAL_PAGE, resolverCalls, startTestPlatform, testSite } from '../support/platform';

const projectPage = (key: string) => ({ moduleKey: 'transformation-office-project', extension: { type: 'jira:projectPage', project: { key, id: '1', type: 'software' } } });
const WHOLE = { projectKey: null };

/** Each panel's resolver through the real handler, compared with the domain core on the same data. */
describe('panel resolvers over HTTP against the Jira emulator', () => {
  let site: SiteData;
  let platform: LocalPlatform;

  beforeAll(async () => {
    site = testSite();
    platform = await startTestPlatform(site);
  });
  afterAll(() => platform.close());

  const { call } = resolverCalls(() => platform);
  const today = () => new Date().toISOString().slice(0, 10);

  it('roadmap: every box of the scope, with the milestones and dependencies the domain finds', async () => {
    const data = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE, window: { offset: 0, limit: 1000 } });
    const model = expectedModel(site, DEMO_USERS.admin);
    const expected = roadmap(model, DEFAULT_CONFIG, resolveScope(model, null), data.today);
    expect(data.totalRows).toBe(expected.rows.length);
    // Siblings come in the order Jira returned the issues, so compare the tree, not the sequence.
    const tree = (rows: readonly Pick<RoadmapRowDto, 'parentId' | 'id' | 'depth' | 'schedule'>[]) => rows.map((r) => `${r.parentId ?? ''}>${r.id}:${r.depth}:${r.schedule}`).sort();
    expect(tree(data.rows)).toEqual(tree(expected.rows));
    expect(data.rows.filter((r) => r.kind === 'box' && r.typeName === 'Team')).toHaveLength(40);
    expect(data.milestones.length).toBe(expected.milestones.length);
    expect(data.milestones.length).toBeGreaterThan(0);
    const links = (deps: readonly Pick<DependencyDto, 'fromRowId' | 'toRowId' | 'violated'>[]) => deps.map((d) => `${d.fromRowId}>${d.toRowId}:${d.violated}`).sort();
    expect(links(data.dependencies)).toEqual(links(expected.dependencies));
    expect(data.rows.filter((r) => r.schedule === 'late').length).toBe(expected.rows.filter((r) => r.schedule === 'late').length);
  });

  it('roadmap: answers the asked-for window of the rows left after collapsing, and refuses a bad window clearly', async () => {
    const whole = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE, window: { offset: 0, limit: 1000 } });
    const rows = (data: RoadmapDto) => data.rows.map((r) => r.id);
    // Old callers (no window) get the first rows.
    const first = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE });
    expect(rows(first)).toEqual(rows(whole).slice(0, 300));
    const slice = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE, window: { offset: 100, limit: 50 } });
    expect(slice).toMatchObject({ offset: 100, totalRows: whole.totalRows, timeline: whole.timeline });
    expect(rows(slice)).toEqual(rows(whole).slice(100, 150));
    const workstreams = whole.rows.filter((r) => r.depth === 1).map((r) => r.id);
    const collapsed = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE, collapsed: workstreams });
    expect(rows(collapsed)).toEqual(['root', ...workstreams]);
    const opened = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: WHOLE, collapseAllExcept: ['root'] });
    expect(rows(opened)).toEqual(['root', ...workstreams]);
    expect(opened.rows.slice(1).every((r) => r.collapsed === r.hasChildren && r.parentIndex === 0)).toBe(true);
    expect(opened.rows.some((r) => r.collapsed)).toBe(true);

    const refused = (payload: object) => call(PANEL_KEYS.roadmap, { scope: WHOLE, ...payload });
    await expect(refused({ window: { offset: 0, limit: 1001 } })).rejects.toThrow('BAD_REQUEST: Invalid request: window.limit: a window holds at most 1000 rows');
    await expect(refused({ window: { offset: -1, limit: 10 } })).rejects.toThrow('BAD_REQUEST: Invalid request: window.offset: must not be negative');
    await expect(refused({ collapsed: ['x'.repeat(256)] })).rejects.toThrow('BAD_REQUEST: Invalid request: collapsed.0: a row id is at most 255 characters');
    await expect(refused({ collapsed: Array.from({ length: 5001 }, (_, i) => `K-${i}`) })).rejects.toThrow('BAD_REQUEST: Invalid request: collapsed: at most 5000 row ids');
    await expect(refused({ collapsed: [], collapseAllExcept: [] })).rejects.toThrow('BAD_REQUEST: Invalid request: collapseAllExcept: send either collapsed or collapseAllExcept, not both');
    await expect(refused({ window: { offset: 0, limit: 10, page: 2 } })).rejects.toThrow(/BAD_REQUEST: Invalid request: window/);
  });

  it('risks: 25 cells, and the risks without likelihood listed as unscored, not dropped', async () => {
    const data = await call<RiskMatrixDto>(PANEL_KEYS.risks, { scope: WHOLE });
    const model = expectedModel(site, DEMO_USERS.admin);
    const expected = riskMatrix(model, DEFAULT_CONFIG, resolveScope(model, null));
    expect(data.cells).toHaveLength(25);
    expect(data.cells.map((c) => c.riskKeys.length)).toEqual(expected.cells.map((c) => c.riskKeys.length));
    expect(data.risks).toHaveLength(site.issues.filter((i) => site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Risk').length);
    expect(data.unscoredKeys).toEqual(expect.arrayContaining(expected.unscoredKeys));
    expect(data.unscoredKeys.length).toBeGreaterThan(0);
  });

  it('teams converted: per box, and over time from the changelog, ending at today\'s figure', async () => {
    const data = await call<TeamsConvertedPanelDto>(PANEL_KEYS.teams, { scope: WHOLE });
    const summary = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: WHOLE });
    expect(data.historySource).toBe('changelog');
    expect(data.rows.filter((r) => r.stage !== null || r.converted !== null).length).toBeGreaterThan(0);
    const last = data.history.at(-1);
    expect(last?.date).toBe(today());
    expect(last).toMatchObject({ converted: summary.teamsConverted.converted, total: summary.teamsConverted.total });
    const first = data.history[0];
    expect(first && first.converted).toBeLessThan(summary.teamsConverted.converted);
  });

  it('backlog: search, filter, sort and page on the server, as the domain does', async () => {
    const model = expectedModel(site, DEMO_USERS.admin);
    const scope = resolveScope(model, null);
    const query = { text: 'pay', statusCategory: 'indeterminate' as const, sort: { column: 'key' as const, direction: 'desc' as const }, page: 1, pageSize: 10 };
    const data = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query });
    const expected = backlogPage(model, DEFAULT_CONFIG, scope, query, today());
    expect(data.total).toBe(expected.total);
    expect(data.items.map((i) => i.key)).toEqual(expected.items.map((i) => i.key));
    const late = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query: { drill: 'late', pageSize: 200 } });
    expect(late.items.every((i) => i.schedule === 'late')).toBe(true);
  });

  it('refuses an oversized search text and a query field it does not know, rather than widening the search', async () => {
    await expect(call(PANEL_KEYS.backlog, { scope: WHOLE, query: { text: 'x'.repeat(201) } })).rejects.toThrow('BAD_REQUEST: Invalid request: query.text: search text is limited to 200 characters');
    await expect(call(PANEL_KEYS.backlog, { scope: WHOLE, query: { jql: 'project is not empty' } })).rejects.toThrow(/BAD_REQUEST/);
    await expect(call(PANEL_KEYS.backlog, { scope: WHOLE, query: { boxId: 'NOPE-1' } })).rejects.toThrow('NOT_FOUND: There is no box NOPE-1 in this scope');
    const injected = await call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: WHOLE, query: { text: '" OR project is not EMPTY OR summary ~ "' } });
    expect(injected.total).toBe(0);
  });

  it('a project page sees its own project only, and may not ask for another', async () => {
    const summary = await call<PageSummaryDto>(PANEL_KEYS.summary, { scope: { projectKey: 'PAY' } }, DEMO_USERS.teamMember, projectPage('PAY'));
    const model = expectedModel(site, DEMO_USERS.teamMember);
    const expected = scopeSummary(model, resolveScope(model, 'PAY'));
    expect(summary.scope).toEqual({ projectKey: 'PAY' });
    expect(summary.teamsConverted).toEqual(expected.teamsConverted);
    expect(summary.progress).toEqual(expected.progress);
    expect(summary.teamsConverted.total).toBeLessThan(40);
    await expect(call(PANEL_KEYS.summary, { scope: { projectKey: 'HR' } }, DEMO_USERS.teamMember, projectPage('PAY'))).rejects.toThrow(/FORBIDDEN: This page belongs to project PAY/);
    await expect(call(PANEL_KEYS.summary, { scope: WHOLE }, DEMO_USERS.teamMember, projectPage('PAY'))).rejects.toThrow(/FORBIDDEN/);
  });

  it('answers each resolver only to the surfaces it belongs to', async () => {
    const settingsPage = { moduleKey: 'transformation-office-settings', extension: { type: 'jira:adminPage' } };
    await expect(call(PANEL_KEYS.summary, { scope: WHOLE }, DEMO_USERS.admin, settingsPage)).rejects.toThrow('FORBIDDEN: page/summary is not available from the module transformation-office-settings.');
    await expect(call('settings/fields', {}, DEMO_USERS.admin, GLOBAL_PAGE)).rejects.toThrow(/FORBIDDEN: settings\/fields is not available/);
    await expect(call(PANEL_KEYS.backlog, { scope: WHOLE, query: {} }, DEMO_USERS.admin, { moduleKey: 'someone-elses-module', extension: {} })).rejects.toThrow(/FORBIDDEN/);
  });

  it('saved views belong to the user who saved them', async () => {
    const view: SavedViewDto = { id: 'late-pay', name: 'Late in Payments', columns: ['key', 'summary', 'due'], query: { text: 'PAY', drill: 'late' } };
    expect(await call<SavedViewDto[]>(PANEL_KEYS.saveView, { view })).toEqual([view]);
    expect(await call<SavedViewDto[]>(PANEL_KEYS.savedViews, {})).toEqual([view]);
    expect(await call<SavedViewDto[]>(PANEL_KEYS.savedViews, {}, DEMO_USERS.limited)).toEqual([]);
    await expect(call(PANEL_KEYS.saveView, { view: { ...view, name: '  ' } })).rejects.toThrow(/a view needs a name/);
    expect(await call<SavedViewDto[]>(PANEL_KEYS.deleteView, { id: 'late-pay' })).toEqual([]);
  });
});
