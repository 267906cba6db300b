import type { BoxTypeDto } from '../../../src/contract';
import { addBoxType, deleteBoxType, deleteImpact, moveBoxType, setParent, setToolsetPanel } from '../../../static/src/components/settings/boxTypeEdits';
import { descendantIds, inTreeOrder, newTypeId, parentChoices, treeRows } from '../../../static/src/components/settings/boxTypeTree';
import { config } from './fixtures';

const ids = (types: readonly BoxTypeDto[]) => types.map((t) => t.id);
const type = (id: string, parentTypeId: string | null): BoxTypeDto => ({
  id,
  name: id.toUpperCase(),
  parentTypeId,
  source: parentTypeId === null ? { kind: 'root' } : { kind: 'issueType', issueType: id },
  progressMethod: 'issueCount',
  toolset: ['roadmap'],
});

describe('box type tree', () => {
  it('lists types depth-first from the root, siblings in array order, with depth and sibling position', () => {
    const types = [type('c', 'a'), type('root', null), type('a', 'root'), type('b', 'root'), type('d', 'b')];
    expect(treeRows(types).map((r) => [r.type.id, r.depth, r.siblingIndex, r.siblingCount])).toEqual([
      ['root', 0, 0, 1],
      ['a', 1, 0, 2],
      ['c', 2, 0, 1],
      ['b', 1, 1, 2],
      ['d', 2, 0, 1],
    ]);
  });

  it('still lists every type once when a parent is missing or types form a cycle', () => {
    const types = [type('root', null), type('x', 'nowhere'), type('p', 'q'), type('q', 'p')];
    expect(ids(inTreeOrder(types)).sort()).toEqual(['p', 'q', 'root', 'x']);
    expect(treeRows(types)[0]?.type.id).toBe('root');
  });

  it('offers as parent every type except itself and the ones below it', () => {
    const { boxTypes } = config();
    expect([...descendantIds(boxTypes, 'workstream')]).toEqual(['initiative', 'team']);
    expect(ids(parentChoices(boxTypes, 'workstream'))).toEqual(['transformation']);
    expect(ids(parentChoices(boxTypes, 'team'))).toEqual(['transformation', 'workstream', 'initiative']);
  });

  it('makes ids from names, unique and within the schema’s characters', () => {
    const { boxTypes } = config();
    expect(newTypeId('Squad team', boxTypes)).toBe('squad-team');
    expect(newTypeId('Team', boxTypes)).toBe('team-2');
    expect(newTypeId('Équipe № 1!', boxTypes)).toBe('equipe-no-1');
    expect(newTypeId('***', boxTypes)).toBe('box-type');
    expect(newTypeId('x'.repeat(100), boxTypes)).toMatch(/^[a-z0-9-]{1,64}$/);
  });
});

describe('box type edits', () => {
  it('adds a type under its parent, found by its name as issue type, with the parent’s toolset, in tree order', () => {
    const { config: next, id } = addBoxType(config(), '  Squad ', 'workstream');
    expect(id).toBe('squad');
    expect(ids(next.boxTypes)).toEqual(['transformation', 'workstream', 'initiative', 'team', 'squad']);
    expect(next.boxTypes.find((t) => t.id === 'squad')).toEqual({
      id: 'squad',
      name: 'Squad',
      parentTypeId: 'workstream',
      source: { kind: 'issueType', issueType: 'Squad' },
      progressMethod: 'issueCount',
      toolset: ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'],
    });
    expect(addBoxType(config(), ' ', 'workstream').id).toBe('');
    expect(addBoxType(config(), 'X', 'nope').config).toEqual(config());
  });

  it('moves a type among its siblings with its subtree, and not past the ends', () => {
    const start = addBoxType(config(), 'Squad', 'workstream').config;
    const up = moveBoxType(start, 'squad', -1);
    expect(ids(up.boxTypes)).toEqual(['transformation', 'workstream', 'squad', 'initiative', 'team']);
    expect(moveBoxType(up, 'squad', -1)).toEqual(up);
    expect(moveBoxType(start, 'squad', 1)).toEqual(start);
    expect(moveBoxType(start, 'team', -1)).toEqual(start);
  });

  it('re-parents a type but never the root, and never below itself', () => {
    const c = config();
    expect(setParent(c, 'team', 'workstream').boxTypes.find((t) => t.id === 'team')?.parentTypeId).toBe('workstream');
    expect(setParent(c, 'transformation', 'team')).toEqual(c);
    expect(setParent(c, 'workstream', 'team')).toEqual(c);
    expect(setParent(c, 'workstream', 'workstream')).toEqual(c);
    expect(setParent(c, 'team', 'missing')).toEqual(c);
  });

  it('switches toolset panels in the usual order, once each', () => {
    const c = config();
    const off = setToolsetPanel(c, 'transformation', 'riskMatrix', false);
    expect(off.boxTypes[0]?.toolset).toEqual(['roadmap', 'teamsConverted', 'backlog', 'reports']);
    const on = setToolsetPanel(setToolsetPanel(off, 'transformation', 'riskMatrix', true), 'transformation', 'riskMatrix', true);
    expect(on.boxTypes[0]?.toolset).toEqual(['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports']);
  });

  it('says what deleting a type affects: its boxes, the types below it, the team type', () => {
    const impact = deleteImpact(addBoxType(config(), 'Squad', 'workstream').config, 'workstream');
    expect(impact?.children.map((t) => t.id)).toEqual(['initiative', 'squad']);
    expect(impact?.newParent?.id).toBe('transformation');
    expect(impact?.team).toBeNull();
    expect(impact?.lines).toEqual([
      'Its boxes will no longer be boxes: their work will be counted under Transformation.',
      '2 box types use it as parent (Initiative, Squad); they move under Transformation.',
    ]);
    expect(deleteImpact(config(), 'transformation')).toBeNull();
    expect(deleteImpact(config(), 'nope')).toBeNull();
  });

  it('deleting moves the children up and hands the team role on', () => {
    const next = deleteBoxType(config(), 'initiative');
    expect(ids(next.boxTypes)).toEqual(['transformation', 'workstream', 'team']);
    expect(next.boxTypes.find((t) => t.id === 'team')?.parentTypeId).toBe('workstream');

    const teamImpact = deleteImpact(config(), 'team');
    expect(teamImpact?.team?.replacement?.id).toBe('initiative');
    expect(teamImpact?.lines).toContain('It is the team box type of Teams converted: Initiative boxes will count as the teams instead.');
    expect(deleteBoxType(config(), 'team').conversion.teamBoxTypeId).toBe('initiative');

    const squadUnderTeam = addBoxType(config(), 'Squad', 'team').config;
    expect(deleteBoxType(squadUnderTeam, 'team').conversion.teamBoxTypeId).toBe('squad');
    expect(deleteBoxType(config(), 'transformation')).toEqual(config());
  });

  it('when no type can take over the team role, the dialog says so and the role stays for the server to refuse', () => {
    const c = config();
    c.boxTypes = c.boxTypes.filter((t) => t.id === 'transformation' || t.id === 'team').map((t) => (t.id === 'team' ? { ...t, parentTypeId: 'transformation' } : t));
    expect(deleteImpact(c, 'team')?.lines.at(-1)).toMatch(/no other box type can take over/);
    expect(deleteBoxType(c, 'team').conversion.teamBoxTypeId).toBe('team');
  });
});
