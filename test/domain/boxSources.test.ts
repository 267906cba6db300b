import { DEFAULT_TARGET_RATIO, resolveScope, targetRatioOf, teamRows } from '../../src/domain';
import type { BoxType, TransformationConfig, TransformationModel } from '../../src/domain';
import { boxOf, boxType, build, config, epic, initiative, jqlType, milestone, parentLinkType, projectType, riskItem, rootType, story, team, workstream } from './factories';

const withTypes = (...boxTypes: BoxType[]): TransformationConfig => config({ boxTypes });
const done = { statusCategory: 'done' as const };
const stage = (conversionStage: string) => ({ fields: { conversionStage } });
const typeIds = (model: TransformationModel) => Object.fromEntries(Object.values(model.boxes).map((box) => [box.id, box.typeId]));

describe('parentLink box types: boxes are the direct children of the parent type’s boxes', () => {
  const cfg = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), parentLinkType('team', 'initiative'));

  it('makes every direct child of an initiative a team, except risks and milestones', () => {
    const model = build(
      [
        initiative('INI-1', null),
        epic('EPIC-1', 'INI-1', stage('Converted')),
        story('S-1', 'EPIC-1', null, done),
        story('S-2', 'EPIC-1'),
        riskItem('RISK-1', 'INI-1'),
        milestone('MS-1', 'INI-1', null),
        // Its parent is a risk, not a box: not a team, a work item of INI-1.
        story('Z-1', 'RISK-1'),
        story('X-1', 'INI-1', null, stage('Piloting')),
        story('S-3', 'X-1', null, done),
      ],
      cfg,
    );
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'EPIC-1': 'team', 'X-1': 'team' });
    expect(boxOf(model, 'root').childIds).toEqual(['INI-1']);
    expect(boxOf(model, 'INI-1')).toMatchObject({ childIds: ['EPIC-1', 'X-1'], itemKeys: ['RISK-1', 'MS-1', 'Z-1'] });
    // S-1 is a child of a team, not of an initiative: a work item.
    expect(boxOf(model, 'EPIC-1')).toMatchObject({ parentId: 'INI-1', itemKeys: ['S-1', 'S-2'], progress: { method: 'issueCount', ratio: 0.5, done: 1, total: 2 } });
    expect(boxOf(model, 'X-1')).toMatchObject({ parentId: 'INI-1', itemKeys: ['S-3'], progress: { method: 'issueCount', ratio: 1, done: 1, total: 1 } });
    // INI-1: own MS-1 and Z-1 (0 of 2; the risk does not count), EPIC-1 weighs 2 at 0.5, X-1 weighs 1 at 1 → 2 / 5.
    expect(boxOf(model, 'INI-1').progress).toEqual({ method: 'issueCount', ratio: 0.4, done: 2, total: 5 });
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5 });
    expect(model.warnings).toEqual([]);
  });

  it('takes only children of the named issue types, matched case-insensitively, and never a milestone', () => {
    const only = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), parentLinkType('team', 'initiative', [' team ', 'MILESTONE']));
    const model = build(
      [
        initiative('INI-1', null),
        team('T-1', 'INI-1', 'Converted'),
        epic('E-1', 'INI-1'),
        story('S-1', 'E-1'),
        milestone('MS-1', 'INI-1', null),
        // A Team, but its parent E-1 is no initiative box.
        team('T-2', 'E-1', 'Converted'),
      ],
      only,
    );
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'T-1': 'team' });
    expect(boxOf(model, 'INI-1')).toMatchObject({ childIds: ['T-1'], itemKeys: ['E-1', 'S-1', 'MS-1', 'T-2'] });
    expect(model.warnings).toEqual([]);
  });

  it('resolves a chain of parentLink types parents first, whatever the input order', () => {
    const chained = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), parentLinkType('team', 'initiative'), parentLinkType('squad', 'team', ['Story']));
    const model = build([story('C-1', 'B-1'), epic('D-1', 'A-1'), story('B-1', 'A-1'), epic('A-1', 'INI-1', stage('Piloting')), initiative('INI-1', null)], chained);
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'A-1': 'team', 'B-1': 'squad' });
    expect(boxOf(model, 'A-1')).toMatchObject({ parentId: 'INI-1', childIds: ['B-1'], itemKeys: ['D-1'] });
    expect(boxOf(model, 'B-1')).toMatchObject({ parentId: 'A-1', itemKeys: ['C-1'] });
    expect(model.warnings).toEqual([]);
  });

  it('warns that a parentLink type directly under the transformation finds no boxes', () => {
    const model = build([story('X-1', null), story('Y-1', 'X-1')], withTypes(rootType(), parentLinkType('team', 'transformation')));
    expect(Object.keys(model.boxes)).toEqual(['root']);
    expect(boxOf(model, 'root').itemKeys).toEqual(['X-1', 'Y-1']);
    expect(model.warnings).toEqual([
      {
        code: 'invalidConfig',
        issueKey: null,
        field: 'boxTypes.team.source',
        message: 'Configuration: box type "team" finds its boxes by parent link, but no issue has the transformation as its parent, so it has no boxes',
      },
    ]);
  });
});

describe('jql box types: boxes are the issues the Jira adapter found matching', () => {
  const cfg = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), jqlType('team', 'initiative', 'labels = team'));
  const items = () => [
    initiative('INI-1', null),
    story('T-1', 'INI-1', null, stage('Converted')),
    story('T-2', null, null, stage('Piloting')),
    story('S-1', 'T-1', null, done),
    story('S-2', 'T-2'),
  ];

  it('makes boxes of the matched issues and ignores matched keys that were not read', () => {
    const model = build(items(), cfg, { jqlMatches: { team: ['T-1', 'T-2', 'GONE-9'] } });
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'T-1': 'team', 'T-2': 'team' });
    expect(boxOf(model, 'T-1')).toMatchObject({ parentId: 'INI-1', itemKeys: ['S-1'], progress: { ratio: 1, done: 1, total: 1 } });
    expect(boxOf(model, 'T-2')).toMatchObject({ parentId: 'root', itemKeys: ['S-2'] });
    expect(boxOf(model, 'root')).toMatchObject({ childIds: ['INI-1', 'T-2'], itemKeys: [], teamsConverted: { converted: 1, total: 2, ratio: 0.5 } });
    expect(model.items['GONE-9']).toBeUndefined();
    expect(model.warnings).toEqual([
      { code: 'orphanBox', issueKey: 'T-2', field: 'parent', message: 'T-2: this team is not under any Initiative, so it is shown directly under the transformation' },
    ]);
  });

  it.each([
    ['no jqlMatches at all', {}],
    ['jqlMatches only for another box type', { jqlMatches: { initiative: ['T-1'] } }],
  ])('warns that the JQL was not run and finds no boxes, with %s', (_, options) => {
    const model = build(items(), cfg, options);
    expect(Object.keys(model.boxes)).toEqual(['root', 'INI-1']);
    expect(boxOf(model, 'INI-1').itemKeys).toEqual(['T-1', 'S-1']);
    expect(boxOf(model, 'root').itemKeys).toEqual(['T-2', 'S-2']);
    expect(model.warnings).toEqual([
      { code: 'invalidConfig', issueKey: null, field: 'boxTypes.team.source', message: 'Configuration: the JQL of box type "team" was not run, so it has no boxes' },
    ]);
  });

  it('finds no boxes, without a warning, when the JQL ran and matched nothing', () => {
    const model = build(items(), cfg, { jqlMatches: { team: [] } });
    expect(Object.keys(model.boxes)).toEqual(['root', 'INI-1']);
    expect(model.warnings).toEqual([]);
  });
});

describe('project box types: one virtual box per Jira project', () => {
  const cfg = withTypes(rootType(), projectType('project', 'transformation'), boxType('team', 'project', 'Team'));
  const items = () => [
    story('PAY-1', null, null, done),
    team('PAY-2', null, 'Converted'),
    story('PAY-3', 'PAY-2'),
    story('OPS-1', null),
    // An OPS item inside a PAY team: it is in a deeper box, so it stays there.
    story('OPS-2', 'PAY-2', null, done),
  ];

  it("holds the project's work items and boxes that are not in a deeper box", () => {
    const model = build(items(), cfg, { projectNames: { PAY: 'Payments' } });
    expect(boxOf(model, 'root')).toMatchObject({ childIds: ['project:PAY', 'project:OPS'], itemKeys: [] });
    expect(boxOf(model, 'project:PAY')).toMatchObject({
      id: 'project:PAY',
      typeId: 'project',
      name: 'Payments',
      projectKey: 'PAY',
      parentId: 'root',
      childIds: ['PAY-2'],
      itemKeys: ['PAY-1'],
      converted: null,
      teamsConverted: { converted: 1, total: 1, ratio: 1 },
    });
    expect(boxOf(model, 'PAY-2')).toMatchObject({ parentId: 'project:PAY', itemKeys: ['PAY-3', 'OPS-2'], progress: { method: 'issueCount', ratio: 0.5, done: 1, total: 2 } });
    expect(boxOf(model, 'project:OPS')).toMatchObject({ name: 'OPS', projectKey: 'OPS', parentId: 'root', childIds: [], itemKeys: ['OPS-1'] });
    // PAY: own PAY-1 (1 of 1) and PAY-2 weighing 2 at 0.5 → 2 / 3. OPS: 0 of 1. Root: 3 at 2/3 and 1 at 0 → 2 / 4.
    expect(boxOf(model, 'project:PAY').progress).toEqual({ method: 'issueCount', ratio: 2 / 3, done: 2, total: 3 });
    expect(boxOf(model, 'project:OPS').progress).toEqual({ method: 'issueCount', ratio: 0, done: 0, total: 1 });
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 2, total: 4 });
    expect(model.warnings).toEqual([]);
    expect(resolveScope(model, 'PAY').rootIds).toEqual(['project:PAY']);
  });

  it('gives a project box no Jira issue key in the panels', () => {
    const model = build(items(), cfg);
    const rows = teamRows(model, cfg, resolveScope(model, null)).map((row) => [row.id, row.key, row.depth]);
    expect(rows).toEqual([
      ['root', null, 0],
      ['project:PAY', null, 1],
      ['PAY-2', 'PAY-2', 2],
      ['project:OPS', null, 1],
    ]);
  });

  it('makes boxes only for the projects named, matched case-insensitively', () => {
    const only = withTypes(rootType(), projectType('project', 'transformation', ['pay']), boxType('team', 'project', 'Team'));
    const model = build(items(), only);
    expect(Object.keys(model.boxes)).toEqual(['root', 'project:PAY', 'PAY-2']);
    expect(boxOf(model, 'project:PAY').name).toBe('PAY');
    expect(boxOf(model, 'root').itemKeys).toEqual(['OPS-1']);
  });

  it('puts a project box under a type other than the root under the transformation, warning once per box', () => {
    const nested = withTypes(rootType(), boxType('workstream', 'transformation', 'Workstream'), projectType('project', 'workstream'), boxType('team', 'project', 'Team'));
    const model = build([workstream('DTO-1'), story('PAY-1', 'DTO-1'), story('PAY-2', null)], nested);
    expect(boxOf(model, 'root').childIds).toEqual(['project:DTO', 'project:PAY', 'DTO-1']);
    // PAY-1 sits in a workstream, which is not below the project type, so it moves into its project box.
    expect(boxOf(model, 'project:PAY')).toMatchObject({ parentId: 'root', itemKeys: ['PAY-1', 'PAY-2'] });
    expect(boxOf(model, 'project:DTO')).toMatchObject({ parentId: 'root', itemKeys: [], childIds: [] });
    expect(boxOf(model, 'DTO-1')).toMatchObject({ parentId: 'root', itemKeys: [] });
    const message = (key: string) => `Project ${key}: a project box can only sit directly under the transformation for now, not under a Workstream, so it is shown directly under the transformation`;
    expect(model.warnings).toEqual([
      { code: 'orphanBox', issueKey: null, field: 'parent', message: message('DTO') },
      { code: 'orphanBox', issueKey: null, field: 'parent', message: message('PAY') },
    ]);
  });

  it('warns that project boxes cannot be the teams that convert', () => {
    const model = build([story('PAY-1', null)], withTypes(rootType(), projectType('team', 'transformation')));
    expect(boxOf(model, 'project:PAY')).toMatchObject({ converted: null, teamsConverted: { converted: 0, total: 0, ratio: 0 } });
    expect(model.warnings.map((w) => [w.code, w.field])).toEqual([['invalidConfig', 'conversion.teamBoxTypeId']]);
  });
});

describe('precedence when an issue matches several box types', () => {
  it('makes an issue that is both an initiative by issue type and a team by parent link a team: the deeper type wins', () => {
    const cfg = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), parentLinkType('team', 'initiative'));
    const model = build(
      [initiative('INI-1', null), initiative('INI-2', 'INI-1', stage('Converted')), initiative('INI-3', 'INI-2'), story('S-1', 'INI-2'), story('S-2', 'INI-3', null, stage('Piloting'))],
      cfg,
    );
    // INI-3's parent is now a team, so INI-3 is only an initiative; S-2, a child of that initiative, is a team.
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'INI-2': 'team', 'INI-3': 'initiative', 'S-2': 'team' });
    expect(boxOf(model, 'INI-1').childIds).toEqual(['INI-2']);
    expect(boxOf(model, 'INI-2')).toMatchObject({ childIds: ['INI-3'], itemKeys: ['S-1'] });
    expect(boxOf(model, 'INI-3').childIds).toEqual(['S-2']);
    expect(model.warnings).toEqual([]);
  });

  it('prefers the deeper type over config order, and config order among types at the same depth', () => {
    const items = [initiative('INI-1', null), story('T-1', null)];
    const jqlMatches = { workstream: ['INI-1'], a: ['T-1'], b: ['T-1'] };
    const types = [rootType(), jqlType('workstream', 'transformation'), boxType('initiative', 'workstream', 'Initiative'), jqlType('a', 'transformation'), jqlType('b', 'transformation')];
    const model = build(items, withTypes(...types), { jqlMatches });
    expect(typeIds(model)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'T-1': 'a' });
    const swapped = build(items, withTypes(...types.slice(0, 3), jqlType('b', 'transformation'), jqlType('a', 'transformation')), { jqlMatches });
    expect(typeIds(swapped)).toEqual({ root: 'transformation', 'INI-1': 'initiative', 'T-1': 'b' });
  });
});

describe('a parentLink hierarchy of 100,000 issues', () => {
  it('is built in linear time, with a chain 49,000 deep read deepest first', () => {
    const cfg = withTypes(rootType(), boxType('initiative', 'transformation', 'Initiative'), parentLinkType('team', 'initiative'), parentLinkType('squad', 'team', ['Story']));
    const depth = 49_000;
    const items = Array.from({ length: depth }, (_, k) => story(`C-${depth - 1 - k}`, depth - 1 - k === 0 ? 'E-X' : `C-${depth - 2 - k}`));
    items.push(epic('E-X', 'INI-0', stage('Converted')));
    for (let i = 0; i < 1000; i += 1) {
      items.push(initiative(`INI-${i}`, null));
      for (let t = 0; t < 10; t += 1) {
        items.push(epic(`E-${i}-${t}`, `INI-${i}`, stage(t % 2 === 1 ? 'Converted' : 'Piloting')));
        for (let s = 0; s < 4; s += 1) items.push(story(`S-${i}-${t}-${s}`, `E-${i}-${t}`));
      }
    }
    expect(items.length).toBe(100_001);
    const model = build(items, cfg);

    const perType = new Map<string, number>();
    for (const box of Object.values(model.boxes)) perType.set(box.typeId, (perType.get(box.typeId) ?? 0) + 1);
    expect(Object.fromEntries(perType)).toEqual({ transformation: 1, initiative: 1000, team: 10_001, squad: 40_001 });
    // C-0 is the squad; the 48,999 issues below it are its work items.
    expect(boxOf(model, 'C-0')).toMatchObject({ typeId: 'squad', parentId: 'E-X' });
    expect(boxOf(model, 'C-0').itemKeys).toHaveLength(depth - 1);
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 5001, total: 10_001, ratio: 5001 / 10_001 });
    expect(model.warnings).toEqual([]);
  });
});

describe('the share of teams the transformation aims to convert', () => {
  const withRatio = (targetRatio: unknown) => {
    const cfg = config();
    return { ...cfg, conversion: { ...cfg.conversion, targetRatio: targetRatio as number } };
  };

  it('is 0.8 when the configuration does not say', () => {
    expect(DEFAULT_TARGET_RATIO).toBe(0.8);
    expect(targetRatioOf(config())).toBe(0.8);
  });

  it.each([0, 0.25, 1])('is the configured %p when it is a number from 0 to 1', (ratio) => {
    expect(targetRatioOf(withRatio(ratio))).toBe(ratio);
  });

  it.each([-0.1, 1.5, Number.NaN, '0.5', null])('falls back to 0.8 for %p', (ratio) => {
    expect(targetRatioOf(withRatio(ratio))).toBe(0.8);
  });
});
