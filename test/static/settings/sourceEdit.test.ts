import type { BoxTypeDto } from '../../../src/contract';
import { configReducer } from '../../../static/src/components/settings/configEditor';
import { percentText, readPercent } from '../../../static/src/components/settings/labels';
import { problemKey, problemPlace } from '../../../static/src/components/settings/problemPaths';
import { sourceOfKind, sourceWarning } from '../../../static/src/components/settings/sourceEdit';
import { config } from './fixtures';

const typed = (source: BoxTypeDto['source'], parentTypeId = 'initiative'): BoxTypeDto => ({ id: 'x', name: 'X', parentTypeId, source, progressMethod: 'issueCount', toolset: [] });

describe('box sources', () => {
  it('carries issue types and project keys over when the kind changes', () => {
    const byType: BoxTypeDto['source'] = { kind: 'issueType', issueType: 'Team', projectKeys: ['PAY', 'OPS'] };
    expect(sourceOfKind('issueType', byType, 'X')).toBe(byType);
    expect(sourceOfKind('parentLink', byType, 'X')).toEqual({ kind: 'parentLink', issueTypes: ['Team'] });
    expect(sourceOfKind('project', byType, 'X')).toEqual({ kind: 'project', projectKeys: ['PAY', 'OPS'] });
    expect(sourceOfKind('jql', byType, 'X')).toEqual({ kind: 'jql', jql: 'issuetype in ("Team") AND project in (PAY, OPS)' });
    expect(sourceOfKind('jql', { kind: 'parentLink', issueTypes: ['Say "hi"'] }, 'X')).toEqual({ kind: 'jql', jql: 'issuetype in ("Say \\"hi\\"")' });
    expect(sourceOfKind('issueType', { kind: 'parentLink', issueTypes: ['Epic', 'Story'] }, 'X')).toEqual({ kind: 'issueType', issueType: 'Epic' });
    expect(sourceOfKind('issueType', { kind: 'jql', jql: 'project = PAY' }, ' Squad ')).toEqual({ kind: 'issueType', issueType: 'Squad' });
    expect(sourceOfKind('parentLink', { kind: 'project' }, 'X')).toEqual({ kind: 'parentLink' });
    expect(sourceOfKind('jql', { kind: 'project' }, 'X')).toEqual({ kind: 'jql', jql: '' });
  });

  it('warns about a parent link under the transformation or a project type, and a project type below the top', () => {
    const c = config();
    const root = c.boxTypes[0] ?? null;
    const initiative = c.boxTypes[2] ?? null;
    const projects: BoxTypeDto = { ...typed({ kind: 'project' }, 'transformation'), id: 'p', name: 'Projects' };
    expect(sourceWarning(typed({ kind: 'parentLink' }, 'transformation'), root)).toMatch(/No issue has the transformation as its parent/);
    expect(sourceWarning(typed({ kind: 'parentLink' }, 'p'), projects)).toMatch(/the project box type “Projects”/);
    expect(sourceWarning(typed({ kind: 'parentLink' }), initiative)).toBeNull();
    expect(sourceWarning(typed({ kind: 'project' }), initiative)).toMatch(/only directly under the top type/);
    expect(sourceWarning(projects, root)).toBeNull();
    expect(sourceWarning(typed({ kind: 'issueType', issueType: 'X' }), initiative)).toBeNull();
  });
});

describe('target share of teams', () => {
  it('reads percentages and writes shares, removing the setting for the default', () => {
    expect(readPercent('80')).toBe(0.8);
    expect(readPercent(' 72.5 % ')).toBe(0.725);
    expect(readPercent('7,5')).toBe(0.075);
    expect(readPercent('')).toBeUndefined();
    expect(readPercent('101')).toBeNull();
    expect(readPercent('-5')).toBeNull();
    expect(readPercent('abc')).toBeNull();
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.725)).toBe('72.5');
    expect(percentText(undefined)).toBe('');
    const set = configReducer(config(), { type: 'setTargetRatio', ratio: 0.6 });
    expect(set.conversion.targetRatio).toBe(0.6);
    expect('targetRatio' in configReducer(set, { type: 'setTargetRatio', ratio: undefined }).conversion).toBe(false);
    expect(problemKey('conversion.targetRatio', config())).toBe('conversion:targetRatio');
    expect(problemPlace('conversion.targetRatio', config())).toBe('Conversion › target share of teams');
  });
});
