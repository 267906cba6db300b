import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteData, SiteUser } from './emulator/siteData';
import { startEmulator, type RunningEmulator } from './emulator';
import { startForgeRuntime, type DeliveryMode, type ForgeRuntime, type InvocationReport } from './runtime/runtime';
import { installedEvent } from './runtime/productEvents';
import type { JiraCredential } from './runtime/productFetch';
import type { KvsQuotaLimits } from './runtime/kvs';
import type { LocalForgeSql } from './runtime/sql';
import { freshSqlInstallation } from './sql/processServer';
import { startPageHost, type RunningPageHost } from './host/server';
import type { HostProject, HostUser } from './host/hostUsers';

/** How long closing waits for invocations still running (a resolver a page started; events already due). */
const CLOSE_GRACE_MS = 5_000;

export interface PlatformOptions {
  site: SiteData;
  /** The accountId of the app's own Jira account in the site. */
  appAccountId: string;
  /** Users offered in the frame's switcher, first = default. */
  switcherAccountIds: string[];
  appRoot?: string;
  hostPort?: number;
  emulatorPort?: number;
  /** The local KVS file (default `.local/kvs.json` under appRoot), or null to keep the store in memory only. */
  kvsFile?: string | null;
  emulatorLatencyMs?: number;
  /** Per-request latency of the local KVS (default: the runtime's DEFAULT_KVS_LATENCY_MS). */
  kvsLatencyMs?: number;
  /** Raises Forge's per-installation KVS limits, which apply by default; say why where you do. */
  kvsQuota?: Partial<KvsQuotaLimits>;
  /** The local KVS's clock (TTLs and quota windows), for tests that pass a quota's minute. */
  kvsClock?: () => number;
  /** How long a UI resolver invocation may run before the runtime stops it as Forge would (default: Forge's 25 s). */
  invocationTimeoutMs?: number;
  /** Overrides the limit of consumer and scheduled trigger functions (default: their timeoutSeconds, else 55 s). */
  asyncTimeoutMs?: number;
  /** Async event delivery: 'auto' (default) on their own after their (capped) delay, 'manual' only on runtime.events.drain(). */
  events?: DeliveryMode;
  /** Caps async event delays in 'auto' mode (default 1000 ms). */
  maxEventDelayMs?: number;
  /** Run scheduledTrigger modules on their interval (default false). */
  scheduledTriggers?: boolean;
  logInvocations?: (report: InvocationReport) => void;
  /**
   * The installation's Forge SQL database. Default: a new database on this process's MariaDB server, closed with
   * the platform; null runs the app as if the manifest declared no sql module.
   */
  sql?: LocalForgeSql | null;
}

export interface LocalPlatform {
  emulator: RunningEmulator;
  runtime: ForgeRuntime;
  host: RunningPageHost;
  /** Sends the app its `avi:forge:installed:app` lifecycle event; resolves when the subscribed triggers finish. */
  install(): Promise<void>;
  close(): Promise<void>;
}

const credentialOf = (user: SiteUser): JiraCredential => ({ email: user.emailAddress, apiToken: user.apiToken });

/** A short note for the user switcher: what this person may see. */
function noteFor(user: SiteUser, allProjectKeys: readonly string[]): string {
  if (user.isJiraAdmin) return 'Jira admin';
  const browse = user.browseProjects;
  const reads = browse === '*' ? 'browses every project' : allProjectKeys.filter((k) => !browse.includes(k)).length <= browse.length ? `no access to ${allProjectKeys.filter((k) => !browse.includes(k)).join(', ')}` : `browses ${browse.join(', ')}`;
  const work = user.workProjects;
  // Who may change issues where matters once the app edits Jira: say it when it is not everywhere they browse.
  return work === undefined || work === '*' || (browse !== '*' && browse.every((k) => work.includes(k))) ? reads : `${reads}; edits ${work.length ? work.join(', ') : 'nothing'}`;
}

/** Starts the Jira emulator, the Forge runtime running the real handler, and the page host, wired together. */
export async function startLocalPlatform(options: PlatformOptions): Promise<LocalPlatform> {
  const appRoot = options.appRoot ?? path.resolve(__dirname, '..');
  const kvsFile = options.kvsFile === undefined ? path.join(appRoot, '.local', 'kvs.json') : options.kvsFile;
  if (kvsFile !== null) mkdirSync(path.dirname(kvsFile), { recursive: true });
  const { site } = options;
  const app = site.users.find((u) => u.accountId === options.appAccountId);
  if (!app) throw new Error(`The site has no app account ${options.appAccountId}`);

  const ownSql = options.sql === undefined;
  const sql = ownSql ? await freshSqlInstallation() : options.sql ?? null;
  const emulator = await startEmulator({ site, port: options.emulatorPort ?? 0, ...(options.emulatorLatencyMs ? { latencyMs: options.emulatorLatencyMs } : {}) });
  const runtime = await startForgeRuntime({
    appRoot,
    jiraUrl: emulator.url,
    app: credentialOf(app),
    users: new Map(site.users.map((u) => [u.accountId, credentialOf(u)])),
    kvsFile,
    deliverEvents: options.events ?? 'auto',
    sql,
    // Every platform in a process is its own installation, with its own database and schema.
    ...(sql ? { installationId: sql.database } : {}),
    ...(options.kvsLatencyMs !== undefined ? { kvsLatencyMs: options.kvsLatencyMs } : {}),
    ...(options.kvsQuota ? { kvsQuota: options.kvsQuota } : {}),
    ...(options.kvsClock ? { kvsClock: options.kvsClock } : {}),
    runScheduledTriggers: options.scheduledTriggers ?? false,
    ...(options.invocationTimeoutMs !== undefined ? { invocationTimeoutMs: options.invocationTimeoutMs } : {}),
    ...(options.asyncTimeoutMs !== undefined ? { asyncTimeoutMs: options.asyncTimeoutMs } : {}),
    ...(options.maxEventDelayMs !== undefined ? { maxEventDelayMs: options.maxEventDelayMs } : {}),
    ...(options.logInvocations ? { log: options.logInvocations } : {}),
  });
  // Jira delivers issue events to the app's triggers after the write, never inside the request that made it.
  const stopIssueEvents = emulator.onIssueEvent((event) => {
    runtime.dispatchProductEvent(event).catch((error: unknown) => console.error('Local platform: dispatching an issue event failed', error));
  });
  const projectKeys = site.projects.map((p) => p.key);
  const users: HostUser[] = options.switcherAccountIds
    .map((id) => site.users.find((u) => u.accountId === id))
    .filter((u): u is SiteUser => u !== undefined)
    .map((u) => ({ accountId: u.accountId, displayName: u.displayName, note: noteFor(u, projectKeys) }));
  const projects: HostProject[] = site.projects.map(({ id, key, name }) => ({ id, key, name }));
  const host = await startPageHost({ appRoot, runtime, users, projects, port: options.hostPort ?? 0 });
  return {
    emulator,
    runtime,
    host,
    install: async () => {
      await runtime.dispatchProductEvent(installedEvent(options.switcherAccountIds[0]));
    },
    close: async () => {
      stopIssueEvents();
      await host.close();
      // What a page asked before the host closed still runs: let it finish against a live Jira, not fail (and log) later.
      await Promise.race([runtime.idle(), new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
      await emulator.close();
      await runtime.close();
      if (ownSql) await sql?.close();
    },
  };
}
