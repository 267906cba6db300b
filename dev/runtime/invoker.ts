import { randomUUID } from 'node:crypto';
import type { Activity } from './activity';
import { HeapSampler } from './heapSampler';
import { runInInvocation } from './invocationContext';
import type { KvsCharge } from './kvs';
import type { SqlCharge } from './sql';

/** What started an invocation: a page's resolver call, a product or lifecycle event, a schedule, a queued event. */
export type InvocationKind = 'resolver' | 'trigger' | 'scheduled' | 'consumer';

export interface InvocationReport {
  invocationId: string;
  kind: InvocationKind;
  functionKey: string;
  moduleKey: string;
  accountId: string | undefined;
  durationMs: number;
  /** Heap used at the end minus at the start. */
  heapUsedDeltaBytes: number;
  /** Peak heap used above the start, sampled every ~25 ms; approximate, the runtime shares one process (see heapSampler.ts). */
  peakHeapUsedBytes: number;
  /** Calls to Jira (asUser or asApp) the invocation made. */
  jiraRequests: number;
  /** Requests to Forge's KVS the invocation sent, refused ones included. */
  kvsRequests: number;
  /** KVS read and write units charged to the installation's per-minute quota (10 KB each, rounded up; see kvs/quota.ts). */
  kvsReadUnits: number;
  kvsWriteUnits: number;
  /** Requests to Forge SQL the invocation sent, refused ones included, and the query time they took. */
  sqlRequests: number;
  sqlQueryMs: number;
  /** Bytes of Forge SQL answers the invocation read (what a page load costs in transfer and memory). */
  sqlResponseBytes: number;
  outcome: 'ok' | 'error' | 'timeout' | 'outOfMemory';
  error?: string;
}

export interface InvocationSpec {
  kind: InvocationKind;
  functionKey: string;
  moduleKey: string;
  accountId: string | undefined;
  timeoutMs: number;
  call: () => Promise<unknown>;
}

export type InvocationResult = { report: InvocationReport; ok: true; result: unknown } | { report: InvocationReport; ok: false };

const REPORTS_KEPT = 1000;

/** What an invocation has used so far. */
type Usage = Pick<InvocationReport, 'jiraRequests' | 'kvsRequests' | 'kvsReadUnits' | 'kvsWriteUnits' | 'sqlRequests' | 'sqlQueryMs' | 'sqlResponseBytes'>;
const noUsage = (): Usage => ({ jiraRequests: 0, kvsRequests: 0, kvsReadUnits: 0, kvsWriteUnits: 0, sqlRequests: 0, sqlQueryMs: 0, sqlResponseBytes: 0 });

/** Where the runtime stands for one installation: its id, and the memory the manifest gives each function. */
export interface InstallationLimits {
  installationId: string;
  memoryMB: number;
}

/** Runs invocations as Forge does: each in its own context, stopped (from the caller's view) at its deadline. */
export class Invoker {
  readonly reports: InvocationReport[] = [];
  private readonly usage = new Map<string, Usage>();

  constructor(
    private readonly activity: Activity,
    private readonly log: ((report: InvocationReport) => void) | undefined,
    private readonly installation: InstallationLimits = { installationId: 'local-installation', memoryMB: 512 },
  ) {}

  /** Counted only while the invocation runs: a timed-out handler that keeps going is no longer reported on. */
  countJiraRequest(invocationId: string): void {
    const usage = this.usage.get(invocationId);
    if (usage) usage.jiraRequests += 1;
  }

  /** A KVS request and what it cost; counted like Jira requests. */
  countKvsRequest(invocationId: string, charge: KvsCharge): void {
    const usage = this.usage.get(invocationId);
    if (!usage) return;
    usage.kvsRequests += 1;
    usage.kvsReadUnits += charge.readUnits;
    usage.kvsWriteUnits += charge.writeUnits;
  }

  /** A Forge SQL request and the query time it took; counted like Jira requests. */
  countSqlRequest(invocationId: string, charge: SqlCharge): void {
    const usage = this.usage.get(invocationId);
    if (!usage) return;
    usage.sqlRequests += 1;
    usage.sqlQueryMs += charge.queryMs;
    usage.sqlResponseBytes += charge.responseBytes;
  }

  async run(spec: InvocationSpec): Promise<InvocationResult> {
    const end = this.activity.begin();
    const invocationId = randomUUID();
    const startedAt = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const overMemory = Symbol('outOfMemory');
    let peakOver = 0;
    let stopForMemory: (value: typeof overMemory) => void = () => undefined;
    const memory = new Promise<typeof overMemory>((resolve) => (stopForMemory = resolve));
    // Forge stops a function that passes the manifest's memoryMB; the shared local heap makes this approximate.
    const sampler = new HeapSampler(this.installation.memoryMB * 1024 * 1024, (peak) => {
      peakOver = peak;
      stopForMemory(overMemory);
    });
    this.usage.set(invocationId, noUsage());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = Symbol('timeout');
    const timeout = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), spec.timeoutMs);
    });
    const finish = (outcome: InvocationReport['outcome'], error?: string): InvocationReport => {
      const report: InvocationReport = {
        invocationId,
        kind: spec.kind,
        functionKey: spec.functionKey,
        moduleKey: spec.moduleKey,
        accountId: spec.accountId,
        durationMs: Date.now() - startedAt,
        heapUsedDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
        peakHeapUsedBytes: sampler.stop(),
        ...(this.usage.get(invocationId) ?? noUsage()),
        outcome,
        ...(error === undefined ? {} : { error }),
      };
      this.usage.delete(invocationId);
      this.reports.push(report);
      if (this.reports.length > REPORTS_KEPT) this.reports.shift();
      this.log?.(report);
      return report;
    };
    const invocation = { invocationId, installationId: this.installation.installationId, moduleKey: spec.moduleKey, accountId: spec.accountId, startedAt, deadline: startedAt + spec.timeoutMs };
    try {
      const result = await Promise.race([runInInvocation(invocation, spec.call), timeout, memory]);
      if (result === overMemory) return { ok: false, report: finish('outOfMemory', `Forge would have stopped this invocation: it used about ${Math.round(peakOver / 1024 / 1024)} MB, more than the manifest's memoryMB of ${this.installation.memoryMB}`) };
      if (result === timedOut) return { ok: false, report: finish('timeout', `Forge would have stopped this invocation after ${spec.timeoutMs / 1000} s`) };
      return { ok: true, result, report: finish('ok') };
    } catch (error) {
      return { ok: false, report: finish('error', error instanceof Error ? error.message : String(error)) };
    } finally {
      clearTimeout(timer);
      end();
    }
  }
}
