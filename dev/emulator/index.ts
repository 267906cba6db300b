import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FaultStore, type FaultController, type FaultRule } from './faults';
import { createRequestListener } from './server';
import type { SiteData } from './siteData';
import { StatsCounter, type EmulatorStats } from './stats';

export type { FaultController, FaultRule } from './faults';
export type { EmulatorStats } from './stats';

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
  /** Counts of /rest/ requests served. */
  stats(): EmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

/** Starts a Jira Cloud REST emulator serving `site` over HTTP. */
export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const host = opts.host ?? '127.0.0.1';
  const faults = new FaultStore();
  const stats = new StatsCounter();
  let url = '';
  const server = createServer(
    createRequestListener({
      site: opts.site,
      faults,
      stats,
      latencyMs: opts.latencyMs ?? 0,
      clock: opts.clock ?? (() => new Date()),
      base: () => url,
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
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
