import { Queue } from '@forge/events';
import { SNAPSHOT_QUEUE, type SnapshotWork } from './snapshotWork';

/** Queues snapshot work for the consumer (Forge async events), optionally after a delay that batches triggers. */
export async function queueSnapshotWork(work: SnapshotWork, delayInSeconds = 0): Promise<void> {
  await new Queue({ key: SNAPSHOT_QUEUE }).push([{ body: work, ...(delayInSeconds > 0 ? { delayInSeconds } : {}) }]);
}
