import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultStore, type FaultController, type FaultRule } from './faults';
import { createRequestListener } from './server';
import type { SiteData, SiteUser } from './siteData';
import { StatsCounter, type EmulatorStats } from './stats';
import type { IssueEventListener } from './writes/issueEvent';
import { IssueWriter, type CreatedIssue } from './writes/issueWriter';
import { JiraHttpError } from './http';

export type { FaultController, FaultRule } from './faults';
export type { EmulatorStats } from './stats';
export type { IssueEventListener, IssueEventPayload, IssueEventType, IssueEventChangeItem } from './writes/issueEvent';
export type { CreatedIssue } from './writes/issueWriter';
export { JiraHttpError } from './http';

export interface EmulatorOptions {
  site: SiteData;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Added to every /rest/ request, like the network distance to a real site. */
  latencyMs?: number;
  /** The site's clock for now(), relative dates and serverTime; the wall clock by default. */
  clock?: () => Date;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4321 */
  url: string;
  /** Live data: changes are seen by later requests. */
  site: SiteData;
  faults: FaultController;
  /**
   * Issue writes without HTTP, through the same code as the REST endpoints (permissions as the actor, changelog,
   * events). The actor defaults to the site's first Jira admin. Unlike REST edits, `update` may also set `status`
   * (`{ id }` or `{ name }`), which Jira does through transitions. Failures throw a JiraHttpError (status, body).
   */
  issues: {
    create(fields: Record<string, unknown>, actorAccountId?: string): CreatedIssue;
    update(issueIdOrKey: string, fields: Record<string, unknown>, actorAccountId?: string): void;
    delete(issueIdOrKey: string, actorAccountId?: string): void;
  };
  /**
   * Calls `listener` synchronously after every successful issue write (REST or programmatic) with a Forge-style
   * product event. Listeners must only hand the event on (e.g. schedule work): they run inside the write.
   */
  onIssueEvent(listener: IssueEventListener): () => void;
  /** Counts of /rest/ requests served. */
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

const PROGRAMMATIC = { allowStatus: true } as const;

/** The user a programmatic write acts as: the one named, else the site's first Jira admin. */
function actorOf(site: SiteData, accountId: string | undefined): SiteUser {
  const actor = accountId === undefined ? (site.users.find((u) => u.isJiraAdmin) ?? site.users[0]) : site.users.find((u) => u.accountId === accountId);
  if (!actor) throw new JiraHttpError(401, { errorMessages: [`No site user ${accountId ?? '(the site has no users)'} to act as.`], errors: {} });
  return actor;
}

/** Starts a Jira Cloud REST emulator serving `site` over HTTP. */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const faults = new FaultStore();
  const stats = new StatsCounter();
  let url = '';
  const clock = opts.clock ?? (() => new Date());
  const writer = new IssueWriter(opts.site, clock, () => url);
  const server = createServer(
    createRequestListener({
      site: opts.site,
      faults,
      stats,
      latencyMs: opts.latencyMs ?? 0,
      clock,
      base: () => url,
      issues: writer,
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    site: opts.site,
    faults: { add: (rule: FaultRule) => faults.add(rule), clear: () => faults.clear() },
    issues: {
      create: (fields, actorAccountId) => writer.create(actorOf(opts.site, actorAccountId), fields, PROGRAMMATIC),
      update: (issueIdOrKey, fields, actorAccountId) => void writer.update(actorOf(opts.site, actorAccountId), issueIdOrKey, fields, PROGRAMMATIC),
      delete: (issueIdOrKey, actorAccountId) => writer.delete(actorOf(opts.site, actorAccountId), issueIdOrKey, true),
    },
    onIssueEvent: (listener) => writer.onIssueEvent(listener),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
