import { installedEvent, upgradedEvent } from '../../../dev/runtime/productEvents';
import { ForgeInvocationError } from '../../../dev/runtime/runtime';
import { USERS } from '../emulator/fixtureSite';
import { startEventsApp, type EventsApp } from './eventsApp';

const INSTALL_CONTEXT = 'ari:cloud:jira::site/local-cloud';

describe('local Forge runtime: product triggers, lifecycle events, scheduled triggers, resolvers', () => {
  let app: EventsApp;
  beforeAll(async () => {
    app = await startEventsApp({ deliverEvents: 'manual' });
  });
  afterAll(() => app.close());
  beforeEach(() => app.clearLog());

  const issueEvent = (eventType: string) => ({
    eventType,
    atlassianId: USERS.alice.accountId,
    issue: { id: '10101', key: 'ALPHA-2', fields: { summary: 'Export invoices from the legacy system' } },
  });

  it('runs the trigger subscribed to the event type, on a later tick, with Forge’s (event, context) and no user', async () => {
    const reportsBefore = app.runtime.reports.length;
    const dispatched = app.runtime.dispatchProductEvent(issueEvent('avi:jira:updated:issue'));
    expect(app.log()).toEqual([]);
    const reports = await dispatched;

    expect(reports).toEqual([
      expect.objectContaining({ kind: 'trigger', functionKey: 'on-issue', moduleKey: 'issue-trigger', accountId: undefined, outcome: 'ok', jiraRequests: 1 }),
    ]);
    expect(app.runtime.reports.slice(reportsBefore)).toEqual(reports);
    const [seen] = app.log('onIssue');
    expect(seen?.event).toEqual(issueEvent('avi:jira:updated:issue'));
    expect(seen?.context).toEqual({ installContext: INSTALL_CONTEXT });
    // asUser() has no user to act as, as on Forge; asApp() worked (the one Jira request counted).
    expect(seen?.asUser).toBe('NeedsAuthenticationError: Authentication Required');
    // A product trigger gets 25 s, and getRemainingTimeInMillis counts down from its own start.
    expect(seen?.remainingMs).toBeLessThanOrEqual(25_000);
    expect(seen?.remainingMs).toBeGreaterThan(20_000);
    expect(reports[0]?.peakHeapUsedBytes).toBeGreaterThanOrEqual(0);
    // The trigger pushed to the work queue; manual delivery waits for drain().
    expect(app.runtime.events.pending()).toBe(1);
    await app.runtime.events.drain();
  });

  it('runs nothing for an event no trigger subscribes to', async () => {
    const before = app.runtime.reports.length;
    expect(await app.runtime.dispatchProductEvent(issueEvent('avi:jira:deleted:issue'))).toEqual([]);
    expect(app.runtime.reports.length).toBe(before);
    expect(app.log()).toEqual([]);
  });

  it('delivers avi:forge:installed:app in its documented shape: no eventType, the installer, the app, environment and site', async () => {
    const [report] = await app.runtime.dispatchProductEvent(installedEvent(USERS.alice.accountId));
    expect(report).toMatchObject({ kind: 'trigger', functionKey: 'on-installed', moduleKey: 'installed-trigger', outcome: 'ok' });
    expect(app.log('onInstalled')[0]?.event).toEqual({
      id: 'local-installation',
      installerAccountId: 'alice',
      app: { id: expect.any(String), version: 'local' },
      environment: { id: 'local' },
      context: INSTALL_CONTEXT,
    });
  });

  it('delivers avi:forge:upgraded:app with upgraderAccountId to the trigger subscribed to it', async () => {
    const [report] = await app.runtime.dispatchProductEvent(upgradedEvent(USERS.alice.accountId));
    expect(report).toMatchObject({ kind: 'trigger', moduleKey: 'installed-trigger', outcome: 'ok' });
    const delivered = app.log('onInstalled')[0]?.event;
    expect(delivered).toMatchObject({ id: 'local-installation', upgraderAccountId: 'alice', app: { version: 'local' } });
    expect(delivered).not.toHaveProperty('eventType');
    expect(delivered).not.toHaveProperty('installerAccountId');
  });

  it('runs a scheduled trigger with Forge’s request shape and the async limit (55 s without timeoutSeconds)', async () => {
    const report = await app.runtime.runScheduledTrigger('hourly-tick');
    expect(report).toMatchObject({ kind: 'scheduled', functionKey: 'tick', moduleKey: 'hourly-tick', outcome: 'ok', jiraRequests: 0 });
    const [tick] = app.log('tick');
    expect(tick?.event).toEqual({ context: { cloudId: 'local-cloud', moduleKey: 'hourly-tick' }, contextToken: 'local' });
    expect(tick?.remainingMs).toBeGreaterThan(50_000);
    expect(tick?.remainingMs).toBeLessThanOrEqual(55_000);
    await expect(app.runtime.runScheduledTrigger('no-such-module')).rejects.toThrow("no scheduledTrigger module 'no-such-module'");
  });

  it('keeps resolver invocations as they were, with kind "resolver" in the report', async () => {
    const answer = await app.call<{ error?: string; jobId?: string }>('push', { queue: 'work', events: [{ body: { mode: 'ok' } }] });
    expect(answer.jobId).toEqual(expect.any(String));
    expect(app.runtime.reports.at(-1)).toMatchObject({ kind: 'resolver', functionKey: 'push', moduleKey: 'events-app-global', accountId: 'alice', outcome: 'ok' });
    await app.runtime.events.drain();
    await expect(app.runtime.invoke({ functionKey: 'missing', payload: {}, context: { moduleKey: 'events-app-global', accountId: 'alice', extension: {} } })).rejects.toBeInstanceOf(ForgeInvocationError);
  });
});
