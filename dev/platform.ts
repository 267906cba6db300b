import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SiteData, SiteUser } from './emulator/siteData';
import { startEmulator, type RunningEmulator } from './emulator';
import { startForgeRuntime, type ForgeRuntime, type InvocationReport } from './runtime/runtime';
import type { JiraCredential } from './runtime/productFetch';
import { startPageHost, type RunningPageHost } from './host/server';
import type { HostProject, HostUser } from './host/hostUsers';

export interface PlatformOptions {
  site: SiteData;
  /** The accountId of the app's own Jira account in the site. */
  appAccountId: string;
  /** Users offered in the frame's switcher, first = default. */
  switcherAccountIds: string[];
  appRoot?: string;
  hostPort?: number;
  emulatorPort?: number;
  kvsFile?: string;
  emulatorLatencyMs?: number;
  /** How long an invocation may run before the runtime stops it as Forge would (default: Forge's 25 s). */
  invocationTimeoutMs?: number;
  logInvocations?: (report: InvocationReport) => void;
}

export interface LocalPlatform {
  emulator: RunningEmulator;
  runtime: ForgeRuntime;
  host: RunningPageHost;
  close(): Promise<void>;
}

const credentialOf = (user: SiteUser): JiraCredential => ({ email: user.emailAddress, apiToken: user.apiToken });

/** A short note for the user switcher: what this person may see. */
function noteFor(user: SiteUser, allProjectKeys: readonly string[]): string {
  if (user.isJiraAdmin) return 'Jira admin';
  if (user.browseProjects === '*') return 'browses every project';
  const hidden = allProjectKeys.filter((k) => !user.browseProjects.includes(k));
  return hidden.length <= user.browseProjects.length ? `no access to ${hidden.join(', ')}` : `browses ${user.browseProjects.join(', ')}`;
}

/** Starts the Jira emulator, the Forge runtime running the real handler, and the page host, wired together. */
export async function startLocalPlatform(options: PlatformOptions): Promise<LocalPlatform> {
  const appRoot = options.appRoot ?? path.resolve(__dirname, '..');
  const kvsFile = options.kvsFile ?? path.join(appRoot, '.local', 'kvs.json');
  mkdirSync(path.dirname(kvsFile), { recursive: true });
  const { site } = options;
  const app = site.users.find((u) => u.accountId === options.appAccountId);
  if (!app) throw new Error(`The site has no app account ${options.appAccountId}`);

  const emulator = await startEmulator({ site, port: options.emulatorPort ?? 0, ...(options.emulatorLatencyMs ? { latencyMs: options.emulatorLatencyMs } : {}) });
  const runtime = await startForgeRuntime({
    appRoot,
    jiraUrl: emulator.url,
    app: credentialOf(app),
    users: new Map(site.users.map((u) => [u.accountId, credentialOf(u)])),
    kvsFile,
    ...(options.invocationTimeoutMs !== undefined ? { invocationTimeoutMs: options.invocationTimeoutMs } : {}),
    ...(options.logInvocations ? { log: options.logInvocations } : {}),
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
    close: async () => {
      await host.close();
      await emulator.close();
    },
  };
}
