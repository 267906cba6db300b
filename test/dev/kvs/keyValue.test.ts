// The harness must be imported before @forge/kvs (it installs global.__forge_fetch__).
import { FakeClock, requests, useStore } from './harness';

import { kvs, MetadataField, WhereConditions } from '@forge/kvs';

import { kvsFetch } from '../../../dev/runtime/kvs';
import { expectKvsError } from './assertions';

describe('local KVS through the real @forge/kvs: key/value basics', () => {
  let clock: FakeClock;
  beforeEach(() => {
    clock = new FakeClock();
    useStore({ now: clock.now });
  });

  it('routes requests as { type: "kvs" } to /api/v1/* paths', async () => {
    requests.length = 0;
    await kvs.set('route-check', 1);
    expect(requests).toEqual([{ target: { type: 'kvs', provider: 'app', remote: 'kvs' }, path: '/api/v1/set' }]);
  });

  it('sets, gets and deletes JSON values of every kind', async () => {
    const values: Record<string, unknown> = {
      str: 'hello',
      num: 42.5,
      zero: 0,
      bool: false,
      arr: [1, 'two', { three: 3 }, null],
      obj: { nested: { deep: [true] }, empty: {} },
      emptyString: '',
    };
    for (const [key, value] of Object.entries(values)) await kvs.set(key, value);
    for (const [key, value] of Object.entries(values)) expect(await kvs.get(key)).toEqual(value);

    await kvs.set('str', 'replaced');
    expect(await kvs.get('str')).toBe('replaced');

    await kvs.delete('str');
    expect(await kvs.get('str')).toBeUndefined();
  });

  it('returns undefined for a missing key and deleting a missing key is not an error', async () => {
    expect(await kvs.get('nope')).toBeUndefined();
    await expect(kvs.delete('nope')).resolves.toBeUndefined();
  });

  it('answers a missing key with 404 KEY_NOT_FOUND on the wire', async () => {
    const { store } = useStore();
    expect(await store.handle('/api/v1/get', { key: 'nope' })).toMatchObject({
      status: 404,
      body: { code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' },
    });
  });

  it('returns requested metadata: createdAt stays, updatedAt moves (epoch seconds)', async () => {
    await kvs.set('meta', 'v1');
    const created = Math.floor(clock.ms / 1000);
    clock.advance(5_000);
    await kvs.set('meta', 'v2');
    const result = await kvs.get('meta', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(result).toEqual({ key: 'meta', value: 'v2', createdAt: created, updatedAt: created + 5 });
  });

  it('honours TTL: the value expires and EXPIRE_TIME is reported', async () => {
    await kvs.set('session', { id: 1 }, { ttl: { value: 2, unit: 'SECONDS' } });
    const got = await kvs.get('session', { metadataFields: [MetadataField.EXPIRE_TIME] });
    expect(got).toEqual({ key: 'session', value: { id: 1 }, expireTime: new Date(clock.ms + 2000).toISOString() });
    clock.advance(1_999);
    expect(await kvs.get('session')).toEqual({ id: 1 });
    clock.advance(1);
    expect(await kvs.get('session')).toBeUndefined();
    // An expired key no longer exists for FAIL_IF_EXISTS either.
    await kvs.set('session', 'again', { keyPolicy: 'FAIL_IF_EXISTS' });
    expect(await kvs.get('session')).toBe('again');
  });

  it("keyPolicy 'FAIL_IF_EXISTS' writes a new key and rejects an existing one with 409 KEY_CONFLICT", async () => {
    await kvs.set('lock', 'owner-a', { keyPolicy: 'FAIL_IF_EXISTS' });
    const err = await expectKvsError(kvs.set('lock', 'owner-b', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_CONFLICT', 409);
    expect(err.responseDetails.httpPath).toBe('/api/v1/set');
    expect(await kvs.get('lock')).toBe('owner-a');
    await kvs.set('lock', 'owner-c', { keyPolicy: 'OVERRIDE' });
    expect(await kvs.get('lock')).toBe('owner-c');
  });

  it("returnValue 'PREVIOUS' / 'LATEST' return the item with the requested metadata", async () => {
    expect(await kvs.set('rv', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
    const t0 = Math.floor(clock.ms / 1000);
    clock.advance(3_000);
    expect(
      await kvs.set('rv', 2, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'PREVIOUS',
        returnMetadataFields: [MetadataField.UPDATED_AT],
      }),
    ).toEqual({ key: 'rv', value: 1, updatedAt: t0 });
    expect(
      await kvs.set('rv', 3, {
        keyPolicy: 'OVERRIDE',
        returnValue: 'LATEST',
        returnMetadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT],
      }),
    ).toEqual({ key: 'rv', value: 3, createdAt: t0, updatedAt: t0 + 3 });
    expect(await kvs.set('rv', 4, { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' })).toEqual({ key: 'rv', value: 4 });
  });

  it('keeps secrets apart from plain keys and out of queries', async () => {
    await kvs.setSecret('token', { apiKey: 's3cr3t' });
    await kvs.set('token', 'public');
    expect(await kvs.getSecret('token')).toEqual({ apiKey: 's3cr3t' });
    expect(await kvs.get('token')).toBe('public');
    expect(await kvs.getSecret('other')).toBeUndefined();
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('tok')).getMany();
    expect(results).toEqual([{ key: 'token', value: 'public' }]);
    await kvs.deleteSecret('token');
    expect(await kvs.getSecret('token')).toBeUndefined();
    expect(await kvs.get('token')).toBe('public');
  });

  it('queries by key prefix in key order, pages with cursor and limit', async () => {
    for (let i = 24; i >= 0; i--) await kvs.set(`issue:${String(i).padStart(2, '0')}`, { n: i });
    await kvs.set('issuer', 'not a match for "issue:"');
    await kvs.set('other:1', 'x');

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('issue:')).limit(10);
      if (cursor !== undefined) q = q.cursor(cursor);
      const page = await q.getMany<{ n: number }>();
      pageSizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor !== undefined);

    expect(pageSizes).toEqual([10, 10, 5]);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `issue:${String(i).padStart(2, '0')}`));

    // default page size is 10; no where: every plain key
    const all = await kvs.query().getMany();
    expect(all.results).toHaveLength(10);
    expect(all.nextCursor).toBeDefined();

    expect(await kvs.query().where('key', WhereConditions.beginsWith('other')).getOne()).toEqual({
      key: 'other:1',
      value: 'x',
    });
    expect(await kvs.query().where('key', WhereConditions.beginsWith('zzz')).getOne()).toBeUndefined();
  });

  it('query cursors skip deleted items and reject a cursor from another query', async () => {
    for (const k of ['a1', 'a2', 'a3', 'a4']) await kvs.set(k, k);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('a')).limit(2).getMany();
    expect(first.results.map((r) => r.key)).toEqual(['a1', 'a2']);
    await kvs.delete('a2');
    const second = await kvs
      .query()
      .where('key', WhereConditions.beginsWith('a'))
      .limit(2)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['a3', 'a4']);
    expect(second.nextCursor).toBeUndefined();
    await expectKvsError(kvs.query().cursor('garbage').getMany(), 'BAD_REQUEST', 400);
  });

  it('query returns EXPIRE_TIME only when asked and rejects a limit above 100', async () => {
    await kvs.set('ttl:1', 1, { ttl: { value: 1, unit: 'HOURS' } });
    await kvs.set('ttl:2', 2);
    const { results } = await kvs
      .query({ metadataFields: [MetadataField.EXPIRE_TIME] })
      .where('key', WhereConditions.beginsWith('ttl:'))
      .getMany();
    expect(results).toEqual([
      { key: 'ttl:1', value: 1, expireTime: new Date(clock.ms + 3_600_000).toISOString() },
      { key: 'ttl:2', value: 2 },
    ]);
    await expectKvsError(kvs.query().limit(0).getMany(), 'BAD_REQUEST', 400);
  });

  it('pages kvs.query() at most 20 keys at a time, as Forge documents, and refuses more with its code', async () => {
    for (let i = 0; i < 25; i++) await kvs.set(`page:${String(i).padStart(2, '0')}`, i);
    const first = await kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(20).getMany();
    expect(first.results).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    await expectKvsError(kvs.query().limit(21).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED', 400);
    await expectKvsError(kvs.query().limit(100).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED', 400);
  });

  it('batchSet / batchGet / batchDelete succeed item by item', async () => {
    const tooLong = 'k'.repeat(501);
    const set = await kvs.batchSet<unknown>([
      { key: 'b1', value: 1 },
      { key: tooLong, value: 2 },
      { key: 'b3', value: { three: 3 } },
    ]);
    expect(set.successfulKeys).toEqual([{ key: 'b1' }, { key: 'b3' }]);
    expect(set.failedKeys).toEqual([
      { key: tooLong, error: { code: 'KEY_TOO_LONG', message: expect.stringContaining('500') as unknown } },
    ]);

    const got = await kvs.batchGet([{ key: 'b1' }, { key: 'b2' }, { key: 'b3' }]);
    expect(got.successfulKeys).toEqual([
      { key: 'b1', value: 1 },
      { key: 'b3', value: { three: 3 } },
    ]);
    expect(got.failedKeys).toEqual([{ key: 'b2', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);

    const del = await kvs.batchDelete([{ key: 'b1' }, { key: 'b2' }]);
    expect(del.successfulKeys).toEqual([{ key: 'b1' }]);
    expect(del.failedKeys).toEqual([{ key: 'b2', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } }]);
    expect(await kvs.get('b1')).toBeUndefined();
    expect(await kvs.get('b3')).toEqual({ three: 3 });
  });

  it('rejects a whole batch that is empty, too large or repeats a key', async () => {
    await expectKvsError(kvs.batchSet([]), 'BAD_REQUEST', 400);
    await expectKvsError(
      kvs.batchSet(Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }))),
      'BAD_REQUEST',
      400,
    );
    await expectKvsError(
      kvs.batchSet([
        { key: 'dup', value: 1 },
        { key: 'dup', value: 2 },
      ]),
      'BAD_REQUEST',
      400,
    );
    expect(await kvs.get('dup')).toBeUndefined();
    expect(await kvs.get('k0')).toBeUndefined();
  });
});

describe('local KVS: documented key and value limits', () => {
  beforeEach(() => {
    useStore();
  });

  it('accepts a 500-character key and rejects 501 with KEY_TOO_LONG', async () => {
    await kvs.set('a'.repeat(500), 1);
    expect(await kvs.get('a'.repeat(500))).toBe(1);
    await expectKvsError(kvs.set('a'.repeat(501), 1), 'KEY_TOO_LONG', 400);
    await expectKvsError(kvs.setSecret('a'.repeat(501), 1), 'KEY_TOO_LONG', 400);
  });

  it('rejects keys outside the documented pattern and empty keys', async () => {
    await kvs.set('ok:key_1.with-dash #and space', true);
    expect(await kvs.get('ok:key_1.with-dash #and space')).toBe(true);
    await expectKvsError(kvs.set('bad/key', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.set('ключ', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.set('   ', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.set('', 1), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.get('bad/key'), 'INVALID_KEY', 400);
  });

  it('accepts a value of exactly 240 KiB and rejects one byte more with MAX_SIZE', async () => {
    const overhead = JSON.stringify('').length; // the two quotes
    const atLimit = 'x'.repeat(240 * 1024 - overhead);
    await kvs.set('big', atLimit);
    expect(await kvs.get('big')).toBe(atLimit);
    await expectKvsError(kvs.set('big', `${atLimit}x`), 'MAX_SIZE', 400);
    await expectKvsError(kvs.setSecret('big', `${atLimit}x`), 'MAX_SIZE', 400);
    expect(await kvs.get('big')).toBe(atLimit);
  });

  it('measures size in UTF-8 bytes', async () => {
    const euro = '€'.repeat(90_000); // 3 bytes each: 270 000 bytes > 245 760
    await expectKvsError(kvs.set('utf8', euro), 'MAX_SIZE', 400);
  });

  it('accepts 32 levels of nesting and rejects 33 with MAX_DEPTH', async () => {
    const nest = (levels: number): unknown => (levels === 0 ? 'leaf' : { d: nest(levels - 1) });
    await kvs.set('deep', nest(32));
    await expectKvsError(kvs.set('deeper', nest(33)), 'MAX_DEPTH', 400);
  });

  it('rejects null as a value', async () => {
    await expectKvsError(kvs.set('null', null), 'BAD_REQUEST', 400);
  });
});

describe('local KVS: malformed requests get Forge-shaped 400s', () => {
  it('rejects a body that does not match the schema', async () => {
    const { store } = useStore();
    const res = await store.handle('/api/v1/set', { key: 5, value: 'x' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: 'Provided request body is invalid' });
    expect(await store.handle('/api/v1/get', undefined)).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST' } });
    expect(await store.handle('/api/v1/transaction', { set: 'nope' })).toMatchObject({ status: 400 });
  });

  it('rejects a body that is not JSON', async () => {
    const { store } = useStore();
    const res = await kvsFetch(store)('/api/v1/get', { body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('rejects unknown metadata fields through the package', async () => {
    useStore();
    await kvs.set('k', 1);
    await expectKvsError(
      kvs.get('k', { metadataFields: ['INVALID_METADATA_FIELD' as MetadataField] }),
      'BAD_REQUEST',
      400,
    );
  });

  it('answers an unknown endpoint with 404', async () => {
    const { store } = useStore();
    expect(await store.handle('/api/v1/nope', {})).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
  });
});
