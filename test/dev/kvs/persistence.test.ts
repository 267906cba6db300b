// The harness must be imported before @forge/kvs (it installs global.__forge_fetch__).
import { FakeClock, tempDir, useStore } from './harness';

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { kvs, MetadataField } from '@forge/kvs';

import { expectKvsError } from './assertions';

describe('local KVS: persistence', () => {
  it('a new store on the same file sees everything: keys, secrets, entities, metadata', async () => {
    const clock = new FakeClock();
    const { file } = useStore({ now: clock.now });
    await kvs.set('greeting', { text: 'hi' });
    await kvs.set('expiring', 1, { ttl: { value: 1, unit: 'DAYS' } });
    await kvs.setSecret('token', 'abc');
    await kvs.entity<{ name: string }>('team').set('t1', { name: 'Platform' });
    await kvs.set('__proto__', 'a legal Forge key');

    useStore({ file, now: clock.now });
    expect(await kvs.get('greeting')).toEqual({ text: 'hi' });
    expect(await kvs.getSecret('token')).toBe('abc');
    expect(await kvs.entity('team').get('t1')).toEqual({ name: 'Platform' });
    expect(await kvs.get('__proto__')).toBe('a legal Forge key');
    expect(await kvs.get('expiring', { metadataFields: [MetadataField.EXPIRE_TIME, MetadataField.CREATED_AT] })).toEqual({
      key: 'expiring',
      value: 1,
      createdAt: Math.floor(clock.ms / 1000),
      expireTime: new Date(clock.ms + 86_400_000).toISOString(),
    });

    clock.advance(86_400_000);
    useStore({ file, now: clock.now });
    expect(await kvs.get('expiring')).toBeUndefined();
  });

  it('writes the file atomically: temp file then rename, nothing left behind', async () => {
    const { file } = useStore();
    await kvs.set('a', 1);
    await kvs.set('b', 2);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { kvs: Record<string, { value: unknown }> };
    expect(Object.keys(onDisk.kvs)).toEqual(['a', 'b']);
  });

  it('failNextWrites: a failed write leaves memory and disk as they were, and the next write works', async () => {
    const { store, file } = useStore();
    await kvs.set('k', 'before');
    const bytesBefore = readFileSync(file, 'utf8');

    store.failNextWrites(1);
    const err = await expectKvsError(kvs.set('k', 'after'), 'INTERNAL_SERVER_ERROR', 500);
    expect(err.message).toBe('An internal server error has occurred');
    expect(await kvs.get('k')).toBe('before');
    expect(readFileSync(file, 'utf8')).toBe(bytesBefore);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);

    useStore({ file });
    expect(await kvs.get('k')).toBe('before');

    await kvs.set('k', 'after');
    expect(await kvs.get('k')).toBe('after');
  });

  it('failNextWrites(n) fails exactly n writes; reads and no-op requests do not count', async () => {
    const { store } = useStore();
    await kvs.set('k', 0);
    store.failNextWrites(2);
    expect(await kvs.get('k')).toBe(0); // read: no write
    await kvs.delete('missing'); // nothing to delete: no write
    await expectKvsError(kvs.set('k', 1), 'INTERNAL_SERVER_ERROR', 500);
    await expectKvsError(kvs.delete('k'), 'INTERNAL_SERVER_ERROR', 500);
    expect(await kvs.get('k')).toBe(0);
    await kvs.set('k', 3);
    expect(await kvs.get('k')).toBe(3);
  });

  it('a failed write inside a transaction or a batch applies none of it', async () => {
    const { store, file } = useStore();
    await kvs.set('stay', 'here');
    const bytesBefore = readFileSync(file, 'utf8');

    store.failNextWrites(2);
    await expectKvsError(kvs.transact().set('t1', 1).set('t2', 2).delete('stay').execute(), 'INTERNAL_SERVER_ERROR', 500);
    await expectKvsError(
      kvs.batchSet([
        { key: 'b1', value: 1 },
        { key: 'b2', value: 2 },
      ]),
      'INTERNAL_SERVER_ERROR',
      500,
    );
    expect(await kvs.batchGet([{ key: 't1' }, { key: 'b1' }, { key: 'stay' }])).toEqual({
      successfulKeys: [{ key: 'stay', value: 'here' }],
      failedKeys: [
        { key: 't1', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } },
        { key: 'b1', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } },
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(bytesBefore);
  });

  it('serialises concurrent writes: none is lost, the file stays valid', async () => {
    const { file } = useStore();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 === 0 ? kvs.set(`c${i}`, i) : kvs.transact().set(`c${i}`, i).execute(),
      ),
    );
    useStore({ file });
    const got = await kvs.batchGet(Array.from({ length: 20 }, (_, i) => ({ key: `c${i}` })));
    expect(got.failedKeys).toEqual([]);
    const more = await kvs.batchGet(Array.from({ length: 20 }, (_, i) => ({ key: `c${i + 20}` })));
    expect(more.failedKeys).toEqual([]);
    expect([...got.successfulKeys, ...more.successfulKeys].map((r) => r.value)).toEqual(
      Array.from({ length: 40 }, (_, i) => i),
    );
  });

  it('requests are applied in arrival order (a read issued after a write sees it)', async () => {
    useStore();
    const [, read, , readAfterDelete] = await Promise.all([
      kvs.set('order', 'written'),
      kvs.get('order'),
      kvs.delete('order'),
      kvs.get('order'),
    ]);
    expect(read).toBe('written');
    expect(readAfterDelete).toBeUndefined();
  });

  it('refuses to use (and never overwrites) a corrupt store file', async () => {
    const file = path.join(tempDir(), 'kvs.json');
    writeFileSync(file, '{ this is not json');
    useStore({ file });
    const err = await expectKvsError(kvs.set('k', 1), 'INTERNAL_SERVER_ERROR', 500);
    expect(String(err.context.detail)).toContain('not valid JSON');
    expect(readFileSync(file, 'utf8')).toBe('{ this is not json');
  });

  it('creates missing parent directories for the store file', async () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'kvs.json');
    useStore({ file });
    await kvs.set('k', 1);
    useStore({ file });
    expect(await kvs.get('k')).toBe(1);
  });
});
