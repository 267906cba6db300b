import { formatPercent, teamsConvertedByParent } from '../../src/domain';
import type { TransformationConfig } from '../../src/domain';
import { boxOf, boxType, build, codes, config, configWithMethods, doneItem, initiative, rootType, team, warningsWith, workItem, workstream } from './factories';

/** Root counts issues, workstreams count story points, teams (directly under workstreams) count issues. */
function mixedConfig(): TransformationConfig {
  return config({
    boxTypes: [rootType('issueCount'), boxType('workstream', 'transformation', 'Workstream', 'storyPoints'), boxType('team', 'workstream', 'Team', 'issueCount')],
  });
}

describe('a small transformation with mixed methods, worked by hand', () => {
  const model = build(
    [
      workstream('WS-A'),
      doneItem({ key: 'A-1', parentKey: 'WS-A', fields: { storyPoints: 5 } }),
      workItem({ key: 'A-2', parentKey: 'WS-A', fields: { storyPoints: '3' } }),
      team('TEAM-1', 'WS-A', 'Converted'),
      doneItem({ key: 'T1-1', parentKey: 'TEAM-1', fields: { storyPoints: 2 } }),
      doneItem({ key: 'T1-2', parentKey: 'TEAM-1' }),
      workItem({ key: 'T1-3', parentKey: 'TEAM-1', fields: { storyPoints: 8 } }),
      workItem({ key: 'T1-4', parentKey: 'TEAM-1', statusCategory: 'indeterminate', fields: { storyPoints: 1 } }),
      team('TEAM-2', 'WS-A', ' sustaining '),
      doneItem({ key: 'T2-1', parentKey: 'TEAM-2', fields: { storyPoints: 3 } }),
      workItem({ key: 'T2-2', parentKey: 'TEAM-2', fields: { storyPoints: 3 } }),
      workstream('WS-B'),
      doneItem({ key: 'B-1', issueType: 'Risk', parentKey: 'WS-B', fields: { storyPoints: 100 } }),
      doneItem({ key: 'B-2', issueType: 'Milestone', parentKey: 'WS-B', fields: { storyPoints: 2 } }),
      team('TEAM-3', 'WS-B', 'Piloting'),
      doneItem({ key: 'T3-1', parentKey: 'TEAM-3', fields: { storyPoints: 4 } }),
      workItem({ key: 'T3-2', parentKey: 'TEAM-3', fields: { storyPoints: 2 } }),
      workItem({ key: 'T3-3', parentKey: 'TEAM-3' }),
      doneItem({ key: 'R-1' }),
      workItem({ key: 'R-2', issueType: 'Risk' }),
    ],
    mixedConfig(),
  );

  it('reads the data without warnings', () => {
    expect(model.warnings).toEqual([]);
  });

  it('measures each team by issue count', () => {
    // TEAM-1: T1-1, T1-2 done of 4 → 2/4. TEAM-2: 1/2. TEAM-3: 1/3.
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 2, total: 4 });
    expect(boxOf(model, 'TEAM-2').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 1, total: 2 });
    expect(boxOf(model, 'TEAM-3').progress).toEqual({ method: 'issueCount', ratio: 1 / 3, done: 1, total: 3 });
  });

  it('rolls WS-A up in its own unit, story points, over its whole subtree, whatever unit its teams count in', () => {
    // Points of every work item below WS-A: own 5 + 3, TEAM-1 2 + 0 + 8 + 1, TEAM-2 3 + 3 = 25; done A-1 5, T1-1 2, T2-1 3 = 10.
    // Not the teams' issue ratios weighted by points (13.5 / 25), which no label could name.
    expect(boxOf(model, 'WS-A').progress).toEqual({ method: 'storyPoints', ratio: 10 / 25, done: 10, total: 25 });
  });

  it('leaves risks out and counts milestones in WS-B', () => {
    // Own: milestone B-2, 2 of 2 points (the 100-point risk is left out); TEAM-3: 4 of 4 + 2 points. Done 2 + 4 = 6 of 8.
    expect(boxOf(model, 'WS-B').progress).toEqual({ method: 'storyPoints', ratio: 6 / 8, done: 6, total: 8 });
  });

  it('rolls the root up by issue count over every work item, as its label says', () => {
    // Issues done, T1-1, T1-2, T2-1, B-2, T3-1 = 7 of 13 (the risks B-1, R-2 are left out).
    // Before, the workstreams' point ratios weighted by issue counts gave 56.3 %, which is no issue count.
    const root = boxOf(model, 'root');
    expect(root.progress).toEqual({ method: 'issueCount', ratio: 7 / 13, done: 7, total: 13 });
    expect(formatPercent(root.progress.ratio)).toBe('53.8 %');
  });

  it('counts 2 of 3 teams converted, a later stage counting too', () => {
    expect(boxOf(model, 'root').teamsConverted).toEqual({ converted: 2, total: 3, ratio: 2 / 3 });
    expect(formatPercent(boxOf(model, 'root').teamsConverted.ratio)).toBe('66.7 %');
    expect(boxOf(model, 'TEAM-2')).toMatchObject({ conversionStage: 'Sustaining', converted: true, teamsConverted: { converted: 1, total: 1, ratio: 1 } });
    expect(boxOf(model, 'TEAM-3')).toMatchObject({ conversionStage: 'Piloting', converted: false, teamsConverted: { converted: 0, total: 1, ratio: 0 } });
    expect(boxOf(model, 'WS-A')).toMatchObject({ conversionStage: null, converted: null });
  });

  it('lists teams converted and progress per workstream', () => {
    expect(teamsConvertedByParent(model, 'workstream')).toEqual([
      { boxId: 'WS-A', name: 'Workstream WS-A', teamsConverted: { converted: 2, total: 2, ratio: 1 }, progress: boxOf(model, 'WS-A').progress },
      { boxId: 'WS-B', name: 'Workstream WS-B', teamsConverted: { converted: 0, total: 1, ratio: 0 }, progress: boxOf(model, 'WS-B').progress },
    ]);
  });
});

describe('progress methods', () => {
  const issueCountEverywhere = configWithMethods({ team: 'issueCount' });

  it('counts issues done of all issues', () => {
    const model = build([workstream('WS-1'), doneItem({ parentKey: 'WS-1' }), workItem({ parentKey: 'WS-1' }), workItem({ parentKey: 'WS-1', statusCategory: 'indeterminate' })], issueCountEverywhere);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 1 / 3, done: 1, total: 3 });
  });

  it('sums story points of done items over all points, reading numeric strings, missing points as 0', () => {
    const model = build([
      workstream('WS-1'),
      initiative('INI-1', 'WS-1'),
      team('TEAM-1', 'INI-1'),
      doneItem({ parentKey: 'TEAM-1', fields: { storyPoints: ' 3.5 ' } }),
      doneItem({ parentKey: 'TEAM-1', fields: { storyPoints: null } }),
      workItem({ parentKey: 'TEAM-1', fields: { storyPoints: 6.5 } }),
      workItem({ parentKey: 'TEAM-1' }),
    ]);
    // 3.5 done of 3.5 + 6.5 = 10 points.
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'storyPoints', ratio: 0.35, done: 3.5, total: 10 });
    expect(model.warnings).toEqual([]);
  });

  it('warns about story points that are not a number, negative or absurdly large, and counts them as 0', () => {
    const model = build([
      workstream('WS-1'),
      initiative('INI-1', 'WS-1'),
      team('TEAM-1', 'INI-1'),
      doneItem({ key: 'PAY-12', parentKey: 'TEAM-1', fields: { storyPoints: 'five' } }),
      doneItem({ key: 'PAY-13', parentKey: 'TEAM-1', fields: { storyPoints: -2 } }),
      workItem({ key: 'PAY-14', parentKey: 'TEAM-1', fields: { storyPoints: 4 } }),
      // Two of these would add up to Infinity.
      doneItem({ key: 'PAY-15', parentKey: 'TEAM-1', fields: { storyPoints: 1e308 } }),
    ]);
    expect(model.warnings).toEqual([
      { code: 'invalidNumber', issueKey: 'PAY-12', field: 'storyPoints', message: 'PAY-12: "Story point estimate" has "five", which is not a number' },
      { code: 'invalidNumber', issueKey: 'PAY-13', field: 'storyPoints', message: 'PAY-13: "Story point estimate" has -2, which is not a number from 0 to 9007199254740991' },
      { code: 'invalidNumber', issueKey: 'PAY-15', field: 'storyPoints', message: 'PAY-15: "Story point estimate" has 1e+308, which is not a number from 0 to 9007199254740991' },
    ]);
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'storyPoints', ratio: 0, done: 0, total: 4 });
  });

  it('sums original estimates in seconds', () => {
    const cfg = configWithMethods({ team: 'originalEstimate' });
    const model = build([
      team('TEAM-1', null),
      doneItem({ parentKey: 'TEAM-1', fields: { originalEstimate: 3600 } }),
      workItem({ parentKey: 'TEAM-1', fields: { originalEstimate: '10800' } }),
    ], cfg);
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'originalEstimate', ratio: 0.25, done: 3600, total: 14400 });
  });

  it('does not count risks, in any method', () => {
    const model = build([workstream('WS-1'), workItem({ parentKey: 'WS-1', issueType: 'Risk' }), doneItem({ parentKey: 'WS-1' })]);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 1, done: 1, total: 1 });
  });

  it('reports 0 of 0 for a box with nothing to measure', () => {
    const model = build([workstream('WS-1')]);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 0, done: 0, total: 0 });
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: 0, done: 0, total: 0 });
  });
});

describe('status categories', () => {
  it('counts an unknown status category as not done and warns with the status', () => {
    const model = build([workstream('WS-1'), doneItem({ key: 'OK-1', parentKey: 'WS-1' }), workItem({ key: 'ODD-1', parentKey: 'WS-1', status: 'Shipped', statusCategory: null })]);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 1, total: 2 });
    expect(model.warnings).toEqual([
      { code: 'unknownStatusCategory', issueKey: 'ODD-1', field: 'status', message: 'ODD-1: status "Shipped" has no known status category, so the issue counts as not done' },
    ]);
  });

  it('treats a category outside the three known ones like null', () => {
    const model = build([doneItem({ key: 'ODD-2', statusCategory: 'Done' as never })]);
    expect(boxOf(model, 'root').progress.done).toBe(0);
    expect(codes(model)).toEqual(['unknownStatusCategory']);
  });
});

describe('manual progress', () => {
  const manualWorkstreams = configWithMethods({ workstream: 'manual' });

  it("uses the box issue's own percent, ignoring its work items", () => {
    const model = build([workstream('WS-1', { fields: { manualProgress: 40 } }), doneItem({ parentKey: 'WS-1' })], manualWorkstreams);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'manual', ratio: 0.4, done: 40, total: 100 });
  });

  it('reads a numeric string, with or without a percent sign', () => {
    const model = build([workstream('WS-1', { fields: { manualProgress: ' 45 % ' } }), workstream('WS-2', { fields: { manualProgress: '12.5' } })], manualWorkstreams);
    expect(boxOf(model, 'WS-1').progress.ratio).toBe(0.45);
    expect(boxOf(model, 'WS-2').progress.ratio).toBe(0.125);
  });

  it('warns and uses 0 for a percent out of range or not a number', () => {
    const model = build([workstream('WS-1', { fields: { manualProgress: 150 } }), workstream('WS-2', { fields: { manualProgress: 'lots' } }), workstream('WS-3', { fields: { manualProgress: -1 } })], manualWorkstreams);
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'manual', ratio: 0, done: 0, total: 100 });
    expect(boxOf(model, 'WS-2').progress).toEqual({ method: 'manual', ratio: 0, done: 0, total: 100 });
    expect(model.warnings).toEqual([
      { code: 'unexpectedFieldValue', issueKey: 'WS-1', field: 'manualProgress', message: 'WS-1: "Manual progress" has 150, which is outside 0–100, so 0 is used' },
      { code: 'invalidNumber', issueKey: 'WS-2', field: 'manualProgress', message: 'WS-2: "Manual progress" has "lots", which is not a percentage' },
      { code: 'unexpectedFieldValue', issueKey: 'WS-3', field: 'manualProgress', message: 'WS-3: "Manual progress" has -1, which is outside 0–100, so 0 is used' },
    ]);
  });

  it('counts a manual box in its parent as its stated share of its subtree in the parent’s unit', () => {
    // WS-1 says 40 % and holds 3 issues; WS-2 says 100 % and holds 1 issue; root counts issues:
    // done 3 × 0.4 + 1 × 1 = 2.2 of 4 = 0.55.
    const model = build(
      [
        workstream('WS-1', { fields: { manualProgress: 40 } }),
        workItem({ parentKey: 'WS-1' }),
        workItem({ parentKey: 'WS-1' }),
        workItem({ parentKey: 'WS-1' }),
        workstream('WS-2', { fields: { manualProgress: '100' } }),
        workItem({ parentKey: 'WS-2' }),
      ],
      manualWorkstreams,
    );
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: expect.closeTo(0.55, 12), done: expect.closeTo(2.2, 12), total: 4 });
  });

  it('counts issues in a manual box with an empty field, and says so', () => {
    // WS-1 states no percent, so it counts its issues: 0 of 2. Root: 0 + 2 × 0 + 1 × 50 % = 0.5 of 3 issues.
    const model = build(
      [workstream('WS-1'), workItem({ parentKey: 'WS-1' }), workItem({ parentKey: 'WS-1' }), workstream('WS-2', { fields: { manualProgress: 50 } }), workItem({ parentKey: 'WS-2' })],
      manualWorkstreams,
    );
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: 0, done: 0, total: 2 });
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: 0.5 / 3, done: 0.5, total: 3 });
    expect(model.warnings).toEqual([]);
  });

  it('counts issues in a manual root, as it has no issue of its own to state a percent, and says so', () => {
    // Root is manual; own item R-1 done (1 of 1); WS-1 (issue count) 1 of 3 done → 2 of 4.
    const cfg = configWithMethods({ transformation: 'manual' });
    const model = build([doneItem({ key: 'R-1' }), workstream('WS-1'), doneItem({ parentKey: 'WS-1' }), workItem({ parentKey: 'WS-1' }), workItem({ parentKey: 'WS-1' })], cfg);
    expect(boxOf(model, 'root').progress).toEqual({ method: 'issueCount', ratio: 0.5, done: 2, total: 4 });
  });
});

describe('each box counts its whole subtree in its own unit', () => {
  it('counts the points of an issue-count child under a story-points parent', () => {
    // INI-1 counts points: own item 2 of 2 points done; TEAM-1 holds 6 points, none done (its done item has none).
    // 2 of 8 points, not TEAM-1's issue ratio weighted by its points (3.5 / 8).
    const cfg = configWithMethods({ initiative: 'storyPoints', team: 'issueCount' });
    const model = build(
      [
        initiative('INI-1', null),
        doneItem({ parentKey: 'INI-1', fields: { storyPoints: 2 } }),
        team('TEAM-1', 'INI-1'),
        doneItem({ parentKey: 'TEAM-1' }),
        workItem({ parentKey: 'TEAM-1', fields: { storyPoints: 1 } }),
        workItem({ parentKey: 'TEAM-1', fields: { storyPoints: 2 } }),
        workItem({ parentKey: 'TEAM-1', fields: { storyPoints: 3 } }),
      ],
      cfg,
    );
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'issueCount', ratio: 0.25, done: 1, total: 4 });
    expect(boxOf(model, 'INI-1').progress).toEqual({ method: 'storyPoints', ratio: 0.25, done: 2, total: 8 });
  });

  it('counts the issues of a child that has nothing to measure in its own unit', () => {
    // TEAM-1 counts points but its 2 items have none: nothing to measure there.
    // INI-1 counts issues: its subtree has 1 done of 3 issues, which is what its figure says.
    const model = build([initiative('INI-1', null), doneItem({ parentKey: 'INI-1' }), team('TEAM-1', 'INI-1'), workItem({ parentKey: 'TEAM-1' }), workItem({ parentKey: 'TEAM-1' })]);
    expect(boxOf(model, 'TEAM-1').progress).toEqual({ method: 'storyPoints', ratio: 0, done: 0, total: 0 });
    expect(boxOf(model, 'INI-1').progress).toEqual({ method: 'issueCount', ratio: 1 / 3, done: 1, total: 3 });
  });

  it('still counts a child with something to measure but at 0 %', () => {
    // TEAM-1 has 4 points, none done; INI-1 counts issues: 1 of 3.
    const model = build([initiative('INI-1', null), doneItem({ parentKey: 'INI-1' }), team('TEAM-1', 'INI-1'), workItem({ parentKey: 'TEAM-1', fields: { storyPoints: 4 } }), workItem({ parentKey: 'TEAM-1' })]);
    expect(boxOf(model, 'INI-1').progress.ratio).toBe(1 / 3);
    expect(warningsWith(model, 'invalidNumber')).toEqual([]);
  });
});

describe('one method everywhere', () => {
  it('makes the weighted roll-up equal to done over total across the subtree (worked example)', () => {
    // All issue count: WS-1 own 1 of 2, INI-1 own 0 of 1, TEAM-1 3 of 3.
    // INI-1: (0 + 3 × 1) / (1 + 3) = 3/4. WS-1: (1 + 4 × 3/4) / (2 + 4) = 4/6 = (1 + 0 + 3) / (2 + 1 + 3).
    const cfg = configWithMethods({ team: 'issueCount' });
    const model = build([
      workstream('WS-1'),
      doneItem({ parentKey: 'WS-1' }),
      workItem({ parentKey: 'WS-1' }),
      initiative('INI-1', 'WS-1'),
      workItem({ parentKey: 'INI-1' }),
      team('TEAM-1', 'INI-1'),
      doneItem({ parentKey: 'TEAM-1' }),
      doneItem({ parentKey: 'TEAM-1' }),
      doneItem({ parentKey: 'TEAM-1' }),
    ], cfg);
    expect(boxOf(model, 'INI-1').progress).toEqual({ method: 'issueCount', ratio: 0.75, done: 3, total: 4 });
    expect(boxOf(model, 'WS-1').progress).toEqual({ method: 'issueCount', ratio: expect.closeTo(4 / 6, 12), done: 4, total: 6 });
  });
});
