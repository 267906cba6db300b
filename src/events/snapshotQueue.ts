import { Queue } from '@forge/events';
import { FIGURES_QUEUE, HISTORY_QUEUE, SNAPSHOT_QUEUE, type HistoryWork, type SnapshotWork } from './snapshotWork';

/** Queues snapshot work for the consumer (Forge async events), optionally after a delay that batches triggers. */
export async function queueSnapshotWork(work: SnapshotWork, delayInSeconds = 0): Promise<void> {
  await new Queue({ key: SNAPSHOT_QUEUE }).push([{ body: work, ...(delayInSeconds > 0 ? { delayInSeconds } : {}) }]);
}

/** Queues the next step of reading a build's changelogs, on a queue of its own: its requests are not the build's. */
export async function queueHistoryWork(work: HistoryWork): Promise<void> {
  await new Queue({ key: HISTORY_QUEUE }).push([{ body: work }]);
}

/** Queues computing the page figures of the head just written; a consumer finding them current does nothing. */
export async function queueFiguresWork(classKey = 'all'): Promise<void> {
  await new Queue({ key: FIGURES_QUEUE }).push([{ body: { type: 'figures', classKey } }]);
}

/** Queues computing a class's reports of today; a consumer finding them current does nothing. */
export async function queueReportsWork(classKey = 'all'): Promise<void> {
  await new Queue({ key: FIGURES_QUEUE }).push([{ body: { type: 'reports', classKey } }]);
}
