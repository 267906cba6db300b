import path from 'node:path';
import { Activity } from './activity';
import { MAX_RETRIES, type FailedEvent } from './events/asyncEvent';
import { EventBroker, type DeliveryMode } from './events/broker';
import { consumerDelivery } from './events/delivery';
import { createForgeFetch } from './forgeFetch';
import { installForgeRuntimeGlobal } from './forgeRuntimeGlobal';
import { Invoker, type InvocationKind, type InvocationReport } from './invoker';
import { LocalKvsStore, type KvsQuotaLimits } from './kvs';
import type { LocalForgeSql } from './sql';
import { loadFunctions, type ForgeFunctionHandler } from './loadHandler';
import { limitClassOf, readManifest, UI_LIMIT_MS, type AppManifest } from './manifest';
import { backgroundContext, CLOUD_ID, INSTALL_CONTEXT, deliveredPayload, subscribedTriggers, type ProductEvent } from './productEvents';
import { createProductFetch, type JiraCredential } from './productFetch';
import { Schedules } from './scheduler';

export type { InvocationKind, InvocationReport } from './invoker';
export type { ProductEvent } from './productEvents';
export type { AsyncEvent, FailedEvent } from './events/asyncEvent';
export type { DeliveryMode } from './events/broker';
export { MAX_RETRIES };

/** Forge stops a UI resolver invocation after 25 s. */
export const UI_RESOLVER_TIMEOUT_MS = UI_LIMIT_MS;
/** KVS writes reach the file at most this often by default (see kvs/writeBehind.ts). */
export const DEFAULT_KVS_WRITE_DELAY_MS = 500;
/**
 * Each KVS request waits this long by default. Forge documents no latency; every call is an HTTPS round trip from
 * the function through Forge's proxy to a storage service that encrypts and persists before answering ("at the
 * expense of performance", storage overview), which costs tens of milliseconds, not the microseconds of a local map.
 */
export const DEFAULT_KVS_LATENCY_MS = 20;
/** Local stand-in for Forge's up-to-15-minute event delays. */
export const DEFAULT_MAX_EVENT_DELAY_MS = 1_000;

export interface ForgeRuntimeOptions {
  appRoot: string;
  jiraUrl: string;
  app: JiraCredential;
  users: ReadonlyMap<string, JiraCredential>;
  /** The local KVS file, or null to keep the store in memory only. */
  kvsFile: string | null;
  /** 0: every KVS write is on disk before it is answered; more: coalesced (default DEFAULT_KVS_WRITE_DELAY_MS). */
  kvsWriteDelayMs?: number;
  /** Per-request KVS latency (default DEFAULT_KVS_LATENCY_MS); 0 where it does not matter. */
  kvsLatencyMs?: number;
  /** Raises (or lowers) Forge's per-installation KVS limits, which apply by default (kvs/quota.ts FORGE_KVS_QUOTA). */
  kvsQuota?: Partial<KvsQuotaLimits>;
  /** The KVS's clock in epoch ms (TTLs and quota windows; default Date.now): lets a test pass a quota's minute. */
  kvsClock?: () => number;
  /** Overrides the UI resolver limit (Forge: 25 s). */
  invocationTimeoutMs?: number;
  /** Overrides the limit of functions run only by consumers and scheduled triggers (Forge: timeoutSeconds, default 55 s). */
  asyncTimeoutMs?: number;
  /** 'auto' (default): queued events are delivered on their own; 'manual': only by `events.drain()`. */
  deliverEvents?: DeliveryMode;
  /** Caps every event delay (push delayInSeconds, retryAfter) in 'auto' mode; default 1000 ms. */
  maxEventDelayMs?: number;
  /** Run scheduledTrigger modules on their interval (default false; `runScheduledTrigger` works either way). */
  runScheduledTriggers?: boolean;
  /** The manifest function a resolver call runs; by default the one the page module's `resolver.function` names, else 'resolver'. */
  functionKey?: string;
  /** The installation's Forge SQL database (dev/runtime/sql); without one, @forge/sql calls answer APP_NOT_ENABLED as on Forge for an app with no sql module. */
  sql?: LocalForgeSql | null;
  /** The installation this runtime is (default 'local-installation'): what getAppContext() says, per invocation. */
  installationId?: string;
  /** Overrides the manifest's memoryMB, to reach the limit in a test. */
  memoryMB?: number;
  log?: (report: InvocationReport) => void;
}

export interface InvocationRequest {
  /** The resolver definition (what @forge/bridge's invoke names), passed on as `call.functionKey`. */
  functionKey: string;
  payload: unknown;
  context: { moduleKey: string; accountId: string | undefined; extension: Record<string, unknown>; localId?: string };
}

/** The invocation failed the way it would have failed on Forge. */
export class ForgeInvocationError extends Error {
  constructor(
    message: string,
    readonly report: InvocationReport,
  ) {
    super(message);
    this.name = 'ForgeInvocationError';
  }
}

export interface ForgeEvents {
  readonly mode: DeliveryMode;
  /** Events waiting for delivery, retries and deliveries in progress included. */
  pending(): number;
  /**
   * Delivers every pending event now, delays ignored, including events pushed meanwhile (by consumers, or by
   * triggers and resolvers still running when it was called); resolves when none is left.
   */
  drain(): Promise<void>;
  /** Events dropped after their last retry (or pushed to a queue no consumer listens on). */
  readonly failed: readonly FailedEvent[];
}

export interface ForgeRuntime {
  /** A UI resolver call, as @forge/bridge's invoke makes it; rejects with ForgeInvocationError. */
  invoke(request: InvocationRequest): Promise<unknown>;
  /** Runs every trigger module subscribed to `event.eventType`, on the next tick; resolves with their reports once they finish. */
  dispatchProductEvent(event: ProductEvent): Promise<InvocationReport[]>;
  /** Runs the scheduledTrigger module `moduleKey` once, now. */
  runScheduledTrigger(moduleKey: string): Promise<InvocationReport>;
  events: ForgeEvents;
  /** Resolves once no invocation runs and, in 'auto' mode, no event is pending ('manual' mode's events wait for drain()). */
  idle(): Promise<void>;
  reports: InvocationReport[];
  kvs: LocalKvsStore;
  manifest: AppManifest;
  /** Stops schedules and event timers and puts the KVS on disk. */
  close(): Promise<void>;
}

/** The manifest function a resolver call runs: the option, else the page module's `resolver.function`, else 'resolver'. */
function resolverFunctionOf(manifest: AppManifest, options: ForgeRuntimeOptions): (moduleKey: string) => string {
  const fallback = manifest.functions.some((f) => f.key === 'resolver') ? 'resolver' : (manifest.functions[0]?.key ?? 'resolver');
  return (moduleKey) => options.functionKey ?? manifest.resolvers.get(moduleKey) ?? fallback;
}

/**
 * Runs the app's real functions as Forge does: the real @forge/api, @forge/kvs and @forge/events send their
 * requests through `global.__forge_fetch__`, which this routes to the Jira emulator, a local store and local queues.
 */
export async function startForgeRuntime(options: ForgeRuntimeOptions): Promise<ForgeRuntime> {
  const manifestPath = path.join(options.appRoot, 'manifest.yml');
  const manifest = readManifest(manifestPath);
  const handlers = await loadFunctions(options.appRoot, manifest.functions, path.join(options.appRoot, '.build', 'runtime'));
  const handler = (functionKey: string): ForgeFunctionHandler => {
    const found = handlers.get(functionKey);
    if (!found) throw new Error(`manifest.yml has no function with key '${functionKey}'`);
    return found;
  };
  const kvs = new LocalKvsStore({
    file: options.kvsFile,
    writeDelayMs: options.kvsWriteDelayMs ?? DEFAULT_KVS_WRITE_DELAY_MS,
    latencyMs: options.kvsLatencyMs ?? DEFAULT_KVS_LATENCY_MS,
    ...(options.kvsQuota ? { quota: options.kvsQuota } : {}),
    ...(options.kvsClock ? { now: options.kvsClock } : {}),
  });
  const activity = new Activity();
  const invoker = new Invoker(activity, options.log, { installationId: options.installationId ?? 'local-installation', memoryMB: options.memoryMB ?? manifest.memoryMB });

  const limitMs = (kind: InvocationKind, functionKey: string): number => {
    if (kind === 'resolver') return options.invocationTimeoutMs ?? UI_LIMIT_MS;
    const limit = limitClassOf(manifest, functionKey);
    return limit.kind === 'async' ? (options.asyncTimeoutMs ?? limit.limitMs) : limit.limitMs;
  };
  const runBackground = (kind: Exclude<InvocationKind, 'resolver'>, functionKey: string, moduleKey: string, event: unknown) =>
    invoker.run({ kind, functionKey, moduleKey, accountId: undefined, timeoutMs: limitMs(kind, functionKey), call: () => handler(functionKey)(event, backgroundContext()) });

  const mode = options.deliverEvents ?? 'auto';
  const broker = new EventBroker({
    mode,
    maxEventDelayMs: options.maxEventDelayMs ?? DEFAULT_MAX_EVENT_DELAY_MS,
    ...consumerDelivery(manifest, (functionKey, moduleKey, event) => runBackground('consumer', functionKey, moduleKey, event)),
    onChange: () => activity.changed(),
  });
  // In 'manual' mode queued events wait for drain(): counting them would make idle() wait forever.
  activity.addBusySource(() => mode === 'auto' && broker.pending() > 0);

  installForgeRuntimeGlobal();
  Object.assign(globalThis, { __forge_fetch__: createForgeFetch({ kvs, broker, invoker, sql: options.sql ?? null, jira: createProductFetch(options) }) });

  const resolverFunction = resolverFunctionOf(manifest, options);
  async function invoke(request: InvocationRequest): Promise<unknown> {
    const functionKey = resolverFunction(request.context.moduleKey);
    const event = {
      call: { functionKey: request.functionKey, payload: request.payload },
      context: { ...request.context, cloudId: CLOUD_ID, environmentType: 'DEVELOPMENT', localId: request.context.localId ?? `${request.context.moduleKey}-local` },
    };
    const backendRuntimePayload = { principal: request.context.accountId ? { accountId: request.context.accountId } : undefined, installContext: INSTALL_CONTEXT };
    const result = await invoker.run({
      kind: 'resolver',
      // Reports name the resolver definition called, as they always have.
      functionKey: request.functionKey,
      moduleKey: request.context.moduleKey,
      accountId: request.context.accountId,
      timeoutMs: limitMs('resolver', functionKey),
      call: () => handler(functionKey)(event, backendRuntimePayload),
    });
    if (result.ok) return result.result;
    throw new ForgeInvocationError(result.report.error ?? result.report.outcome, result.report);
  }

  function dispatchProductEvent(event: ProductEvent): Promise<InvocationReport[]> {
    const modules = subscribedTriggers(manifest, event.eventType);
    // Counted as work from now, though it starts on the next tick: idle() must not slip in between.
    const end = activity.begin();
    return new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => Promise.all(modules.map((m) => runBackground('trigger', m.function, m.key, deliveredPayload(event)).then((r) => r.report))))
      .finally(end);
  }

  async function runScheduledTrigger(moduleKey: string): Promise<InvocationReport> {
    const module = manifest.scheduledTriggers.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`manifest.yml has no scheduledTrigger module '${moduleKey}'`);
    // Forge's scheduled trigger request (events-reference/scheduled-trigger); a failed run is not retried.
    const request = { context: { cloudId: CLOUD_ID, moduleKey }, contextToken: 'local' };
    return (await runBackground('scheduled', module.function, module.key, request)).report;
  }

  /** Delivers until nothing is pending, also waiting for running triggers and resolvers whose pushes would come later. */
  async function drain(): Promise<void> {
    for (;;) {
      await broker.drain();
      await activity.settled();
      if (broker.pending() === 0) return;
    }
  }

  const schedules = new Schedules(manifest.scheduledTriggers, runScheduledTrigger);
  if (options.runScheduledTriggers) schedules.start();

  return {
    invoke,
    dispatchProductEvent,
    runScheduledTrigger,
    events: {
      mode,
      pending: () => broker.pending(),
      drain,
      failed: broker.failed,
    },
    idle: () => activity.idle(),
    reports: invoker.reports,
    kvs,
    manifest,
    close: async () => {
      schedules.stop();
      broker.close();
      await kvs.close();
    },
  };
}
