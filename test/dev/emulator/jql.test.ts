import type { SiteUser } from '../../../dev/emulator/siteData';
import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

/** The fixture's "now": relative dates and date functions are evaluated against it. */
const NOW = new Date('2026-02-01T12:00:00.000Z');

describe('Jira emulator: JQL', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite(), clock: () => NOW });
  });
  afterAll(() => t.emulator.close());

  async function keys(jql: string, user: SiteUser = USERS.alice): Promise<string[]> {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql, fields: ['key'], maxResults: 100 } });
    if (res.status !== 200) throw new Error(`${jql} answered ${res.status}: ${res.text}`);
    return res.json<SearchPage>().issues.map((i) => i.key ?? '');
  }
  const sortedKeys = async (jql: string, user?: SiteUser): Promise<string[]> => (await keys(jql, user)).sort();
  async function errorOf(jql: string, user: SiteUser = USERS.alice): Promise<string[]> {
    const res = await t.call(user, '/rest/api/3/search/jql', { body: { jql } });
    expect(res.status).toBe(400);
    const body = res.json<ErrorBody>();
    expect(body.errors).toEqual({});
    return body.errorMessages;
  }

  describe('operators', () => {
    it('= and != (which never matches an empty field)', async () => {
      expect(await sortedKeys('assignee = bob')).toEqual(['ALPHA-2', 'ALPHA-4']);
      expect(await sortedKeys('assignee != bob')).toEqual(['ALPHA-3', 'BETA-2']);
      expect(await sortedKeys('status = "In Progress"')).toEqual(['ALPHA-1', 'ALPHA-4']);
      expect(await sortedKeys('status != "To Do" AND project = ALPHA')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-4']);
    });

    it('IN and NOT IN, with names, ids and EMPTY in the list', async () => {
      expect(await sortedKeys('issuetype in (Epic, 10001)')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-3', 'BETA-1']);
      expect(await sortedKeys('project in (ALPHA, "Beta Banking") AND type not in (Epic, Story, Task)')).toEqual(['ALPHA-5']);
      expect(await sortedKeys('assignee in (carol, EMPTY) AND project = BETA')).toEqual(['BETA-1', 'BETA-2']);
      expect(await sortedKeys('labels not in (billing)')).toEqual(['ALPHA-4', 'BETA-1']);
    });

    it('>, >=, <, <= on dates, numbers and keys', async () => {
      expect(await sortedKeys('created > "2026-01-15 12:00"')).toEqual(['ALPHA-4', 'ALPHA-5']);
      expect(await sortedKeys('created >= "2026-01-15 12:00"')).toEqual(['ALPHA-3', 'ALPHA-4', 'ALPHA-5']);
      expect(await sortedKeys('created < 2026/01/03')).toEqual(['ALPHA-1']);
      expect(await sortedKeys('created <= "2026-01-03 10:00"')).toEqual(['ALPHA-1', 'BETA-1']);
      expect(await sortedKeys('"Story Points" >= 5')).toEqual(['ALPHA-2', 'ALPHA-4']);
      expect(await sortedKeys('cf[10030] < 5')).toEqual(['ALPHA-3']);
      expect(await sortedKeys('key > ALPHA-3')).toEqual(['ALPHA-4', 'ALPHA-5']);
      expect(await sortedKeys('duedate <= 2026-01-31')).toEqual(['ALPHA-2']);
      expect(await sortedKeys('"Target date" > 2026-02-28')).toEqual(['ALPHA-3']);
    });

    it('~ and !~ search words in summary and, for text, in text custom fields', async () => {
      expect(await sortedKeys('summary ~ invoice')).toEqual(['ALPHA-3']);
      expect(await sortedKeys('summary ~ "invoice*"')).toEqual(['ALPHA-2', 'ALPHA-3']);
      expect(await sortedKeys('summary ~ "billing servers"')).toEqual(['ALPHA-4']);
      expect(await sortedKeys('summary ~ "\\"old billing\\""')).toEqual(['ALPHA-4']);
      expect(await sortedKeys('summary ~ "servers billing" AND summary ~ "\\"servers billing\\""')).toEqual([]);
      expect(await sortedKeys('text ~ finance')).toEqual(['ALPHA-2']);
      expect(await sortedKeys('Notes ~ finance')).toEqual(['ALPHA-2']);
      expect(await sortedKeys('project = BETA AND summary !~ ledger')).toEqual(['BETA-1']);
    });

    it('IS EMPTY and IS NOT EMPTY, also written = EMPTY and = null', async () => {
      expect(await sortedKeys('duedate IS NOT EMPTY')).toEqual(['ALPHA-2', 'ALPHA-3']);
      expect(await sortedKeys('project = ALPHA AND assignee is empty')).toEqual(['ALPHA-1', 'ALPHA-5']);
      expect(await sortedKeys('project = ALPHA AND assignee = null')).toEqual(['ALPHA-1', 'ALPHA-5']);
      expect(await sortedKeys('"Conversion stage" is EMPTY AND project = ALPHA')).toEqual(['ALPHA-4', 'ALPHA-5']);
      expect(await sortedKeys('resolved is not empty')).toEqual(['ALPHA-2', 'BETA-2']);
    });

    it('NOT, parentheses and AND binding tighter than OR', async () => {
      expect(await sortedKeys('project = BETA OR project = ALPHA AND assignee = bob')).toEqual(['ALPHA-2', 'ALPHA-4', 'BETA-1', 'BETA-2']);
      expect(await sortedKeys('(project = BETA OR project = ALPHA) AND assignee = bob')).toEqual(['ALPHA-2', 'ALPHA-4']);
      expect(await sortedKeys('project = ALPHA AND NOT assignee = bob')).toEqual(['ALPHA-1', 'ALPHA-3', 'ALPHA-5']);
      expect(await sortedKeys('project = ALPHA && !(status = Done || status = "To Do")')).toEqual(['ALPHA-1', 'ALPHA-4']);
    });
  });

  describe('fields and functions', () => {
    it('currentUser() in user fields', async () => {
      expect(await sortedKeys('assignee = currentUser()', USERS.bob)).toEqual(['ALPHA-2', 'ALPHA-4']);
      expect(await sortedKeys('assignee in (currentUser()) OR reporter = currentUser()', USERS.carol)).toEqual(['ALPHA-3', 'BETA-2']);
      expect(await sortedKeys('reporter = currentUser() AND project = BETA', USERS.alice)).toEqual(['BETA-1', 'BETA-2']);
    });

    it('relative dates, now() and startOfDay() against the site clock', async () => {
      expect(await sortedKeys('created >= -14d')).toEqual(['ALPHA-4', 'ALPHA-5']);
      expect(await sortedKeys('updated > "-1w 1d"')).toEqual(['ALPHA-2', 'ALPHA-3', 'ALPHA-4']);
      expect(await sortedKeys('duedate < now()')).toEqual(['ALPHA-2']);
      expect(await sortedKeys('updated >= startOfDay(-4)')).toEqual(['ALPHA-3', 'ALPHA-4']);
      expect(await sortedKeys('updated < startOfMonth() AND updated >= startOfDay("-2d")')).toEqual(['ALPHA-4']);
    });

    it('custom fields by quoted name and by cf[id], statusCategory, parent, key and labels', async () => {
      expect(await sortedKeys('"Conversion stage" = legacy')).toEqual(['ALPHA-3', 'BETA-1']);
      expect(await sortedKeys('cf[10020] in (Piloting, Converted)')).toEqual(['ALPHA-1', 'ALPHA-2']);
      expect(await sortedKeys('statusCategory = Done')).toEqual(['ALPHA-2', 'BETA-2']);
      expect(await sortedKeys('statusCategory in ("In Progress", new) AND project = BETA')).toEqual(['BETA-1']);
      expect(await sortedKeys('parent = ALPHA-1')).toEqual(['ALPHA-2', 'ALPHA-3', 'ALPHA-4']);
      expect(await sortedKeys('issuekey in (ALPHA-1, 10200)')).toEqual(['ALPHA-1', 'BETA-1']);
      expect(await sortedKeys('labels = transformation')).toEqual(['ALPHA-1', 'BETA-1']);
    });
  });

  describe('ORDER BY', () => {
    it('sorts by one or more fields, ascending by default', async () => {
      expect(await keys('project = ALPHA ORDER BY created DESC')).toEqual(['ALPHA-5', 'ALPHA-4', 'ALPHA-3', 'ALPHA-2', 'ALPHA-1']);
      expect(await keys('project in (ALPHA, BETA) AND issuetype = Epic ORDER BY key')).toEqual(['ALPHA-1', 'BETA-1']);
      expect(await keys('project = ALPHA ORDER BY assignee ASC, key DESC')).toEqual(['ALPHA-4', 'ALPHA-2', 'ALPHA-3', 'ALPHA-5', 'ALPHA-1']);
      expect(await keys('project = ALPHA ORDER BY "Story Points" DESC')).toEqual(['ALPHA-1', 'ALPHA-5', 'ALPHA-4', 'ALPHA-2', 'ALPHA-3']);
    });

    it('puts empty values last ascending and first descending', async () => {
      expect(await keys('project = ALPHA ORDER BY duedate ASC, key ASC')).toEqual(['ALPHA-2', 'ALPHA-3', 'ALPHA-1', 'ALPHA-4', 'ALPHA-5']);
      expect(await keys('project = ALPHA ORDER BY duedate DESC, key ASC')).toEqual(['ALPHA-1', 'ALPHA-4', 'ALPHA-5', 'ALPHA-3', 'ALPHA-2']);
    });

    it('orders by rank like key, and by newest key without ORDER BY', async () => {
      expect(await keys('project = BETA ORDER BY rank')).toEqual(['BETA-1', 'BETA-2']);
      expect(await keys('project = ALPHA AND issuetype = Story')).toEqual(['ALPHA-3', 'ALPHA-2']);
    });
  });

  describe('errors in Jira shape', () => {
    it('reports syntax errors with Jira wording and position', async () => {
      expect(await errorOf('project = ')).toEqual(['Error in the JQL Query: Expecting either a value, list or function before the end of the query.']);
      expect(await errorOf('project ALPHA')).toEqual([
        "Error in the JQL Query: Expecting operator but got 'ALPHA'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)",
      ]);
      expect(await errorOf('project = ALPHA status = Done')).toEqual(["Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'status'. (line 1, character 17)"]);
      expect(await errorOf('summary ~ "open')).toEqual(["Error in the JQL Query: The quoted string 'open' has not been completed. (line 1, character 11)"]);
      expect((await errorOf('labels = a@b'))[0]).toMatch(/^Error in the JQL Query: The character '@' is a reserved JQL character/);
      expect(await errorOf('(project = ALPHA')).toEqual(["Error in the JQL Query: Expecting ')' before the end of the query."]);
      expect(await errorOf('project = = ALPHA')).toEqual([
        "Error in the JQL Query: Expecting either a value, list or function but got '='. You must surround '=' in quotation marks to use it as a value. (line 1, character 11)",
      ]);
    });

    it('reports unknown fields, functions, values and unsupported operators, all at once', async () => {
      expect(await errorOf('foo = 1 AND project ~ ALPHA')).toEqual([
        "Field 'foo' does not exist or you do not have permission to view it.",
        "The operator '~' is not supported by the 'project' field.",
      ]);
      expect(await errorOf('assignee = whoIsThis()')).toEqual(["Unable to find JQL function 'whoIsThis()'."]);
      expect(await errorOf('status = Waiting')).toEqual(["The value 'Waiting' does not exist for the field 'status'."]);
      expect(await errorOf('"Conversion stage" = Finished')).toEqual(["The option 'Finished' for field 'Conversion stage' does not exist."]);
      expect((await errorOf('created > yesterday'))[0]).toMatch(/^Date value 'yesterday' for field 'created' is invalid/);
      expect(await errorOf('summary = "x"')).toEqual(["The operator '=' is not supported by the 'summary' field."]);
      expect(await errorOf('key = ALPHA-404')).toEqual(["An issue with key 'ALPHA-404' does not exist for field 'key'."]);
      expect(await errorOf('project = ALPHA ORDER BY nothing')).toEqual(["Field 'nothing' does not exist or you do not have permission to view it."]);
      expect(await errorOf('project = ALPHA ORDER BY text')).toEqual(["Field 'text' does not support sorting."]);
    });

    it('treats a project the user cannot browse as one that does not exist', async () => {
      expect(await errorOf('project = GAMMA', USERS.bob)).toEqual(["The value 'GAMMA' does not exist for the field 'project'."]);
      expect(await errorOf('project in (ALPHA, BETA)', USERS.bob)).toEqual(["The value 'BETA' does not exist for the field 'project'."]);
      expect(await errorOf('key = GAMMA-1', USERS.bob)).toEqual(["An issue with key 'GAMMA-1' does not exist for field 'key'."]);
    });

    it('refuses unbounded queries, as the enhanced search does', async () => {
      const message = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';
      expect(await errorOf('')).toEqual([message]);
      expect(await errorOf('ORDER BY created DESC')).toEqual([message]);
      const count = await t.call(USERS.alice, '/rest/api/3/search/approximate-count', { body: { jql: 'order by key' } });
      expect(count.status).toBe(400);
    });

    it('allows at most 7 ORDER BY fields', async () => {
      expect(await keys('project = BETA ORDER BY key, created, updated, duedate, summary, status, assignee')).toHaveLength(2);
      expect((await errorOf('project = BETA ORDER BY key, created, updated, duedate, summary, status, assignee, reporter'))[0]).toMatch(/at most 7/);
    });
  });
});
