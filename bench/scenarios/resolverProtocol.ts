/** Messages between the bench and a resolver process (bench/scenarios/resolverProcess.ts), checked on arrival; a failure is `{ kind: 'failed', error }`. */
import { z } from 'zod';

const credential = z.object({ email: z.string(), apiToken: z.string() });

/** One resolver call as the page makes it. */
export const resolverCallSchema = z.object({ functionKey: z.string(), payload: z.unknown(), accountId: z.string() });
export type ResolverCallSpec = z.infer<typeof resolverCallSchema>;

export const startMessageSchema = z.object({
  appRoot: z.string(),
  jiraUrl: z.string(),
  /** The portfolio's app storage: the snapshot a cold build writes and every later process reads. */
  kvsFile: z.string(),
  /** The portfolio's Forge SQL database, on the MariaDB server the bench started (one per bench run). */
  sql: z.object({ socketPath: z.string(), database: z.string() }),
  app: credential,
  users: z.array(z.object({ accountId: z.string(), displayName: z.string(), credential })),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  /**
   * 'build': send the app its install event and deliver every queued event until the snapshot is built, then flush.
   * 'pageLoad': run one resolver call `repeat` times in this process (a new container, then a warm one) and exit.
   * 'applyEvents': hand Jira issue events to the app's trigger, deliver the queued sync, check a page shows it.
   * 'host': serve the page host until killed.
   */
  mode: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('build') }),
    z.object({ kind: z.literal('pageLoad'), call: resolverCallSchema, repeat: z.number().int().min(1).max(5) }),
    z.object({
      kind: z.literal('applyEvents'),
      events: z.array(z.looseObject({ eventType: z.string() })),
      /** A page summary before and after, and a backlog search for the changed issues after (the bench checks them). */
      summary: resolverCallSchema,
      backlogSearch: resolverCallSchema,
    }),
    z.object({ kind: z.literal('host') }),
  ]),
});
export type StartMessage = z.infer<typeof startMessageSchema>;

export const invocationReportSchema = z.object({
  durationMs: z.number(),
  jiraRequests: z.number(),
  /** KVS requests and the 10 KB read/write units Forge's per-installation quota charges them (4,000 each a minute). */
  kvsRequests: z.number(),
  kvsReadUnits: z.number(),
  kvsWriteUnits: z.number(),
  /** Forge SQL requests and the query time they took (Forge allows 62.5 s a minute per installation). */
  sqlRequests: z.number(),
  sqlQueryMs: z.number(),
  /** Bytes of Forge SQL answers read. */
  sqlResponseBytes: z.number(),
  outcome: z.enum(['ok', 'error', 'timeout', 'outOfMemory']),
  error: z.string().optional(),
  /** The runtime's sampled peak heap above the invocation's start. */
  peakHeapUsedBytes: z.number(),
});

/** The resolver process's memory before anything was invoked: the runtime started, then the local KVS loaded from its file. */
export const processMemorySchema = z.object({
  /** RSS and heap used after the runtime started (forced GC). */
  startedRss: z.number(),
  startedHeapUsed: z.number(),
  /** The same after the local KVS read its file into this process (on Forge the store is a remote service). */
  kvsLoadedRss: z.number(),
  kvsLoadedHeapUsed: z.number(),
  kvsLoadMs: z.number(),
});
export type ProcessMemory = z.infer<typeof processMemorySchema>;

export const invokedSchema = z.object({
  report: invocationReportSchema,
  /** JSON bytes of the resolver's answer; null when there was none. */
  payloadBytes: z.number().nullable(),
  /** The envelope said success: false. */
  refused: z.string().nullable(),
  /** `data.source.kind` of the answer ('snapshot' or 'live'), when it says. */
  source: z.string().nullable(),
  memory: z.object({
    /** RSS just before the invocation (forced GC). */
    baselineRss: z.number(),
    /** The kernel's high-water mark just before the invocation (loading the local KVS may have set it). */
    maxRssBefore: z.number(),
    /** The kernel's high-water mark of the process's RSS so far (this and every earlier call). */
    maxRss: z.number(),
    /** Sampled every 5 ms during this call. */
    sampledPeakRss: z.number(),
    sampledPeakHeapUsed: z.number(),
  }),
});
export type Invoked = z.infer<typeof invokedSchema>;

export const loadedMessageSchema = z.object({ kind: z.literal('loaded'), process: processMemorySchema, runs: z.array(invokedSchema) });
export type LoadedMessage = z.infer<typeof loadedMessageSchema>;

export const backgroundInvocationSchema = z.object({
  kind: z.enum(['resolver', 'trigger', 'scheduled', 'consumer']),
  functionKey: z.string(),
  durationMs: z.number(),
  /** The limit the runtime enforced for it. */
  limitMs: z.number(),
  jiraRequests: z.number(),
  kvsRequests: z.number(),
  kvsReadUnits: z.number(),
  kvsWriteUnits: z.number(),
  /** Forge SQL requests and the query time they took (Forge allows 62.5 s a minute per installation). */
  sqlRequests: z.number(),
  sqlQueryMs: z.number(),
  /** Bytes of Forge SQL answers read. */
  sqlResponseBytes: z.number(),
  outcome: z.enum(['ok', 'error', 'timeout', 'outOfMemory']),
  error: z.string().optional(),
  peakHeapUsedBytes: z.number(),
});
export type BackgroundInvocation = z.infer<typeof backgroundInvocationSchema>;

/** What the app's background invocations did between a product event and the end of the drain. */
export const backgroundRunSchema = z.object({
  /** From dispatching the first event until nothing was pending (queued events delivered at once: their delays are skipped). */
  wallMs: z.number(),
  invocations: z.array(backgroundInvocationSchema),
  /** Events Forge would have dropped after their last retry. */
  failedEvents: z.array(z.string()),
});
export type BackgroundRun = z.infer<typeof backgroundRunSchema>;

export const builtMessageSchema = z.object({
  kind: z.literal('built'),
  run: backgroundRunSchema,
  process: z.object({ startedRss: z.number(), maxRss: z.number(), sampledPeakHeapUsed: z.number() }),
  /** Putting the local KVS on disk at the end (not part of Forge's figures). */
  flushMs: z.number(),
  /** The stored snapshot's head after the build, or null when there is none. */
  snapshot: z.object({ issueCount: z.number(), version: z.number(), sqlBytes: z.number() }).nullable(),
});
export type BuiltMessage = z.infer<typeof builtMessageSchema>;

const summaryFiguresSchema = z.object({ source: z.string().nullable(), asOf: z.string().nullable(), progress: z.string(), ratio: z.number().nullable(), issueCount: z.number().nullable() });
export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;

export const appliedMessageSchema = z.object({
  kind: z.literal('applied'),
  events: z.number(),
  run: backgroundRunSchema,
  before: summaryFiguresSchema,
  after: summaryFiguresSchema,
  /** Backlog items the search found after the change. */
  matches: z.number().nullable(),
  /** The page summary after the change: its Jira requests and time (the container reads only the rewritten chunks again). */
  summaryAfter: invocationReportSchema,
});
export type AppliedMessage = z.infer<typeof appliedMessageSchema>;

export const hostReadyMessageSchema = z.object({ kind: z.literal('hostReady'), hostUrl: z.string() });
export const childMessageSchema = z.discriminatedUnion('kind', [loadedMessageSchema, builtMessageSchema, appliedMessageSchema, hostReadyMessageSchema]);
export type ChildMessage = z.infer<typeof childMessageSchema>;
