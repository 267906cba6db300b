// The harness must be imported before @forge/kvs: it routes the real package to a local store.
import { useMemoryStore } from '../dev/kvs/harness';

import { kvs } from '@forge/kvs';

import type { BaselineContent } from '../../src/domain';
import { BaselineTooLargeError, deleteBaseline, listBaselineMetas, readBaselineContent, readBaselineMeta, storeBaseline, type BaselineMeta } from '../../src/storage/baselines';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const meta = (n: number, overrides: Partial<BaselineMeta> = {}): BaselineMeta => ({ id: id(n), name: `Plan ${n}`, boxId: 'DTO-3', createdAt: `2026-03-${String(10 + (n % 10)).padStart(2, '0')}T10:00:${String(n % 60).padStart(2, '0')}.000Z`, createdBy: 'acc-1', ...overrides });
const CONTENT: BaselineContent = {
  boxId: 'DTO-3',
  boxes: [
    { id: 'DTO-3', start: '2026-01-01', due: '2026-03-01', ratio: 2 / 7, measured: true, converted: 1, teams: 2 },
    { id: 'PAY-2', start: null, due: null, ratio: 0, measured: false, converted: 0, teams: 1 },
  ],
  risks: [{ key: 'DTO-9', boxId: 'DTO-3', score: 6, residualScore: null }],
};

describe('baselines in Forge KVS (real @forge/kvs, local store)', () => {
  beforeEach(() => {
    useMemoryStore();
  });

  it('stores a baseline and reads its name and content back', async () => {
    await storeBaseline(meta(1), CONTENT);
    expect(await listBaselineMetas()).toEqual([meta(1)]);
    expect(await readBaselineMeta(id(1))).toEqual(meta(1));
    expect(await readBaselineContent(id(1))).toEqual(CONTENT);
  });

  it('lists more baselines than one query page holds (20), oldest first', async () => {
    for (let n = 1; n <= 25; n += 1) await storeBaseline(meta(n), CONTENT);
    const listed = await listBaselineMetas();
    expect(listed).toHaveLength(25);
    expect(listed.map((m) => m.createdAt)).toEqual([...listed.map((m) => m.createdAt)].sort());
  });

  it('deletes a baseline: unlisted and its content gone', async () => {
    await storeBaseline(meta(1), CONTENT);
    await storeBaseline(meta(2), CONTENT);
    await deleteBaseline(id(1));
    expect((await listBaselineMetas()).map((m) => m.id)).toEqual([id(2)]);
    expect(await readBaselineContent(id(1))).toBeNull();
  });

  it('leaves out a stored record that no longer validates, rather than trusting it', async () => {
    await storeBaseline(meta(1), CONTENT);
    await kvs.set(`baseline:meta:${id(2)}`, { id: id(2), name: '', boxId: 'DTO-3' });
    await kvs.set(`baseline:data:${id(1)}`, { v: 1, boxId: 'DTO-3', boxes: [['DTO-3', 'soon', null, 2, 1, 0, 0]], risks: [] });
    expect((await listBaselineMetas()).map((m) => m.id)).toEqual([id(1)]);
    expect(await readBaselineContent(id(1))).toBeNull();
  });

  it('refuses a baseline larger than one KVS value, and stores nothing of it', async () => {
    const boxes = Array.from({ length: 4500 }, (_, n) => ({ id: `VERYLONGPROJECTKEY-${String(n).padStart(10, '0')}`, start: '2026-01-01', due: '2026-12-31', ratio: 0.123456789, measured: true, converted: 0, teams: 0 }));
    await expect(storeBaseline(meta(3), { boxId: 'DTO-3', boxes, risks: [] })).rejects.toBeInstanceOf(BaselineTooLargeError);
    expect(await listBaselineMetas()).toEqual([]);
  });
});
