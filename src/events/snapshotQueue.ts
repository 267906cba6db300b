import { Queue } from '@forge/events';
import { HISTORY_QUEUE, SNAPSHOT_QUEUE, type HistoryWork, type SnapshotWork } from './snapshotWork';

/** Queues snapshot work for the consumer (Forge async events), optionally after a delay that batches triggers. */
export async function queueSnapshotWork(work: SnapshotWork, delayInSeconds = 0): Promise<void> {
  await new Queue({ key: SNAPSHOT_QUEUE }).push([{ body: work, ...(delayInSeconds > 0 ? { delayInSeconds } : {}) }]);
}

/** Queues the next step of reading a build's changelogs, on a queue of its own: its requests are not the build's. */
export async function queueHistoryWork(work: HistoryWork): Promise<void> {
  await new Queue({ key: HISTORY_QUEUE }).push([{ body: work }]);
}
