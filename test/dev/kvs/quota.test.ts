// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { FakeClock, useMemoryStore } from './harness';

import { kvs } from '@forge/kvs';

import { FORGE_KVS_QUOTA, type LocalKvsStore } from '../../../dev/runtime/kvs';
import { expectKvsError } from './assertions';

/** A string of `n` ASCII characters: its JSON is n + 2 bytes. */
const text = (n: number): string => 'x'.repeat(n);

/** `{"key":"k","value":""}` is 22 bytes: the value that makes a set request exactly `bytes` long. */
const setBodyOf = (bytes: number) => ({ key: 'k', value: text(bytes - 22) });

describe('local KVS charges what Forge charges (per-installation limits, limits-kvs-ce)', () => {
  let clock: FakeClock;
  let store: LocalKvsStore;
  const withQuota = (quota: Parameters<typeof useMemoryStore>[0]) => {
    clock = new FakeClock();
    store = useMemoryStore({ now: clock.now, ...quota });
  };

  it('applies Forge’s documented values unless a test raises them', () => {
    expect(FORGE_KVS_QUOTA).toEqual({ readUnitsPerMinute: 4_000, writeUnitsPerMinute: 4_000, requestsPerSecond: 1_000, batchOperationsPerMinute: 45 });
  });

  it('rounds each request up to whole 10 KB units: writes by what they send, reads by what they answer', async () => {
    withQuota({});
    expect((await store.handle('/api/v1/set', setBodyOf(10_000))).charge).toEqual({ readUnits: 0, writeUnits: 1 });
    expect((await store.handle('/api/v1/set', setBodyOf(10_001))).charge).toEqual({ readUnits: 0, writeUnits: 2 });
    expect((await store.handle('/api/v1/set', setBodyOf(65_000))).charge).toEqual({ readUnits: 0, writeUnits: 7 });
    // The answer is {"key":"k","value":"…"}: 65,000 bytes again, so 7 read units.
    expect((await store.handle('/api/v1/get', { key: 'k' })).charge).toEqual({ readUnits: 7, writeUnits: 0 });
    expect((await store.handle('/api/v1/get', { key: 'missing' })).charge).toEqual({ readUnits: 1, writeUnits: 0 });
    expect((await store.handle('/api/v1/delete', { key: 'k' })).charge).toEqual({ readUnits: 0, writeUnits: 1 });
  });

  it('answers 429 RATE_LIMIT_EXCEEDED with Forge’s { code, message } body past the read quota, and reads again once a minute has passed', async () => {
    withQuota({ quota: { readUnitsPerMinute: 10 } });
    await kvs.set('small', text(5_000));
    for (let i = 0; i < 10; i++) await kvs.get('small');

    const refused = await store.handle('/api/v1/get', { key: 'small' });
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ code: 'RATE_LIMIT_EXCEEDED', message: expect.any(String) as unknown });
    expect(refused.charge).toEqual({ readUnits: 0, writeUnits: 0 });
    // What the app sees: @forge/kvs throws ForgeKvsAPIError with the code and the status; it does not retry.
    await expectKvsError(kvs.get('small'), 'RATE_LIMIT_EXCEEDED', 429);

    // The window slides: half a minute later the ten reads still count.
    clock.advance(30_000);
    await expectKvsError(kvs.get('small'), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(30_000);
    expect(await kvs.get('small')).toBe(text(5_000));
  });

  it('refuses a read whose answer would pass the quota, though smaller reads still fit', async () => {
    withQuota({ quota: { readUnitsPerMinute: 7 } });
    await kvs.set('big', text(45_000));
    await kvs.set('small', 1);
    await kvs.get('big');
    await expectKvsError(kvs.get('big'), 'RATE_LIMIT_EXCEEDED', 429);
    expect(await kvs.get('small')).toBe(1);
  });

  it('answers 429 past the write quota without applying the write, and writes again once a minute has passed', async () => {
    withQuota({ quota: { writeUnitsPerMinute: 5 } });
    for (let i = 0; i < 5; i++) await kvs.set('counter', i);
    await expectKvsError(kvs.set('counter', 99), 'RATE_LIMIT_EXCEEDED', 429);
    expect(await kvs.get('counter')).toBe(4);
    clock.advance(60_000);
    await kvs.set('counter', 5);
    expect(await kvs.get('counter')).toBe(5);
  });

  it('counts a transaction as one write of its whole payload, not one per operation', async () => {
    withQuota({ quota: { writeUnitsPerMinute: 1 } });
    await kvs.transact().set('a', text(3_000)).set('b', text(3_000)).set('c', text(3_000)).execute();
    await expectKvsError(kvs.transact().set('d', 1).execute(), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(60_000);
    expect(await kvs.get('d')).toBeUndefined();
  });

  it('limits the request rate per second', async () => {
    withQuota({ quota: { requestsPerSecond: 3 } });
    await kvs.set('a', 1);
    await kvs.get('a');
    await kvs.get('a');
    await expectKvsError(kvs.get('a'), 'RATE_LIMIT_EXCEEDED', 429);
    clock.advance(1_000);
    expect(await kvs.get('a')).toBe(1);
  });

  it('limits batch operations per minute (batchops: 45 a minute)', async () => {
    withQuota({ quota: { batchOperationsPerMinute: 2 } });
    await kvs.batchSet([{ key: 'a', value: 1 }]);
    await kvs.batchGet([{ key: 'a' }]);
    await expectKvsError(kvs.batchGet([{ key: 'a' }]), 'RATE_LIMIT_EXCEEDED', 429);
    expect(await kvs.get('a')).toBe(1);
    clock.advance(60_000);
    expect((await kvs.batchGet([{ key: 'a' }])).successfulKeys).toEqual([{ key: 'a', value: 1 }]);
  });

  it('refuses a batchSet or transaction payload over 4 MB (batchops, transactions)', async () => {
    withQuota({});
    const items = Array.from({ length: 20 }, (_, i) => ({ key: `big:${i}`, value: text(205_000) }));
    await expectKvsError(kvs.batchSet(items), 'BAD_REQUEST', 400);
    expect(await kvs.get('big:0')).toBeUndefined();
    const tx = items.reduce((t, item) => t.set(item.key, item.value), kvs.transact());
    await expectKvsError(tx.execute(), 'BAD_REQUEST', 400);
  });
});

describe('local KVS latency', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('delays each request by latencyMs outside the store’s queue, so concurrent requests overlap', async () => {
    jest.useFakeTimers();
    const store = useMemoryStore({ latencyMs: 50 });
    const answered: string[] = [];
    const a = store.handle('/api/v1/get', { key: 'a' }).then(() => answered.push('a'));
    const b = store.handle('/api/v1/get', { key: 'b' }).then(() => answered.push('b'));
    await jest.advanceTimersByTimeAsync(49);
    expect(answered).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    await Promise.all([a, b]);
    expect(answered).toEqual(['a', 'b']);
  });
});
