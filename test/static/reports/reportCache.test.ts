import { createReportCache, reportCacheKey, usesPeriod } from '../../../static/src/components/reports/reportCache';

const march = { from: '2026-03-01', to: '2026-03-07' };
const february = { from: '2026-02-01', to: '2026-02-07' };

describe('reportCacheKey', () => {
  it('keys the weekly and flow reports by scope and period', () => {
    expect(usesPeriod('weekly')).toBe(true);
    expect(usesPeriod('flow')).toBe(true);
    expect(reportCacheKey('weekly', { projectKey: 'ABC' }, march)).toBe('weekly|ABC|2026-03-01|2026-03-07');
    expect(reportCacheKey('flow', { projectKey: null }, march)).toBe('flow|*|2026-03-01|2026-03-07');
  });

  it('keys value tracking and the forecast by scope alone: they are as of today', () => {
    expect(usesPeriod('value')).toBe(false);
    expect(usesPeriod('forecast')).toBe(false);
    expect(reportCacheKey('value', { projectKey: null }, march)).toBe('value|*');
    expect(reportCacheKey('forecast', { projectKey: 'ABC' }, february)).toBe(reportCacheKey('forecast', { projectKey: 'ABC' }, march));
  });

  it('keys a box\'s reports apart from its page\'s', () => {
    expect(reportCacheKey('value', { projectKey: null, boxId: 'DTO-3' }, march)).toBe('value|*#DTO-3');
    expect(reportCacheKey('weekly', { projectKey: 'PAY', boxId: 'PAY-1' }, march)).not.toBe(reportCacheKey('weekly', { projectKey: 'PAY' }, march));
  });
});

describe('createReportCache', () => {
  it('loads a key once and gives every caller the same answer', async () => {
    const cache = createReportCache();
    const load = jest.fn(() => Promise.resolve({ n: 1 }));
    const first = cache.get('a', load);
    const second = cache.get('a', load);
    expect(second).toBe(first);
    await expect(second).resolves.toEqual({ n: 1 });
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get('b', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a failure, so that trying again asks again', async () => {
    const cache = createReportCache();
    const load = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new Error('Jira is down')).mockResolvedValueOnce('ok');
    await expect(cache.get('a', load)).rejects.toThrow('Jira is down');
    await expect(cache.get('a', load)).resolves.toBe('ok');
    await expect(cache.get('a', load)).resolves.toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
