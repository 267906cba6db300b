import { existsSync, readFileSync } from 'node:fs';

import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

import { startTestEmulator, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

/**
 * Validates real emulator responses against the response schemas of Atlassian's OpenAPI
 * description of the Jira Cloud platform REST API v3, read from where the team keeps it.
 */
const SPEC_PATH = process.env['JIRA_OPENAPI_SPEC'] ?? '/work/shared/jira/jira-platform-openapi.v3.json';

type Json = Record<string, unknown>;

function loadSpec(): Json {
  if (!existsSync(SPEC_PATH)) {
    throw new Error(`The Jira emulator contract test needs Jira's OpenAPI description at ${SPEC_PATH} (or set JIRA_OPENAPI_SPEC to its path).`);
  }
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  // Jira sends null for absent from/to values in changelog items; the description omits `nullable` there.
  const changeDetails = ((spec['components'] as Json)['schemas'] as Json)['ChangeDetails'] as { properties: Record<string, Json> };
  for (const name of ['from', 'fromString', 'to', 'toString']) {
    const property = changeDetails.properties[name];
    if (property) property['nullable'] = true;
  }
  return spec;
}

function pointer(...segments: string[]): string {
  return segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');
}

describe('Jira emulator: responses match Jira OpenAPI description', () => {
  let t: TestEmulator;
  let ajv: Ajv;
  let spec: Json;

  beforeAll(async () => {
    spec = loadSpec();
    ajv = new Ajv({ strict: false, allErrors: true, ownProperties: true });
    addFormats(ajv);
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    ajv.addSchema(spec, 'jira');
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(async () => {
    await t?.emulator.close();
  });

  /** The schema the description gives for one response; fails the test when it gives none. */
  function responseValidator(path: string, method: string, status: number): ValidateFunction {
    const operation = ((spec['paths'] as Record<string, Record<string, Json>>)[path] ?? {})[method];
    const response = (operation?.['responses'] as Record<string, Json> | undefined)?.[String(status)];
    const hasSchema = (response?.['content'] as Record<string, Json> | undefined)?.['application/json']?.['schema'] !== undefined;
    const ref = hasSchema
      ? `jira#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`
      : 'jira#/components/schemas/ErrorCollection';
    if (!hasSchema && status < 400) throw new Error(`The description has no ${status} schema for ${method.toUpperCase()} ${path}`);
    return ajv.compile({ $ref: ref });
  }

  function componentValidator(name: string): ValidateFunction {
    const validate = ajv.getSchema(`jira#/components/schemas/${name}`);
    if (!validate) throw new Error(`No schema ${name} in the description`);
    return validate;
  }

  function expectValid(validate: ValidateFunction, data: unknown, what: string): void {
    const valid = validate(data);
    if (!valid) throw new Error(`${what} does not match the description: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  }

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
