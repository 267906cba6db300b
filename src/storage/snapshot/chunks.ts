import type { ChunkRef, SnapshotIssue } from './types';

/** Forge KVS takes values up to 240 KiB; chunks are filled to this, leaving room for edits before they split. */
export const CHUNK_TARGET_BYTES = 160 * 1024;

export interface ChunkContent {
  minId: number;
  issues: SnapshotIssue[];
  bytes: number;
}

const idOf = (issue: SnapshotIssue): number => Number(issue.id);
export const byteSize = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Issues sorted by id, cut into chunks of at most `targetBytes` (a single larger issue gets a chunk of its own). */
export function packIntoChunks(sorted: readonly SnapshotIssue[], targetBytes = CHUNK_TARGET_BYTES): ChunkContent[] {
  const chunks: ChunkContent[] = [];
  let current: ChunkContent | undefined;
  for (const issue of sorted) {
    const size = byteSize(issue) + 1;
    if (current === undefined || (current.bytes + size > targetBytes && current.issues.length > 0)) {
      current = { minId: idOf(issue), issues: [], bytes: 2 };
      chunks.push(current);
    }
    current.issues.push(issue);
    current.bytes += size;
  }
  return chunks;
}

/** The chunk an issue id belongs to: the last whose minId is not above it (the first chunk takes anything lower). */
export function chunkIndexFor(chunks: readonly Pick<ChunkRef, 'minId'>[], id: number): number {
  let low = 0;
  let high = chunks.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((chunks[mid]?.minId ?? 0) <= id) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

export interface SnapshotChanges {
  upserts: readonly SnapshotIssue[];
  deletedIds: readonly string[];
}

/** Which chunks the changes touch, by index into `chunks`. */
export function touchedChunks(chunks: readonly ChunkRef[], changes: SnapshotChanges): number[] {
  const ids = [...changes.upserts.map(idOf), ...changes.deletedIds.map(Number)];
  return [...new Set(ids.map((id) => chunkIndexFor(chunks, id)))].sort((a, b) => a - b);
}

export interface RewrittenChunk {
  /** Index of the chunk replaced. */
  index: number;
  /** What replaces it: one chunk, several when it grew past the target, or one empty chunk. */
  pieces: ChunkContent[];
}

/**
 * Applies upserts and deletions to the touched chunks' contents and repacks them. The first piece keeps the
 * replaced chunk's minId so every id still has exactly one chunk.
 */
export function rewriteChunks(
  chunks: readonly ChunkRef[],
  contents: ReadonlyMap<number, readonly SnapshotIssue[]>,
  changes: SnapshotChanges,
  targetBytes = CHUNK_TARGET_BYTES,
): RewrittenChunk[] {
  const byChunk = new Map<number, { upserts: SnapshotIssue[]; deleted: Set<string> }>();
  const entry = (index: number) => {
    let e = byChunk.get(index);
    if (!e) byChunk.set(index, (e = { upserts: [], deleted: new Set() }));
    return e;
  };
  for (const id of changes.deletedIds) entry(chunkIndexFor(chunks, Number(id))).deleted.add(id);
  for (const issue of changes.upserts) entry(chunkIndexFor(chunks, idOf(issue))).upserts.push(issue);
  const rewritten: RewrittenChunk[] = [];
  for (const [index, change] of [...byChunk].sort(([a], [b]) => a - b)) {
    const byId = new Map((contents.get(index) ?? []).map((issue) => [issue.id, issue]));
    for (const id of change.deleted) byId.delete(id);
    for (const issue of change.upserts) byId.set(issue.id, issue);
    const sorted = [...byId.values()].sort((a, b) => idOf(a) - idOf(b));
    const pieces = packIntoChunks(sorted, targetBytes);
    const minId = chunks[index]?.minId ?? 0;
    if (pieces.length === 0) pieces.push({ minId, issues: [], bytes: 2 });
    else pieces[0] = { ...(pieces[0] as ChunkContent), minId: Math.min(minId, (pieces[0] as ChunkContent).minId) };
    rewritten.push({ index, pieces });
  }
  return rewritten;
}

/** The chunk list after a rewrite, with the keys the new pieces were stored under. */
export function replaceChunkRefs(chunks: readonly ChunkRef[], rewritten: readonly RewrittenChunk[], keysOf: (r: RewrittenChunk) => string[]): ChunkRef[] {
  const replacement = new Map(rewritten.map((r) => [r.index, r]));
  const next: ChunkRef[] = [];
  chunks.forEach((ref, index) => {
    const r = replacement.get(index);
    if (!r) return void next.push(ref);
    const keys = keysOf(r);
    r.pieces.forEach((piece, i) => next.push({ key: keys[i] as string, minId: piece.minId, count: piece.issues.length, bytes: piece.bytes }));
  });
  return next;
}
