import { boxScope, hiddenReasons, hiddenReasonsBelow, itemsOutsideBoxes, pageWarnings, resolveScope, roadmap, scopeWarnings } from '../../src/domain';
import { build, config, doneItem, initiative, riskItem, story, team, workItem, workstream } from './factories';

const cfg = config();

describe('warnings scoped to the page', () => {
  // A start after the due date on a PAY story and on an OPS story: each project page shows only its own.
  const model = build([
    workstream('DTO-1'),
    initiative('DTO-2', 'DTO-1'),
    team('PAY-1', 'DTO-2', 'Converted'),
    story('PAY-2', 'PAY-1', 3, { fields: { storyPoints: 3, startDate: '2026-05-01', dueDate: '2026-04-01' } }),
    team('OPS-1', 'DTO-2', 'Converted'),
    story('OPS-2', 'OPS-1', 2, { fields: { storyPoints: 2, startDate: '2026-05-01', dueDate: '2026-04-01' } }),
  ]);

  it('lists on a project page only the warnings about its own issues', () => {
    expect(model.warnings.map((w) => w.issueKey)).toEqual(['PAY-2', 'OPS-2']);
    expect(scopeWarnings(model, resolveScope(model, 'PAY')).map((w) => w.issueKey)).toEqual(['PAY-2']);
    expect(scopeWarnings(model, resolveScope(model, 'OPS')).map((w) => w.issueKey)).toEqual(['OPS-2']);
    // The DTO page holds every box below its workstream, so both.
    expect(scopeWarnings(model, resolveScope(model, 'DTO')).map((w) => w.issueKey)).toEqual(['PAY-2', 'OPS-2']);
  });

  it('keeps configuration warnings, which shape every page', () => {
    const broken = { ...model, warnings: [...model.warnings, { code: 'invalidConfig' as const, issueKey: null, field: 'boxTypes', message: 'Configuration: x' }] };
    expect(scopeWarnings(broken, resolveScope(broken, 'PAY')).map((w) => w.code)).toEqual(['dueBeforeStart', 'invalidConfig']);
  });
});

describe('work items that sit in no box of the page', () => {
  const model = build([
    workstream('DTO-1'),
    team('HR-1', 'DTO-1'),
    story('HR-2', 'HR-1', 1),
    story('HR-5', null, 2),
    riskItem('HR-6', null),
    story('HR-7', 'DTO-1', 1),
  ]);

  it('are found on the global page (directly under the transformation) and say where they count', () => {
    const all = resolveScope(model, null);
    expect(itemsOutsideBoxes(model, all)).toEqual(['HR-5', 'HR-6']);
    // Risks are no work, so only HR-5 is warned about.
    expect(pageWarnings(model, cfg, all).map((w) => w.message)).toEqual([
      "HR-5: is in no box (no parent link leads to one), so it counts in Issues read and in the transformation's progress, but in no box's progress and no Late count",
    ]);
  });

  it('are found on a project page also when they sit in another project\'s box above it', () => {
    const hr = resolveScope(model, 'HR');
    expect(itemsOutsideBoxes(model, hr)).toEqual(['HR-5', 'HR-6', 'HR-7']);
    expect(pageWarnings(model, cfg, hr).map((w) => w.issueKey)).toEqual(['HR-5', 'HR-7']);
    expect(pageWarnings(model, cfg, hr)[1]?.message).toContain("sits in DTO-1, a box of another project above this page's boxes");
  });
});

describe('boxes done in Jira with work still open', () => {
  const model = build([
    initiative('DTO-1', null),
    team('PAY-1', 'DTO-1', 'Converted', { status: 'Done', statusCategory: 'done' }),
    story('PAY-2', 'PAY-1', 3, { statusCategory: 'done' }),
    story('PAY-3', 'PAY-1', 1),
    team('PAY-4', 'DTO-1', 'Converted', { status: 'Done', statusCategory: 'done' }),
    doneItem({ key: 'PAY-5', parentKey: 'PAY-4', fields: { storyPoints: 2 } }),
    workItem({ key: 'PAY-6', parentKey: 'PAY-4' }),
  ]);
  const pay = resolveScope(model, 'PAY');

  it('are warned about, with how much of their work is done', () => {
    // PAY-1: 3 of 4 points. PAY-4: 2 of 2 points (PAY-6 carries none), so it is really done.
    expect(pageWarnings(model, cfg, pay).map((w) => w.message)).toEqual(['PAY-1: its status is done, but only 75.0 % of its work is done; it counts as done in the Late count']);
  });

  it('are flagged on their roadmap row', () => {
    const rows = roadmap(model, cfg, pay, '2026-03-10').rows;
    expect(rows.filter((row) => row.doneWithOpenWork).map((row) => row.id)).toEqual(['PAY-1']);
    expect(rows.find((row) => row.id === 'PAY-1')).toMatchObject({ schedule: 'done', progress: { percentText: '75.0 %' } });
  });
});

describe('why issues were left out of a page', () => {
  const model = build([initiative('DTO-1', null), team('PAY-1', 'DTO-1'), story('PAY-2', 'PAY-1', 1), team('OPS-1', 'DTO-1'), story('OPS-2', 'OPS-1', 1)]);
  const hidden = [
    // A PAY story under a security level, a HR team the viewer may not browse, and a HR story under that hidden team.
    { key: 'PAY-3', projectKey: 'PAY', parentKey: 'PAY-1', reason: 'securityLevel' as const },
    { key: 'HR-1', projectKey: 'HR', parentKey: 'DTO-1', reason: 'project' as const },
    { key: 'HR-2', projectKey: 'HR', parentKey: 'HR-1', reason: 'project' as const },
  ];

  it('names every reason on the global page', () => {
    expect(hiddenReasons(model, resolveScope(model, null), null, hidden)).toEqual(['project', 'securityLevel']);
  });

  it('names only the security level on the project that lost an issue to it', () => {
    expect(hiddenReasons(model, resolveScope(model, 'PAY'), 'PAY', hidden)).toEqual(['securityLevel']);
  });

  it('names nothing on a project that lost nothing', () => {
    expect(hiddenReasons(model, resolveScope(model, 'OPS'), 'OPS', hidden)).toEqual([]);
  });

  it('on a box\'s page, names only what was lost below the box', () => {
    const whole = resolveScope(model, null);
    const pay = boxScope(model, whole, 'PAY-1');
    const ops = boxScope(model, whole, 'OPS-1');
    const initiative = boxScope(model, whole, 'DTO-1');
    expect(pay === null ? null : hiddenReasonsBelow(pay, hidden)).toEqual(['securityLevel']);
    expect(ops === null ? null : hiddenReasonsBelow(ops, hidden)).toEqual([]);
    expect(initiative === null ? null : hiddenReasonsBelow(initiative, hidden)).toEqual(['project', 'securityLevel']);
  });

  it('follows hidden parents up to the scope: the DTO page lost the HR team and its story', () => {
    expect(hiddenReasons(model, resolveScope(model, 'DTO'), 'DTO', hidden.slice(1))).toEqual(['project']);
    expect(hiddenReasons(model, resolveScope(model, 'DTO'), 'DTO', [{ key: 'HR-2', projectKey: 'HR', parentKey: 'HR-9', reason: 'project' }])).toEqual([]);
  });
});
