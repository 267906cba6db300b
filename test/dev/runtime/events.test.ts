import { MAX_EVENTS_PER_PUSH } from '../../../dev/runtime/events/queueApi';
import type { LogEntry } from '../fixtures/events-app/src';
import { startEventsApp, type EventsApp } from './eventsApp';

interface AsyncEventSeen {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}

type PushAnswer = { jobId: string } | { error: string; message: string };

const eventOf = (entry: LogEntry | undefined): AsyncEventSeen => entry?.event as AsyncEventSeen;
const PUSH_PATH = '/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}';
const stargate = { type: 'fpp', provider: 'app', remote: 'stargate' };
type ForgeFetch = (target: typeof stargate, path: string, init: RequestInit) => Promise<Response>;

/** Sends a push request straight to the runtime, past the package's own checks. */
const rawPush = (payload: unknown[]): Promise<Response> =>
  (globalThis as unknown as { __forge_fetch__: ForgeFetch }).__forge_fetch__(stargate, PUSH_PATH, {
    method: 'POST',
    body: JSON.stringify({ queueName: 'work', jobId: 'raw-job', type: 'avi:forge:app:event', schema: 'ari:cloud:ecosystem::forge/app-event-2', payload, time: new Date().toISOString() }),
  });

describe('local Forge runtime: async events (manual delivery)', () => {
  let app: EventsApp;
  beforeAll(async () => {
    app = await startEventsApp({ deliverEvents: 'manual' });
  });
  afterAll(() => app.close());
  beforeEach(() => app.clearLog());

  const push = (events: unknown[]): Promise<PushAnswer> => app.call<PushAnswer>('push', { queue: 'work', events });
  const jobOf = (answer: PushAnswer): string => {
    if (!('jobId' in answer)) throw new Error(`push failed: ${answer.error} ${answer.message}`);
    return answer.jobId;
  };

  it('a real Queue.push reaches the consumer with Forge’s AsyncEvent, only when drained, and job stats follow', async () => {
    const jobId = jobOf(await push([{ body: { mode: 'ok', n: 1 } }, { body: { mode: 'ok', n: 2 }, delayInSeconds: 900 }]));
    expect(app.runtime.events.pending()).toBe(2);
    // Manual events wait for drain(): idle() does not wait for them (it would wait forever).
    await app.runtime.idle();
    expect(app.runtime.events.pending()).toBe(2);
    expect(app.log('consume')).toEqual([]);
    expect(await app.call('stats', { queue: 'work', jobId })).toEqual({ success: 0, inProgress: 2, failed: 0 });

    const started = Date.now();
    await app.runtime.events.drain();
    // drain() ignores delays: the 15-minute one was delivered at once.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(app.runtime.events.pending()).toBe(0);
    const seen = app.log('consume');
    expect(seen.map((e) => eventOf(e))).toEqual([
      { queueName: 'work', jobId, eventId: expect.any(String), body: { mode: 'ok', n: 1 } },
      { queueName: 'work', jobId, eventId: expect.any(String), body: { mode: 'ok', n: 2 }, delayInSeconds: 900 },
    ]);
    expect(seen[0]?.context).toEqual({ installContext: 'ari:cloud:jira::site/local-cloud' });
    // The consumer's function declares timeoutSeconds: 120, and only a consumer uses it.
    expect(seen[0]?.remainingMs).toBeGreaterThan(110_000);
    expect(seen[0]?.remainingMs).toBeLessThanOrEqual(120_000);
    expect(app.runtime.reports.filter((r) => r.kind === 'consumer').slice(-2)).toEqual([
      expect.objectContaining({ functionKey: 'consume', moduleKey: 'work-consumer', outcome: 'ok', jiraRequests: 0, accountId: undefined }),
      expect.objectContaining({ functionKey: 'consume', moduleKey: 'work-consumer', outcome: 'ok' }),
    ]);
    expect(await app.call('stats', { queue: 'work', jobId })).toEqual({ success: 2, inProgress: 0, failed: 0 });
  });

  it('redelivers a failed event with retryContext (retryCount 1, 2, …) until it succeeds', async () => {
    jobOf(await push([{ body: { mode: 'flaky', failures: 2 } }]));
    await app.runtime.events.drain();
    const attempts = app.log('consume').map((e) => eventOf(e));
    expect(attempts.map((e) => e.retryContext?.retryCount)).toEqual([undefined, 1, 2]);
    expect(attempts[1]?.retryContext).toEqual({ retryCount: 1, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' });
    expect(new Set(attempts.map((e) => e.eventId)).size).toBe(1);
    expect(app.runtime.events.failed).toEqual([]);
  });

  it('gives up after 3 retries and records the event as failed', async () => {
    const jobId = jobOf(await push([{ body: { mode: 'throw' } }]));
    await app.runtime.events.drain();
    expect(app.log('consume').map((e) => eventOf(e).retryContext?.retryCount)).toEqual([undefined, 1, 2, 3]);
    expect(app.runtime.events.pending()).toBe(0);
    expect(app.runtime.events.failed.at(-1)).toEqual({ queueName: 'work', jobId, eventId: expect.any(String), body: { mode: 'throw' }, attempts: 4, retryReason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR', error: 'consumer failed' });
    expect(app.runtime.reports.slice(-4).map((r) => r.outcome)).toEqual(['error', 'error', 'error', 'error']);
    expect(await app.call('stats', { queue: 'work', jobId })).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('a returned InvocationError asks for a retry with its reason and retryData', async () => {
    jobOf(await push([{ body: { mode: 'retry' } }]));
    await app.runtime.events.drain();
    expect(app.log('consume').map((e) => eventOf(e).retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { cursor: 2 } },
    ]);
    expect(app.runtime.reports.slice(-3).map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
  });

  it('the package refuses more than 50 events, more than 200 KB and delays outside 0..900 with its own errors', async () => {
    const many = Array.from({ length: MAX_EVENTS_PER_PUSH + 1 }, (_, i) => ({ body: { mode: 'ok', i } }));
    expect(await push(many)).toEqual({ error: 'TooManyEventsError', message: 'This push contains more than the 50 events allowed.' });
    expect(await push([{ body: { blob: 'x'.repeat(205 * 1024) } }])).toMatchObject({ error: 'PayloadTooBigError' });
    expect(await push([{ body: { mode: 'ok' }, delayInSeconds: 901 }])).toMatchObject({ error: 'InvalidPushSettingsError' });
    expect(app.runtime.events.pending()).toBe(0);
  });

  it('the runtime enforces the same limits itself, with the statuses the package maps to its errors', async () => {
    const tooMany = await rawPush(Array.from({ length: MAX_EVENTS_PER_PUSH + 1 }, () => ({ body: {} })));
    expect(tooMany.status).toBe(400);
    const tooBig = await rawPush([{ body: { blob: 'x'.repeat(205 * 1024) } }]);
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toEqual({ errorMessage: 'The maximum payload size is 200KB.' });
    expect((await rawPush([{ body: {}, delayInSeconds: -1 }])).status).toBe(400);
    expect((await rawPush([{ body: { mode: 'ok' } }])).status).toBe(201);
    expect(app.runtime.events.pending()).toBe(1);
    await app.runtime.events.drain();
  });

  it('drain() also waits for a trigger still running and delivers what it pushes', async () => {
    const created = { eventType: 'avi:jira:created:issue', atlassianId: 'alice', issue: { id: '10100', key: 'ALPHA-1' } };
    void app.runtime.dispatchProductEvent(created);
    await app.runtime.events.drain();
    expect(app.log().map((e) => e.fn)).toEqual(['onIssue.start', 'onIssue', 'consume']);
    expect(eventOf(app.log('consume')[0]).body).toEqual({ mode: 'ok', issueId: '10100' });
  });
});

describe('local Forge runtime: async events (auto delivery)', () => {
  let app: EventsApp;
  beforeAll(async () => {
    app = await startEventsApp({ deliverEvents: 'auto', maxEventDelayMs: 400 });
  });
  afterAll(() => app.close());
  beforeEach(() => app.clearLog());

  it('delivers on its own, one event at a time per queue, and idle() waits for all of it', async () => {
    const sleeper = (n: number) => ({ body: { mode: 'sleep', sleepMs: 80, n } });
    await app.call('push', { queue: 'work', events: [sleeper(1)] });
    // The second push arrives while the first event is being consumed: it must wait its turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.log('consume')).toHaveLength(1);
    await app.call('push', { queue: 'work', events: [sleeper(2), sleeper(3)] });
    await app.runtime.idle();
    expect(app.runtime.events.pending()).toBe(0);
    const seen = app.log('consume');
    expect(seen.map((e) => eventOf(e).body['n'])).toEqual([1, 2, 3]);
    expect(seen.map((e) => e.concurrent)).toEqual([1, 1, 1]);
  });

  it('respects delayInSeconds, capped at maxEventDelayMs', async () => {
    const pushedAt = Date.now();
    await app.call('push', { queue: 'work', events: [{ body: { mode: 'ok', late: true }, delayInSeconds: 600 }] });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(app.log('consume')).toEqual([]);
    expect(app.runtime.events.pending()).toBe(1);
    await app.runtime.idle();
    const [delivered] = app.log('consume');
    expect(delivered?.at).toBeDefined();
    expect((delivered?.at ?? 0) - pushedAt).toBeGreaterThanOrEqual(380);
    expect((delivered?.at ?? 0) - pushedAt).toBeLessThan(3_000);
  });
});

describe('local Forge runtime: consumer time limit', () => {
  let app: EventsApp;
  beforeAll(async () => {
    app = await startEventsApp({ deliverEvents: 'manual', asyncTimeoutMs: 100 });
  });
  afterAll(() => app.close());

  it('a consumer that outruns its limit is reported as a timeout, retried as Forge does, then dropped', async () => {
    await app.call('push', { queue: 'work', events: [{ body: { mode: 'sleep', sleepMs: 400 } }] });
    await app.runtime.events.drain();
    const consumers = app.runtime.reports.filter((r) => r.kind === 'consumer');
    expect(consumers.map((r) => r.outcome)).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(consumers[0]?.error).toBe('Forge would have stopped this invocation after 0.1 s');
    expect(consumers.every((r) => r.durationMs < 400)).toBe(true);
    expect(app.log('consume').map((e) => eventOf(e).retryContext?.retryReason)).toEqual([undefined, 'FUNCTION_TIME_OUT', 'FUNCTION_TIME_OUT', 'FUNCTION_TIME_OUT']);
    expect(app.log('consume')[0]?.remainingMs).toBeLessThanOrEqual(100);
    expect(app.runtime.events.failed).toEqual([expect.objectContaining({ attempts: 4, retryReason: 'FUNCTION_TIME_OUT' })]);
  });
});
