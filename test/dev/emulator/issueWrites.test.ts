import type { IssueEventPayload } from '../../../dev/emulator';
import { JiraHttpError } from '../../../dev/emulator';
import { startTestEmulator, type ErrorBody, type SearchPage, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';
import { loadOpenApiContract, type Json, type OpenApiContract } from './openApi';

const ISSUE = '/rest/api/3/issue';
const ISSUE_BY_KEY = '/rest/api/3/issue/{issueIdOrKey}';

interface IssueBean {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  changelog?: { histories: { id: string; author: { accountId: string }; created: string; items: Record<string, unknown>[] }[] };
}

describe('Jira emulator: issue create, edit and delete', () => {
  let t: TestEmulator;
  let contract: OpenApiContract;
  let now = new Date('2026-02-01T12:00:00.000Z');
  const events: IssueEventPayload[] = [];
  let unsubscribe: () => void;

  beforeEach(async () => {
    now = new Date('2026-02-01T12:00:00.000Z');
    t = await startTestEmulator({ site: buildFixtureSite(), clock: () => now });
    events.length = 0;
    unsubscribe = t.emulator.onIssueEvent((e) => events.push(e));
  });
  afterEach(() => t.emulator.close());
  beforeAll(() => {
    contract = loadOpenApiContract();
  });

  const get = async (key: string, query = ''): Promise<IssueBean> => {
    const res = await t.call(USERS.alice, `${ISSUE}/${key}${query}`);
    expect(res.status).toBe(200);
    return res.json<IssueBean>();
  };
  const searchKeys = async (jql: string): Promise<string[]> => {
    const res = await t.call(USERS.alice, '/rest/api/3/search/jql', { body: { jql, fields: ['key'], maxResults: 100 } });
    expect(res.status).toBe(200);
    return res.json<SearchPage>().issues.map((i) => i.key ?? '');
  };
  const expectErrorCollection = (path: string, method: string, status: number, body: unknown): void => {
    expect(contract.documents(path, method, status)).toBe(true);
    contract.expectValid(contract.responseValidator(path, method, status), body, `${method.toUpperCase()} ${path} (${status})`);
  };

  describe('POST /rest/api/3/issue', () => {
    it('creates the issue: 201 CreatedIssue, the next key, the fields stored in the REST v3 shape, the caller as reporter', async () => {
      now = new Date('2026-02-03T09:30:00.000Z');
      const res = await t.call(USERS.carol, ISSUE, {
        body: {
          fields: {
            project: { key: 'ALPHA' },
            issuetype: { name: 'Story' },
            summary: 'Move the invoice archive',
            parent: { key: 'ALPHA-1' },
            labels: ['billing'],
            customfield_10020: { value: 'Piloting' },
            customfield_10030: 2,
          },
        },
      });
      expect(res.status).toBe(201);
      const created = res.json<Json>();
      contract.expectValid(contract.responseValidator(ISSUE, 'post', 201), created, 'POST /issue (201)');
      expect(created).toEqual({ id: '10301', key: 'ALPHA-6', self: `${t.emulator.url}/rest/api/3/issue/10301` });

      const issue = await get('ALPHA-6');
      expect(issue.fields).toMatchObject({
        summary: 'Move the invoice archive',
        project: { key: 'ALPHA' },
        issuetype: { id: '10001', name: 'Story' },
        status: { id: '1', name: 'To Do' },
        parent: { key: 'ALPHA-1' },
        labels: ['billing'],
        reporter: { accountId: 'carol' },
        assignee: null,
        created: '2026-02-03T09:30:00.000+0000',
        updated: '2026-02-03T09:30:00.000+0000',
        // The option's id is the one the site already uses for 'Piloting'.
        customfield_10020: { value: 'Piloting', id: '10201', self: `${t.emulator.url}/rest/api/3/customFieldOption/10201` },
        customfield_10030: 2,
      });
      expect(await searchKeys('parent = ALPHA-1 AND "Conversion stage" = Piloting')).toEqual(['ALPHA-6']);
    });

    it('answers 400 with one message per field for missing or invalid fields, and creates nothing', async () => {
      const res = await t.call(USERS.alice, ISSUE, { body: { fields: { project: { key: 'ALPHA' }, customfield_10020: { value: 'Nope' }, priority: { name: 'High' } } } });
      expect(res.status).toBe(400);
      const body = res.json<ErrorBody>();
      expectErrorCollection(ISSUE, 'post', 400, body);
      expect(body.errors).toEqual({
        issuetype: 'Specify an issue type',
        summary: 'You must specify a summary of the issue.',
        customfield_10020: "Specify a valid 'id' or 'name' for Conversion stage",
        priority: "Field 'priority' cannot be set. It is not on the appropriate screen, or unknown.",
      });
      expect(t.emulator.site.issues).toHaveLength(8);
      expect(events).toEqual([]);
    });

    it('treats a project the caller may not browse like one that does not exist', async () => {
      const res = await t.call(USERS.bob, ISSUE, { body: { fields: { project: { key: 'GAMMA' }, issuetype: { name: 'Task' }, summary: 'Sneak in' } } });
      expect(res.status).toBe(400);
      expect(res.json<ErrorBody>().errors).toEqual({ project: 'valid project is required' });
      expect(t.emulator.site.issues.filter((i) => i.projectKey === 'GAMMA')).toHaveLength(1);
    });

    it('refuses a parent of the wrong level and a sub-task without parent', async () => {
      const wrong = await t.call(USERS.alice, ISSUE, { body: { fields: { project: { key: 'ALPHA' }, issuetype: { name: 'Epic' }, summary: 'Epic under a story', parent: { key: 'ALPHA-2' } } } });
      expect(wrong.json<ErrorBody>().errors).toEqual({ parent: 'Given parent work item does not belong to appropriate hierarchy.' });
      const orphan = await t.call(USERS.alice, ISSUE, { body: { fields: { project: { key: 'ALPHA' }, issuetype: { name: 'Sub-task' }, summary: 'Orphan' } } });
      expect(orphan.status).toBe(400);
      expect(Object.keys(orphan.json<ErrorBody>().errors)).toEqual(['parent']);
    });
  });

  describe('PUT /rest/api/3/issue/{issueIdOrKey}', () => {
    it('edits the fields: 204 with no body, `updated` from the clock, one changelog entry, searches see it at once', async () => {
      now = new Date('2026-02-05T14:20:00.000Z');
      const res = await t.call(USERS.bob, `${ISSUE}/ALPHA-3`, {
        method: 'PUT',
        body: { fields: { summary: 'Switch numbering', customfield_10020: { value: 'Converted' }, assignee: { accountId: 'bob' }, duedate: null } },
      });
      expect(res.status).toBe(204);
      expect(contract.documents(ISSUE_BY_KEY, 'put', 204)).toBe(true);
      expect(res.text).toBe('');

      const issue = await get('ALPHA-3', '?expand=changelog');
      expect(issue.fields).toMatchObject({ summary: 'Switch numbering', updated: '2026-02-05T14:20:00.000+0000', assignee: { accountId: 'bob' }, duedate: null, customfield_10020: { value: 'Converted', id: '10202' } });
      const latest = issue.changelog?.histories[0];
      expect(latest).toMatchObject({ author: { accountId: 'bob' }, created: '2026-02-05T14:20:00.000+0000' });
      expect(latest?.items).toEqual([
        { field: 'summary', fieldtype: 'jira', fieldId: 'summary', from: null, fromString: 'Switch invoice numbering to the new scheme', to: null, toString: 'Switch numbering' },
        { field: 'Conversion stage', fieldtype: 'custom', fieldId: 'customfield_10020', from: '10200', fromString: 'Legacy', to: '10202', toString: 'Converted' },
        { field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: 'carol', fromString: 'Carol Both', to: 'bob', toString: 'Bob Alpha' },
        { field: 'duedate', fieldtype: 'jira', fieldId: 'duedate', from: '2026-02-15', fromString: '2026-02-15 00:00:00.0', to: null, toString: null },
      ]);
      expect(await searchKeys('updated >= "2026-02-05 14:20" ORDER BY updated ASC')).toEqual(['ALPHA-3']);
      expect(await searchKeys('id in (10102, 10103) AND "Conversion stage" = Converted')).toEqual(['ALPHA-3']);

      const bulk = await t.call(USERS.alice, '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['ALPHA-3'], fieldIds: ['customfield_10020'] } });
      expect(JSON.stringify(bulk.json())).toContain('Converted');
    });

    it('answers 404 to a user who may not browse the issue, exactly as for an issue that does not exist, and changes nothing', async () => {
      const hidden = await t.call(USERS.bob, `${ISSUE}/GAMMA-1`, { method: 'PUT', body: { fields: { summary: 'Leaked' } } });
      const missing = await t.call(USERS.bob, `${ISSUE}/ALPHA-99`, { method: 'PUT', body: { fields: { summary: 'Ghost' } } });
      expect(hidden.status).toBe(404);
      expect(hidden.json()).toEqual(missing.json());
      expectErrorCollection(ISSUE_BY_KEY, 'put', 404, hidden.json());
      expect((await get('GAMMA-1')).fields['summary']).toBe('Secret billing merger');
      const deleted = await t.call(USERS.bob, `${ISSUE}/GAMMA-1`, { method: 'DELETE' });
      expect(deleted.status).toBe(404);
      expectErrorCollection(ISSUE_BY_KEY, 'delete', 404, deleted.json());
      expect(t.emulator.site.issues.some((i) => i.key === 'GAMMA-1')).toBe(true);
      expect(events).toEqual([]);
    });

    it('refuses status (a transition in Jira) and project; an edit that changes nothing records nothing', async () => {
      const res = await t.call(USERS.alice, `${ISSUE}/ALPHA-3`, { method: 'PUT', body: { fields: { status: { name: 'Done' }, project: { key: 'BETA' } } } });
      expect(res.status).toBe(400);
      expectErrorCollection(ISSUE_BY_KEY, 'put', 400, res.json());
      expect(Object.keys(res.json<ErrorBody>().errors).sort()).toEqual(['project', 'status']);

      const same = await t.call(USERS.alice, `${ISSUE}/ALPHA-3`, { method: 'PUT', body: { fields: { summary: 'Switch invoice numbering to the new scheme' } } });
      expect(same.status).toBe(204);
      expect((await get('ALPHA-3')).fields['updated']).toBe('2026-01-28T12:00:00.000+0000');
      expect(events).toEqual([]);
    });

    it('returnIssue=true answers 200 with the edited issue', async () => {
      const res = await t.call(USERS.alice, `${ISSUE}/ALPHA-4?returnIssue=true`, { method: 'PUT', body: { fields: { labels: ['infrastructure', 'cloud'] } } });
      expect(res.status).toBe(200);
      expect(res.json<IssueBean>().fields['labels']).toEqual(['infrastructure', 'cloud']);
    });
  });

  describe('DELETE /rest/api/3/issue/{issueIdOrKey}', () => {
    it('deletes: 204, then 404, gone from searches; children lose their parent; keys are not reused', async () => {
      const res = await t.call(USERS.alice, `${ISSUE}/ALPHA-3`, { method: 'DELETE' });
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect((await t.call(USERS.alice, `${ISSUE}/ALPHA-3`)).status).toBe(404);
      expect(await searchKeys('project = ALPHA ORDER BY key')).toEqual(['ALPHA-1', 'ALPHA-2', 'ALPHA-4', 'ALPHA-5']);
      expect((await get('ALPHA-2')).fields['issuelinks']).toEqual([]);
      expect((await t.call(USERS.alice, `${ISSUE}/ALPHA-1`, { method: 'DELETE' })).status).toBe(204);
      expect((await get('ALPHA-2')).fields).not.toHaveProperty('parent');
      expect(await searchKeys('parent is EMPTY AND project = ALPHA ORDER BY key')).toEqual(['ALPHA-2', 'ALPHA-4']);

      const created = t.emulator.issues.create({ project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'After the delete' });
      expect(created.key).toBe('ALPHA-6');
      t.emulator.issues.delete('ALPHA-6');
      expect(t.emulator.issues.create({ project: { key: 'ALPHA' }, issuetype: { name: 'Task' }, summary: 'Again' }).key).toBe('ALPHA-7');
    });

    it('refuses an issue with sub-tasks unless deleteSubtasks=true, which deletes them too', async () => {
      const refused = await t.call(USERS.alice, `${ISSUE}/ALPHA-4`, { method: 'DELETE' });
      expect(refused.status).toBe(400);
      expectErrorCollection(ISSUE_BY_KEY, 'delete', 400, refused.json());
      const done = await t.call(USERS.alice, `${ISSUE}/ALPHA-4?deleteSubtasks=true`, { method: 'DELETE' });
      expect(done.status).toBe(204);
      expect(t.emulator.site.issues.map((i) => i.key)).not.toEqual(expect.arrayContaining(['ALPHA-4']));
      expect(t.emulator.site.issues.some((i) => i.key === 'ALPHA-5')).toBe(false);
      expect(events.map((e) => `${e.eventType} ${e.issue.key}`)).toEqual(['avi:jira:deleted:issue ALPHA-5', 'avi:jira:deleted:issue ALPHA-4']);
    });
  });

  describe('issue events', () => {
    it('emits a Forge-style payload after each write: created, updated with its changelog, deleted', async () => {
      now = new Date('2026-02-06T08:00:00.000Z');
      const created = await t.call(USERS.carol, ISSUE, { body: { fields: { project: { id: '10001' }, issuetype: { id: '10002' }, summary: 'Close branch ledgers' } } });
      const { id } = created.json<{ id: string }>();
      await t.call(USERS.carol, `${ISSUE}/${id}`, { method: 'PUT', body: { fields: { summary: 'Close every branch ledger' } } });
      await t.call(USERS.carol, `${ISSUE}/${id}`, { method: 'DELETE' });

      const issue = {
        id,
        key: 'BETA-3',
        fields: {
          project: { id: '10001', key: 'BETA', name: 'Beta Banking' },
          issuetype: { id: '10002', name: 'Task' },
          status: { id: '1', name: 'To Do' },
          created: '2026-02-06T08:00:00.000+0000',
          updated: '2026-02-06T08:00:00.000+0000',
          // Who created it, reports it and has it, as Atlassian's issue-event reference lists them.
          creator: { accountId: 'carol' },
          reporter: { accountId: 'carol' },
          assignee: null,
        },
      };
      const actor = { atlassianId: 'carol', associatedUsers: [{ accountId: 'carol' }] };
      expect(events).toEqual([
        { eventType: 'avi:jira:created:issue', ...actor, issue: { ...issue, fields: { ...issue.fields, summary: 'Close branch ledgers' } } },
        {
          eventType: 'avi:jira:updated:issue',
          ...actor,
          issue: { ...issue, fields: { ...issue.fields, summary: 'Close every branch ledger' } },
          changelog: { id: expect.any(String), items: [{ field: 'summary', fieldId: 'summary', fieldtype: 'jira', from: null, fromString: 'Close branch ledgers', to: null, toString: 'Close every branch ledger' }] },
        },
        { eventType: 'avi:jira:deleted:issue', ...actor, issue: { ...issue, fields: { ...issue.fields, summary: 'Close every branch ledger' } } },
      ]);
      // No custom fields in the payload: Forge's issue events carry a few system fields only.
      expect(Object.keys(events[0]?.issue.fields ?? {}).sort()).toEqual(['assignee', 'created', 'creator', 'issuetype', 'project', 'reporter', 'status', 'summary', 'updated']);
    });

    it('the programmatic API takes the same path: permissions as the actor, events, and it may set status', async () => {
      expect(() => t.emulator.issues.update('GAMMA-1', { summary: 'x' }, 'bob')).toThrow(JiraHttpError);
      try {
        t.emulator.issues.update('GAMMA-1', { summary: 'x' }, 'bob');
      } catch (error) {
        expect((error as JiraHttpError).status).toBe(404);
      }
      t.emulator.issues.update('ALPHA-3', { status: { name: 'Done' } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ eventType: 'avi:jira:updated:issue', atlassianId: 'alice', issue: { key: 'ALPHA-3', fields: { status: { id: '10001', name: 'Done' } } } });
      expect(events[0]?.changelog?.items.map((i) => i.field)).toEqual(['status', 'resolution']);
      expect((await get('ALPHA-3')).fields['resolutiondate']).toBe('2026-02-01T12:00:00.000+0000');
      expect(await searchKeys('statusCategory = Done AND project = ALPHA ORDER BY key')).toEqual(['ALPHA-2', 'ALPHA-3']);

      unsubscribe();
      t.emulator.issues.update('ALPHA-3', { summary: 'Unheard' });
      expect(events).toHaveLength(1);
    });
  });
});
