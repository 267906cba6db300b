import path from 'node:path';

import { startEmulator, type RunningEmulator } from '../../../dev/emulator';
import type { SiteUser } from '../../../dev/emulator/siteData';
import { startForgeRuntime, type ForgeRuntime, type ForgeRuntimeOptions } from '../../../dev/runtime/runtime';
import { buildFixtureSite, generateUser, USERS } from '../emulator/fixtureSite';
import type { LogEntry } from '../fixtures/events-app/src';

/** The events app (test/dev/fixtures/events-app) on the local runtime, against the emulator's fixture site. */
export const EVENTS_APP = path.join(__dirname, '..', 'fixtures', 'events-app');

export const APP_USER = generateUser({ accountId: 'events-app', displayName: 'Events app', browseProjects: '*' });

export interface EventsApp {
  emulator: RunningEmulator;
  runtime: ForgeRuntime;
  /** What the app's functions recorded, in order. */
  log(fn?: string): LogEntry[];
  clearLog(): void;
  /** Calls one of the app's resolver definitions as a page would. */
  call<T>(definition: string, payload: unknown, accountId?: string): Promise<T>;
  close(): Promise<void>;
}

const credential = (u: SiteUser) => ({ email: u.emailAddress, apiToken: u.apiToken });
const logOf = (): LogEntry[] => ((globalThis as { __eventsAppLog?: LogEntry[] }).__eventsAppLog ??= []);

export async function startEventsApp(options: Partial<ForgeRuntimeOptions> = {}): Promise<EventsApp> {
  const site = buildFixtureSite();
  site.users.push(APP_USER);
  const emulator = await startEmulator({ site });
  const runtime = await startForgeRuntime({
    appRoot: EVENTS_APP,
    jiraUrl: emulator.url,
    app: credential(APP_USER),
    users: new Map(site.users.map((u) => [u.accountId, credential(u)])),
    kvsFile: null,
    ...options,
  });
  logOf().length = 0;
  return {
    emulator,
    runtime,
    log: (fn) => logOf().filter((e) => fn === undefined || e.fn === fn),
    clearLog: () => {
      logOf().length = 0;
    },
    call: async <T>(definition: string, payload: unknown, accountId: string = USERS.alice.accountId) =>
      (await runtime.invoke({ functionKey: definition, payload, context: { moduleKey: 'events-app-global', accountId, extension: { type: 'jira:globalPage' } } })) as T,
    close: async () => {
      await runtime.close();
      await emulator.close();
    },
  };
}
