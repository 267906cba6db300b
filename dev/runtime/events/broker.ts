import { randomUUID } from 'node:crypto';
import { MAX_RETRIES, type AsyncEvent, type DeliveryOutcome, type FailedEvent, type PushedEvent } from './asyncEvent';

/**
 * Forge's async event queues, locally. Events wait for their delay, are delivered one at a time per queue to the
 * queue's consumer, and a failed delivery is retried with a retryContext up to MAX_RETRIES times, then dropped
 * into `failed`. 'auto' delivers on its own, with every delay (push delay or retryAfter) capped at
 * `maxEventDelayMs` so local work does not wait minutes; 'manual' delivers only inside `drain()`.
 */

export type DeliveryMode = 'auto' | 'manual';

export interface BrokerOptions {
  mode: DeliveryMode;
  maxEventDelayMs: number;
  hasConsumer(queueName: string): boolean;
  deliver(event: AsyncEvent): Promise<DeliveryOutcome>;
  /** Called whenever pending() may have changed. */
  onChange(): void;
}

interface Pending {
  seq: number;
  dueAt: number;
  event: AsyncEvent;
  attempt: number;
}

interface QueueState {
  items: Pending[];
  busy: Promise<void> | undefined;
  timer: NodeJS.Timeout | undefined;
  timerAt: number;
}

export interface JobStats {
  success: number;
  inProgress: number;
  failed: number;
}

const JOBS_KEPT = 10_000;
/** Delay before redelivering after a throw or timeout (Forge does not document its backoff); capped like any delay. */
const DEFAULT_RETRY_AFTER_MS = 1_000;

export class EventBroker {
  readonly failed: FailedEvent[] = [];
  private readonly queues = new Map<string, QueueState>();
  private readonly jobs = new Map<string, JobStats & { queueName: string }>();
  private seq = 0;
  private inFlight = 0;
  private closed = false;

  constructor(private readonly options: BrokerOptions) {}

  /** Events waiting for delivery, including retries and deliveries in progress. */
  pending(): number {
    let waiting = this.inFlight;
    for (const queue of this.queues.values()) waiting += queue.items.length;
    return waiting;
  }

  /** Accepts one push (already validated): every event of it belongs to job `jobId`. */
  push(queueName: string, jobId: string, events: readonly PushedEvent[]): void {
    const job = { queueName, success: 0, inProgress: 0, failed: 0 };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    const queue = this.queue(queueName);
    for (const pushed of events) {
      const event: AsyncEvent = { ...pushed, queueName, jobId, eventId: randomUUID() };
      if (!this.options.hasConsumer(queueName)) {
        job.failed += 1;
        this.failed.push({ queueName, jobId, eventId: event.eventId, body: event.body, attempts: 0, retryReason: 'NO_CONSUMER', error: `no consumer module listens on queue '${queueName}'` });
        continue;
      }
      job.inProgress += 1;
      queue.items.push({ seq: this.seq++, dueAt: Date.now() + this.cap((pushed.delayInSeconds ?? 0) * 1000), event, attempt: 0 });
    }
    this.options.onChange();
    // Never inside the push itself: the pushing invocation gets its answer first, as from Forge's queue.
    setImmediate(() => this.pump(queueName));
  }

  stats(jobId: string, queueName: string): JobStats | undefined {
    const job = this.jobs.get(jobId);
    return job && job.queueName === queueName ? { success: job.success, inProgress: job.inProgress, failed: job.failed } : undefined;
  }

  /** Drops the job's events not yet being delivered; false when there is no such job. */
  cancel(jobId: string, queueName: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.queueName !== queueName) return false;
    const queue = this.queue(queueName);
    const before = queue.items.length;
    queue.items = queue.items.filter((p) => p.event.jobId !== jobId);
    job.inProgress -= before - queue.items.length;
    this.options.onChange();
    return true;
  }

  /** Delivers everything pending, delays ignored, including what is pushed meanwhile; resolves when nothing is left. */
  async drain(): Promise<void> {
    for (;;) {
      const next = this.earliestReady(true);
      if (next) {
        await this.deliverFrom(next.queueName, next.queue, next.item);
        continue;
      }
      const running = [...this.queues.values()].map((q) => q.busy).filter((b): b is Promise<void> => b !== undefined);
      if (running.length === 0) break;
      await Promise.race(running);
    }
    for (const name of this.queues.keys()) this.pump(name);
  }

  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) clearTimeout(queue.timer);
  }

  private cap(ms: number): number {
    return Math.max(0, Math.min(ms, this.options.maxEventDelayMs));
  }

  private queue(name: string): QueueState {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = { items: [], busy: undefined, timer: undefined, timerAt: Infinity };
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** The first event (by due time, then push order) of a queue not busy; with `ignoreDelay`, due or not. */
  private earliestReady(ignoreDelay: boolean): { queueName: string; queue: QueueState; item: Pending } | undefined {
    let best: { queueName: string; queue: QueueState; item: Pending } | undefined;
    const now = Date.now();
    for (const [queueName, queue] of this.queues) {
      if (queue.busy) continue;
      for (const item of queue.items) {
        if (!ignoreDelay && item.dueAt > now) continue;
        if (!best || item.dueAt < best.item.dueAt || (item.dueAt === best.item.dueAt && item.seq < best.item.seq)) best = { queueName, queue, item };
      }
    }
    return best;
  }

  /** Auto mode: delivers the queue's next due event, or waits for it with a timer. */
  private pump(queueName: string): void {
    const queue = this.queue(queueName);
    if (this.options.mode !== 'auto' || this.closed || queue.busy || queue.items.length === 0) return;
    const next = queue.items.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && b.seq < a.seq) ? b : a));
    const wait = next.dueAt - Date.now();
    if (wait > 0) {
      if (queue.timer !== undefined && queue.timerAt <= next.dueAt) return;
      clearTimeout(queue.timer);
      queue.timerAt = next.dueAt;
      queue.timer = setTimeout(() => {
        queue.timer = undefined;
        queue.timerAt = Infinity;
        this.pump(queueName);
      }, wait);
      return;
    }
    void this.deliverFrom(queueName, queue, next).then(() => this.pump(queueName));
  }

  private deliverFrom(queueName: string, queue: QueueState, item: Pending): Promise<void> {
    queue.items = queue.items.filter((p) => p !== item);
    this.inFlight += 1;
    const delivery = this.deliverOne(item).finally(() => {
      this.inFlight -= 1;
      queue.busy = undefined;
      this.options.onChange();
    });
    queue.busy = delivery;
    return delivery;
  }

  private async deliverOne(item: Pending): Promise<void> {
    const outcome = await this.options.deliver(item.event).catch((error: unknown): DeliveryOutcome => ({ ok: false, error: String(error), retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' }));
    const job = this.jobs.get(item.event.jobId);
    if (outcome.ok) {
      if (job) {
        job.inProgress -= 1;
        job.success += 1;
      }
      return;
    }
    if (item.attempt < MAX_RETRIES) {
      const retryCount = item.attempt + 1;
      const { retryContext: _previous, ...event } = item.event;
      this.queue(event.queueName).items.push({
        seq: this.seq++,
        dueAt: Date.now() + this.cap(outcome.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS),
        event: { ...event, retryContext: { retryCount, retryReason: outcome.retryReason, retryData: outcome.retryData } },
        attempt: retryCount,
      });
      return;
    }
    if (job) {
      job.inProgress -= 1;
      job.failed += 1;
    }
    const { queueName, jobId, eventId, body } = item.event;
    this.failed.push({ queueName, jobId, eventId, body, attempts: item.attempt + 1, retryReason: outcome.retryReason, error: outcome.error });
  }

  private forgetOldJobs(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= JOBS_KEPT) return;
      if (job.inProgress === 0) this.jobs.delete(id);
    }
  }
}
