import { DEFAULT_CONFIG } from '../../src/domain/defaultConfig';
import type { TransformationConfig } from '../../src/domain/model';
import { CURRENT_SCHEMA_VERSION, describeProblems, parentCycles, validateConfig, type ConfigProblem } from '../../src/storage/configSchema';

const clone = (): TransformationConfig => structuredClone(DEFAULT_CONFIG);

/** The edits put deliberately wrong shapes into a JSON copy of the configuration, so the copy is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UntypedJson = any;

/** The problems of a configuration changed by `edit` (on a JSON copy, so anything can be put in). */
function problemsOf(edit: (config: UntypedJson) => void): ConfigProblem[] {
  const config = JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as UntypedJson;
  edit(config);
  const result = validateConfig(config);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

describe('the configuration schema', () => {
  it('accepts the default configuration as it is, and its schema version is the current one', () => {
    expect(validateConfig(DEFAULT_CONFIG)).toEqual({ ok: true, config: DEFAULT_CONFIG });
    expect(DEFAULT_CONFIG.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('accepts a box type limited to some projects and an unmapped concept', () => {
    const config = clone();
    config.boxTypes[1] = { ...config.boxTypes[1]!, source: { kind: 'issueType', issueType: 'Workstream', projectKeys: ['DTO', 'PAY'] } };
    config.fieldMapping.sponsor = '';
    expect(validateConfig(config).ok).toBe(true);
  });

  it('names an unknown field concept and lists the known ones', () => {
    const problems = problemsOf((c) => (c.fieldMapping.epicLink = 'Epic Link'));
    expect(problems).toEqual([{ path: 'fieldMapping', message: expect.stringMatching(/^Unknown field concept "epicLink"; the concepts are startDate, dueDate, .*flagged$/) }]);
  });

  it('names a concept the mapping lacks', () => {
    const problems = problemsOf((c) => delete c.fieldMapping.storyPoints);
    expect(problems).toEqual([{ path: 'fieldMapping.storyPoints', message: 'The field mapping has no entry for the concept storyPoints (use "" to not read it)' }]);
  });

  it('names a cycle in parent box types, in the order of the parent links', () => {
    const problems = problemsOf((c) => (c.boxTypes[2].parentTypeId = 'team'));
    expect(problems).toEqual([{ path: 'boxTypes[2].parentTypeId', message: 'Box types form a cycle: initiative → team → initiative' }]);
    const fromTeam = problemsOf((c) => {
      c.boxTypes = [c.boxTypes[0], c.boxTypes[3], c.boxTypes[2], c.boxTypes[1]];
      c.boxTypes[2].parentTypeId = 'team';
    });
    expect(fromTeam.map((p) => p.message)).toEqual(['Box types form a cycle: team → initiative → team']);
  });

  it('names a box type that is its own parent', () => {
    expect(problemsOf((c) => (c.boxTypes[1].parentTypeId = 'workstream')).map((p) => p.message)).toEqual(['Box types form a cycle: workstream → workstream']);
  });

  it('finds each cycle once, and none in a tree', () => {
    expect(parentCycles(new Map([['a', 'b'], ['b', 'c'], ['c', 'b'], ['d', 'a'], ['e', null]]))).toEqual([['b', 'c', 'b']]);
    expect(parentCycles(new Map(DEFAULT_CONFIG.boxTypes.map((t) => [t.id, t.parentTypeId])))).toEqual([]);
  });

  it('requires exactly one root box type', () => {
    expect(problemsOf((c) => c.boxTypes.shift()).map((p) => p.message)).toEqual([
      'There is no root box type: exactly one box type must have source { kind: "root" } (the transformation itself)',
      'Box type "workstream" has parent type "transformation", which does not exist',
    ]);
    const two = problemsOf((c) => c.boxTypes.push({ ...c.boxTypes[0], id: 'programme' }));
    expect(two).toEqual([{ path: 'boxTypes', message: 'There are 2 root box types ("transformation", "programme"); exactly one box type may be the root' }]);
  });

  it('names duplicate box type ids, missing parents and a parent on the root', () => {
    expect(problemsOf((c) => (c.boxTypes[2].id = 'workstream')).map((p) => p.message)).toContain('Box type id "workstream" is used more than once');
    expect(problemsOf((c) => (c.boxTypes[3].parentTypeId = 'ghost'))).toEqual([{ path: 'boxTypes[3].parentTypeId', message: 'Box type "team" has parent type "ghost", which does not exist' }]);
    expect(problemsOf((c) => (c.boxTypes[3].parentTypeId = null))).toEqual([{ path: 'boxTypes[3].parentTypeId', message: 'Box type "team" needs a parent box type' }]);
    expect(problemsOf((c) => (c.boxTypes[0].parentTypeId = 'team')).map((p) => p.message)).toContain('The root box type "transformation" cannot have a parent type');
  });

  it('requires the team box type and the target stage to exist', () => {
    expect(problemsOf((c) => (c.conversion.teamBoxTypeId = 'squad'))).toEqual([
      { path: 'conversion.teamBoxTypeId', message: 'The team box type "squad" is not one of the box types (transformation, workstream, initiative, team)' },
    ]);
    expect(problemsOf((c) => (c.conversion.teamBoxTypeId = 'transformation')).map((p) => p.message)).toEqual(['The team box type cannot be the root box type "transformation": teams are issues']);
    expect(problemsOf((c) => (c.conversion.targetStage = 'Done'))).toEqual([
      { path: 'conversion.targetStage', message: 'The target stage "Done" is not one of the stages (Not started, Preparing, Piloting, Converted, Sustaining)' },
    ]);
    expect(problemsOf((c) => (c.conversion.targetStage = 'Not started')).map((p) => p.message)).toEqual(['The target stage cannot be the first stage "Not started", which means not started']);
    expect(problemsOf((c) => c.conversion.stages.push('piloting')).map((p) => p.message)).toEqual(['"piloting" is listed twice in the conversion stages']);
  });

  it('requires 5 likelihood and 5 impact labels', () => {
    expect(problemsOf((c) => c.riskScale.likelihoodLabels.pop())).toEqual([{ path: 'riskScale.likelihoodLabels', message: 'The risk scale needs exactly 5 likelihood labels, lowest first' }]);
    expect(problemsOf((c) => c.riskScale.impactLabels.push('Catastrophic'))).toEqual([{ path: 'riskScale.impactLabels', message: 'The risk scale needs exactly 5 impact labels, lowest first' }]);
    expect(problemsOf((c) => (c.riskScale.impactLabels[2] = ' '))).toEqual([{ path: 'riskScale.impactLabels[2]', message: 'impact label cannot be empty' }]);
  });

  it('requires risk bands ordered by minimum score, from 1, within 1..25', () => {
    expect(problemsOf((c) => (c.riskScale.bands[2].min = 4)).map((p) => p.message)).toEqual(['Risk bands must be ordered by their minimum score: "high" (from 4) comes after "medium" (from 5)']);
    expect(problemsOf((c) => (c.riskScale.bands[3].min = 26))).toEqual([{ path: 'riskScale.bands[3].min', message: 'A risk band minimum is a score from 1 to 25' }]);
    expect(problemsOf((c) => (c.riskScale.bands[0].min = 2)).map((p) => p.message)).toEqual(['The lowest risk band "low" must start at score 1, so every score has a band (it starts at 2)']);
    expect(problemsOf((c) => c.riskScale.bands.reverse()).map((p) => p.message)).toContain('The lowest risk band "critical" must start at score 1, so every score has a band (it starts at 16)');
    expect(problemsOf((c) => (c.riskScale.bands[1].color = 'red; background: url(x)')).map((p) => p.path)).toEqual(['riskScale.bands[1].color']);
  });

  it('names an unknown panel in a toolset and an unknown progress method', () => {
    expect(problemsOf((c) => c.boxTypes[3].toolset.push('gantt'))).toEqual([
      { path: 'boxTypes[3].toolset[4]', message: 'Unknown panel "gantt" in a toolset; the panels are roadmap, riskMatrix, teamsConverted, backlog, reports' },
    ]);
    expect(problemsOf((c) => c.boxTypes[3].toolset.push('roadmap')).map((p) => p.message)).toEqual(['"roadmap" is listed twice in the toolset']);
    expect(problemsOf((c) => (c.boxTypes[1].progressMethod = 'vibes')).map((p) => p.message)).toEqual(['Unknown progress method "vibes"; the methods are issueCount, storyPoints, originalEstimate, manual']);
  });

  it('refuses unknown properties, other schema versions and empty names', () => {
    expect(problemsOf((c) => (c.theme = 'dark')).map((p) => p.path)).toEqual(['']);
    expect(problemsOf((c) => (c.schemaVersion = 0))).toEqual([{ path: 'schemaVersion', message: 'schemaVersion must be 1 (older settings are upgraded when read or imported)' }]);
    expect(problemsOf((c) => (c.name = '  '))).toEqual([{ path: 'name', message: 'The transformation name cannot be empty' }]);
    expect(problemsOf((c) => (c.riskIssueTypes = ['Risk', 'risk'])).map((p) => p.message)).toEqual(['"risk" is listed twice in riskIssueTypes']);
  });

  it('sums up problems in one line: the first, and how many more', () => {
    expect(describeProblems([{ path: 'a', message: 'one' }, { path: '', message: 'two' }, { path: 'c', message: 'three' }])).toBe('a: one (and 2 more problems)');
    expect(describeProblems([{ path: '', message: 'only' }])).toBe('only');
  });
});
