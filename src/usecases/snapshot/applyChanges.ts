import { replaceChunkRefs, rewriteChunks, touchedChunks, type SnapshotChanges } from '../../storage/snapshot/chunks';
import { readChunks, SNAPSHOT_KEYS, writeChunk } from '../../storage/snapshot/snapshotStore';
import type { ChunkRef, SnapshotHead, SnapshotProject } from '../../storage/snapshot/types';

export interface AppliedChanges {
  head: SnapshotHead;
  /** Keys of the chunks the new head no longer names (delete them once the head is written). */
  replacedKeys: string[];
}

/**
 * Writes the chunks the changes touch under new keys and returns the head that names them. Nothing visible
 * changes until the caller writes that head.
 */
export async function applyChanges(head: SnapshotHead, changes: SnapshotChanges, projects: readonly SnapshotProject[]): Promise<AppliedChanges> {
  const chunks: ChunkRef[] = head.chunks.length ? head.chunks : [{ key: '', minId: 0, count: 0, bytes: 2 }];
  const touched = touchedChunks(chunks, changes);
  const refs = touched.map((i) => chunks[i] as ChunkRef);
  const contents = await readChunks(refs.filter((r) => r.key !== ''));
  const byIndex = new Map(touched.map((index, n) => [index, (refs[n] as ChunkRef).key === '' ? [] : (contents.shift() ?? [])]));
  const rewritten = rewriteChunks(chunks, byIndex, changes);
  let next = head.nextChunk;
  const keysByIndex = new Map<number, string[]>();
  for (const r of rewritten) {
    const keys = r.pieces.map(() => SNAPSHOT_KEYS.chunk(head.buildId, next++));
    keysByIndex.set(r.index, keys);
    for (const [i, piece] of r.pieces.entries()) await writeChunk(keys[i] as string, piece.issues);
  }
  const nextChunks = replaceChunkRefs(chunks, rewritten, (r) => keysByIndex.get(r.index) ?? []);
  const knownProjects = new Map(head.projects.map((p) => [p.id, p]));
  for (const p of projects) knownProjects.set(p.id, p);
  return {
    head: {
      ...head,
      chunks: nextChunks,
      nextChunk: next,
      issueCount: nextChunks.reduce((sum, c) => sum + c.count, 0),
      projects: [...knownProjects.values()].sort((a, b) => a.key.localeCompare(b.key)),
    },
    replacedKeys: touched.map((i) => (chunks[i] as ChunkRef).key).filter((k) => k !== ''),
  };
}
