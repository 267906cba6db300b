import { boxOf, build, codes, initiative, team, workItem, workstream } from './factories';

describe('box dates', () => {
  it("takes a box's dates from its own issue, accepting full timestamps", () => {
    const model = build([workstream('WS-1', { fields: { startDate: '2026-01-05', dueDate: '2026-06-30T17:00:00.000+0200' } })]);
    expect(boxOf(model, 'WS-1')).toMatchObject({ startDate: '2026-01-05', dueDate: '2026-06-30' });
  });

  it('derives missing dates from the earliest start and latest due in the subtree, date by date', () => {
    const model = build([
      workstream('WS-1', { fields: { startDate: '2026-02-01' } }),
      workItem({ parentKey: 'WS-1', fields: { startDate: '2026-01-10', dueDate: '2026-02-20' } }),
      initiative('INI-1', 'WS-1'),
      team('TEAM-1', 'INI-1', 'Not started', { fields: { conversionStage: 'Not started', dueDate: '2026-09-30' } }),
      workItem({ parentKey: 'TEAM-1', fields: { startDate: '2026-01-03', dueDate: '2026-12-24' } }),
      workItem({ parentKey: 'INI-1', fields: { startDate: '2026-03-01' } }),
    ]);
    // TEAM-1: own due 2026-09-30 wins over its item's 2026-12-24; start from its item, 2026-01-03.
    expect(boxOf(model, 'TEAM-1')).toMatchObject({ startDate: '2026-01-03', dueDate: '2026-09-30' });
    // INI-1: start min(2026-03-01, 2026-01-03); due from TEAM-1's 2026-09-30.
    expect(boxOf(model, 'INI-1')).toMatchObject({ startDate: '2026-01-03', dueDate: '2026-09-30' });
    // WS-1: own start 2026-02-01 wins; due max(2026-02-20, 2026-09-30).
    expect(boxOf(model, 'WS-1')).toMatchObject({ startDate: '2026-02-01', dueDate: '2026-09-30' });
    // Root: start min(WS-1's 2026-02-01) — the box's own start, not its items' earlier ones.
    expect(boxOf(model, 'root')).toMatchObject({ startDate: '2026-02-01', dueDate: '2026-09-30' });
    expect(model.warnings).toEqual([]);
  });

  it('has no dates when nothing in the subtree has any', () => {
    const model = build([workstream('WS-1'), workItem({ parentKey: 'WS-1' })]);
    expect(boxOf(model, 'WS-1')).toMatchObject({ startDate: null, dueDate: null });
  });

  it('leaves risks out of the derived dates', () => {
    const model = build([workstream('WS-1'), workItem({ parentKey: 'WS-1', issueType: 'Risk', fields: { dueDate: '2030-01-01' } }), workItem({ parentKey: 'WS-1', issueType: 'Milestone', fields: { dueDate: '2026-05-01' } })]);
    expect(boxOf(model, 'WS-1').dueDate).toBe('2026-05-01');
  });

  it('warns about invalid dates, naming the issue and the concept, and treats them as missing', () => {
    const model = build([
      workstream('WS-1', { fields: { startDate: '2026-02-30' } }),
      workItem({ key: 'PAY-1', parentKey: 'WS-1', fields: { startDate: 'tomorrow', dueDate: 12345 } }),
      workItem({ key: 'PAY-2', parentKey: 'WS-1', fields: { startDate: '2026-04-01', dueDate: '2026-04-10' } }),
    ]);
    expect(model.warnings).toEqual([
      { code: 'invalidDate', issueKey: 'WS-1', field: 'startDate', message: 'WS-1: "Start date" has "2026-02-30", which is not a valid date' },
      { code: 'invalidDate', issueKey: 'PAY-1', field: 'startDate', message: 'PAY-1: "Start date" has "tomorrow", which is not a valid date' },
      { code: 'invalidDate', issueKey: 'PAY-1', field: 'dueDate', message: 'PAY-1: "Due date" has 12345, which is not a valid date' },
    ]);
    // WS-1's own start is invalid, so it is derived from PAY-2.
    expect(boxOf(model, 'WS-1')).toMatchObject({ startDate: '2026-04-01', dueDate: '2026-04-10' });
  });

  it('does not warn about empty date fields', () => {
    const model = build([workItem({ fields: { startDate: null, dueDate: '  ' } })]);
    expect(model.warnings).toEqual([]);
  });

  it('warns when an issue is due before it starts', () => {
    const model = build([workItem({ key: 'PAY-3', fields: { startDate: '2026-05-01', dueDate: '2026-04-30' } })]);
    expect(model.warnings).toEqual([{ code: 'dueBeforeStart', issueKey: 'PAY-3', field: 'dueDate', message: 'PAY-3: due date 2026-04-30 is before start date 2026-05-01' }]);
  });

  it('does not warn when an issue starts and is due on the same day', () => {
    const model = build([workItem({ fields: { startDate: '2026-05-01', dueDate: '2026-05-01' } })]);
    expect(codes(model)).toEqual([]);
  });
});
