import { dateChanges, datesText, daysOfDrag, keyMove, shiftDates } from '../../../static/src/components/roadmap/dateDrag';

const bar = { start: '2026-03-02', due: '2026-03-31' };
const keys = { shiftKey: false, altKey: false, ctrlKey: false };

describe('dragging a bar', () => {
  it('moves both dates by whole days, across month and year ends', () => {
    expect(shiftDates(bar, 'move', 1)).toEqual({ start: '2026-03-03', due: '2026-04-01' });
    expect(shiftDates(bar, 'move', -7)).toEqual({ start: '2026-02-23', due: '2026-03-24' });
    expect(shiftDates({ start: '2026-12-30', due: '2026-12-31' }, 'move', 2)).toEqual({ start: '2027-01-01', due: '2027-01-02' });
    // 2028 is a leap year.
    expect(shiftDates({ start: '2028-02-28', due: '2028-02-28' }, 'move', 1)).toEqual({ start: '2028-02-29', due: '2028-02-29' });
  });

  it('moves one end only, never past the other', () => {
    expect(shiftDates(bar, 'start', 5)).toEqual({ start: '2026-03-07', due: '2026-03-31' });
    expect(shiftDates(bar, 'due', -1)).toEqual({ start: '2026-03-02', due: '2026-03-30' });
    expect(shiftDates(bar, 'start', 60)).toEqual({ start: '2026-03-31', due: '2026-03-31' });
    expect(shiftDates(bar, 'due', -60)).toEqual({ start: '2026-03-02', due: '2026-03-02' });
  });

  it('leaves the dates as they are for no move or unreadable dates', () => {
    expect(shiftDates(bar, 'move', 0)).toBe(bar);
    expect(shiftDates({ start: 'soon', due: '2026-03-31' }, 'move', 3)).toEqual({ start: 'soon', due: '2026-03-31' });
  });

  it('turns pixels into whole days at the zoom’s day width', () => {
    expect(daysOfDrag(0, 4)).toBe(0);
    expect(daysOfDrag(1, 4)).toBe(0);
    expect(daysOfDrag(-1, 4)).toBe(0);
    expect(Object.is(daysOfDrag(-1, 4), -0)).toBe(false);
    expect(daysOfDrag(2, 4)).toBe(1);
    expect(daysOfDrag(-2, 4)).toBe(-1);
    expect(daysOfDrag(30, 4)).toBe(8);
    expect(daysOfDrag(-30, 4)).toBe(-8);
    expect(daysOfDrag(112, 16)).toBe(7);
    expect(daysOfDrag(45, 1.5)).toBe(30);
  });
});

describe('moving a bar by keyboard', () => {
  it('arrows move the bar a day, Shift a week; Alt the due date, Ctrl the start date', () => {
    expect(keyMove('ArrowRight', keys)).toEqual({ part: 'move', days: 1 });
    expect(keyMove('ArrowLeft', keys)).toEqual({ part: 'move', days: -1 });
    expect(keyMove('ArrowRight', { ...keys, shiftKey: true })).toEqual({ part: 'move', days: 7 });
    expect(keyMove('ArrowLeft', { ...keys, shiftKey: true, altKey: true })).toEqual({ part: 'due', days: -7 });
    expect(keyMove('ArrowRight', { ...keys, ctrlKey: true })).toEqual({ part: 'start', days: 1 });
  });

  it('leaves every other key to the grid', () => {
    for (const key of ['ArrowUp', 'ArrowDown', 'Enter', 'Escape', 'Home', 'a']) expect(keyMove(key, keys)).toBeNull();
  });
});

describe('what a date change writes', () => {
  it('one change per date that moved, each expecting the date the page showed', () => {
    const after = shiftDates(bar, 'move', 7);
    expect(dateChanges('PAY-3', bar, after)).toEqual([
      { issueKey: 'PAY-3', concept: 'startDate', value: '2026-03-09', expected: '2026-03-02' },
      { issueKey: 'PAY-3', concept: 'dueDate', value: '2026-04-07', expected: '2026-03-31' },
    ]);
    expect(dateChanges('PAY-3', bar, shiftDates(bar, 'due', 1))).toEqual([{ issueKey: 'PAY-3', concept: 'dueDate', value: '2026-04-01', expected: '2026-03-31' }]);
    expect(dateChanges('PAY-3', bar, bar)).toEqual([]);
    expect(datesText('PAY-3', bar, shiftDates(bar, 'start', -1))).toBe('PAY-3: start 2026-03-02 → 2026-03-01');
  });
});
