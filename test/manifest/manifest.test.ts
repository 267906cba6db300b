import { validate } from '@forge/manifest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { runForgeLint } from '../../dev/tools/forgeLint';
import { MODULE_KEYS } from '../../src/contract';

const appRoot = path.resolve(__dirname, '..', '..');
const manifestPath = path.join(appRoot, 'manifest.yml');

describe('manifest.yml', () => {
  beforeAll(() => {
    if (!existsSync(path.join(appRoot, 'static', 'build', 'index.html'))) throw new Error('Build the Custom UI first (npm run build:ui): the manifest names its folder as a resource');
  });

  it("passes @forge/manifest's full validation with no errors", async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares the three pages on one resolver function', () => {
    const manifest = parse(readFileSync(manifestPath, 'utf8'));
    expect(Object.keys(manifest.modules).sort()).toEqual(['consumer', 'function', 'jira:adminPage', 'jira:globalPage', 'jira:projectPage', 'scheduledTrigger', 'sql', 'trigger']);
    for (const type of ['jira:globalPage', 'jira:projectPage', 'jira:adminPage']) expect(manifest.modules[type][0].resolver.function).toBe('resolver');
    // The resolvers check callers against these keys.
    expect([manifest.modules['jira:globalPage'][0].key, manifest.modules['jira:projectPage'][0].key, manifest.modules['jira:adminPage'][0].key]).toEqual([MODULE_KEYS.globalPage, MODULE_KEYS.projectPage, MODULE_KEYS.settingsPage]);
  });

  it('declares Forge SQL once, on the only engine Forge offers, for the snapshot rows', () => {
    const manifest = parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.modules.sql).toEqual([{ key: 'main', engine: 'mysql' }]);
  });

  it('feeds the snapshot from issue events, an hourly reconcile and queue consumers allowed the long limit', () => {
    const manifest = parse(readFileSync(manifestPath, 'utf8'));
    const fn = (key: string) => manifest.modules.function.find((f: { key: string }) => f.key === key);
    const trigger = (key: string) => manifest.modules.trigger.find((t: { key: string }) => t.key === key);
    expect(trigger('snapshot-issue-events').events).toEqual(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']);
    expect(fn(trigger('snapshot-issue-events').function).handler).toBe('index.onIssueEvent');
    // Lifecycle payloads carry no eventType, so they get a function of their own rather than sharing the issue one.
    expect(trigger('app-lifecycle-events').events).toEqual(['avi:forge:installed:app', 'avi:forge:upgraded:app']);
    expect(fn(trigger('app-lifecycle-events').function).handler).toBe('index.onAppLifecycle');
    expect(manifest.modules.scheduledTrigger[0].interval).toBe('hour');
    expect(fn(manifest.modules.scheduledTrigger[0].function).handler).toBe('index.onSchedule');
    const consumer = (queue: string) => manifest.modules.consumer.find((c: { queue: string }) => c.queue === queue);
    expect(fn(consumer('snapshot-work').function)).toEqual({ key: consumer('snapshot-work').function, handler: 'index.onSnapshotWork', timeoutSeconds: 900 });
    // Reading the changelogs has a queue and function of its own: its requests and time are reported apart from the build's.
    expect(fn(consumer('snapshot-history').function)).toEqual({ key: consumer('snapshot-history').function, handler: 'index.onHistoryWork', timeoutSeconds: 900 });
  });
});

/** forge lint parses every source file: a minute or more when the machine is busy with other test files. */
const LINT_TIMEOUT_MS = 180_000;

describe("forge lint's own checks, offline", () => {
  it('find no problem in the app as it is', async () => {
    const problems = await runForgeLint(appRoot);
    expect(problems.filter((p) => p.level === 'error')).toEqual([]);
  }, LINT_TIMEOUT_MS);

  it.each([
    ['read:jira-work', 'src/jira/search.ts', 'POST /rest/api/3/search/jql requires "read:jira-work"'],
    ['write:jira-work', 'src/jira/issueEdits.ts', 'write:jira-work'],
  ])('fail a requestJira call when the manifest lacks %s', async (scope, file, message) => {
    const manifest = parse(readFileSync(manifestPath, 'utf8'));
    manifest.permissions.scopes = manifest.permissions.scopes.filter((s: string) => s !== scope);
    const problems = await runForgeLint(appRoot, manifest);
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'error', file, message: expect.stringContaining(message) })]));
  }, LINT_TIMEOUT_MS);
});
