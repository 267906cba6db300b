import { changedSections, deepEqual, isDirty } from '../../../static/src/components/settings/dirty';
import { indexProblems, parsePath, problemKey, problemPlace, problemsAt, problemsUnder } from '../../../static/src/components/settings/problemPaths';
import { config } from './fixtures';

describe('problem paths', () => {
  it('parses zod-style paths', () => {
    expect(parsePath('boxTypes[2].source.issueType')).toEqual(['boxTypes', 2, 'source', 'issueType']);
    expect(parsePath('riskScale.bands[0].min')).toEqual(['riskScale', 'bands', 0, 'min']);
    expect(parsePath('')).toEqual([]);
  });

  it.each([
    ['boxTypes[3].parentTypeId', 'boxType:team:parentTypeId', 'Box type “Team” › parent type'],
    ['boxTypes[1].source.issueType', 'boxType:workstream:source', 'Box type “Workstream” › how boxes are found'],
    ['boxTypes[0].toolset[2]', 'boxType:transformation:toolset', 'Box type “Transformation” › toolset'],
    ['boxTypes[1]', 'boxType:workstream', 'Box type “Workstream”'],
    ['boxTypes[9].name', 'boxTypes', 'Box types'],
    ['boxTypes', 'boxTypes', 'Box types'],
    ['fieldMapping.storyPoints', 'fieldMapping:storyPoints', 'Field mapping › Story points'],
    ['fieldMapping.bogus', 'fieldMapping', 'Field mapping'],
    ['conversion.stages[1]', 'conversion:stages', 'Conversion › stages'],
    ['conversion.targetStage', 'conversion:targetStage', 'Conversion › target stage'],
    ['conversion.teamBoxTypeId', 'conversion:teamBoxTypeId', 'Conversion › team box type'],
    ['riskIssueTypes[0]', 'riskIssueTypes', 'Risk issue types'],
    ['riskScale.likelihoodLabels[4]', 'riskScale:likelihoodLabels:4', 'Risk scale › likelihood labels › level 5'],
    ['riskScale.impactLabels', 'riskScale:impactLabels', 'Risk scale › impact labels'],
    ['riskScale.bands[1].min', 'riskScale:bands:1:min', 'Risk scale › bands › band 2 minimum score'],
    ['riskScale.bands', 'riskScale:bands', 'Risk scale › bands'],
    ['name', 'name', 'Transformation name'],
    ['schemaVersion', 'general', 'Settings'],
    ['', 'general', 'Settings'],
  ])('%s → %s', (path, key, place) => {
    expect(problemKey(path, config())).toBe(key);
    expect(problemPlace(path, config())).toBe(place);
  });

  it('indexes messages by field, found exactly or under a prefix', () => {
    const index = indexProblems(
      [
        { path: 'boxTypes[3].name', message: 'A box type name cannot be empty' },
        { path: 'boxTypes[3].parentTypeId', message: 'needs a parent' },
        { path: 'boxTypes[3].name', message: 'too long' },
        { path: 'conversion.targetStage', message: 'not a stage' },
      ],
      config(),
    );
    expect(problemsAt(index, 'boxType:team:name')).toEqual(['A box type name cannot be empty', 'too long']);
    expect(problemsUnder(index, 'boxType:team')).toEqual(['A box type name cannot be empty', 'too long', 'needs a parent']);
    expect(problemsUnder(index, 'boxType:tea')).toEqual([]);
    expect(problemsAt(index, 'conversion')).toEqual([]);
  });
});

describe('dirty check', () => {
  it('compares structure, not key order or absent keys', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });

  it('names the sections that changed', () => {
    const saved = config();
    const draft = config();
    expect(isDirty(saved, draft)).toBe(false);
    expect(changedSections(saved, draft)).toEqual([]);
    draft.fieldMapping.storyPoints = 'Points';
    draft.boxTypes[0]!.toolset = ['roadmap'];
    expect(isDirty(saved, draft)).toBe(true);
    expect(changedSections(saved, draft)).toEqual(['box types', 'field mapping']);
    expect(changedSections(saved, { ...draft, extra: 1 } as typeof draft)).toContain('other settings');
  });
});
