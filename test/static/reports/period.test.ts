import { addDays, dayNumber, localToday, MAX_SPAN_DAYS, periodDays, periodProblem, periodText, presetOf, presetPeriod } from '../../../static/src/components/reports/period';

describe('dates', () => {
  it('numbers real dates only', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-29')).not.toBeNull();
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2025-02-30')).toBeNull();
    expect(dayNumber('2025-13-01')).toBeNull();
    expect(dayNumber('2025-2-1')).toBeNull();
    expect(dayNumber('')).toBeNull();
  });

  it('moves by whole days across months, leap days and years', () => {
    expect(addDays('2026-03-07', -6)).toBe('2026-03-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(() => addDays('2025-02-30', 1)).toThrow('Not a date');
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 2, 7, 23, 30))).toBe('2026-03-07');
    expect(localToday(new Date(2026, 0, 1, 0, 5))).toBe('2026-01-01');
  });
});

describe('presets', () => {
  it('count back from today, today included', () => {
    expect(presetPeriod(7, '2026-03-07')).toEqual({ from: '2026-03-01', to: '2026-03-07' });
    // 7 March back 13 days: 28 February is 7 back, 22 February 13 back (2026 is not a leap year).
    expect(presetPeriod(14, '2026-03-07')).toEqual({ from: '2026-02-22', to: '2026-03-07' });
    // 6 to 28 February is 23 days, 1 to 7 March 7 more: 30.
    expect(presetPeriod(30, '2026-03-07')).toEqual({ from: '2026-02-06', to: '2026-03-07' });
  });

  it('are recognised only when they end today', () => {
    expect(presetOf({ from: '2026-02-22', to: '2026-03-07' }, '2026-03-07')).toBe(14);
    expect(presetOf({ from: '2026-03-01', to: '2026-03-07' }, '2026-03-07')).toBe(7);
    expect(presetOf({ from: '2026-03-01', to: '2026-03-07' }, '2026-03-08')).toBeNull();
    expect(presetOf({ from: '2026-03-02', to: '2026-03-07' }, '2026-03-07')).toBeNull();
  });
});

describe('periodProblem', () => {
  it('asks for both ends', () => {
    expect(periodProblem('', '2026-03-07')).toBe('Choose the first day of the period.');
    expect(periodProblem('2026-03-01', '')).toBe('Choose the last day of the period.');
  });

  it('refuses dates that do not exist and periods that run backwards', () => {
    expect(periodProblem('2026-02-30', '2026-03-07')).toBe('The first day (2026-02-30) is not a real date.');
    expect(periodProblem('2026-03-01', '2026-04-31')).toBe('The last day (2026-04-31) is not a real date.');
    expect(periodProblem('2026-03-07', '2026-03-01')).toBe('The period must not end before it starts.');
  });

  it('allows one day and at most 366 days between the ends, as the backend does', () => {
    expect(MAX_SPAN_DAYS).toBe(366);
    expect(periodProblem('2026-03-07', '2026-03-07')).toBeNull();
    // 1 Jan 2025 to 1 Jan 2026 is 365 days (2025 has no 29 February), to 2 Jan 2026 366.
    expect(periodProblem('2025-01-01', '2026-01-02')).toBeNull();
    expect(periodProblem('2025-01-01', '2026-01-03')).toBe('A report covers at most a year.');
  });
});

describe('periodDays and periodText', () => {
  it('count both ends', () => {
    expect(periodDays({ from: '2026-03-01', to: '2026-03-07' })).toBe(7);
    expect(periodDays({ from: '2026-03-07', to: '2026-03-07' })).toBe(1);
    expect(periodDays({ from: '2026-02-06', to: '2026-03-07' })).toBe(30);
    expect(periodDays({ from: 'x', to: '2026-03-07' })).toBeNull();
  });

  it('say the period in words', () => {
    expect(periodText({ from: '2026-03-01', to: '2026-03-07' })).toBe('2026-03-01 to 2026-03-07 (7 days)');
    expect(periodText({ from: '2026-03-07', to: '2026-03-07' })).toBe('2026-03-07 (1 day)');
  });
});
