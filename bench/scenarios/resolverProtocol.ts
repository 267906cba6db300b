/** Messages between the bench and a resolver process (bench/scenarios/resolverProcess.ts), checked on arrival; a failure is `{ kind: 'failed', error }`. */
import { z } from 'zod';

const credential = z.object({ email: z.string(), apiToken: z.string() });

export const startMessageSchema = z.object({
  appRoot: z.string(),
  jiraUrl: z.string(),
  kvsFile: z.string(),
  /** Forge's 25 s when absent; raised only to see what a finished read would need. */
  invocationTimeoutMs: z.number().optional(),
  app: credential,
  users: z.array(z.object({ accountId: z.string(), displayName: z.string(), credential })),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  /** 'invoke': run one invocation and exit. 'host': serve the page host until killed. */
  mode: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('invoke'), functionKey: z.string(), payload: z.unknown(), accountId: z.string() }),
    z.object({ kind: z.literal('host') }),
  ]),
});
export type StartMessage = z.infer<typeof startMessageSchema>;

export const invocationReportSchema = z.object({
  durationMs: z.number(),
  jiraRequests: z.number(),
  outcome: z.enum(['ok', 'error', 'timeout']),
  error: z.string().optional(),
});

export const invokedMessageSchema = z.object({
  kind: z.literal('invoked'),
  report: invocationReportSchema,
  /** JSON bytes of the resolver's answer; null when there was none. */
  payloadBytes: z.number().nullable(),
  /** The envelope said success: false. */
  refused: z.string().nullable(),
  memory: z.object({ baselineRss: z.number(), maxRss: z.number(), sampledPeakRss: z.number(), sampledPeakHeapUsed: z.number() }),
});
export type InvokedMessage = z.infer<typeof invokedMessageSchema>;

export const hostReadyMessageSchema = z.object({ kind: z.literal('hostReady'), hostUrl: z.string() });
export const childMessageSchema = z.discriminatedUnion('kind', [invokedMessageSchema, hostReadyMessageSchema]);
export type ChildMessage = z.infer<typeof childMessageSchema>;
