import { DEMO_USERS } from '../../dev/demo/generate';
import type { SiteData, SiteIssue } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { PANEL_KEYS, SETTINGS_KEYS } from '../../src/contract';
import { startTestPlatform, testSite } from '../support/platform';
import { definedResolverKeys, MODULE_KEY, RESOLVER_SPECS, type FrameModule, type ResolverSpec } from './bridgeClient';
import { jqlOf, recordJiraRequests } from './jiraLog';

type Envelope = { success: true; data: unknown } | { success: false; error: { code: string; message: string } };

const MEGABYTE = 'x'.repeat(1_000_000);

/** A 5,000-deep object, the kind of payload that breaks recursive validators. */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Search texts that would widen a query if they were ever spliced into JQL. */
const ATTACKS = [
  '" OR project is not EMPTY OR summary ~ "',
  ') OR (1=1',
  'pay\nOR project is not EMPTY\r\nORDER BY key',
  '“ OR project is not EMPTY OR summary ~ ”',
  '‘ OR key is not EMPTY OR text ~ ’',
  '\\" OR issuekey is not EMPTY --',
  "'; DROP TABLE issues; --",
  'project = HR OR project = OPS',
  '*',
] as const;

/** Every word of the text in the key, summary, assignee or labels: the backlog's documented text search, done by hand. */
function honestMatches(site: SiteData, issues: readonly SiteIssue[], text: string): string[] {
  const words = text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
  const names = new Map(site.users.map((u) => [u.accountId, u.displayName]));
  return issues
    .filter((issue) => {
      const haystack = [issue.key, issue.summary, issue.assigneeAccountId ? (names.get(issue.assigneeAccountId) ?? '') : '', ...issue.labels].join('\n').toLowerCase();
      return words.every((w) => haystack.includes(w));
    })
    .map((i) => i.key);
}

/** A refusal the page can show: a known code, one short line of text, no stack trace, no path of the server's files. */
function expectCleanRefusal(answer: Envelope, codes: readonly string[] = ['BAD_REQUEST']): void {
  expect(answer.success).toBe(false);
  if (answer.success) return;
  expect(codes).toContain(answer.error.code);
  const { message } = answer.error;
  expect(message.length).toBeGreaterThan(10);
  expect(message.length).toBeLessThan(400);
  expect(message).not.toMatch(/\n\s*at |\bat [\w.<>]+ \(|:\d+:\d+\)?$/m);
  expect(message).not.toMatch(/\/work\/|\/home\/|\/tmp\/|node_modules|[\w-]+\.(ts|js|mjs|cjs)\b|src\//);
  expect(message).not.toContain('xxxxxxxxxx');
}

describe('payload validation: every resolver refuses what it does not expect, clearly', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let specs: ResolverSpec[];
  let jiraLog: ReturnType<typeof recordJiraRequests>;
  let workItems: SiteIssue[];

  beforeAll(async () => {
    site = testSite();
    const boxTypeIds = new Set(site.issueTypes.filter((t) => ['Workstream', 'Initiative', 'Team'].includes(t.name)).map((t) => t.id));
    // Some stories say the attacks literally, so the honest search for each finds something.
    const stories = site.issues.filter((i) => i.projectKey === 'PAY' && !boxTypeIds.has(i.issueTypeId));
    ATTACKS.forEach((attack, n) => {
      const story = stories[n * 7];
      if (story) story.summary = `Literal ${attack} in a summary`;
    });
    workItems = site.issues.filter((i) => !boxTypeIds.has(i.issueTypeId));
    platform = await startTestPlatform(site);
    const defined = new Set(definedResolverKeys());
    specs = RESOLVER_SPECS.filter((s) => defined.has(s.key));
    jiraLog = recordJiraRequests();
  }, 60_000);
  afterAll(async () => {
    jiraLog?.stop();
    await platform?.close();
  });

  const contextFor = (module: FrameModule, accountId: string) => ({
    moduleKey: MODULE_KEY[module],
    accountId,
    extension: module === 'project' ? { type: 'jira:projectPage', project: { key: 'PAY', id: '10001', type: 'software' } } : { type: module === 'admin' ? 'jira:adminPage' : 'jira:globalPage' },
  });
  /** Through the real handler in the local Forge runtime, as the admin (so the payload, not the caller, is what is judged). */
  const invoke = async (spec: ResolverSpec, payload: unknown, accountId: string = DEMO_USERS.admin): Promise<Envelope> => {
    const module = spec.modules[0] as FrameModule;
    return (await platform.runtime.invoke({ functionKey: spec.key, payload, context: contextFor(module, accountId) })) as Envelope;
  };
  const specOf = (key: string) => {
    const spec = specs.find((s) => s.key === key);
    if (!spec) throw new Error(`resolver ${key} is not defined`);
    return spec;
  };
  const validPayload = (spec: ResolverSpec) => spec.payload(spec.modules[0] === 'project' ? 'PAY' : null) as Record<string, unknown>;

  /** Puts a value at the first string field of a valid payload (or adds it as a key when there is none). */
  function withStringField(payload: Record<string, unknown>, value: string): Record<string, unknown> {
    const copy = structuredClone(payload);
    const visit = (node: Record<string, unknown>): boolean => {
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === 'string') {
          node[key] = value;
          return true;
        }
        if (child !== null && typeof child === 'object' && !Array.isArray(child) && visit(child as Record<string, unknown>)) return true;
      }
      return false;
    };
    if (!visit(copy)) copy.text = value;
    return copy;
  }

  it('refuses payloads of an unexpected shape', async () => {
    for (const spec of specs) {
      for (const payload of ['a string', 42, true, [1, 2], { scope: 'whole' }, { scope: { projectKey: 7 } }, { query: [] }, { view: 'v' }, { config: [], baseRevision: '1' }]) {
        const valid = validPayload(spec);
        // Skip a "bad" payload that happens to be the resolver's valid one.
        if (JSON.stringify(payload) === JSON.stringify(valid)) continue;
        expectCleanRefusal(await invoke(spec, payload));
      }
    }
  }, 30_000);

  it('refuses extra keys, including __proto__ and constructor, at the top and inside', async () => {
    for (const spec of specs) {
      const valid = validPayload(spec);
      expectCleanRefusal(await invoke(spec, { ...valid, extra: 1 }));
      expectCleanRefusal(await invoke(spec, JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(valid).slice(1, -1) || '"x": 1'}}`)));
      expectCleanRefusal(await invoke(spec, { ...valid, constructor: { prototype: { polluted: true } } }));
      expectCleanRefusal(await invoke(spec, { ...valid, nested: deeplyNested(5_000) }));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expectCleanRefusal(await invoke(specOf(PANEL_KEYS.backlog), { scope: { projectKey: null, jql: 'project is not EMPTY' }, query: {} }));
    expectCleanRefusal(await invoke(specOf(PANEL_KEYS.backlog), { scope: { projectKey: null }, query: { jql: 'project is not EMPTY' } }));
    expectCleanRefusal(await invoke(specOf(PANEL_KEYS.backlog), { scope: { projectKey: null }, query: { sort: { column: 'key', direction: 'asc', by: 'summary' } } }));
  }, 30_000);

  it('refuses a 1 MB string in any string field, without echoing it', async () => {
    for (const spec of specs) expectCleanRefusal(await invoke(spec, withStringField(validPayload(spec), MEGABYTE)));
    // And in every string field each resolver has.
    const inFields: Array<[string, unknown]> = [
      [PANEL_KEYS.summary, { scope: { projectKey: MEGABYTE } }],
      [PANEL_KEYS.backlog, { scope: { projectKey: null }, query: { text: MEGABYTE } }],
      [PANEL_KEYS.backlog, { scope: { projectKey: null }, query: { boxId: MEGABYTE } }],
      [PANEL_KEYS.backlog, { scope: { projectKey: null }, query: { type: MEGABYTE } }],
      [PANEL_KEYS.saveView, { view: { id: 'v', name: MEGABYTE, columns: ['key'], query: {} } }],
      [PANEL_KEYS.saveView, { view: { id: MEGABYTE, name: 'v', columns: ['key'], query: {} } }],
      [PANEL_KEYS.saveView, { view: { id: 'v', name: 'v', columns: ['key'], query: { text: MEGABYTE } } }],
      [PANEL_KEYS.deleteView, { id: MEGABYTE }],
      [SETTINGS_KEYS.fieldPreview, { concept: 'storyPoints', fieldId: MEGABYTE }],
      // The one resolver that takes free text of some length: the settings import (200,000 characters at most).
      [SETTINGS_KEYS.import, { json: MEGABYTE, baseRevision: 0 }],
    ];
    for (const [key, payload] of inFields) {
      const started = Date.now();
      expectCleanRefusal(await invoke(specOf(key), payload));
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    // A whole configuration whose name is 1 MB: refused with the problem named, nothing stored.
    const saved = await invoke(specOf(SETTINGS_KEYS.save), { config: { name: MEGABYTE }, baseRevision: 0 });
    expectCleanRefusal(saved);
    expect(await platform.runtime.kvs.handle('/api/v1/get', { key: 'transformation-office:settings' })).toMatchObject({ status: 404 });
  }, 30_000);

  it('an unexpected failure inside a resolver is answered without its stack or any path', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      platform.runtime.kvs.failNextWrites(1);
      const answer = await invoke(specOf(PANEL_KEYS.saveView), { view: { id: 'v', name: 'v', columns: ['key'], query: {} } });
      expectCleanRefusal(answer, ['INTERNAL']);
    } finally {
      platform.runtime.kvs.failNextWrites(0);
      jest.restoreAllMocks();
    }
  });

  it('answers NOT_FOUND for a box or field that does not exist, or that the caller may not browse, saying no more', async () => {
    const backlog = specOf(PANEL_KEYS.backlog);
    for (const boxId of ['NOPE-1', 'root ']) {
      const answer = await invoke(backlog, { scope: { projectKey: null }, query: { boxId } }, DEMO_USERS.limited);
      expectCleanRefusal(answer, ['NOT_FOUND']);
    }
    // The admin may browse HR, so an HR box is found for them: the refusal above is about browsing, not about the id.
    const hrBox = site.issues.find((i) => i.projectKey === 'HR' && site.issueTypes.find((t) => t.id === i.issueTypeId)?.name === 'Team');
    expect(await invoke(backlog, { scope: { projectKey: null }, query: { boxId: hrBox?.key } })).toMatchObject({ success: true });
    // The same words for "does not exist" and "may not browse": nothing is learned about hidden projects.
    const hidden = await invoke(backlog, { scope: { projectKey: null }, query: { boxId: hrBox?.key } }, DEMO_USERS.limited);
    const missing = await invoke(backlog, { scope: { projectKey: null }, query: { boxId: 'HR-99999' } }, DEMO_USERS.limited);
    expect(!hidden.success && hidden.error.message.replace(hrBox?.key ?? '', 'KEY')).toBe(!missing.success && missing.error.message.replace('HR-99999', 'KEY'));

    const preview = specOf(SETTINGS_KEYS.fieldPreview);
    expectCleanRefusal(await invoke(preview, { concept: 'storyPoints', fieldId: 'customfield_99999' }), ['NOT_FOUND']);
    expectCleanRefusal(await invoke(preview, { concept: 'storyPoints', fieldId: 'customfield_10016" OR project is not EMPTY' }));
    expectCleanRefusal(await invoke(preview, { concept: 'notAConcept', fieldId: 'customfield_10016' }));
  }, 30_000);

  it.each(ATTACKS.map((a) => [JSON.stringify(a), a]))('search text %s finds exactly what the honest text search finds, never more', async (_label, attack) => {
    jiraLog.clear();
    const backlog = specOf(PANEL_KEYS.backlog);
    const seeded = workItems.find((i) => i.summary === `Literal ${attack} in a summary`);
    // As the admin; and as the limited user for the attacks that name or widen to projects they may not browse.
    const readers: Array<[string, string[]]> = [[DEMO_USERS.admin, []]];
    if (/HR|EMPTY/.test(attack) && attack.startsWith('p')) readers.push([DEMO_USERS.limited, ['HR', 'OPS']]);
    for (const [accountId, hidden] of readers) {
      const visible = workItems.filter((i) => !hidden.includes(i.projectKey));
      const expected = honestMatches(site, visible, attack);
      const answer = await invoke(backlog, { scope: { projectKey: null }, query: { text: attack, pageSize: 200 } }, accountId);
      if (!answer.success) throw new Error(`${answer.error.code}: ${answer.error.message}`);
      const data = answer.data as { total: number; items: { key: string }[] };
      expect(data.total).toBe(expected.length);
      expect(new Set(data.items.map((i) => i.key))).toEqual(new Set(expected));
      expect(data.total).toBeLessThan(visible.length);
      // Searched literally: the story that says it is found (when the reader may browse it).
      if (seeded && !hidden.includes(seeded.projectKey)) expect(data.items.map((i) => i.key)).toContain(seeded.key);
    }
    // The text never reached Jira: no request carries it, and every JQL sent is one the app writes itself.
    expect(jiraLog.requests.length).toBeGreaterThan(0);
    const escaped = JSON.stringify(attack).slice(1, -1);
    for (const request of jiraLog.requests) {
      expect(request.body.includes(attack) || request.body.includes(escaped) || decodeURIComponent(request.path).includes(attack)).toBe(false);
      const jql = jqlOf(request);
      if (jql !== null) expect(jql).toMatch(/^project in \("[A-Z][A-Z0-9_]*"(, "[A-Z][A-Z0-9_]*")*\) ORDER BY key ASC$/);
    }
  });

  it('every attack was seeded into a story the admin may browse', () => {
    expect(workItems.filter((i) => i.summary.startsWith('Literal ')).length).toBe(ATTACKS.length);
  });
});
