/**
 * A resolver process, forked by the bench with --expose-gc: the local Forge runtime running the app's real
 * handler against the emulator (which runs in the bench's own process), so this process's memory is the resolver's.
 * 'invoke' runs one invocation and exits (a timed-out handler dies with its process, as on Forge);
 * 'host' also serves the page host for Chromium until the bench kills it.
 */
import path from 'node:path';
import { startPageHost } from '../../dev/host/server';
import { readPageModules } from '../../dev/host/modules';
import { ForgeInvocationError, startForgeRuntime, type ForgeRuntime, type InvocationReport } from '../../dev/runtime/runtime';
import { jsonBytes, maxRssBytes, MemorySampler } from '../measure';
import { sendToParent } from './child';
import { startMessageSchema, type ChildMessage, type StartMessage } from './resolverProtocol';

const send = (message: ChildMessage) => sendToParent(message);

const refusalOf = (result: unknown): string | null => {
  if (typeof result !== 'object' || result === null || !('success' in result) || result.success !== false) return null;
  const error = (result as { error?: { code?: unknown; message?: unknown } }).error;
  return `${String(error?.code ?? 'ERROR')}: ${String(error?.message ?? '')}`;
};

async function invokeOnce(runtime: ForgeRuntime, start: StartMessage, mode: Extract<StartMessage['mode'], { kind: 'invoke' }>): Promise<void> {
  const global = readPageModules(path.join(start.appRoot, 'manifest.yml')).global;
  globalThis.gc?.();
  const baselineRss = process.memoryUsage().rss;
  const sampler = new MemorySampler();
  sampler.start();
  let result: unknown = null;
  let report: InvocationReport | undefined;
  try {
    result = await runtime.invoke({
      functionKey: mode.functionKey,
      payload: mode.payload,
      context: { moduleKey: global.key, accountId: mode.accountId, extension: { type: global.type } },
    });
    report = runtime.reports.at(-1);
  } catch (error) {
    if (!(error instanceof ForgeInvocationError)) throw error;
    report = error.report;
  }
  sampler.stop();
  if (!report) throw new Error('The runtime reported no invocation');
  await send({
    kind: 'invoked',
    report: { durationMs: report.durationMs, jiraRequests: report.jiraRequests, outcome: report.outcome, ...(report.error ? { error: report.error } : {}) },
    payloadBytes: report.outcome === 'ok' ? jsonBytes(result) : null,
    refused: refusalOf(result),
    memory: { baselineRss, maxRss: maxRssBytes(), sampledPeakRss: sampler.peakRss, sampledPeakHeapUsed: sampler.peakHeapUsed },
  });
}

async function main(start: StartMessage): Promise<void> {
  const runtime = await startForgeRuntime({
    appRoot: start.appRoot,
    jiraUrl: start.jiraUrl,
    app: start.app,
    users: new Map(start.users.map((u) => [u.accountId, u.credential])),
    kvsFile: start.kvsFile,
    ...(start.invocationTimeoutMs ? { invocationTimeoutMs: start.invocationTimeoutMs } : {}),
  });
  if (start.mode.kind === 'invoke') {
    await invokeOnce(runtime, start, start.mode);
    process.exit(0);
  }
  const host = await startPageHost({
    appRoot: start.appRoot,
    runtime,
    users: start.users.map((u) => ({ accountId: u.accountId, displayName: u.displayName, note: '' })),
    projects: start.projects,
  });
  await send({ kind: 'hostReady', hostUrl: host.url });
}

process.once('message', (message: unknown) => {
  main(startMessageSchema.parse(message)).catch(async (error: unknown) => {
    await sendToParent({ kind: 'failed', error: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(0));
