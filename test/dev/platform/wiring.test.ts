import { startLocalPlatform, type LocalPlatform } from '../../../dev/platform';
import { basicAuth } from '../emulator/emulatorClient';
import { buildFixtureSite, USERS } from '../emulator/fixtureSite';
import { APP_USER, EVENTS_APP } from '../runtime/eventsApp';
import type { LogEntry } from '../fixtures/events-app/src';

const logOf = (fn: string): LogEntry[] => ((globalThis as { __eventsAppLog?: LogEntry[] }).__eventsAppLog ?? []).filter((e) => e.fn === fn);

describe('local platform: Jira issue events reach the app’s triggers, and the app can be installed', () => {
  let platform: LocalPlatform;
  beforeAll(async () => {
    const site = buildFixtureSite();
    site.users.push(APP_USER);
    platform = await startLocalPlatform({
      site,
      appRoot: EVENTS_APP,
      appAccountId: APP_USER.accountId,
      switcherAccountIds: [USERS.alice.accountId, USERS.bob.accountId],
      kvsFile: null,
      events: 'auto',
      maxEventDelayMs: 50,
    });
  });
  afterAll(() => platform.close());

  it('a programmatic write dispatches its event after the write returns, never inside it', async () => {
    const before = platform.runtime.reports.length;
    platform.emulator.issues.update('ALPHA-3', { summary: 'Renumber invoices' }, USERS.carol.accountId);
    expect(platform.runtime.reports.length).toBe(before);
    await platform.runtime.idle();
    const kinds = platform.runtime.reports.slice(before).map((r) => `${r.kind} ${r.functionKey}`);
    expect(kinds.sort()).toEqual(['consumer consume', 'trigger on-issue']);
    expect(logOf('onIssue').at(-1)?.event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: 'carol',
      issue: { key: 'ALPHA-3', fields: { summary: 'Renumber invoices' } },
      changelog: { items: [expect.objectContaining({ field: 'summary', toString: 'Renumber invoices' })] },
    });
  });

  it('a REST write does the same; a delete, to which no trigger subscribes, runs nothing', async () => {
    const res = await fetch(`${platform.emulator.url}/rest/api/3/issue`, {
      method: 'POST',
      headers: { authorization: basicAuth(USERS.bob.emailAddress, USERS.bob.apiToken), 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'Created over REST' } }),
    });
    expect(res.status).toBe(201);
    const { key } = (await res.json()) as { key: string };
    await platform.runtime.idle();
    // Atlassian's documented issue-event payload: who acted, and the issue's creator, reporter and assignee.
    expect(logOf('onIssue').at(-1)?.event).toMatchObject({
      eventType: 'avi:jira:created:issue',
      atlassianId: 'bob',
      associatedUsers: [{ accountId: 'bob' }],
      issue: { key, fields: { creator: { accountId: expect.any(String) }, reporter: expect.anything(), assignee: null, issuetype: { name: 'Task' }, project: { key: 'ALPHA' } } },
    });

    const before = platform.runtime.reports.length;
    platform.emulator.issues.delete(key);
    await platform.runtime.idle();
    expect(platform.runtime.reports.length).toBe(before);
  });

  it('install() sends avi:forge:installed:app with the first switcher user as installer', async () => {
    await platform.install();
    expect(logOf('onInstalled').at(-1)?.event).toEqual(expect.objectContaining({ id: expect.any(String), installerAccountId: 'alice', app: expect.objectContaining({ id: expect.any(String) }) }));
    expect(logOf('onInstalled').at(-1)?.event).not.toHaveProperty('eventType');
    expect(platform.runtime.reports.at(-1)).toMatchObject({ kind: 'trigger', moduleKey: 'installed-trigger', outcome: 'ok' });
  });
});
