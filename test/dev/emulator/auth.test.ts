import { basicAuth, startTestEmulator, type ErrorBody, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

describe('Jira emulator: authentication and routing', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(() => t.emulator.close());

  it('answers 401 with Jira error collection when no credentials are sent', async () => {
    const res = await t.call(undefined, '/rest/api/3/myself');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(res.json<ErrorBody>()).toEqual({
      errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
      errors: {},
    });
  });

  it('answers 401 for a wrong API token, a malformed header and an unknown email', async () => {
    for (const authorization of [basicAuth(USERS.bob.emailAddress, 'wrong'), 'Bearer abc', basicAuth('nobody@example.test', USERS.bob.apiToken)]) {
      const res = await t.call(undefined, '/rest/api/3/search/jql?jql=project=ALPHA', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-seraph-loginreason')).toBe('AUTHENTICATED_FAILED');
      expect(res.json<ErrorBody>().errorMessages).toHaveLength(1);
    }
  });

  it('accepts email (case-insensitively) and API token as Basic auth', async () => {
    const res = await t.call(undefined, '/rest/api/3/myself', { headers: { authorization: basicAuth(USERS.bob.emailAddress.toUpperCase(), USERS.bob.apiToken) } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ accountId: 'bob', displayName: 'Bob Alpha', emailAddress: 'bob@example.test', active: true });
  });

  it('serves serverInfo anonymously, as Jira does, but still refuses bad credentials there', async () => {
    const anonymous = await t.call(undefined, '/rest/api/3/serverInfo');
    expect(anonymous.status).toBe(200);
    expect(anonymous.json()).toMatchObject({ deploymentType: 'Cloud', baseUrl: t.emulator.url });
    const wrong = await t.call(undefined, '/rest/api/3/serverInfo', { headers: { authorization: basicAuth('bob@example.test', 'nope') } });
    expect(wrong.status).toBe(401);
  });

  it('answers 404 in Jira error shape for unknown REST resources and 405 for a wrong method', async () => {
    const missing = await t.call(USERS.alice, '/rest/api/3/dashboard');
    expect(missing.status).toBe(404);
    expect(missing.json<ErrorBody>()).toEqual({ errorMessages: [expect.stringContaining('/rest/api/3/dashboard')], errors: {} });
    const wrongMethod = await t.call(USERS.alice, '/rest/api/3/myself', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.json<ErrorBody>().errorMessages).toHaveLength(1);
  });
});
