import { startTestEmulator, type ErrorBody, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

interface ChangelogPage {
  issueChangeLogs: { issueId: string; changeHistories: { id: string; created: string; author: { accountId: string }; items: Record<string, unknown>[] }[] }[];
  nextPageToken?: string;
}

describe('Jira emulator: bulk changelog fetch', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(() => t.emulator.close());

  const fetchPage = async (body: Record<string, unknown>, user = USERS.carol): Promise<ChangelogPage> => {
    const res = await t.call(user, '/rest/api/3/changelog/bulkfetch', { body });
    expect(res.status).toBe(200);
    return res.json<ChangelogPage>();
  };

  it('pages by changelog entry with nextPageToken, issues by id and entries oldest first', async () => {
    const request = { issueIdsOrKeys: ['BETA-1', 'ALPHA-3', 'ALPHA-2', 'alpha-2'], maxResults: 2 };
    const seen: string[][] = [];
    let page = await fetchPage(request);
    seen.push(page.issueChangeLogs.map((c) => `${c.issueId}:${c.changeHistories.map((h) => h.id).join('+')}`));
    while (page.nextPageToken) {
      page = await fetchPage({ ...request, nextPageToken: page.nextPageToken });
      seen.push(page.issueChangeLogs.map((c) => `${c.issueId}:${c.changeHistories.map((h) => h.id).join('+')}`));
    }
    expect(seen).toEqual([['10101:20001+20002'], ['10101:20003', '10102:20004'], ['10200:20100']]);
  });

  it('keeps Jira item shape, nulls included', async () => {
    const page = await fetchPage({ issueIdsOrKeys: ['ALPHA-2'] });
    const history = page.issueChangeLogs[0]?.changeHistories[1];
    expect(history).toMatchObject({ id: '20002', created: '2026-01-12T10:00:00.000+0000', author: { accountId: 'bob', displayName: 'Bob Alpha' } });
    expect(history?.items[0]).toEqual({ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: null, fromString: null, to: 'bob', toString: 'Bob Alpha' });
    expect(page).not.toHaveProperty('nextPageToken');
  });

  it('filters items by fieldIds and drops entries left empty', async () => {
    const page = await fetchPage({ issueIdsOrKeys: ['ALPHA-2', 'ALPHA-3'], fieldIds: ['customfield_10020'] });
    expect(page.issueChangeLogs).toHaveLength(1);
    expect(page.issueChangeLogs[0]?.changeHistories.map((h) => h.items.map((i) => i['fieldId']))).toEqual([['customfield_10020']]);
  });

  it('validates the request as the OpenAPI bean does', async () => {
    const bad = async (body: unknown): Promise<ErrorBody> => {
      const res = await t.call(USERS.carol, '/rest/api/3/changelog/bulkfetch', { body });
      expect(res.status).toBe(400);
      return res.json<ErrorBody>();
    };
    await bad({ issueIdsOrKeys: [] });
    await bad({ issueIdsOrKeys: Array.from({ length: 1001 }, (_, i) => `ALPHA-${i}`) });
    await bad({ issueIdsOrKeys: ['ALPHA-1'], fieldIds: Array.from({ length: 11 }, (_, i) => `f${i}`) });
    await bad({ issueIdsOrKeys: ['ALPHA-1'], maxResults: 10001 });
    expect((await bad({ issueIdsOrKeys: ['ALPHA-1'], startAt: 0 })).errorMessages.join(' ')).toMatch(/startAt/);
    await bad({ issueIdsOrKeys: ['ALPHA-2'], nextPageToken: 'forged' });
  });
});
