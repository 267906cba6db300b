import { configReducer } from '../../../static/src/components/settings/configEditor';
import { applyListEdit, targetAfterEdit } from '../../../static/src/components/settings/listEdit';
import { config } from './fixtures';

describe('configReducer', () => {
  it('does box type actions through the box type edits', () => {
    let c = configReducer(config(), { type: 'addBoxType', name: 'Squad', parentTypeId: 'team' });
    c = configReducer(c, { type: 'renameBoxType', id: 'squad', name: 'Squads' });
    c = configReducer(c, { type: 'setProgressMethod', id: 'squad', method: 'manual' });
    c = configReducer(c, { type: 'setSource', id: 'squad', source: { kind: 'issueType', issueType: 'Squad', projectKeys: ['PAY'] } });
    expect(c.boxTypes.at(-1)).toMatchObject({ id: 'squad', name: 'Squads', parentTypeId: 'team', progressMethod: 'manual', source: { kind: 'issueType', issueType: 'Squad', projectKeys: ['PAY'] } });
    expect(configReducer(c, { type: 'deleteBoxType', id: 'squad' }).boxTypes).toEqual(config().boxTypes);
  });

  it('never changes the root’s source, nor makes another type a root', () => {
    const c = config();
    expect(configReducer(c, { type: 'setSource', id: 'transformation', source: { kind: 'issueType', issueType: 'X' } })).toEqual(c);
    expect(configReducer(c, { type: 'setSource', id: 'team', source: { kind: 'root' } })).toEqual(c);
  });

  it('edits stages and keeps the target stage on the same stage', () => {
    let c = configReducer(config(), { type: 'editStages', edit: { op: 'rename', index: 3, value: 'Done' } });
    expect(c.conversion).toMatchObject({ stages: ['Not started', 'Preparing', 'Piloting', 'Done', 'Sustaining'], targetStage: 'Done' });
    c = configReducer(c, { type: 'editStages', edit: { op: 'remove', index: 3 } });
    expect(c.conversion).toMatchObject({ stages: ['Not started', 'Preparing', 'Piloting', 'Sustaining'], targetStage: 'Sustaining' });
    c = configReducer(c, { type: 'editStages', edit: { op: 'move', index: 3, direction: -1 } });
    expect(c.conversion.stages).toEqual(['Not started', 'Preparing', 'Sustaining', 'Piloting']);
    c = configReducer(c, { type: 'setTargetStage', stage: 'Piloting' });
    expect(c.conversion.targetStage).toBe('Piloting');
    c = configReducer(c, { type: 'setTeamBoxType', id: 'initiative' });
    expect(c.conversion.teamBoxTypeId).toBe('initiative');
  });

  it('maps fields by name, sets issue types, labels and the transformation name', () => {
    let c = configReducer(config(), { type: 'setFieldMapping', concept: 'storyPoints', fieldName: 'Points' });
    c = configReducer(c, { type: 'setIssueTypes', list: 'riskIssueTypes', values: ['Risk', 'Issue'] });
    c = configReducer(c, { type: 'setLevelLabel', scale: 'impact', index: 4, label: 'Catastrophic' });
    c = configReducer(c, { type: 'setLevelLabel', scale: 'likelihood', index: 7, label: 'ignored' });
    c = configReducer(c, { type: 'setName', name: 'Cloud move' });
    expect(c.fieldMapping.storyPoints).toBe('Points');
    expect(c.riskIssueTypes).toEqual(['Risk', 'Issue']);
    expect(c.riskScale.impactLabels).toEqual(['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic']);
    expect(c.riskScale.likelihoodLabels).toEqual(config().riskScale.likelihoodLabels);
    expect(c.name).toBe('Cloud move');
  });

  it('edits, removes and adds risk bands; the last band stays', () => {
    let c = configReducer(config(), { type: 'setBand', index: 1, change: { min: 6, color: 'color.background.discovery' } });
    expect(c.riskScale.bands[1]).toEqual({ name: 'medium', min: 6, color: 'color.background.discovery' });
    c = configReducer(c, { type: 'removeBand', index: 3 });
    expect(c.riskScale.bands.map((b) => b.name)).toEqual(['low', 'medium', 'high']);
    c = configReducer(c, { type: 'addBand' });
    expect(c.riskScale.bands.at(-1)).toEqual({ name: 'critical', min: 11, color: 'color.background.danger.bold' });
    expect(configReducer(c, { type: 'addBand' })).toBe(c);
    let one = config();
    for (let i = 0; i < 5; i += 1) one = configReducer(one, { type: 'removeBand', index: 0 });
    expect(one.riskScale.bands).toEqual([{ name: 'critical', min: 16, color: 'color.background.danger.bold' }]);
  });

  it('keeps settings it does not edit (e.g. newer optional ones) and resets to a given config', () => {
    const withExtra = { ...config(), conversion: { ...config().conversion, targetRatio: 0.7 } };
    const next = configReducer(withExtra, { type: 'editStages', edit: { op: 'add', value: 'Scaling' } });
    expect(next.conversion).toMatchObject({ targetRatio: 0.7 });
    expect(configReducer(next, { type: 'reset', config: config() })).toEqual(config());
  });
});

describe('list edits', () => {
  it('adds trimmed values, renames, moves within bounds and removes', () => {
    expect(applyListEdit(['a'], { op: 'add', value: ' b ' })).toEqual(['a', 'b']);
    expect(applyListEdit(['a'], { op: 'add', value: '  ' })).toEqual(['a']);
    expect(applyListEdit(['a', 'b'], { op: 'rename', index: 5, value: 'x' })).toEqual(['a', 'b']);
    expect(applyListEdit(['a', 'b'], { op: 'move', index: 0, direction: -1 })).toEqual(['a', 'b']);
    expect(applyListEdit(['a', 'b'], { op: 'move', index: 0, direction: 1 })).toEqual(['b', 'a']);
    expect(applyListEdit(['a', 'b'], { op: 'remove', index: 0 })).toEqual(['b']);
  });

  it('moves the target with renames and removals only', () => {
    const stages = ['New', 'Doing', 'Done'];
    expect(targetAfterEdit(stages, 'done', { op: 'remove', index: 2 })).toBe('Doing');
    expect(targetAfterEdit(stages, 'Doing', { op: 'remove', index: 1 })).toBe('Done');
    expect(targetAfterEdit(stages, 'Doing', { op: 'remove', index: 0 })).toBe('Doing');
    expect(targetAfterEdit(stages, 'Doing', { op: 'move', index: 1, direction: 1 })).toBe('Doing');
    expect(targetAfterEdit(['Only'], 'Only', { op: 'remove', index: 0 })).toBe('');
  });
});
