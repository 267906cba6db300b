import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { limitClassOf, readManifest } from '../../../dev/runtime/manifest';
import { Schedules } from '../../../dev/runtime/scheduler';
import { EVENTS_APP } from './eventsApp';

function manifestFile(yaml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'forge-manifest-')), 'manifest.yml');
  writeFileSync(file, yaml);
  return file;
}

describe('local Forge runtime: what it reads from manifest.yml', () => {
  it('reads functions, triggers, scheduled triggers, consumers and page resolvers', () => {
    const manifest = readManifest(path.join(EVENTS_APP, 'manifest.yml'));
    expect(manifest.functions.map((f) => f.key)).toEqual(['resolver', 'on-issue', 'on-installed', 'tick', 'consume']);
    expect(manifest.triggers).toEqual([
      { key: 'issue-trigger', function: 'on-issue', events: ['avi:jira:created:issue', 'avi:jira:updated:issue'] },
      { key: 'installed-trigger', function: 'on-installed', events: ['avi:forge:installed:app', 'avi:forge:upgraded:app'] },
    ]);
    expect(manifest.scheduledTriggers).toEqual([{ key: 'hourly-tick', function: 'tick', interval: 'hour' }]);
    expect(manifest.consumers).toEqual([expect.objectContaining({ key: 'work-consumer', queue: 'work', function: 'consume' })]);
    expect(manifest.resolvers.get('events-app-global')).toBe('resolver');
  });

  it('gives 25 s to UI resolvers and product triggers, and timeoutSeconds (default 55 s) only to functions run by consumers or schedules alone', () => {
    const manifest = readManifest(
      manifestFile(`
modules:
  jira:globalPage:
    - key: page
      resource: main
      resolver:
        function: ui
  trigger:
    - key: t
      function: shared
      events: [avi:jira:updated:issue]
  consumer:
    - key: c1
      queue: q1
      function: shared
    - key: c2
      queue: q2
      function: long
  scheduledTrigger:
    - key: s
      function: plain
      interval: day
  function:
    - { key: ui, handler: index.ui, timeoutSeconds: 600 }
    - { key: shared, handler: index.shared, timeoutSeconds: 600 }
    - { key: long, handler: index.long, timeoutSeconds: 900 }
    - { key: plain, handler: index.plain }
`),
    );
    expect(limitClassOf(manifest, 'ui')).toEqual({ kind: 'ui', limitMs: 25_000 });
    expect(limitClassOf(manifest, 'shared')).toEqual({ kind: 'ui', limitMs: 25_000 });
    expect(limitClassOf(manifest, 'long')).toEqual({ kind: 'async', limitMs: 900_000 });
    expect(limitClassOf(manifest, 'plain')).toEqual({ kind: 'async', limitMs: 55_000 });
  });

  it('refuses a module naming an undeclared function, and a timeoutSeconds above 900', () => {
    expect(() => readManifest(manifestFile('modules:\n  consumer:\n    - { key: c, queue: q, function: ghost }\n  function:\n    - { key: real, handler: index.real }\n'))).toThrow(
      "module 'c' names function 'ghost'",
    );
    expect(() => readManifest(manifestFile('modules:\n  function:\n    - { key: f, handler: index.f, timeoutSeconds: 901 }\n'))).toThrow(/timeoutSeconds/);
  });
});

describe('local Forge runtime: scheduled triggers on their interval', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs each module once per interval from one interval after start, until stopped', () => {
    const runs: string[] = [];
    const schedules = new Schedules(
      [
        { key: 'every-5', function: 'f', interval: 'fiveMinute' },
        { key: 'hourly', function: 'g', interval: 'hour' },
      ],
      async (key) => void runs.push(key),
    );
    schedules.start();
    jest.advanceTimersByTime(4 * 60_000);
    expect(runs).toEqual([]);
    jest.advanceTimersByTime(56 * 60_000);
    expect(runs.filter((k) => k === 'every-5')).toHaveLength(12);
    expect(runs.filter((k) => k === 'hourly')).toHaveLength(1);
    schedules.stop();
    jest.advanceTimersByTime(3_600_000);
    expect(runs).toHaveLength(13);
  });
});
