/** One portfolio size: the demo site at a scale, served by two emulators on 127.0.0.1 (one with latency, one without). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, generateDemoSite } from '../../dev/demo/generate';
import { startEmulator, type RunningEmulator } from '../../dev/emulator';
import type { SiteData } from '../../dev/emulator/siteData';
import { processMariadb } from '../../dev/sql/processServer';
import { forkChild, type Child } from './child';
import { childMessageSchema, type ChildMessage, type StartMessage } from './resolverProtocol';

export const APP_ROOT = path.resolve(__dirname, '..', '..');
/** Each portfolio's app storage (the snapshot its cold build writes) is a file in one scratch folder, removed by `removeScratch`. */
let kvsDir: string | undefined;
const kvsFileFor = (label: string) => path.join((kvsDir ??= mkdtempSync(path.join(tmpdir(), 'to-bench-kvs-'))), `kvs-${label}.json`);

export function removeScratch(): void {
  if (kvsDir) rmSync(kvsDir, { recursive: true, force: true });
  kvsDir = undefined;
}
/** Fixed so that every run reads the same portfolio. */
export const SEED = 42;
export const ANCHOR_DATE = '2026-06-01';

export interface PortfolioSpec {
  label: string;
  /** The demo generator's scale: 0.6 ≈ 1k issues, 7 ≈ 10k, 70 ≈ 100k. */
  scale: number;
}

export interface Portfolio {
  spec: PortfolioSpec;
  site: SiteData;
  issueCount: number;
  generateMs: number;
  /** What the resolver talks to: every /rest/ request waits `latencyMs`. */
  emulator: RunningEmulator;
  /** The same site without latency, to record the app's read for the parse/build figures. */
  floorEmulator: RunningEmulator;
  /**
   * The app's storage for this portfolio: empty until the cold build writes the snapshot into it; every later
   * resolver process (page loads, page host, incremental update) reads and writes the same file, one at a time.
   */
  kvsFile: string;
  /** Its Forge SQL database on the bench's MariaDB server. */
  sql: { socketPath: string; database: string };
  close(): Promise<void>;
}

export async function openPortfolio(spec: PortfolioSpec, latencyMs: number): Promise<Portfolio> {
  const started = performance.now();
  const site = generateDemoSite({ seed: SEED, anchorDate: ANCHOR_DATE, scale: spec.scale });
  const generateMs = performance.now() - started;
  const emulator = await startEmulator({ site, latencyMs });
  const floorEmulator = await startEmulator({ site });
  const server = await processMariadb();
  return {
    spec,
    site,
    issueCount: site.issues.length,
    generateMs,
    emulator,
    floorEmulator,
    kvsFile: kvsFileFor(spec.label),
    sql: { socketPath: server.socketPath, database: `bench_${spec.label.toLowerCase().replace(/[^a-z0-9]/g, '_')}` },
    close: async () => {
      await emulator.close();
      await floorEmulator.close();
    },
  };
}

export const adminOf = (site: SiteData) => {
  const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
  if (!admin) throw new Error('The demo site has no admin');
  return admin;
};

/** What a resolver process needs to run the app against this portfolio's emulator and storage. */
export function startMessage(portfolio: Portfolio, mode: StartMessage['mode']): StartMessage {
  const { site } = portfolio;
  const app = site.users.find((u) => u.accountId === DEMO_USERS.app);
  if (!app) throw new Error('The demo site has no app account');
  const admin = adminOf(site);
  const credentialOf = (u: typeof admin) => ({ email: u.emailAddress, apiToken: u.apiToken });
  return {
    appRoot: APP_ROOT,
    jiraUrl: portfolio.emulator.url,
    kvsFile: portfolio.kvsFile,
    sql: portfolio.sql,
    app: credentialOf(app),
    // The admin first: the page host's default user.
    users: [admin, ...site.users.filter((u) => u !== admin)].map((u) => ({ accountId: u.accountId, displayName: u.displayName, credential: credentialOf(u) })),
    projects: site.projects.map(({ id, key, name }) => ({ id, key, name })),
    mode,
  };
}

/** A resolver process (resolverProcess.ts) started with `start`. */
export const forkResolver = (start: StartMessage): Child<ChildMessage> => forkChild(path.join(__dirname, 'resolverProcess.ts'), start, childMessageSchema);
