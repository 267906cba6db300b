import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { installForgeRuntimeGlobal } from './forgeRuntimeGlobal';
import { currentInvocation, runInInvocation } from './invocationContext';
import { loadHandler, type ForgeFunctionHandler } from './loadHandler';
import { createProductFetch, type JiraCredential, type ProductTarget } from './productFetch';
import { LocalKvsStore, kvsFetch } from './kvs';

/** Forge stops a UI resolver invocation after 25 s. */
export const UI_RESOLVER_TIMEOUT_MS = 25_000;

export interface ForgeRuntimeOptions {
  appRoot: string;
  jiraUrl: string;
  app: JiraCredential;
  users: ReadonlyMap<string, JiraCredential>;
  kvsFile: string;
  invocationTimeoutMs?: number;
  /** Function key of the resolver in manifest.yml. */
  functionKey?: string;
  log?: (report: InvocationReport) => void;
}

export interface InvocationRequest {
  functionKey: string;
  payload: unknown;
  context: { moduleKey: string; accountId: string | undefined; extension: Record<string, unknown>; localId?: string };
}

export interface InvocationReport {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  accountId: string | undefined;
  durationMs: number;
  heapUsedDeltaBytes: number;
  jiraRequests: number;
  outcome: 'ok' | 'error' | 'timeout';
  error?: string;
}

/** The invocation failed the way it would have failed on Forge. */
export class ForgeInvocationError extends Error {
  constructor(message: string, readonly report: InvocationReport) {
    super(message);
    this.name = 'ForgeInvocationError';
  }
}

export interface ForgeRuntime {
  invoke(request: InvocationRequest): Promise<unknown>;
  reports: InvocationReport[];
  kvs: LocalKvsStore;
}

/**
 * Runs the app's real handler as Forge does: the real @forge/api and @forge/kvs send their requests
 * through `global.__forge_fetch__`, which this routes to the Jira emulator and a local store on disk.
 */
export async function startForgeRuntime(options: ForgeRuntimeOptions): Promise<ForgeRuntime> {
  const kvs = new LocalKvsStore({ file: options.kvsFile });
  const toKvs = kvsFetch(kvs);
  const requestCounts = new Map<string, number>();
  const toJira = createProductFetch(options);
  installForgeRuntimeGlobal();
  Object.assign(globalThis, {
    __forge_fetch__: async (target: ProductTarget, url: string, init?: RequestInit) => {
      if (target.type === 'kvs') return toKvs(url, init);
      const invocationId = currentInvocation()?.invocationId ?? 'none';
      requestCounts.set(invocationId, (requestCounts.get(invocationId) ?? 0) + 1);
      return toJira(target, url, init);
    },
  });
  const functionKey = options.functionKey ?? 'resolver';
  const handler: ForgeFunctionHandler = await loadHandler(path.join(options.appRoot, 'manifest.yml'), functionKey, path.join(options.appRoot, '.build', 'runtime'));
  const timeoutMs = options.invocationTimeoutMs ?? UI_RESOLVER_TIMEOUT_MS;
  const reports: InvocationReport[] = [];

  async function invoke(request: InvocationRequest): Promise<unknown> {
    const invocationId = randomUUID();
    const startedAt = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const report = (outcome: InvocationReport['outcome'], error?: string): InvocationReport => {
      const r: InvocationReport = {
        invocationId, functionKey: request.functionKey, moduleKey: request.context.moduleKey, accountId: request.context.accountId,
        durationMs: Date.now() - startedAt, heapUsedDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
        jiraRequests: requestCounts.get(invocationId) ?? 0, outcome, ...(error ? { error } : {}),
      };
      requestCounts.delete(invocationId);
      reports.push(r);
      if (reports.length > 1000) reports.shift();
      options.log?.(r);
      return r;
    };
    const event = {
      call: { functionKey: request.functionKey, payload: request.payload },
      context: { ...request.context, cloudId: 'local-cloud', environmentType: 'DEVELOPMENT', localId: request.context.localId ?? `${request.context.moduleKey}-local` },
    };
    const backendRuntimePayload = { principal: request.context.accountId ? { accountId: request.context.accountId } : undefined, installContext: 'ari:cloud:jira::site/local-cloud' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    try {
      const result = await Promise.race([
        runInInvocation({ invocationId, moduleKey: request.context.moduleKey, accountId: request.context.accountId, startedAt, deadline: startedAt + timeoutMs }, () => handler(event, backendRuntimePayload)),
        timeout,
      ]);
      report('ok');
      return result;
    } catch (error) {
      if (error instanceof Error && error.message === 'timeout') {
        const r = report('timeout', `Forge would have stopped this invocation after ${timeoutMs / 1000} s`);
        throw new ForgeInvocationError(r.error ?? 'timeout', r);
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new ForgeInvocationError(message, report('error', message));
    } finally {
      clearTimeout(timer);
    }
  }
  return { invoke, reports, kvs };
}
