import { randomUUID } from 'node:crypto';
import type { Activity } from './activity';
import { HeapSampler } from './heapSampler';
import { runInInvocation } from './invocationContext';
import type { KvsCharge } from './kvs';

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
  outcome: 'ok' | 'error' | 'timeout';
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
type Usage = Pick<InvocationReport, 'jiraRequests' | 'kvsRequests' | 'kvsReadUnits' | 'kvsWriteUnits'>;
const noUsage = (): Usage => ({ jiraRequests: 0, kvsRequests: 0, kvsReadUnits: 0, kvsWriteUnits: 0 });

/** Runs invocations as Forge does: each in its own context, stopped (from the caller's view) at its deadline. */
export class Invoker {
  readonly reports: InvocationReport[] = [];
  private readonly usage = new Map<string, Usage>();

  constructor(
    private readonly activity: Activity,
    private readonly log: ((report: InvocationReport) => void) | undefined,
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

  async run(spec: InvocationSpec): Promise<InvocationResult> {
    const end = this.activity.begin();
    const invocationId = randomUUID();
    const startedAt = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const sampler = new HeapSampler();
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
    const invocation = { invocationId, moduleKey: spec.moduleKey, accountId: spec.accountId, startedAt, deadline: startedAt + spec.timeoutMs };
    try {
      const result = await Promise.race([runInInvocation(invocation, spec.call), timeout]);
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
