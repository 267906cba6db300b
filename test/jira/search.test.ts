import { searchAllIssues } from '../../src/jira/search';
import { JiraRequestError, JiraResponseShapeError, retryAfterMs } from '../../src/jira/jiraHttp';
import { recordingPolicy, scriptedJira } from './fakeJira';

const issue = (key: string) => ({ id: key.replace(/\D/g, ''), key, fields: { summary: key } });

describe('searchAllIssues', () => {
  it('follows nextPageToken until the last page and asks only for the named fields', async () => {
    const jira = scriptedJira([
      { status: 200, body: { issues: [issue('A-1'), issue('A-2')], nextPageToken: 't1', isLast: false } },
      { status: 200, body: { issues: [issue('A-3')], isLast: true } },
    ]);
    const result = await searchAllIssues(jira, { jql: 'project = A', fields: ['summary'], pageSize: 2 }, recordingPolicy());
    expect(result.issues.map((i) => i.key)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(result.pages).toBe(2);
    expect(jira.calls.map((c) => c.body)).toEqual([
      { jql: 'project = A', fields: ['summary'], maxResults: 2 },
      { jql: 'project = A', fields: ['summary'], maxResults: 2, nextPageToken: 't1' },
    ]);
    expect(jira.calls.every((c) => c.path === '/rest/api/3/search/jql' && c.method === 'POST')).toBe(true);
  });

  it('retries a 429 after the Retry-After Jira asked for, then carries on', async () => {
    const policy = recordingPolicy();
    const jira = scriptedJira([
      { status: 429, headers: { 'Retry-After': '2' }, body: { errorMessages: ['Rate limit exceeded'] } },
      { status: 503, body: {} },
      { status: 200, body: { issues: [issue('A-1')], isLast: true } },
    ]);
    const result = await searchAllIssues(jira, { jql: 'project = A', fields: [] }, policy);
    expect(result.issues).toHaveLength(1);
    expect(policy.waits).toEqual([2000, 200]);
  });

  it('gives up after the retry budget with an error that carries the status', async () => {
    const jira = scriptedJira(Array.from({ length: 4 }, () => ({ status: 429, body: { errorMessages: ['slow down'] } })));
    await expect(searchAllIssues(jira, { jql: 'project = A', fields: [] }, recordingPolicy())).rejects.toMatchObject({ name: 'JiraRequestError', status: 429 });
  });

  it("reports Jira's own error messages on a 400", async () => {
    const jira = scriptedJira([{ status: 400, body: { errorMessages: ["Field 'foo' does not exist"], errors: {} } }]);
    const error = await searchAllIssues(jira, { jql: 'foo = 1', fields: [] }, recordingPolicy()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRequestError);
    expect((error as JiraRequestError).message).toContain("Field 'foo' does not exist");
  });

  it('refuses malformed JSON and answers of the wrong shape instead of reading them as empty', async () => {
    await expect(searchAllIssues(scriptedJira([{ status: 200, rawBody: '{"issues": [' }]), { jql: 'x', fields: [] }, recordingPolicy())).rejects.toBeInstanceOf(JiraResponseShapeError);
    await expect(searchAllIssues(scriptedJira([{ status: 200, body: { issues: 'none' } }]), { jql: 'x', fields: [] }, recordingPolicy())).rejects.toThrow(/issues/);
  });

  it('stops when a server repeats a page token rather than looping for ever', async () => {
    const jira = scriptedJira([
      { status: 200, body: { issues: [issue('A-1')], nextPageToken: 'same', isLast: false } },
      { status: 200, body: { issues: [issue('A-2')], nextPageToken: 'same', isLast: false } },
    ]);
    await expect(searchAllIssues(jira, { jql: 'x', fields: [] }, recordingPolicy())).rejects.toThrow(/same page token/);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
