// The harness must be imported before @forge/kvs (it installs global.__forge_fetch__).
import { FakeClock, tempDir, useMemoryStore, useStore } from './harness';

import { execFileSync } from 'node:child_process';
import { existsSync, promises as fsPromises, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { kvs } from '@forge/kvs';

import { MAX_VALUE_BYTES } from '../../../dev/runtime/kvs';
import { expectKvsError } from './assertions';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const onDisk = (file: string): Record<string, { value: unknown }> => (JSON.parse(readFileSync(file, 'utf8')) as { kvs: Record<string, { value: unknown }> }).kvs;

/** A value of about `bytes` bytes of JSON, as the snapshot's chunks are. */
const chunk = (bytes: number, tag: number) => ({ tag, rows: Array.from({ length: Math.floor(bytes / 100) }, (_, i) => `${tag}:${i}:`.padEnd(94, 'x')) });

describe('local KVS: memory-only and coalesced persistence', () => {
  afterEach(() => jest.restoreAllMocks());

  it('memory-only: no file anywhere, same answers, failNextWrites still fails the request and keeps memory', async () => {
    const open = jest.spyOn(fsPromises, 'open');
    const store = useMemoryStore();
    await kvs.set('k', { a: 1 });
    expect(await kvs.get('k')).toEqual({ a: 1 });
    store.failNextWrites(1);
    await expectKvsError(kvs.set('k', { a: 2 }), 'INTERNAL_SERVER_ERROR', 500);
    expect(await kvs.get('k')).toEqual({ a: 1 });
    await store.flush();
    expect(open).not.toHaveBeenCalled();
    // Forge's limits hold in memory too.
    await expectKvsError(kvs.set('big', 'x'.repeat(MAX_VALUE_BYTES)), 'MAX_SIZE', 400);
  });

  it('coalesced: answers from memory at once, writes the file later, and flush()/close() put everything on disk', async () => {
    const { store, file } = useStore({ writeDelayMs: 60_000 });
    await kvs.set('a', 1);
    await kvs.set('b', 2);
    expect(await kvs.get('b')).toBe(2);
    expect(existsSync(file)).toBe(false);
    await store.flush();
    expect(onDisk(file)).toEqual({ a: expect.objectContaining({ value: 1 }), b: expect.objectContaining({ value: 2 }) });
    await kvs.delete('a');
    await store.close();
    expect(Object.keys(onDisk(file))).toEqual(['b']);
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('coalesced: the file follows within writeDelayMs without any flush', async () => {
    const { file } = useStore({ writeDelayMs: 30 });
    await kvs.set('later', 'yes');
    for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(10);
    expect(onDisk(file)['later']?.value).toBe('yes');
  });

  it('coalesced: a simulated crash fails only its own request; the file holds every write answered before it', async () => {
    const { store, file } = useStore({ writeDelayMs: 60_000 });
    await kvs.set('k', 'before');
    store.failNextWrites(1);
    await expectKvsError(kvs.set('k', 'after'), 'INTERNAL_SERVER_ERROR', 500);
    expect(await kvs.get('k')).toBe('before');
    expect(onDisk(file)['k']?.value).toBe('before');
    expect(readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
    await kvs.set('k', 'after');
    await store.close();
    useStore({ file });
    expect(await kvs.get('k')).toBe('after');
  });

  it('coalesced: a process that exits with writes not yet on disk writes them on its way out', () => {
    const dir = tempDir();
    const file = path.join(dir, 'kvs.json');
    const script = path.join(dir, 'exit.ts');
    const store = JSON.stringify(path.resolve(__dirname, '../../../dev/runtime/kvs'));
    writeFileSync(
      script,
      `import { LocalKvsStore } from ${store};
const kvs = new LocalKvsStore({ file: ${JSON.stringify(file)}, writeDelayMs: 60_000 });
kvs.handle('/api/v1/set', { key: 'last', value: 'words' }).then((r) => { if (r.status !== 204) process.exit(2); process.exit(0); });
`,
    );
    execFileSync(process.execPath, ['--import', 'tsx', script], { cwd: path.resolve(__dirname, '../../..'), stdio: 'pipe' });
    expect(onDisk(file)['last']?.value).toBe('words');
  });

  it('a snapshot-sized workload (20 MB in 100 values of ~200 KB, rewritten twice) costs a couple of file writes, not 300', async () => {
    const rename = jest.spyOn(fsPromises, 'rename');
    // Forge's limits shape the workload: 2 MB batches (4 MB is a batch's documented maximum) and one 20 MB round a
    // minute (20 MB is 2,000 of the 4,000 write units an installation may use per minute).
    const clock = new FakeClock();
    const { store, file } = useStore({ writeDelayMs: 60_000, now: clock.now });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 100; i += 10) {
        await kvs.batchSet(Array.from({ length: 10 }, (_, j) => ({ key: `snapshot:chunk:${i + j}`, value: chunk(200_000, round) })));
      }
      clock.advance(60_000);
    }
    await store.close();
    expect(rename.mock.calls.filter(([, to]) => to === file)).toHaveLength(1);
    const stored = onDisk(file);
    expect(Object.keys(stored)).toHaveLength(100);
    expect((stored['snapshot:chunk:99']?.value as { tag: number }).tag).toBe(2);
  });
});
