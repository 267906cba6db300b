import { resolveScope, roadmap } from '../../src/domain';
import type { RoadmapRow } from '../../src/domain';
import { build, config, doneItem, epic, milestone, riskItem, story, team, workItem, workstream } from './factories';
import { smallTransformation, TODAY } from './smallTransformation';

const cfg = config();
const outline = (rows: RoadmapRow[]): string[] => rows.map((row) => `${'  '.repeat(row.depth)}${row.id} ${row.kind} ${row.parentId ?? '-'}${row.hasChildren ? ' +' : ''}`);

describe('roadmap of the small transformation', () => {
  const model = build(smallTransformation());
  const map = roadmap(model, cfg, resolveScope(model, null), TODAY);

  it('is built from data with no warnings', () => {
    expect(model.warnings).toEqual([]);
  });

  it('lists boxes in tree order with the epic under its team, after the team\'s child boxes (none here)', () => {
    expect(map.today).toBe(TODAY);
    expect(outline(map.rows)).toEqual([
      'root box - +',
      '  DTO-1 box root +',
      '    DTO-3 box DTO-1 +',
      '      PAY-1 box DTO-3 +',
      '        PAY-10 item PAY-1',
      '      PAY-2 box DTO-3',
      '    DTO-4 box DTO-1 +',
      '      CRM-1 box DTO-4',
      '  DTO-2 box root +',
      '    DTO-5 box DTO-2 +',
      '      OPS-1 box DTO-5',
    ]);
  });

  it('gives each row its dates, progress and schedule', () => {
    const byId = new Map(map.rows.map((row) => [row.id, row]));
    expect(byId.get('root')).toMatchObject({ key: null, name: 'Digital Transformation', typeName: 'Transformation', start: '2026-01-01', due: '2026-06-30', schedule: 'onTrack', progress: { method: 'issueCount', percentText: '30.0 %', basis: '3 of 10 work items done, counted by issue' } });
    expect(byId.get('DTO-3')).toMatchObject({ key: 'DTO-3', typeName: 'Initiative', start: '2026-01-01', due: '2026-03-01', schedule: 'late', progress: { percentText: '28.6 %' } });
    expect(byId.get('DTO-4')).toMatchObject({ schedule: 'done', progress: { ratio: 0.5 } });
    expect(byId.get('CRM-1')).toMatchObject({ typeName: 'Team', due: '2026-03-10', schedule: 'onTrack' }); // due today
    // The epic: its own dates, and its team's method (points) over the items under it: 5 of 10.
    expect(byId.get('PAY-10')).toEqual({
      id: 'PAY-10', key: 'PAY-10', name: 'Checkout epic', typeName: 'Epic', kind: 'item', parentId: 'PAY-1', depth: 4, hasChildren: false,
      start: '2026-02-01', due: '2026-04-30', progress: { method: 'storyPoints', ratio: 0.5, percentText: '50.0 %', done: 5, total: 10, basis: '5 of 10 story points done' }, schedule: 'onTrack', doneWithOpenWork: false,
    });
  });

  it('puts milestones on their nearest row: DTO-6 on its initiative (late), PAY-13 on the epic', () => {
    expect(map.milestones).toEqual([
      { key: 'DTO-6', name: 'Pilot go-live', due: '2026-03-05', rowId: 'DTO-3', schedule: 'late' },
      { key: 'PAY-13', name: 'Checkout beta', due: '2026-03-31', rowId: 'PAY-10', schedule: 'onTrack' },
    ]);
  });

  it('draws blocks links between rows; the blocked CRM-1 (due 03-10) ends before the blocking epic (04-30)', () => {
    expect(map.dependencies).toEqual([
      { fromRowId: 'DTO-4', toRowId: 'DTO-5', fromKey: 'DTO-4', toKey: 'DTO-5', violated: false },
      { fromRowId: 'PAY-10', toRowId: 'CRM-1', fromKey: 'PAY-12', toKey: 'CRM-2', violated: true },
    ]);
  });

  it('lists the rows with no dates apart', () => {
    expect(map.undatedRowIds).toEqual(['PAY-2', 'OPS-1']);
  });

  it('has no risk rows', () => {
    expect(map.rows.some((row) => row.id.startsWith('DTO-') && Number(row.id.slice(4)) >= 8)).toBe(false);
  });
});

describe('roadmap of a project', () => {
  const model = build(smallTransformation());

  it('starts at the project\'s boxes and still shows the foreign box holding one of its items', () => {
    const map = roadmap(model, cfg, resolveScope(model, 'PAY'), TODAY);
    expect(outline(map.rows)).toEqual(['PAY-1 box - +', '  PAY-10 item PAY-1', 'PAY-2 box -', 'DTO-5 box -']);
    expect(map.milestones.map((m) => m.key)).toEqual(['PAY-13']);
    expect(map.dependencies).toEqual([]); // CRM-2 is not in PAY's scope
    expect(map.undatedRowIds).toEqual(['PAY-2']);
  });

  it('is empty for an empty scope', () => {
    expect(roadmap(model, cfg, resolveScope(model, 'NOPE'), TODAY)).toEqual({ today: TODAY, rows: [], milestones: [], dependencies: [], undatedRowIds: [] });
  });
});

describe('roadmap details', () => {
  it('nests a group item under the group item above it, and rolls the items up to both', () => {
    // FEAT-1 > EPIC-1 > S-1 ✓, S-2; FEAT-1 > S-3 ✓. A group counts itself too: EPIC-1 1 of 3 (EPIC-1, S-1, S-2),
    // FEAT-1 2 of 5 (FEAT-1, EPIC-1, S-1, S-2, S-3).
    const model = build([
      workstream('WS-1'),
      workItem({ key: 'FEAT-1', issueType: 'Feature', parentKey: 'WS-1' }),
      epic('EPIC-1', 'FEAT-1'),
      doneItem({ key: 'S-1', parentKey: 'EPIC-1' }),
      story('S-2', 'EPIC-1'),
      doneItem({ key: 'S-3', parentKey: 'FEAT-1' }),
    ]);
    const map = roadmap(model, cfg, resolveScope(model, null), TODAY);
    expect(outline(map.rows)).toEqual(['root box - +', '  WS-1 box root +', '    FEAT-1 item WS-1 +', '      EPIC-1 item FEAT-1']);
    expect(map.rows.find((row) => row.id === 'FEAT-1')?.progress).toMatchObject({ ratio: 2 / 5, done: 2, total: 5 });
    expect(map.rows.find((row) => row.id === 'EPIC-1')?.progress).toMatchObject({ ratio: 1 / 3, done: 1, total: 3 });
    expect(map.undatedRowIds).toEqual(['root', 'WS-1', 'FEAT-1', 'EPIC-1']);
  });

  it('puts child boxes before group items, and leaves risks and milestones with children out of the rows', () => {
    const model = build([
      workstream('WS-1'),
      epic('EPIC-1', 'WS-1'),
      story('S-1', 'EPIC-1'),
      team('T-1', 'WS-1'),
      riskItem('R-1', 'WS-1'),
      story('S-2', 'R-1'),
      milestone('M-1', 'WS-1', '2026-04-01'),
      story('S-3', 'M-1'),
    ]);
    const map = roadmap(model, cfg, resolveScope(model, null), TODAY);
    expect(map.rows.map((row) => row.id)).toEqual(['root', 'WS-1', 'T-1', 'EPIC-1']);
    expect(map.milestones).toEqual([{ key: 'M-1', name: 'Milestone M-1', due: '2026-04-01', rowId: 'WS-1', schedule: 'onTrack' }]);
  });

  it('skips links within one row, keeps one link per pair of rows, and needs both due dates to call a violation', () => {
    const model = build([
      team('T-1', null, 'Converted', { fields: { conversionStage: 'Converted', dueDate: '2026-05-01' } }),
      team('T-2', null),
      story('A-1', 'T-1', null, { blocks: ['A-2', 'B-1'] }),
      story('A-2', 'T-1', null, { blocks: ['B-1', 'B-2', 'NOT-THERE'] }),
      story('B-1', 'T-2', null, { blocks: ['A-1'] }),
      story('B-2', 'T-2'),
    ]);
    const map = roadmap(model, cfg, resolveScope(model, null), TODAY);
    expect(map.dependencies).toEqual([
      { fromRowId: 'T-1', toRowId: 'T-2', fromKey: 'A-1', toKey: 'B-1', violated: false },
      { fromRowId: 'T-2', toRowId: 'T-1', fromKey: 'B-1', toKey: 'A-1', violated: false },
    ]);
  });

  it('calls a link violated only when the blocked row is due strictly before the blocking row', () => {
    const model = build([
      team('T-1', null, 'Converted', { fields: { conversionStage: 'Converted', dueDate: '2026-05-01' } }),
      team('T-2', null, 'Converted', { fields: { conversionStage: 'Converted', dueDate: '2026-05-01' } }),
      team('T-3', null, 'Converted', { fields: { conversionStage: 'Converted', dueDate: '2026-04-30' } }),
      story('A-1', 'T-1', null, { blocks: ['B-1', 'C-1'] }),
      story('B-1', 'T-2'),
      story('C-1', 'T-3'),
    ]);
    const map = roadmap(model, cfg, resolveScope(model, null), TODAY);
    expect(map.dependencies.map((d) => [d.toRowId, d.violated])).toEqual([
      ['T-2', false],
      ['T-3', true],
    ]);
  });

  it('counts a group item\'s own estimate: a done 5-point story with 0-point sub-tasks is 100 %, not 0 %', () => {
    const model = build([
      team('T-1', null),
      story('S-1', 'T-1', 5, { status: 'Done', statusCategory: 'done' }),
      workItem({ key: 'ST-1', issueType: 'Sub-task', parentKey: 'S-1', statusCategory: 'done', fields: { storyPoints: 0 } }),
      workItem({ key: 'ST-2', issueType: 'Sub-task', parentKey: 'S-1', statusCategory: 'done' }),
    ]);
    const row = roadmap(model, cfg, resolveScope(model, null), TODAY).rows.find((r) => r.id === 'S-1');
    expect(row?.progress).toMatchObject({ method: 'storyPoints', ratio: 1, done: 5, total: 5, percentText: '100.0 %' });
  });

  it('shows "–" for a group item with nothing to measure in its unit, not 0 %', () => {
    const model = build([team('T-1', null), epic('E-1', 'T-1'), workItem({ key: 'ST-1', parentKey: 'E-1' })]);
    const row = roadmap(model, cfg, resolveScope(model, null), TODAY).rows.find((r) => r.id === 'E-1');
    expect(row?.progress).toMatchObject({ total: 0, percentText: '–', basis: 'nothing to measure: no work item carries story points' });
  });

  it('survives a loop of parent links among work items and a chain 50,000 issues deep', () => {
    const loop = build([workstream('WS-1'), story('L-1', 'L-2'), story('L-2', 'L-1')]);
    const loopMap = roadmap(loop, cfg, resolveScope(loop, null), TODAY);
    expect(loopMap.rows.filter((row) => row.kind === 'item').map((row) => row.id)).toHaveLength(1);

    const chain = [workstream('WS-1'), ...Array.from({ length: 50_000 }, (_, i) => workItem({ key: `C-${i}`, issueType: 'Epic', parentKey: i === 0 ? 'WS-1' : `C-${i - 1}`, statusCategory: i % 2 === 0 ? 'done' : 'new' }))];
    const deep = build(chain);
    const map = roadmap(deep, cfg, resolveScope(deep, null), TODAY);
    expect(map.rows).toHaveLength(2 + 49_999);
    expect(map.rows[map.rows.length - 1]).toMatchObject({ id: 'C-49998', depth: 50_000 });
    // C-0 counts itself and the 49,999 issues below it, of which C-0, C-2 … C-49998 (25,000) are done.
    expect(map.rows.find((row) => row.id === 'C-0')?.progress).toMatchObject({ done: 25_000, total: 50_000 });
  });
});
