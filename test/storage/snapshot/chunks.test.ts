import fc from 'fast-check';
import { byteSize, chunkIndexFor, packIntoChunks, replaceChunkRefs, rewriteChunks, touchedChunks } from '../../../src/storage/snapshot/chunks';
import type { ChunkRef, SnapshotIssue } from '../../../src/storage/snapshot/types';

const issue = (id: number, summary = `Issue ${id}`): SnapshotIssue => ({
  id: String(id),
  projectId: '10000',
  item: { key: `P-${id}`, projectKey: 'P', issueType: 'Task', summary, status: 'To Do', statusCategory: 'new', parentKey: null, assignee: null, labels: [], created: null, updated: null, resolved: null, fields: {}, blocks: [] },
  warnings: [],
});

/** Stores packed chunks in a map, as the KVS would, and returns their refs. */
function store(contents: Map<string, SnapshotIssue[]>, pieces: ReturnType<typeof packIntoChunks>, prefix: string): ChunkRef[] {
  return pieces.map((p, i) => {
    const key = `${prefix}${i}`;
    contents.set(key, p.issues);
    return { key, minId: i === 0 ? 0 : p.minId, count: p.issues.length, bytes: p.bytes };
  });
}

describe('snapshot chunks', () => {
  it('packs issues in id order into chunks under the target, each issue once', () => {
    const issues = Array.from({ length: 500 }, (_, i) => issue(i + 1));
    const chunks = packIntoChunks(issues, 4_000);
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(byteSize({ issues: c.issues })).toBeLessThanOrEqual(4_000);
    expect(chunks.flatMap((c) => c.issues.map((i) => i.id))).toEqual(issues.map((i) => i.id));
  });

  it('gives an issue larger than the target a chunk of its own rather than dropping it', () => {
    const chunks = packIntoChunks([issue(1), issue(2, 'x'.repeat(10_000)), issue(3)], 4_000);
    expect(chunks.map((c) => c.issues.map((i) => i.id))).toEqual([['1'], ['2'], ['3']]);
  });

  it('finds the chunk of an id by the chunks’ lower bounds, the first taking anything lower', () => {
    const chunks = [{ minId: 0 }, { minId: 100 }, { minId: 250 }];
    expect([chunkIndexFor(chunks, 5), chunkIndexFor(chunks, 100), chunkIndexFor(chunks, 249), chunkIndexFor(chunks, 9_999), chunkIndexFor(chunks, -3)]).toEqual([0, 1, 1, 2, 0]);
  });

  it('after any upserts and deletions, the chunks hold exactly the expected issues, in order, each under the target', () => {
    const ids = fc.uniqueArray(fc.integer({ min: 1, max: 3_000 }), { maxLength: 300 });
    fc.assert(
      fc.property(ids, ids, ids, fc.string({ maxLength: 40 }), (initial, upserted, deleted, text) => {
        const target = 3_000;
        const contents = new Map<string, SnapshotIssue[]>();
        const sorted = [...initial].sort((a, b) => a - b).map((id) => issue(id));
        let chunks = store(contents, packIntoChunks(sorted, target), 'c');
        if (chunks.length === 0) chunks = [{ key: 'empty', minId: 0, count: 0, bytes: 2 }];
        const changes = { upserts: upserted.map((id) => issue(id, `${text} ${id}`)), deletedIds: deleted.filter((id) => !upserted.includes(id)).map(String) };
        const touched = touchedChunks(chunks, changes);
        const rewritten = rewriteChunks(chunks, new Map(touched.map((i) => [i, contents.get((chunks[i] as ChunkRef).key) ?? []])), changes, target);
        let n = 0;
        const next = replaceChunkRefs(chunks, rewritten, (r) => r.pieces.map((p) => {
          const key = `n${n++}`;
          contents.set(key, p.issues);
          return key;
        }));

        const expected = new Map(sorted.map((i) => [i.id, i.item.summary]));
        for (const id of changes.deletedIds) expected.delete(id);
        for (const u of changes.upserts) expected.set(u.id, u.item.summary);
        const actual = next.flatMap((ref) => contents.get(ref.key) ?? []);
        expect(actual.map((i) => i.id)).toEqual([...expected.keys()].sort((a, b) => Number(a) - Number(b)));
        expect(actual.map((i) => i.item.summary)).toEqual(actual.map((i) => expected.get(i.id)));
        // Every issue sits in the chunk its id leads to, so the next change finds it.
        for (const [index, ref] of next.entries()) for (const i of contents.get(ref.key) ?? []) expect(chunkIndexFor(next, Number(i.id))).toBe(index);
        for (const ref of next) expect(ref.bytes).toBeLessThanOrEqual(target);
        expect(next.reduce((sum, r) => sum + r.count, 0)).toBe(expected.size);
      }),
      { numRuns: 150 },
    );
  });
});
