import { formatPercent, teamsConvertedByParent } from '../../src/domain';
import { boxOf, build, config, initiative, team, workstream } from './factories';

describe('teams converted', () => {
  it('counts a team converted at or after the target stage', () => {
    const model = build([
      workstream('WS-1'),
      initiative('INI-1', 'WS-1'),
      team('T-1', 'INI-1', 'Not started'),
      team('T-2', 'INI-1', 'Preparing'),
      team('T-3', 'INI-1', 'Piloting'),
      team('T-4', 'INI-1', 'Converted'),
      team('T-5', 'INI-1', 'Sustaining'),
    ]);
    expect(['T-1', 'T-2', 'T-3', 'T-4', 'T-5'].map((id) => boxOf(model, id).converted)).toEqual([false, false, false, true, true]);
    expect(boxOf(model, 'INI-1').teamsConverted).toEqual({ converted: 2, total: 5, ratio: 0.4 });
    expect(model.warnings).toEqual([]);
  });

  it('matches the stage trimmed and case-insensitively and reports it as configured', () => {
    const model = build([team('T-1', null, '  CONVERTED ')]);
    expect(boxOf(model, 'T-1')).toMatchObject({ conversionStage: 'Converted', converted: true, teamsConverted: { converted: 1, total: 1, ratio: 1 } });
  });

  it('warns about an unknown stage and counts the team as not converted', () => {
    const model = build([workstream('WS-1'), initiative('INI-1', 'WS-1'), team('T-1', 'INI-1', 'Done ✅'), team('T-2', 'INI-1', 'Converted')]);
    expect(boxOf(model, 'T-1')).toMatchObject({ conversionStage: null, converted: false, teamsConverted: { converted: 0, total: 1, ratio: 0 } });
    expect(boxOf(model, 'WS-1').teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5 });
    expect(model.warnings).toEqual([
      {
        code: 'unknownStage',
        issueKey: 'T-1',
        field: 'conversionStage',
        message: 'T-1: "Conversion stage" has "Done ✅", which is none of "Not started", "Preparing", "Piloting", "Converted", "Sustaining", so the team counts as not converted',
      },
    ]);
  });

  it('treats a stage that is not text as unknown', () => {
    const model = build([team('T-1', null, null, { fields: { conversionStage: 4 } }), team('T-2', null, null, { fields: { conversionStage: ['Converted', 'Piloting'] } })]);
    expect(model.warnings.filter((w) => w.code === 'unknownStage').map((w) => w.issueKey)).toEqual(['T-1', 'T-2']);
  });

  it('counts a team without a stage in the total, not converted, with a missingStage warning', () => {
    const model = build([initiative('INI-1', null), team('T-1', 'INI-1', null), team('T-2', 'INI-1', 'Converted')]);
    expect(boxOf(model, 'T-1')).toMatchObject({ conversionStage: null, converted: false });
    expect(boxOf(model, 'INI-1').teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5 });
    expect(model.warnings.filter((w) => w.code === 'missingStage')).toEqual([
      { code: 'missingStage', issueKey: 'T-1', field: 'conversionStage', message: 'T-1: "Conversion stage" is empty, so the team counts as not converted' },
    ]);
  });

  it('gives boxes without teams 0 of 0 and non-team boxes no stage', () => {
    const model = build([workstream('WS-1')]);
    expect(boxOf(model, 'WS-1')).toMatchObject({ conversionStage: null, converted: null, teamsConverted: { converted: 0, total: 0, ratio: 0 } });
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 0, total: 0, ratio: 0 });
  });

  it('counts teams nested in teams at every level', () => {
    const model = build([team('T-1', null, 'Converted'), team('T-2', 'T-1', 'Piloting'), team('T-3', 'T-2', 'Sustaining')]);
    expect(boxOf(model, 'T-1').teamsConverted).toEqual({ converted: 2, total: 3, ratio: 2 / 3 });
    expect(formatPercent(boxOf(model, 'T-1').teamsConverted.ratio)).toBe('66.7 %');
    expect(boxOf(model, 'T-2').teamsConverted).toEqual({ converted: 1, total: 2, ratio: 0.5 });
  });

  it('warns about a target stage that is not a stage and converts nobody', () => {
    const cfg = config();
    cfg.conversion = { ...cfg.conversion, targetStage: 'Live' };
    const model = build([team('T-1', null, 'Sustaining')], cfg);
    expect(boxOf(model, 'T-1')).toMatchObject({ conversionStage: 'Sustaining', converted: false });
    expect(model.warnings).toContainEqual({
      code: 'invalidConfig',
      issueKey: null,
      field: 'conversion.targetStage',
      message: 'Configuration: the target stage "Live" is not one of the stages, so no team counts as converted',
    });
  });

  it('warns about a team box type that does not exist and counts no teams', () => {
    const cfg = config();
    cfg.conversion = { ...cfg.conversion, teamBoxTypeId: 'squad' };
    const model = build([team('T-1', null, 'Converted')], cfg);
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 0, total: 0, ratio: 0 });
    expect(boxOf(model, 'T-1').converted).toBeNull();
    expect(model.warnings.filter((w) => w.issueKey === null).map((w) => w.field)).toEqual(['conversion.teamBoxTypeId']);
  });
});

describe('teamsConvertedByParent', () => {
  const model = build([
    workstream('WS-1'),
    initiative('INI-1', 'WS-1'),
    team('T-1', 'INI-1', 'Converted'),
    initiative('INI-2', 'WS-1'),
    team('T-2', 'INI-2', 'Piloting'),
    team('T-3', 'INI-2', 'Converted'),
    workstream('WS-2'),
    initiative('INI-3', 'WS-2'),
  ]);

  it('lists the boxes of a type in tree order with their figures', () => {
    expect(teamsConvertedByParent(model, 'initiative').map((row) => [row.boxId, row.name, row.teamsConverted])).toEqual([
      ['INI-1', 'Initiative INI-1', { converted: 1, total: 1, ratio: 1 }],
      ['INI-2', 'Initiative INI-2', { converted: 1, total: 2, ratio: 0.5 }],
      ['INI-3', 'Initiative INI-3', { converted: 0, total: 0, ratio: 0 }],
    ]);
  });

  it('gives each row the box’s progress', () => {
    const [first] = teamsConvertedByParent(model, 'workstream');
    expect(first?.progress).toBe(boxOf(model, 'WS-1').progress);
  });

  it('gives the root row for the root type and nothing for an unknown type', () => {
    expect(teamsConvertedByParent(model, 'transformation').map((row) => [row.boxId, row.teamsConverted.converted, row.teamsConverted.total])).toEqual([['root', 2, 3]]);
    expect(teamsConvertedByParent(model, 'nope')).toEqual([]);
  });
});
