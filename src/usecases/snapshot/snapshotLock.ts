import { randomUUID } from 'node:crypto';
import { createIfAbsent, kvsDelete, kvsGet, SNAPSHOT_KEYS } from '../../storage/snapshot/snapshotStore';

/** Longer than any head replacement takes; a holder that died frees the lock after this. */
const LEASE_MS = 120_000;

/** Someone else is replacing the snapshot's head; try again later. */
export class SnapshotBusyError extends Error {
  constructor() {
    super('The snapshot is being updated by another task.');
    this.name = 'SnapshotBusyError';
  }
}

/**
 * Runs `task` holding the snapshot lock, so two tasks never replace the head from the same base and lose a change.
 * An expired lease (its holder died) is taken over.
 */
export async function withSnapshotLock<T>(now: () => Date, task: () => Promise<T>): Promise<T> {
  const owner = randomUUID();
  const lease = () => ({ owner, expiresAt: now().getTime() + LEASE_MS });
  let acquired = await createIfAbsent(SNAPSHOT_KEYS.lock, lease());
  if (!acquired) {
    const held = (await kvsGet(SNAPSHOT_KEYS.lock)) as { expiresAt?: unknown } | undefined;
    const expiresAt = typeof held?.expiresAt === 'number' ? held.expiresAt : 0;
    if (expiresAt < now().getTime()) {
      await kvsDelete(SNAPSHOT_KEYS.lock);
      acquired = await createIfAbsent(SNAPSHOT_KEYS.lock, lease());
    }
  }
  if (!acquired) throw new SnapshotBusyError();
  try {
    return await task();
  } finally {
    const held = (await kvsGet(SNAPSHOT_KEYS.lock)) as { owner?: unknown } | undefined;
    if (held?.owner === owner) await kvsDelete(SNAPSHOT_KEYS.lock);
  }
}
