import { barLabel, dependencyLabel, dependencyNotes, milestoneLabel, rowLabel } from '../../../static/src/components/roadmap/labels';
import { row } from './rows';

const falcon = row('PAY-3', 'PAY-1', 2, {
  name: 'Team Falcon',
  start: '2026-01-05',
  due: '2026-04-30',
  progress: { method: 'issueCount', ratio: 0.625, percentText: '62.5 %', done: 5, total: 8, basis: '5 of 8 work items done, counted by issue' },
  schedule: 'late',
});

describe('labels', () => {
  it('describes a bar with its dates, progress and state', () => {
    expect(barLabel(falcon)).toBe('PAY-3 Team Falcon: 2026-01-05 → 2026-04-30, 62.5 % done, late');
    expect(barLabel({ ...falcon, due: null, schedule: 'onTrack' })).toBe('PAY-3 Team Falcon: starts 2026-01-05, no due date, 62.5 % done, on track');
    expect(barLabel({ ...falcon, start: null, schedule: 'done' })).toBe('PAY-3 Team Falcon: due 2026-04-30, no start date, 62.5 % done, done');
    expect(barLabel(row('root', null, 0, { name: 'Transformation' }))).toBe('Transformation: no dates, 0 % done, not scheduled');
  });

  it('describes milestones and dependencies', () => {
    expect(milestoneLabel({ key: 'PAY-9', name: 'Go-live', due: '2026-03-31', rowId: 'PAY-3', schedule: 'late' })).toBe('Milestone PAY-9 Go-live: due 2026-03-31, late');
    const blocks = { fromRowId: 'PAY-3', toRowId: 'PAY-4', fromKey: 'PAY-5', toKey: 'PAY-7', violated: true };
    expect(dependencyLabel(blocks)).toBe('PAY-5 blocks PAY-7 (conflict: PAY-7 is due before PAY-5 ends)');
    expect(dependencyLabel({ ...blocks, violated: false })).toBe('PAY-5 blocks PAY-7');
    const notes = dependencyNotes([blocks]);
    expect(notes.get('PAY-3')).toEqual(['blocks PAY-7 (conflict)']);
    expect(notes.get('PAY-4')).toEqual(['blocked by PAY-5 (conflict)']);
    expect(rowLabel(falcon, notes.get('PAY-3'), undefined)).toBe('PAY-3 Team Falcon: 2026-01-05 → 2026-04-30, 62.5 % done, late (Team). blocks PAY-7 (conflict)');
  });
});
