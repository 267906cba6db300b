// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useMemoryStore } from '../../dev/kvs/harness';

import { kvs } from '@forge/kvs';

import { readAllWithPrefix, SNAPSHOT_KEYS } from '../../../src/storage/snapshot/snapshotStore';

describe('snapshot store reads under a key prefix', () => {
  beforeEach(() => {
    useMemoryStore();
  });

  it('reads every pending change, more than one kvs.query() page (20) of them, in key order and once each', async () => {
    const ids = Array.from({ length: 45 }, (_, i) => String(10_000 + i));
    for (const id of ids) await kvs.set(`${SNAPSHOT_KEYS.pendingPrefix}${id}`, { id });
    await kvs.set(`${SNAPSHOT_KEYS.deletedPrefix}1`, { id: '1' });

    const read = await readAllWithPrefix(SNAPSHOT_KEYS.pendingPrefix);

    expect(read.map((r) => r.value)).toEqual(ids.map((id) => ({ id })));
  });
});
