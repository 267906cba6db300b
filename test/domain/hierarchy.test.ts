import { boxOf, build, codes, config, initiative, team, warningsWith, workItem, workstream } from './factories';

describe('boxes and where issues sit', () => {
  it('always has the root box, named after the transformation, even with no issues', () => {
    const model = build([]);
    expect(model.rootId).toBe('root');
    expect(boxOf(model, 'root')).toMatchObject({ id: 'root', typeId: 'transformation', name: 'Digital Transformation', parentId: null, childIds: [], itemKeys: [], projectKey: null });
    expect(Object.keys(model.boxes)).toEqual(['root']);
    expect(model.warnings).toEqual([]);
    expect(model.readAt).toBe('2026-03-01T12:00:00.000Z');
  });

  it('makes boxes of box issue types and hangs them by their parent links', () => {
    const model = build([
      workstream('WS-1', { projectKey: 'WS' }),
      initiative('INI-1', 'WS-1'),
      team('TEAM-1', 'INI-1'),
      workItem({ key: 'PAY-1', parentKey: 'TEAM-1' }),
    ]);
    expect(boxOf(model, 'root').childIds).toEqual(['WS-1']);
    expect(boxOf(model, 'WS-1')).toMatchObject({ typeId: 'workstream', parentId: 'root', childIds: ['INI-1'], name: 'Workstream WS-1', projectKey: 'WS' });
    expect(boxOf(model, 'INI-1')).toMatchObject({ typeId: 'initiative', parentId: 'WS-1', childIds: ['TEAM-1'] });
    expect(boxOf(model, 'TEAM-1')).toMatchObject({ typeId: 'team', parentId: 'INI-1', itemKeys: ['PAY-1'] });
    expect(model.boxes['PAY-1']).toBeUndefined();
    expect(model.items['PAY-1']?.key).toBe('PAY-1');
    expect(model.items['WS-1']?.key).toBe('WS-1');
  });

  it('matches issue types trimmed and case-insensitively', () => {
    const model = build([workstream('WS-1', { issueType: ' workstream ' })]);
    expect(boxOf(model, 'WS-1').typeId).toBe('workstream');
  });

  it('puts a work item in the nearest box up its chain of parents, through issues that are not boxes', () => {
    const model = build([
      workstream('WS-1'),
      initiative('INI-1', 'WS-1'),
      team('TEAM-1', 'INI-1'),
      workItem({ key: 'EPIC-1', issueType: 'Epic', parentKey: 'TEAM-1' }),
      workItem({ key: 'STORY-1', parentKey: 'EPIC-1' }),
      workItem({ key: 'SUB-1', issueType: 'Sub-task', parentKey: 'STORY-1' }),
      workItem({ key: 'INI-ITEM', parentKey: 'INI-1' }),
    ]);
    expect(boxOf(model, 'TEAM-1').itemKeys).toEqual(['EPIC-1', 'STORY-1', 'SUB-1']);
    expect(boxOf(model, 'INI-1').itemKeys).toEqual(['INI-ITEM']);
    expect(boxOf(model, 'WS-1').itemKeys).toEqual([]);
  });

  it('finds a box parent through issues that are not boxes', () => {
    const model = build([workstream('WS-1'), workItem({ key: 'EPIC-1', issueType: 'Epic', parentKey: 'WS-1' }), initiative('INI-1', 'EPIC-1')]);
    expect(boxOf(model, 'INI-1').parentId).toBe('WS-1');
    expect(boxOf(model, 'WS-1')).toMatchObject({ childIds: ['INI-1'], itemKeys: ['EPIC-1'] });
  });

  it('keeps the parent found in the data even when it skips a level of box types', () => {
    const model = build([workstream('WS-1'), team('TEAM-1', 'WS-1')]);
    expect(boxOf(model, 'TEAM-1').parentId).toBe('WS-1');
    expect(model.warnings).toEqual([]);
  });

  it('puts work items without a parent in the root box', () => {
    const model = build([workItem({ key: 'LOOSE-1' }), workItem({ key: 'LOOSE-2' })]);
    expect(boxOf(model, 'root').itemKeys).toEqual(['LOOSE-1', 'LOOSE-2']);
    expect(model.warnings).toEqual([]);
  });

  it('hangs a workstream without a parent under the root without a warning', () => {
    const model = build([workstream('WS-1')]);
    expect(boxOf(model, 'WS-1').parentId).toBe('root');
    expect(model.warnings).toEqual([]);
  });

  it('hangs an orphan team under the root and warns', () => {
    const model = build([team('TEAM-9', null)]);
    expect(boxOf(model, 'TEAM-9').parentId).toBe('root');
    expect(boxOf(model, 'root').childIds).toEqual(['TEAM-9']);
    expect(model.warnings).toEqual([
      { code: 'orphanBox', issueKey: 'TEAM-9', field: 'parent', message: 'TEAM-9: this Team is not under any Initiative, so it is shown directly under the transformation' },
    ]);
  });

  it('warns when a parent link points to an issue that was not read, and treats it as absent', () => {
    const model = build([workItem({ key: 'PAY-1', parentKey: 'GONE-1' })]);
    expect(boxOf(model, 'root').itemKeys).toEqual(['PAY-1']);
    expect(model.warnings).toEqual([{ code: 'parentNotFound', issueKey: 'PAY-1', field: 'parent', message: 'PAY-1: parent GONE-1 was not found, so the link is ignored' }]);
  });

  it('warns once, on the issue with the dangling link, when a chain ends in a missing parent', () => {
    const model = build([workItem({ key: 'STORY-1', parentKey: 'EPIC-1' }), workItem({ key: 'EPIC-1', parentKey: 'GONE-1' })]);
    expect(boxOf(model, 'root').itemKeys).toEqual(['STORY-1', 'EPIC-1']);
    expect(warningsWith(model, 'parentNotFound').map((w) => w.issueKey)).toEqual(['EPIC-1']);
  });

  it('warns both that the parent is missing and that a team is orphaned', () => {
    const model = build([team('TEAM-1', 'GONE-1')]);
    expect(codes(model)).toEqual(['parentNotFound', 'orphanBox']);
  });

  it('keeps the first of duplicate keys and warns once', () => {
    const model = build([
      workItem({ key: 'DUP-1', summary: 'first' }),
      workItem({ key: 'DUP-1', summary: 'second' }),
      workItem({ key: 'DUP-1', summary: 'third' }),
    ]);
    expect(model.items['DUP-1']?.summary).toBe('first');
    expect(boxOf(model, 'root').itemKeys).toEqual(['DUP-1']);
    expect(model.warnings).toEqual([{ code: 'duplicateKey', issueKey: 'DUP-1', field: 'key', message: 'DUP-1: the issue was read more than once; the first copy is used' }]);
  });

  it('keeps the first copy of a duplicated box, with its parent', () => {
    const model = build([workstream('WS-1'), workstream('WS-2'), initiative('INI-1', 'WS-1'), initiative('INI-1', 'WS-2')]);
    expect(boxOf(model, 'WS-1').childIds).toEqual(['INI-1']);
    expect(boxOf(model, 'WS-2').childIds).toEqual([]);
    expect(codes(model)).toEqual(['duplicateKey']);
  });

  it("leaves out an issue whose key is the root box's id", () => {
    const model = build([workItem({ key: 'root' })]);
    expect(boxOf(model, 'root').typeId).toBe('transformation');
    expect(model.items.root).toBeUndefined();
    expect(codes(model)).toEqual(['duplicateKey']);
  });

  it('makes boxes only in the projects a box type names, when it names some', () => {
    const cfg = config();
    cfg.boxTypes = cfg.boxTypes.map((type) => (type.id === 'workstream' ? { ...type, source: { kind: 'issueType', issueType: 'Workstream', projectKeys: ['DTO'] } } : type));
    const model = build([workstream('DTO-1', { projectKey: 'DTO' }), workstream('OTHER-1', { projectKey: 'OTHER' })], cfg);
    expect(boxOf(model, 'DTO-1').typeId).toBe('workstream');
    expect(model.boxes['OTHER-1']).toBeUndefined();
    expect(boxOf(model, 'root').itemKeys).toEqual(['OTHER-1']);
  });
});

describe('cycles in parent links', () => {
  it('ignores a self-parent link and warns', () => {
    const model = build([workItem({ key: 'SELF-1', parentKey: 'SELF-1' })]);
    expect(boxOf(model, 'root').itemKeys).toEqual(['SELF-1']);
    expect(model.warnings).toEqual([{ code: 'parentCycle', issueKey: 'SELF-1', field: 'parent', message: 'SELF-1: is its own parent, so this parent link is ignored' }]);
  });

  it('drops the link that closes a 2-cycle, walking from the first issue read', () => {
    // A → B → A: walking up from A, the link B → A closes the loop, so B loses its parent.
    const model = build([team('A-1', 'B-1'), team('B-1', 'A-1')]);
    expect(boxOf(model, 'A-1').parentId).toBe('B-1');
    expect(boxOf(model, 'B-1').parentId).toBe('root');
    expect(warningsWith(model, 'parentCycle')).toEqual([
      { code: 'parentCycle', issueKey: 'B-1', field: 'parent', message: 'B-1: closes a loop of 2 issues through parent A-1, so this parent link is ignored' },
    ]);
  });

  it('breaks a long cycle once and keeps the issues hanging off it', () => {
    // L-0 → L-1 → … → L-99 → L-0, plus TAIL → L-50 read first.
    const length = 100;
    const loop = Array.from({ length }, (_, i) => workItem({ key: `L-${i}`, parentKey: `L-${(i + 1) % length}` }));
    const model = build([workItem({ key: 'TAIL', parentKey: 'L-50' }), ...loop]);
    // Walking up from TAIL: L-50, …, L-99, L-0, …, L-49, then L-49 → L-50 closes the loop.
    expect(warningsWith(model, 'parentCycle')).toEqual([
      { code: 'parentCycle', issueKey: 'L-49', field: 'parent', message: 'L-49: closes a loop of 100 issues through parent L-50, so this parent link is ignored' },
    ]);
    expect(boxOf(model, 'root').itemKeys).toHaveLength(length + 1);
  });

  it('puts the items of a broken cycle in the box the remaining chain leads to', () => {
    // X → Y → X with X read first: Y's link back to X is dropped, so T → X → Y leads to no box.
    const model = build([workItem({ key: 'X-1', parentKey: 'Y-1' }), workItem({ key: 'Y-1', parentKey: 'X-1' }), team('T-1', 'X-1')]);
    expect(boxOf(model, 'T-1').parentId).toBe('root');
    expect(codes(model)).toEqual(['parentCycle', 'orphanBox']);
  });

  it('terminates on a cycle of boxes and keeps every box reachable from the root', () => {
    const model = build([initiative('I-1', 'I-2'), initiative('I-2', 'I-3'), initiative('I-3', 'I-1')]);
    // Walking from I-1: I-1, I-2, I-3, then I-3 → I-1 closes the loop.
    expect(boxOf(model, 'I-3').parentId).toBe('root');
    expect(boxOf(model, 'I-2').parentId).toBe('I-3');
    expect(boxOf(model, 'I-1').parentId).toBe('I-2');
    expect(codes(model)).toEqual(['parentCycle', 'orphanBox']);
  });
});

describe('deep and large inputs', () => {
  it('builds a chain 10,000 work items deep under one team', () => {
    const depth = 10_000;
    const chain = Array.from({ length: depth }, (_, i) => workItem({ key: `DEEP-${i}`, parentKey: i === 0 ? 'TEAM-1' : `DEEP-${i - 1}`, statusCategory: i % 2 === 0 ? 'done' : 'new' }));
    const model = build([workstream('WS-1'), initiative('INI-1', 'WS-1'), team('TEAM-1', 'INI-1', 'Converted'), ...chain.reverse()]);
    expect(boxOf(model, 'TEAM-1').itemKeys).toHaveLength(depth);
    // The team counts story points and has none (nothing to measure); the initiative counts issues: 5,000 of 10,000 done.
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'storyPoints', ratio: 0, done: 0, total: 0 });
    expect(boxOf(model, 'INI-1').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 5000, total: 10000 });
  });

  it('builds a chain of 10,000 nested boxes and rolls up through it', () => {
    const depth = 10_000;
    const boxes = Array.from({ length: depth }, (_, i) => initiative(`NEST-${i}`, i === 0 ? 'WS-1' : `NEST-${i - 1}`));
    const model = build([workstream('WS-1'), ...boxes, workItem({ key: 'LEAF-1', parentKey: `NEST-${depth - 1}`, statusCategory: 'done' }), workItem({ key: 'LEAF-2', parentKey: `NEST-${depth - 1}` })]);
    expect(boxOf(model, `NEST-${depth - 1}`).itemKeys).toEqual(['LEAF-1', 'LEAF-2']);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 1, total: 2 });
    expect(boxOf(model, 'root').progress.ratio).toBe(0.5);
  });

  it('walks a chain 100,000 issues deep without recursion, shallowest issue read first', () => {
    const depth = 100_000;
    const chain = Array.from({ length: depth }, (_, i) => workItem({ key: `C-${i}`, parentKey: i === 0 ? 'WS-1' : `C-${i - 1}` }));
    const model = build([...chain, workstream('WS-1')]);
    expect(boxOf(model, 'WS-1').itemKeys).toHaveLength(depth);
    expect(model.warnings).toEqual([]);
  });

  it('builds 100,000 issues and rolls them up', () => {
    const items = [workstream('WS-1')];
    for (let t = 0; t < 1000; t += 1) {
      items.push(team(`T-${t}`, 'WS-1', t % 3 === 0 ? 'Converted' : 'Piloting'));
      for (let s = 0; s < 99; s += 1) items.push(workItem({ key: `S-${t}-${s}`, parentKey: s === 0 ? `T-${t}` : `S-${t}-${s - 1}`, statusCategory: s % 4 === 0 ? 'done' : 'new', fields: { storyPoints: 1 } }));
    }
    const model = build(items);
    expect(Object.keys(model.items)).toHaveLength(1 + 1000 * 100);
    // 25 of 99 items done per team (s = 0, 4, …, 96), 1 point each.
    expect(boxOf(model, 'T-0').progress).toEqual({ method: 'storyPoints', ratio: 25 / 99, done: 25, total: 99 });
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 334, total: 1000, ratio: 0.334 });
  });
});
