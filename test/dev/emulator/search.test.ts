import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildBulkSite, buildFixtureSite, generateIssue, USERS } from './fixtureSite';

async function allPages(t: TestEmulator, body: Record<string, unknown>): Promise<SearchPage[]> {
  const pages: SearchPage[] = [];
  let nextPageToken: string | undefined;
  do {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { ...body, ...(nextPageToken ? { nextPageToken } : {}) } });
    expect(res.status).toBe(200);
    const page = res.json<SearchPage>();
    pages.push(page);
    nextPageToken = page.nextPageToken;
    expect(page.isLast).toBe(nextPageToken === undefined);
  } while (nextPageToken && pages.length < 100);
  return pages;
}

describe('Jira emulator: enhanced search paging and page-size caps', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildBulkSite(5010) });
  });
  afterAll(() => t.emulator.close());

  it('pages through every match with nextPageToken until isLast, capping pages at 100 when fields are requested', async () => {
    const pages = await allPages(t, { jql: 'project = BULK AND key <= BULK-250 ORDER BY key ASC', fields: ['summary'], maxResults: 1000 });
    expect(pages.map((p) => p.issues.length)).toEqual([100, 100, 50]);
    const keys = pages.flatMap((p) => p.issues.map((i) => i.key));
    expect(keys).toEqual(Array.from({ length: 250 }, (_, i) => `BULK-${i + 1}`));
    expect(new Set(pages.map((p) => p.nextPageToken).filter(Boolean)).size).toBe(2);
    expect(pages.at(-1)).not.toHaveProperty('nextPageToken');
  });

  it('returns up to 5000 issues a page, as bare ids, when only ids are requested', async () => {
    const pages = await allPages(t, { jql: 'project = BULK', maxResults: 7000 });
    expect(pages.map((p) => p.issues.length)).toEqual([5000, 10]);
    expect(pages[0]?.issues[0]).toEqual({ id: expect.any(String) });
  });

  it('keeps the id-only cap for key-only requests but the lower cap for expand=changelog', async () => {
    const keysOnly = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = BULK', fields: ['key'], maxResults: 300 } });
    expect(keysOnly.json<SearchPage>().issues).toHaveLength(300);
    const withChangelog = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = BULK', expand: 'changelog', maxResults: 300 } });
    expect(withChangelog.json<SearchPage>().issues).toHaveLength(100);
  });

  it('defaults maxResults to 50', async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql?jql=project%20%3D%20BULK&fields=key');
    const page = res.json<SearchPage>();
    expect(page.issues).toHaveLength(50);
    expect(page.isLast).toBe(false);
  });

  it('refuses a page token that belongs to another query', async () => {
    const first = (await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = BULK', maxResults: 10 } })).json<SearchPage>();
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = BULK AND key > BULK-5', nextPageToken: first.nextPageToken } });
    expect(res.status).toBe(400);
    const garbage = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = BULK', nextPageToken: 'not-a-token' } });
    expect(garbage.status).toBe(400);
    expect(garbage.json<ErrorBody>().errors).toEqual({});
  });
});

describe('Jira emulator: search request and issue shapes', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(() => t.emulator.close());

  const search = async (body: Record<string, unknown>): Promise<SearchPage> => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body });
    expect(res.status).toBe(200);
    return res.json<SearchPage>();
  };
  const fieldsOf = async (key: string, fields: string[], extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> => {
    const page = await search({ jql: `key = ${key}`, fields, ...extra });
    return page.issues[0]?.fields ?? {};
  };

  it('reads fields from repeated and comma-separated GET parameters like the POST body', async () => {
    const get = await t.call(USERS.alice, '/rest/api/3/search/jql?jql=key%3DALPHA-2&fields=summary,status&fields=labels');
    const post = await search({ jql: 'key=ALPHA-2', fields: ['summary,status', 'labels'] });
    expect(get.json<SearchPage>()).toEqual(post);
    expect(Object.keys(post.issues[0]?.fields ?? {}).sort()).toEqual(['labels', 'status', 'summary']);
  });

  it('renders system fields in their Jira shapes', async () => {
    const fields = await fieldsOf('ALPHA-2', ['*all']);
    expect(fields['status']).toEqual({
      self: expect.stringMatching(/\/rest\/api\/3\/status\/10001$/),
      description: '',
      iconUrl: expect.any(String),
      name: 'Done',
      id: '10001',
      statusCategory: { self: expect.stringMatching(/statuscategory\/3$/), id: 3, key: 'done', colorName: 'green', name: 'Done' },
    });
    expect(fields['issuetype']).toMatchObject({ id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0, self: expect.any(String) });
    expect(fields['project']).toMatchObject({ id: '10000', key: 'ALPHA', name: 'Alpha Platform', projectTypeKey: 'software', self: expect.any(String) });
    expect(fields['parent']).toMatchObject({ id: '10100', key: 'ALPHA-1', self: expect.any(String), fields: { summary: 'Migrate billing to the cloud platform', status: { name: 'In Progress' }, issuetype: { name: 'Epic' } } });
    expect(fields['assignee']).toMatchObject({ accountId: 'bob', displayName: 'Bob Alpha', active: true });
    expect(fields['reporter']).toMatchObject({ accountId: 'alice' });
    expect(fields).toMatchObject({
      summary: 'Export invoices from the legacy system',
      labels: ['billing'],
      duedate: '2026-01-31',
      timeoriginalestimate: 28800,
      created: '2026-01-05T09:30:00.000+0000',
      updated: '2026-01-25T16:45:00.000+0000',
      resolutiondate: '2026-01-25T16:45:00.000+0000',
      customfield_10020: { value: 'Converted', id: '10202' },
      customfield_10030: 5,
      customfield_10040: null,
    });
  });

  it('shows Blocks links inward and outward as Jira does, and leaves parent out when there is none', async () => {
    const alpha3 = await fieldsOf('ALPHA-3', ['issuelinks']);
    expect(alpha3['issuelinks']).toEqual([
      expect.objectContaining({ type: expect.objectContaining({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }), inwardIssue: expect.objectContaining({ key: 'ALPHA-2' }) }),
      expect.objectContaining({ inwardIssue: expect.objectContaining({ key: 'GAMMA-1' }) }),
    ]);
    const alpha2 = await fieldsOf('ALPHA-2', ['issuelinks']);
    const [outward] = alpha2['issuelinks'] as { id: string; outwardIssue: { key: string } }[];
    expect(outward?.outwardIssue.key).toBe('ALPHA-3');
    expect(outward?.id).toBe((alpha3['issuelinks'] as { id: string }[])[0]?.id);
    const epic = await fieldsOf('ALPHA-1', ['parent', 'summary']);
    expect(epic).not.toHaveProperty('parent');
  });

  it('supports *all, *navigable, exclusions and ignores unknown fields', async () => {
    const all = await fieldsOf('ALPHA-1', ['*all,-labels,-customfield_10030']);
    expect(all).toHaveProperty('customfield_10050', null);
    expect(all).not.toHaveProperty('labels');
    expect(all).not.toHaveProperty('customfield_10030');
    const exclusionOnly = await fieldsOf('ALPHA-1', ['-summary']);
    expect(exclusionOnly).toHaveProperty('status');
    expect(exclusionOnly).not.toHaveProperty('summary');
    const navigable = await fieldsOf('ALPHA-1', ['*navigable']);
    expect(Object.keys(navigable)).toEqual(expect.arrayContaining(['summary', 'status', 'issuelinks', 'customfield_10020']));
    const unknown = await fieldsOf('ALPHA-1', ['summary', 'nosuchfield']);
    expect(Object.keys(unknown)).toEqual(['summary']);
  });

  it('references fields by key with fieldsByKeys', async () => {
    const byKeys = await fieldsOf('ALPHA-2', ['app_notes_key', 'summary'], { fieldsByKeys: true });
    expect(byKeys).toEqual({ app_notes_key: 'Waiting on the finance team export', summary: 'Export invoices from the legacy system' });
    const byIds = await fieldsOf('ALPHA-2', ['app_notes_key']);
    expect(byIds).toEqual({});
  });

  it('embeds the changelog, most recent first, with expand=changelog, and names with expand=names', async () => {
    const page = await search({ jql: 'key = ALPHA-2', fields: ['summary'], expand: 'changelog,names' });
    const histories = page.issues[0]?.changelog?.histories as { id: string }[];
    expect(histories.map((h) => h.id)).toEqual(['20003', '20002', '20001']);
    expect(page).toHaveProperty('names', { summary: 'Summary' });
    expect(page.issues[0]).not.toHaveProperty('names');
  });

  it('rejects POST bodies with properties the request bean does not have', async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql: 'project = ALPHA', startAt: 0 } });
    expect(res.status).toBe(400);
    expect(res.json<ErrorBody>().errorMessages.join(' ')).toMatch(/startAt/);
    const broken = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: '{"jql": ' });
    expect(broken.status).toBe(400);
  });

  it('counts matches with approximate-count', async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/approximate-count', { body: { jql: 'project = ALPHA AND statusCategory != Done' } });
    expect(res.json()).toEqual({ count: 4 });
  });

  it('gets one issue, all fields by default, and 404s in Jira shape for a missing one', async () => {
    const res = await t.call(USERS.alice, '/rest/api/3/issue/alpha-2');
    expect(res.status).toBe(200);
    const issue = res.json<{ key: string; fields: Record<string, unknown> }>();
    expect(issue.key).toBe('ALPHA-2');
    expect(issue.fields).toHaveProperty('customfield_10050');
    const subset = (await t.call(USERS.alice, '/rest/api/3/issue/10101?fields=summary')).json<{ fields: Record<string, unknown> }>();
    expect(subset.fields).toEqual({ summary: 'Export invoices from the legacy system' });
    const missing = await t.call(USERS.alice, '/rest/api/3/issue/ALPHA-999');
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorBody>()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('serves live data: issues added to the site show up in the next search', async () => {
    t.emulator.site.issues.push(generateIssue({ id: '10199', key: 'ALPHA-99', summary: 'Added later' }));
    try {
      const page = await search({ jql: 'key = ALPHA-99', fields: ['summary'] });
      expect(page.issues[0]?.fields).toEqual({ summary: 'Added later' });
    } finally {
      t.emulator.site.issues.pop();
    }
  });
});
