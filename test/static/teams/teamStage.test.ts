import type { TeamRowDto } from '../../../src/contract';
import { convertedText, isTeamRow, stageLozenge, teamsToday } from '../../../static/src/components/teams/teamStage';

const STAGES = ['Not started', 'Onboarding', 'Piloting', 'Converted', 'Sustaining'];
const row = (stage: string | null, converted: boolean | null): TeamRowDto => ({
  id: 'T-1',
  key: 'T-1',
  name: 'Team',
  typeName: 'Team',
  parentId: null,
  depth: 2,
  stage,
  converted,
  progress: { method: 'issueCount', ratio: 0.5, percentText: '50 %', done: 1, total: 2, basis: '1 of 2 work items done, counted by issue' },
  teamsConverted: { converted: converted ? 1 : 0, total: 1, ratio: converted ? 1 : 0, percentText: converted ? '100 %' : '0 %' },
});

describe('stageLozenge', () => {
  it('shows nothing for boxes that are not teams', () => {
    expect(isTeamRow(row(null, null))).toBe(false);
    expect(stageLozenge(row(null, null), STAGES, 'Converted')).toBeNull();
  });

  it('flags a team without a stage as a data problem', () => {
    expect(stageLozenge(row(null, false), STAGES, 'Converted')).toEqual({ text: 'No stage', appearance: 'removed' });
  });

  it('colours stages by where they sit against the target stage', () => {
    const at = (stage: string, converted: boolean) => stageLozenge(row(stage, converted), STAGES, 'Converted')?.appearance;
    expect(at('Not started', false)).toBe('default');
    expect(at('Piloting', false)).toBe('inprogress');
    expect(at('Converted', true)).toBe('success');
    expect(at('Sustaining', true)).toBe('success');
    expect(at('Mystery', false)).toBe('moved');
  });

  it('says n of m', () => {
    expect(convertedText(row('Converted', true))).toBe('1 of 1');
  });
});

describe('teamsToday', () => {
  it('counts each team row once, whatever its depth, and ignores the boxes above', () => {
    const rows = [row(null, null), { ...row('Converted', true), id: 'A' }, { ...row('Piloting', false), id: 'B' }, { ...row(null, false), id: 'C' }, { ...row('Converted', true), id: 'A' }];
    expect(teamsToday(rows)).toEqual({ converted: 1, total: 3, ratio: 1 / 3 });
    expect(teamsToday([])).toEqual({ converted: 0, total: 0, ratio: 0 });
  });
});
