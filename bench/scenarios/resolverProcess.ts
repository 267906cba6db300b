/**
 * A resolver process, forked by the bench with --expose-gc: the local Forge runtime running the app's real
 * functions against the emulator (which runs in the bench's own process), so this process's memory is the app's
 * (plus the local KVS, which Forge keeps in a separate service: it is measured apart). Modes (resolverProtocol.ts):
 * 'build' the cold full build, 'pageLoad' one resolver call in a new and then a warm container, 'applyEvents' an
 * incremental update from Jira issue events, 'host' the page host for Chromium until the bench kills it.
 */
import path from 'node:path';
import { startPageHost } from '../../dev/host/server';
import { readPageModules } from '../../dev/host/modules';
import { LocalForgeSql } from '../../dev/runtime/sql';
import { attachMariadb } from '../../dev/sql/mariadb';
import { ForgeInvocationError, startForgeRuntime, UI_RESOLVER_TIMEOUT_MS, type ForgeRuntime, type InvocationReport, type ProductEvent } from '../../dev/runtime/runtime';
import { installedEvent } from '../../dev/runtime/productEvents';
import { SNAPSHOT_KEYS } from '../../src/storage/snapshot/snapshotStore';
import { jsonBytes, maxRssBytes, MemorySampler } from '../measure';
import { sendToParent } from './child';
import {
  startMessageSchema,
  type BackgroundInvocation,
  type BackgroundRun,
  type ChildMessage,
  type Invoked,
  type ProcessMemory,
  type ResolverCallSpec,
  type StartMessage,
  type SummaryFigures,
} from './resolverProtocol';

const send = (message: ChildMessage) => sendToParent(message);
/**
 * Background modes hold the whole snapshot in the local KVS; writing its file every 500 ms (the default) would
 * cost this process more than the app's own work. Forge's KVS is a remote service: the file is written when the
 * runtime closes (and on exit), not while the figures are taken.
 */
const BACKGROUND_KVS_WRITE_DELAY_MS = 10 * 60_000;
/**
 * The bench measures time and memory at sizes where Forge's KVS quota (4,000 read and 4,000 write units a minute)
 * already binds: a 100k build writes far more than 4,000 units within a minute here, and a cold page load reads
 * its whole snapshot. Raised so those figures can be taken at all; the units each run was charged are printed
 * beside them, which is where the quota shows.
 */
const BENCH_KVS_QUOTA = { readUnitsPerMinute: 1_000_000_000, writeUnitsPerMinute: 1_000_000_000 };

type Mode<K extends StartMessage['mode']['kind']> = Extract<StartMessage['mode'], { kind: K }>;

const refusalOf = (result: unknown): string | null => {
  if (typeof result !== 'object' || result === null || !('success' in result) || result.success !== false) return null;
  const error = (result as { error?: { code?: unknown; message?: unknown } }).error;
  return `${String(error?.code ?? 'ERROR')}: ${String(error?.message ?? '')}`;
};

/** `data` of a successful ResolverResponse, else undefined. */
const dataOf = (result: unknown): Record<string, unknown> | undefined => {
  if (typeof result !== 'object' || result === null || !('success' in result) || result.success !== true || !('data' in result)) return undefined;
  const data = result.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
};
const sourceOf = (result: unknown): { kind: string | null; asOf: string | null } => {
  const source = dataOf(result)?.['source'] as { kind?: unknown; asOf?: unknown } | undefined;
  return { kind: typeof source?.kind === 'string' ? source.kind : null, asOf: typeof source?.asOf === 'string' ? source.asOf : null };
};

/** Production installs get 1 GiB of Forge SQL (development ones 128 MiB): the bench measures a customer's site. */
const BENCH_SQL_LIMITS = { storedBytes: 1024 * 1024 * 1024 };

let sqlService: LocalForgeSql | null = null;

async function startRuntime(start: StartMessage, background: boolean, log?: (report: InvocationReport) => void): Promise<ForgeRuntime> {
  sqlService ??= await LocalForgeSql.open(attachMariadb(start.sql.socketPath), { database: start.sql.database, limits: BENCH_SQL_LIMITS });
  return startForgeRuntime({
    sql: sqlService,
    installationId: start.sql.database,
    appRoot: start.appRoot,
    jiraUrl: start.jiraUrl,
    app: start.app,
    users: new Map(start.users.map((u) => [u.accountId, u.credential])),
    kvsFile: start.kvsFile,
    kvsQuota: BENCH_KVS_QUOTA,
    ...(background ? { deliverEvents: 'manual' as const, kvsWriteDelayMs: BACKGROUND_KVS_WRITE_DELAY_MS } : {}),
    ...(log ? { log } : {}),
  });
}

const gcAndMeasure = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};

/** Makes the local KVS read its file now, so that no invocation pays for it (on Forge the store is already up). */
async function loadKvs(runtime: ForgeRuntime): Promise<ProcessMemory> {
  const started = gcAndMeasure();
  const t = performance.now();
  await runtime.kvs.handle('/api/v1/get', { key: SNAPSHOT_KEYS.head });
  const kvsLoadMs = performance.now() - t;
  const loaded = gcAndMeasure();
  return { startedRss: started.rss, startedHeapUsed: started.heapUsed, kvsLoadedRss: loaded.rss, kvsLoadedHeapUsed: loaded.heapUsed, kvsLoadMs };
}

const contextOf = (start: StartMessage, accountId: string) => {
  const global = readPageModules(path.join(start.appRoot, 'manifest.yml')).global;
  return { moduleKey: global.key, accountId, extension: { type: global.type } };
};

/** One resolver call as the page makes it: the runtime's report, the answer and this process's memory around it. */
async function invokeMeasured(runtime: ForgeRuntime, start: StartMessage, call: ResolverCallSpec): Promise<{ invoked: Invoked; result: unknown }> {
  const baselineRss = gcAndMeasure().rss;
  const maxRssBefore = maxRssBytes();
  const sampler = new MemorySampler();
  sampler.start();
  let result: unknown = null;
  let report: InvocationReport | undefined;
  try {
    result = await runtime.invoke({ functionKey: call.functionKey, payload: call.payload, context: contextOf(start, call.accountId) });
    report = runtime.reports.at(-1);
  } catch (error) {
    if (!(error instanceof ForgeInvocationError)) throw error;
    report = error.report;
  }
  sampler.stop();
  if (!report) throw new Error('The runtime reported no invocation');
  const invoked: Invoked = {
    report: reportFigures(report),
    payloadBytes: report.outcome === 'ok' ? jsonBytes(result) : null,
    refused: refusalOf(result),
    source: sourceOf(result).kind,
    memory: { baselineRss, maxRssBefore, maxRss: maxRssBytes(), sampledPeakRss: sampler.peakRss, sampledPeakHeapUsed: sampler.peakHeapUsed },
  };
  return { invoked, result };
}

const reportFigures = (r: InvocationReport) => ({
  durationMs: r.durationMs,
  jiraRequests: r.jiraRequests,
  kvsRequests: r.kvsRequests,
  kvsReadUnits: r.kvsReadUnits,
  kvsWriteUnits: r.kvsWriteUnits,
  sqlRequests: r.sqlRequests,
  sqlQueryMs: r.sqlQueryMs,
  sqlResponseBytes: r.sqlResponseBytes,
  outcome: r.outcome,
  ...(r.error ? { error: r.error } : {}),
  peakHeapUsedBytes: r.peakHeapUsedBytes,
});

/** Forge's limit for the invocation (as the runtime enforces it): 25 s for UIs and product triggers, else the function's timeoutSeconds (55 s by default). */
function limitOf(runtime: ForgeRuntime, r: InvocationReport): number {
  if (r.kind === 'resolver' || r.kind === 'trigger') return UI_RESOLVER_TIMEOUT_MS;
  const seconds = runtime.manifest.functions.find((f) => f.key === r.functionKey)?.timeoutSeconds;
  return Math.min(900, seconds ?? 55) * 1000;
}

/** Collects every background invocation's report while `work` runs, then delivers queued events until none is left. */
async function runInBackground(runtime: ForgeRuntime, reports: InvocationReport[], work: () => Promise<unknown>): Promise<BackgroundRun> {
  const from = reports.length;
  const failedBefore = runtime.events.failed.length;
  const started = performance.now();
  await work();
  await runtime.idle();
  await runtime.events.drain();
  await runtime.idle();
  const wallMs = performance.now() - started;
  const invocations: BackgroundInvocation[] = reports
    .slice(from)
    .filter((r) => r.kind !== 'resolver')
    .map((r) => ({ kind: r.kind, functionKey: r.functionKey, limitMs: limitOf(runtime, r), ...reportFigures(r) }));
  const failedEvents = runtime.events.failed.slice(failedBefore).map((f) => JSON.stringify(f).slice(0, 300));
  return { wallMs, invocations, failedEvents };
}

async function buildSnapshot(start: StartMessage): Promise<void> {
  const reports: InvocationReport[] = [];
  let requests = 0;
  const runtime = await startRuntime(start, true, (r) => {
    reports.push(r);
    requests += r.jiraRequests;
    if (r.kind === 'consumer') process.stderr.write(`  [build] ${r.functionKey} ${r.outcome} in ${Math.round(r.durationMs / 1000)} s, ${r.jiraRequests} Jira requests (${requests} so far)\n`);
  });
  const startedRss = gcAndMeasure().rss;
  const sampler = new MemorySampler();
  sampler.start(20);
  const installed: ProductEvent = installedEvent(undefined);
  const run = await runInBackground(runtime, reports, () => runtime.dispatchProductEvent(installed));
  sampler.stop();
  const maxRss = maxRssBytes();
  const head = (await runtime.kvs.handle('/api/v1/get', { key: SNAPSHOT_KEYS.head })).body as { value?: { issueCount?: unknown; version?: unknown } } | undefined;
  const sqlBytes = (await sqlService?.storedBytes()) ?? 0;
  const t = performance.now();
  await runtime.close();
  const flushMs = performance.now() - t;
  const value = head?.value;
  const snapshot =
    value && typeof value.issueCount === 'number' && typeof value.version === 'number' ? { issueCount: value.issueCount, version: value.version, sqlBytes } : null;
  await send({ kind: 'built', run, process: { startedRss, maxRss, sampledPeakHeapUsed: sampler.peakHeapUsed }, flushMs, snapshot });
}

async function pageLoad(start: StartMessage, mode: Mode<'pageLoad'>): Promise<void> {
  const runtime = await startRuntime(start, false);
  const memory = await loadKvs(runtime);
  const runs: Invoked[] = [];
  for (let i = 0; i < mode.repeat; i++) {
    const { invoked } = await invokeMeasured(runtime, start, mode.call);
    runs.push(invoked);
    // A handler Forge stopped may still run in this process: a later call would not measure a warm container.
    if (invoked.report.outcome !== 'ok') break;
  }
  await send({ kind: 'loaded', process: memory, runs });
}

const summaryFigures = (invoked: Invoked, result: unknown): SummaryFigures => {
  const data = dataOf(result);
  const progress = data?.['progress'] as { ratio?: unknown; percentText?: unknown } | undefined;
  return {
    source: invoked.source,
    asOf: sourceOf(result).asOf,
    progress: progress ? String(progress.percentText) : `no answer (${invoked.refused ?? invoked.report.outcome})`,
    ratio: typeof progress?.ratio === 'number' ? progress.ratio : null,
    issueCount: typeof data?.['issueCount'] === 'number' ? data['issueCount'] : null,
  };
};

async function applyEvents(start: StartMessage, mode: Mode<'applyEvents'>): Promise<void> {
  const reports: InvocationReport[] = [];
  const runtime = await startRuntime(start, true, (r) => reports.push(r));
  await loadKvs(runtime);
  const before = await invokeMeasured(runtime, start, mode.summary);
  const run = await runInBackground(runtime, reports, () => Promise.all(mode.events.map((event) => runtime.dispatchProductEvent(event))));
  const after = await invokeMeasured(runtime, start, mode.summary);
  const found = await invokeMeasured(runtime, start, mode.backlogSearch);
  const total = dataOf(found.result)?.['total'];
  await runtime.close();
  await send({
    kind: 'applied',
    events: mode.events.length,
    run,
    before: summaryFigures(before.invoked, before.result),
    after: summaryFigures(after.invoked, after.result),
    matches: typeof total === 'number' ? total : null,
    summaryAfter: after.invoked.report,
  });
}

async function host(start: StartMessage): Promise<void> {
  const runtime = await startRuntime(start, false);
  await loadKvs(runtime);
  const pageHost = await startPageHost({
    appRoot: start.appRoot,
    runtime,
    users: start.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, note: '' })),
    projects: start.projects,
  });
  await send({ kind: 'hostReady', hostUrl: pageHost.url });
}

async function main(start: StartMessage): Promise<void> {
  switch (start.mode.kind) {
    case 'build':
      await buildSnapshot(start);
      return process.exit(0);
    case 'pageLoad':
      await pageLoad(start, start.mode);
      return process.exit(0);
    case 'applyEvents':
      await applyEvents(start, start.mode);
      return process.exit(0);
    case 'host':
      return host(start);
  }
}

process.once('message', (message: unknown) => {
  main(startMessageSchema.parse(message)).catch(async (error: unknown) => {
    await sendToParent({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
