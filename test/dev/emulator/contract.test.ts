import { existsSync } from 'node:fs';

import { startTestEmulator, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';
import { loadOpenApiContract, SPEC_PATH, type Json, type OpenApiContract } from './openApi';

describe('Jira emulator: responses match Jira OpenAPI description', () => {
  let t: TestEmulator;
  let contract: OpenApiContract;
  let spec: Json;

  beforeAll(async () => {
    contract = loadOpenApiContract();
    spec = contract.spec;
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(async () => {
    await t?.emulator.close();
  });

  const responseValidator = (path: string, method: string, status: number) => contract.responseValidator(path, method, status);
  const componentValidator = (name: string) => contract.componentValidator(name);
  const expectValid: OpenApiContract['expectValid'] = (validate, data, what) => contract.expectValid(validate, data, what);

  async function check(specPath: string, method: 'get' | 'post', url: string, expectedStatus: number, options: { body?: unknown; user?: typeof USERS.alice | null } = {}): Promise<Json> {
    const user = options.user === null ? undefined : (options.user ?? USERS.alice);
    const res = await t.call(user, url, { method: method.toUpperCase(), ...(options.body === undefined ? {} : { body: options.body }) });
    expect(res.status).toBe(expectedStatus);
    const data = res.json<Json>();
    expectValid(responseValidator(specPath, method, expectedStatus), data, `${method.toUpperCase()} ${url} (${expectedStatus})`);
    return data;
  }

  it('reads the OpenAPI description', () => {
    expect(existsSync(SPEC_PATH)).toBe(true);
    expect(Object.keys(spec['paths'] as Json)).toEqual(expect.arrayContaining(['/rest/api/3/search/jql', '/rest/api/3/changelog/bulkfetch']));
  });

  it('rejects a response that breaks the schema, so the checks below can fail', () => {
    const validate = responseValidator('/rest/api/3/search/jql', 'get', 200);
    expect(validate({ issues: [], isLast: 'yes' })).toBe(false);
    expect(validate({ issues: [{ id: 1 }], isLast: true })).toBe(false);
  });

  it('enhanced search, GET and POST, with fields, expansions and id-only pages', async () => {
    const full = await check('/rest/api/3/search/jql', 'get', '/rest/api/3/search/jql?jql=project%20in%20(ALPHA,BETA,GAMMA)&fields=*all&expand=changelog,names,schema&maxResults=3', 200);
    expect(full['nextPageToken']).toEqual(expect.any(String));
    const issues = full['issues'] as { fields: Json }[];
    const fieldSchemas: Record<string, string> = { status: 'StatusDetails', issuetype: 'IssueTypeDetails', project: 'ProjectDetails', assignee: 'UserDetails', reporter: 'UserDetails' };
    for (const issue of issues) {
      for (const [field, schema] of Object.entries(fieldSchemas)) {
        if (issue.fields[field] !== null) expectValid(componentValidator(schema), issue.fields[field], `fields.${field}`);
      }
      for (const link of issue.fields['issuelinks'] as Json[]) {
        expectValid(componentValidator('IssueLinkType'), link['type'], 'issuelinks[].type');
        expectValid(componentValidator('LinkedIssue'), link['inwardIssue'] ?? link['outwardIssue'], 'issuelinks[].inwardIssue/outwardIssue');
      }
    }
    const idOnly = await check('/rest/api/3/search/jql', 'post', '/rest/api/3/search/jql', 200, { body: { jql: 'project = ALPHA', maxResults: 2 } });
    expect(idOnly['issues']).toEqual([{ id: expect.any(String) }, { id: expect.any(String) }]);
    await check('/rest/api/3/search/jql', 'post', '/rest/api/3/search/jql', 200, { body: { jql: 'key = ALPHA-2', fields: ['summary', 'parent', 'issuelinks'] } });
  });

  it('search errors use the error collection', async () => {
    await check('/rest/api/3/search/jql', 'post', '/rest/api/3/search/jql', 400, { body: { jql: 'project = ' } });
    await check('/rest/api/3/search/jql', 'get', '/rest/api/3/search/jql?jql=project=ALPHA', 401, { user: null });
  });

  it('approximate count', async () => {
    await check('/rest/api/3/search/approximate-count', 'post', '/rest/api/3/search/approximate-count', 200, { body: { jql: 'project = ALPHA' } });
  });

  it('fields, statuses, myself and serverInfo', async () => {
    await check('/rest/api/3/field', 'get', '/rest/api/3/field', 200);
    await check('/rest/api/3/myself', 'get', '/rest/api/3/myself', 200);
    await check('/rest/api/3/status', 'get', '/rest/api/3/status', 200);
    await check('/rest/api/3/serverInfo', 'get', '/rest/api/3/serverInfo', 200, { user: null });
  });

  it('project search', async () => {
    const page = await check('/rest/api/3/project/search', 'get', '/rest/api/3/project/search?maxResults=2', 200);
    expect(page['nextPage']).toEqual(expect.any(String));
  });

  it('mypermissions, including its errors', async () => {
    await check('/rest/api/3/mypermissions', 'get', '/rest/api/3/mypermissions?permissions=ADMINISTER,BROWSE_PROJECTS&projectKey=ALPHA', 200);
    await check('/rest/api/3/mypermissions', 'get', '/rest/api/3/mypermissions?permissions=NOPE', 400);
    await check('/rest/api/3/mypermissions', 'get', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=GAMMA', 404, { user: USERS.bob });
  });

  it('bulk permission check', async () => {
    await check('/rest/api/3/permissions/check', 'post', '/rest/api/3/permissions/check', 200, {
      body: { globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10002], issues: [10101] }] },
    });
    await check('/rest/api/3/permissions/check', 'post', '/rest/api/3/permissions/check', 403, { user: USERS.bob, body: { accountId: 'alice', globalPermissions: ['ADMINISTER'] } });
  });

  it('bulk changelog fetch', async () => {
    const page = await check('/rest/api/3/changelog/bulkfetch', 'post', '/rest/api/3/changelog/bulkfetch', 200, { body: { issueIdsOrKeys: ['ALPHA-2', 'BETA-1'], maxResults: 2 } });
    expect(page['nextPageToken']).toEqual(expect.any(String));
  });

  it('issue get, and its 404', async () => {
    await check('/rest/api/3/issue/{issueIdOrKey}', 'get', '/rest/api/3/issue/ALPHA-2?expand=changelog,names,schema', 200);
    await check('/rest/api/3/issue/{issueIdOrKey}', 'get', '/rest/api/3/issue/GAMMA-1', 404, { user: USERS.bob });
  });

  it('injected 429s', async () => {
    t.emulator.faults.add({ status: 429, retryAfterSeconds: 1 });
    const res = await t.call(USERS.alice, '/rest/api/3/myself');
    expect(res.status).toBe(429);
    expectValid(componentValidator('ErrorCollection'), res.json(), '429 body');
  });
});
