/**
 * The background consumers at a large size, without the bench's latency: installs the app on a demo site through the
 * local platform (emulator without latency, the runtime with Forge's memoryMB, local Forge SQL), lets the install,
 * build, history, page figures and report figures run, and prints each invocation's time, SQL requests and peak heap;
 * then the admin's cold page loads. For memory work on the consumers: the full bench takes ~15 minutes to get there.
 *   npx tsx bench/consumersQuick.ts            QUICK_SCALE=210 (≈ 300k issues)
 */
import { DEMO_USERS, generateDemoSite } from '../dev/demo/generate';
import { startLocalPlatform } from '../dev/platform';
import { freshSqlInstallation } from '../dev/sql/processServer';
import type { InvocationReport } from '../dev/runtime/invoker';
import { TEST_ANCHOR } from '../test/support/platform';
import { fmtBytes, fmtMs } from './measure';
import { PAGE_CALLS } from './scenarios/snapshot';

const SCALE = Number(process.env.QUICK_SCALE ?? 210);
/** Gives up waiting for the consumers after this. */
const WAIT_MS = Number(process.env.QUICK_WAIT_MS ?? 30 * 60_000);
const QUIET_MS = 20_000;

const log = (line: string) => process.stderr.write(`[consumers] ${line}\n`);
const line = (r: InvocationReport) =>
  `${r.kind} ${r.moduleKey} ${r.outcome} in ${fmtMs(r.durationMs)}: ${r.jiraRequests} Jira requests, ${r.sqlRequests} SQL requests reading ${fmtBytes(r.sqlResponseBytes)}, peak heap ${fmtBytes(r.peakHeapUsedBytes)}${r.error ? ` (${r.error.slice(0, 200)})` : ''}`;

async function main(): Promise<void> {
  const site = generateDemoSite({ seed: 42, anchorDate: TEST_ANCHOR, scale: SCALE });
  log(`${site.issues.length} issues (scale ${SCALE})`);
  const platform = await startLocalPlatform({
    site,
    appAccountId: DEMO_USERS.app,
    switcherAccountIds: [DEMO_USERS.admin],
    kvsFile: null,
    maxEventDelayMs: 0,
    // As the bench does: Forge SQL's per-install storage is raised to 1 GiB so that 300k issues fit (see BENCHMARKS.md).
    sql: await freshSqlInstallation({ storedBytes: 1024 * 1024 * 1024 }),
    logInvocations: (report) => {
      if (report.kind !== 'resolver') log(line(report));
    },
  });
  try {
    const started = performance.now();
    await platform.install();
    // Done once the changelogs were read and nothing else ran for QUIET_MS (the page and report figures follow them).
    let seen = 0;
    let quietSince = performance.now();
    const historyRead = () => platform.runtime.reports.some((r) => r.moduleKey === 'history-worker');
    while (performance.now() - started < WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (platform.runtime.reports.length !== seen) {
        seen = platform.runtime.reports.length;
        quietSince = performance.now();
      } else if (historyRead() && performance.now() - quietSince > QUIET_MS) break;
    }
    log(`background done in ${fmtMs(performance.now() - started)}`);
    for (const { name, call } of PAGE_CALLS) {
      const before = platform.runtime.reports.length;
      await platform.runtime.invoke({ functionKey: call.functionKey, payload: call.payload, context: { moduleKey: 'transformation-office-global', extension: { type: 'jira:globalPage' }, accountId: call.accountId } });
      for (const r of platform.runtime.reports.slice(before).filter((r) => r.kind === 'resolver')) log(`${name}: ${line(r)}`);
    }
  } finally {
    await platform.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
