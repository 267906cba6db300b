import { z } from 'zod';
import type { EventBroker } from './broker';

/**
 * The Forge platform endpoints @forge/events calls through `__requestAtlassianAsApp` (remote 'stargate'):
 * push (publish), job stats and job cancel, with Forge's documented limits. Statuses are the ones the package
 * turns into its errors (out/validators.js): 201 pushed, 413 PayloadTooBigError, any other non-201 an
 * InternalServerError; 200 stats; 204 cancelled; 404 JobDoesNotExistError.
 */

/** developer.atlassian.com/platform/forge/limits-async-events and runtime-reference/async-events-api. */
export const MAX_EVENTS_PER_PUSH = 50;
export const MAX_PUSH_PAYLOAD_KB = 200;
export const MAX_DELAY_SECONDS = 900;

const queueName = z.string().regex(/^[a-zA-Z0-9-_]+$/);
const pushEvent = z
  .object({
    body: z.record(z.string(), z.unknown()),
    delayInSeconds: z.number().optional(),
    concurrency: z.object({ key: z.string(), limit: z.number().int().positive() }).optional(),
  })
  .loose();
const pushRequest = z.object({ queueName, jobId: z.string().min(1), type: z.string(), schema: z.string(), payload: z.array(pushEvent), time: z.string() }).loose();
const jobRequest = z.object({ queueName, jobId: z.string().min(1), time: z.string() }).loose();

const json = (status: number, body: unknown): Response =>
  new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A body the package's validateAPIResponse reads: `message` and `errors` end up in the InternalServerError. */
const rejected = (status: number, code: string, message: string): Response => json(status, { code, message });

function decode(init: RequestInit | undefined): unknown {
  const body = init?.body;
  if (typeof body !== 'string') return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function push(broker: EventBroker, raw: unknown): Response {
  const parsed = pushRequest.safeParse(raw);
  if (!parsed.success) return rejected(400, 'INVALID_REQUEST', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const { payload } = parsed.data;
  if (payload.length === 0) return rejected(400, 'NO_EVENTS', 'No events pushed.');
  if (payload.length > MAX_EVENTS_PER_PUSH) return rejected(400, 'TOO_MANY_EVENTS', `This push contains more than the ${MAX_EVENTS_PER_PUSH} events allowed.`);
  if (Buffer.byteLength(JSON.stringify(payload)) / 1024 > MAX_PUSH_PAYLOAD_KB) {
    return json(413, { errorMessage: `The maximum payload size is ${MAX_PUSH_PAYLOAD_KB}KB.` });
  }
  if (payload.some((e) => e.delayInSeconds !== undefined && (e.delayInSeconds < 0 || e.delayInSeconds > MAX_DELAY_SECONDS))) {
    return rejected(400, 'INVALID_DELAY', `The delayInSeconds setting must be between 0 and ${MAX_DELAY_SECONDS}.`);
  }
  broker.push(parsed.data.queueName, parsed.data.jobId, payload);
  return json(201, {});
}

/** Answers one stargate request; paths carry Forge's `{contextAri}/...` placeholders, which the proxy would fill. */
export function answerQueueApi(broker: EventBroker, path: string, init: RequestInit | undefined): Response {
  const raw = decode(init);
  if (path.startsWith('/webhook/queue/publish/')) return push(broker, raw);
  const isStats = path.startsWith('/webhook/queue/stats/');
  if (isStats || path.startsWith('/webhook/queue/cancel/')) {
    const parsed = jobRequest.safeParse(raw);
    if (!parsed.success) return rejected(400, 'INVALID_REQUEST', 'queueName and jobId are required');
    const { jobId, queueName: queue } = parsed.data;
    if (isStats) {
      const stats = broker.stats(jobId, queue);
      return stats ? json(200, stats) : rejected(404, 'JOB_NOT_FOUND', `The job ${jobId} was not found for the queue ${queue}.`);
    }
    return broker.cancel(jobId, queue) ? json(204, null) : rejected(404, 'JOB_NOT_FOUND', `The job ${jobId} was not found for the queue ${queue}.`);
  }
  return rejected(404, 'NOT_SERVED', `The local Forge runtime does not serve ${path}`);
}
