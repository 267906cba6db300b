import { DEMO_USERS } from '../../dev/demo/generate';
import type { LocalPlatform } from '../../dev/platform';
import { BASELINE_KEYS, PANEL_KEYS, type BaselineDto, type BaselineListDto, type OverviewDto, type RoadmapDto } from '../../src/contract';
import type { TransformationModel } from '../../src/domain';
import { expectedModel } from '../support/expectedModel';
import { resolverCalls, startTestPlatform, testSite } from '../support/platform';

const projectPage = (key: string) => ({ moduleKey: 'transformation-office-project', extension: { type: 'jira:projectPage', project: { key, id: '1', type: 'software' } } });
const DAY_MS = 86_400_000;
const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** Baselines through the real handlers and the local KVS: saved, listed, compared, and kept from those who may not see them. */
describe('baselines over HTTP against the Jira emulator', () => {
  let platform: LocalPlatform;
  let model: TransformationModel;
  let limited: TransformationModel;

  beforeAll(async () => {
    const site = testSite();
    platform = await startTestPlatform(site);
    model = expectedModel(site, DEMO_USERS.admin);
    limited = expectedModel(site, DEMO_USERS.limited);
  });
  afterAll(() => platform.close());

  const { answer, call } = resolverCalls(() => platform);
  /** An initiative with its own due date (so its slip can be seen). */
  function datedInitiative(): string {
    const id = Object.values(model.boxes).find((box) => box.typeId === 'initiative' && box.dueDate !== null && model.items[box.id]?.fields.dueDate)?.id;
    if (id === undefined) throw new Error('the demo has a dated initiative');
    return id;
  }
  /** A box the limited user may not browse. */
  function hiddenBox(): string {
    const id = Object.keys(model.boxes).find((key) => key !== 'root' && limited.boxes[key] === undefined);
    if (id === undefined) throw new Error('the demo hides a box from the limited user');
    return id;
  }

  it('a baseline of an initiative shows the slip of its due date and the change of progress on the Overview', async () => {
    const boxId = datedInitiative();
    const saved = await call<BaselineDto>(BASELINE_KEYS.save, { scope: { projectKey: null, boxId }, name: '  Q2 plan ' });
    expect(saved).toMatchObject({ name: 'Q2 plan', boxId, boxName: model.boxes[boxId]?.name });
    const list = await call<BaselineListDto>(BASELINE_KEYS.list, { scope: { projectKey: null } });
    expect(list.baselines.map((b) => b.id)).toContain(saved.id);
    expect(list.canDelete).toBe(true);

    const before = await call<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null }, baselineId: saved.id });
    const row = before.rows.find((r) => r.id === boxId);
    expect(before.baseline).toEqual(saved);
    expect(row?.baseline).toEqual({ start: row?.start, due: row?.due, slipDays: 0, progressDelta: 0 });
    // Only the baseline's subtree is compared.
    expect(before.rows.filter((r) => r.baseline !== null).map((r) => r.id).sort()).toEqual([boxId, ...(model.boxes[boxId]?.childIds ?? [])].sort());

    const due = row?.due ?? '';
    platform.emulator.issues.update(boxId, { duedate: plusDays(due, 14) }, DEMO_USERS.admin);
    const after = await call<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null }, baselineId: saved.id });
    expect(after.rows.find((r) => r.id === boxId)?.baseline).toMatchObject({ due, slipDays: 14 });
    expect(after.rows.find((r) => r.id === boxId)?.due).toBe(plusDays(due, 14));

    const roadmap = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: { projectKey: null, boxId }, baselineId: saved.id });
    expect(roadmap.rows[0]).toMatchObject({ id: boxId, due: plusDays(due, 14), baseline: { due, slipDays: 14 } });
    expect(roadmap.rows.filter((r) => r.kind === 'item').every((r) => r.baseline === null)).toBe(true);
    const plain = await call<RoadmapDto>(PANEL_KEYS.roadmap, { scope: { projectKey: null, boxId } });
    expect(plain.rows[0]?.baseline).toBeUndefined();
  });

  it('never shows a viewer a baseline of a box they may not browse today, and only admins delete', async () => {
    const boxId = hiddenBox();
    const saved = await call<BaselineDto>(BASELINE_KEYS.save, { scope: { projectKey: null, boxId }, name: 'Hidden plan' });
    const seen = await call<BaselineListDto>(BASELINE_KEYS.list, { scope: { projectKey: null } }, DEMO_USERS.limited);
    expect(seen.baselines.map((b) => b.id)).not.toContain(saved.id);
    expect(seen.canDelete).toBe(false);
    const refused = await answer<OverviewDto>(PANEL_KEYS.overview, { scope: { projectKey: null }, baselineId: saved.id }, DEMO_USERS.limited);
    expect(refused).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    expect(JSON.stringify(refused)).not.toContain('Hidden plan');
    expect(await answer(PANEL_KEYS.roadmap, { scope: { projectKey: null }, baselineId: saved.id }, DEMO_USERS.limited)).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });

    expect(await answer(BASELINE_KEYS.delete, { id: saved.id }, DEMO_USERS.teamMember)).toMatchObject({ success: false, error: { code: 'FORBIDDEN' } });
    expect(await call(BASELINE_KEYS.delete, { id: saved.id })).toEqual({ id: saved.id });
    expect((await call<BaselineListDto>(BASELINE_KEYS.list, { scope: { projectKey: null } })).baselines.map((b) => b.id)).not.toContain(saved.id);
    expect(await answer(PANEL_KEYS.overview, { scope: { projectKey: null }, baselineId: saved.id })).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    expect(await answer(BASELINE_KEYS.delete, { id: saved.id })).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('a project page lists only its own boxes\' baselines and saves one of an open box only', async () => {
    const pay = Object.values(model.boxes).find((box) => box.projectKey === 'PAY' && box.typeId === 'team');
    if (pay === undefined) throw new Error('PAY has a team');
    const saved = await call<BaselineDto>(BASELINE_KEYS.save, { scope: { projectKey: 'PAY', boxId: pay.id } }, DEMO_USERS.teamMember, projectPage('PAY')).catch(() => null);
    expect(saved).toBeNull(); // no name
    const named = await call<BaselineDto>(BASELINE_KEYS.save, { scope: { projectKey: 'PAY', boxId: pay.id }, name: 'Team plan' }, DEMO_USERS.teamMember, projectPage('PAY'));
    const onPay = await call<BaselineListDto>(BASELINE_KEYS.list, { scope: { projectKey: 'PAY' } }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(onPay.baselines.every((b) => model.boxes[b.boxId]?.projectKey === 'PAY' || b.boxId === pay.id)).toBe(true);
    expect(onPay.baselines.map((b) => b.id)).toContain(named.id);
    const several = await answer(BASELINE_KEYS.save, { scope: { projectKey: 'PAY' }, name: 'All of PAY' }, DEMO_USERS.teamMember, projectPage('PAY'));
    expect(several).toMatchObject({ success: false, error: { code: 'BAD_REQUEST', message: 'Open one box to save a baseline of it.' } });
  });

  it('refuses a malformed baseline id or name', async () => {
    expect(await answer(PANEL_KEYS.overview, { scope: { projectKey: null }, baselineId: '../x' })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    expect(await answer(BASELINE_KEYS.save, { scope: { projectKey: null }, name: 'x'.repeat(81) })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
    expect(await answer(BASELINE_KEYS.delete, { id: 'nope' })).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
  });
});
