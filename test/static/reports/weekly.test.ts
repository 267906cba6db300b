import { isQuietWeek, progressLine, sponsorText, teamsLine, weekSections } from '../../../static/src/components/reports/weekly';
import { busyWeek, quietWeek } from './fixtures';

describe('weekSections', () => {
  it('puts the eight sections in the meeting order: moved, stuck, decide', () => {
    const sections = weekSections(quietWeek());
    expect(sections.map((s) => `${s.group}:${s.id}`)).toEqual([
      'moved:converted',
      'moved:slipped',
      'moved:milestonesDone',
      'stuck:milestonesNewlyLate',
      'stuck:risksNew',
      'stuck:risksRisen',
      'stuck:blocked',
      'decide:decisionsNeeded',
    ]);
  });

  it('collapses every empty section to its one line', () => {
    const sections = weekSections(quietWeek());
    expect(sections.every((s) => s.lines.length === 0)).toBe(true);
    expect(sections.map((s) => s.emptyText)).toEqual([
      'No teams converted',
      'No teams slipped back',
      'No milestones done',
      'No milestones newly late',
      'No new risks',
      'No risks rose',
      'Nothing blocked or waiting',
      'No decisions needed',
    ]);
    expect(isQuietWeek(sections)).toBe(true);
  });

  it('says what happened to each item', () => {
    const details = Object.fromEntries(weekSections(busyWeek()).map((s) => [s.id, s.lines.map((l) => `${l.key} ${l.detail}${l.flagged ? ' [flagged]' : ''}`)]));
    expect(details).toEqual({
      converted: ['T-1 Pilot → Adopted on 2026-03-04'],
      slipped: ['T-2 Adopted → no stage on 2026-03-05'],
      milestonesDone: ['M-1 Done 2026-03-05, due 2026-03-06'],
      milestonesNewlyLate: ['M-2 Due 2026-03-03, not done'],
      risksNew: ['R-1 Score 12 (high)', 'R-2 Not scored yet'],
      risksRisen: ['R-3 Score 6 → 15 (critical)'],
      blocked: ['I-1 Blocked for 12 days'],
      decisionsNeeded: ['I-2 Needs decision for 1 day [flagged]'],
    });
    expect(isQuietWeek(weekSections(busyWeek()))).toBe(false);
  });

  it('is not quiet when only a decision is needed', () => {
    const week = quietWeek({ decisionsNeeded: busyWeek().decisionsNeeded });
    expect(isQuietWeek(weekSections(week))).toBe(false);
  });

  it('handles milestones without dates', () => {
    const week = quietWeek({
      milestonesDone: [{ key: 'M-3', summary: 'x', due: null, doneAt: null }],
      milestonesNewlyLate: [{ key: 'M-4', summary: 'y', due: null, doneAt: null }],
    });
    const [, , done, late] = weekSections(week);
    expect(done?.lines[0]?.detail).toBe('Done, no due date');
    expect(late?.lines[0]?.detail).toBe('Late, no due date');
  });
});

describe('the workstream lines', () => {
  it('write progress before → after with the delta, and teams converted', () => {
    expect(progressLine(quietWeek())).toBe('Progress 40 % → 42.4 % (+2.4 pts)');
    expect(teamsLine(quietWeek())).toBe('Teams converted 3 → 5 of 12 (+2)');
    expect(teamsLine(quietWeek({ teamsConvertedBefore: 5, teamsConvertedAfter: 4 }))).toBe('Teams converted 5 → 4 of 12 (\u22121)');
  });

  it('name the sponsor, or say there is none', () => {
    expect(sponsorText('Dana Sponsor')).toBe('Sponsor: Dana Sponsor');
    expect(sponsorText(null)).toBe('No sponsor named');
  });
});
