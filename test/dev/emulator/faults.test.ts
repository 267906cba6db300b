import { startTestEmulator, type ErrorBody, type TestEmulator } from './emulatorClient';
import { buildFixtureSite, USERS } from './fixtureSite';

describe('Jira emulator: fault injection, latency and stats', () => {
  let t: TestEmulator;
  beforeAll(async () => {
    t = await startTestEmulator({ site: buildFixtureSite() });
  });
  afterAll(() => t.emulator.close());
  afterEach(() => {
    t.emulator.faults.clear();
    t.emulator.resetStats();
  });

  const myself = () => t.call(USERS.bob, '/rest/api/3/myself');
  const search = () => t.call(USERS.bob, '/rest/api/3/search/jql', { body: { jql: 'project = ALPHA' } });

  it('answers 429 with Retry-After and Jira error body, then recovers after the rule is used up', async () => {
    t.emulator.faults.add({ status: 429, retryAfterSeconds: 7, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await myself();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(res.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
      expect(res.json<ErrorBody>()).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
    }
    expect((await myself()).status).toBe(200);
  });

  it('matches rules by method and path prefix only', async () => {
    t.emulator.faults.add({ method: 'post', pathPrefix: '/rest/api/3/search', status: 503, retryAfterSeconds: 2 });
    expect((await myself()).status).toBe(200);
    const res = await search();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.json<ErrorBody>().errorMessages).toHaveLength(1);
    expect((await search()).status).toBe(200);
  });

  it('keeps a rule with times -1 or Infinity until cleared, and answers 500s', async () => {
    t.emulator.faults.add({ status: 500, times: -1 });
    for (let i = 0; i < 3; i++) expect((await myself()).status).toBe(500);
    t.emulator.faults.clear();
    t.emulator.faults.add({ status: 502, times: Infinity });
    for (let i = 0; i < 3; i++) expect((await myself()).status).toBe(502);
    t.emulator.faults.clear();
    expect((await myself()).status).toBe(200);
  });

  it('sends a truncated JSON body when asked for a malformed one', async () => {
    t.emulator.faults.add({ malformedBody: true });
    const res = await search();
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"issues"')).toBe(true);
    expect(() => res.json()).toThrow(SyntaxError);
  });

  it('adds latency per rule and per emulator', async () => {
    t.emulator.faults.add({ latencyMs: 250 });
    const started = Date.now();
    expect((await myself()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);

    const slow = await startTestEmulator({ site: buildFixtureSite(), latencyMs: 150 });
    try {
      const begin = Date.now();
      expect((await slow.call(USERS.bob, '/rest/api/3/myself')).status).toBe(200);
      expect(Date.now() - begin).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.emulator.close();
    }
  });

  it('rejects rules that would do nothing', () => {
    expect(() => t.emulator.faults.add({ pathPrefix: '/rest/' })).toThrow(/status, a latencyMs or malformedBody/);
    expect(() => t.emulator.faults.add({ status: 429, times: 0 })).toThrow();
  });

  it('takes faults over the admin HTTP surface', async () => {
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${t.emulator.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect((await admin('POST', '/__emulator/faults', { status: 429, retryAfterSeconds: 3, times: -1, pathPrefix: '/rest/api/3/myself' })).status).toBe(201);
    expect((await myself()).status).toBe(429);
    expect((await myself()).headers.get('retry-after')).toBe('3');
    expect((await admin('DELETE', '/__emulator/faults')).status).toBe(204);
    expect((await myself()).status).toBe(200);
    const invalid = await admin('POST', '/__emulator/faults', { status: 'soon' });
    expect(invalid.status).toBe(400);
  });

  it('counts /rest/ requests by path, faulted ones included, and resets', async () => {
    t.emulator.faults.add({ status: 503 });
    await myself();
    await myself();
    await search();
    await t.call(USERS.bob, '/rest/api/3/search/jql?jql=project%3DALPHA');
    expect(t.emulator.stats()).toEqual({ requests: 4, byPath: { '/rest/api/3/myself': 2, '/rest/api/3/search/jql': 2 } });
    const overHttp = await (await fetch(`${t.emulator.url}/__emulator/stats`)).json();
    expect(overHttp).toEqual(t.emulator.stats());
    expect((await fetch(`${t.emulator.url}/__emulator/stats/reset`, { method: 'POST' })).status).toBe(204);
    expect(t.emulator.stats()).toEqual({ requests: 0, byPath: {} });
  });
});
