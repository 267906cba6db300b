import { randomUUID } from 'node:crypto';
import type { Activity } from './activity';
import { HeapSampler } from './heapSampler';
import { runInInvocation } from './invocationContext';

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

/** Runs invocations as Forge does: each in its own context, stopped (from the caller's view) at its deadline. */
export class Invoker {
  readonly reports: InvocationReport[] = [];
  private readonly jiraCounts = new Map<string, number>();

  constructor(
    private readonly activity: Activity,
    private readonly log: ((report: InvocationReport) => void) | undefined,
  ) {}

  /** Counted only while the invocation runs: a timed-out handler that keeps going is no longer reported on. */
  countJiraRequest(invocationId: string): void {
    const count = this.jiraCounts.get(invocationId);
    if (count !== undefined) this.jiraCounts.set(invocationId, count + 1);
  }

  async run(spec: InvocationSpec): Promise<InvocationResult> {
    const end = this.activity.begin();
    const invocationId = randomUUID();
    const startedAt = Date.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const sampler = new HeapSampler();
    this.jiraCounts.set(invocationId, 0);
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
        jiraRequests: this.jiraCounts.get(invocationId) ?? 0,
        outcome,
        ...(error === undefined ? {} : { error }),
      };
      this.jiraCounts.delete(invocationId);
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
