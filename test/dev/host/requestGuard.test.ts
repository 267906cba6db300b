import { request } from 'node:http';
import { DEMO_USERS } from '../../../dev/demo/generate';
import type { LocalPlatform } from '../../../dev/platform';
import { SETTINGS_KEYS } from '../../../src/contract';
import { bridgeInvoke, envelopeOf } from '../../security/bridgeClient';
import { startTestPlatform } from '../../support/platform';

interface RawAnswer {
  status: number;
  body: string;
}

/** One raw HTTP request, so headers (Host, Origin, Content-Type) are exactly what a hostile page could send. */
function raw(url: string, path: string, headers: Record<string, string>, body: string | Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(path, url);
    const req = request(target, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The page host runs next to a developer's browser: only its own pages may act through it, and only as the user they chose. */
describe('page host: requests from anywhere but its own pages are refused', () => {
  let platform: LocalPlatform;
  let own: string;
  const importCall = (frame = { module: 'admin' }) => JSON.stringify({ name: 'invoke', payload: { functionKey: SETTINGS_KEYS.import, payload: { json: '{}', baseRevision: 0 } }, frame });
  const settingsRevision = async () => {
    const answer = envelopeOf(await bridgeInvoke(own, DEMO_USERS.admin, { module: 'admin' }, SETTINGS_KEYS.get, {}));
    if (!answer.success) throw new Error(answer.error.message);
    return JSON.stringify(answer.data);
  };

  beforeAll(async () => {
    platform = await startTestPlatform();
    own = platform.host.url;
  }, 60_000);
  afterAll(() => platform.close());

  it('refuses a cross-site form-style POST (text/plain, no user cookie) and changes nothing', async () => {
    const before = await settingsRevision();
    const answer = await raw(own, '/__host/bridge', { origin: 'http://127.0.0.1:9999', 'content-type': 'text/plain' }, importCall());
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: "The page host only answers its own pages (Origin 'http://127.0.0.1:9999')." });
    expect(await settingsRevision()).toBe(before);
  });

  it('refuses a request with no Origin, or a foreign Host (DNS rebinding)', async () => {
    const cookie = `to_user=${DEMO_USERS.admin}`;
    expect((await raw(own, '/__host/bridge', { 'content-type': 'application/json', cookie }, importCall())).status).toBe(403);
    const port = new URL(own).port;
    const rebound = await raw(own, '/__host/bridge', { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}`, 'content-type': 'application/json', cookie }, importCall());
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error).toContain("does not answer requests for the host 'attacker.example:");
  });

  it('takes JSON only, even from its own origin', async () => {
    const answer = await raw(own, '/__host/bridge', { origin: own, 'content-type': 'text/plain', cookie: `to_user=${DEMO_USERS.admin}` }, importCall());
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).error).toBe("The page host takes JSON only (Content-Type 'text/plain').");
  });

  it('never acts as the Jira admin (or anyone) for a request that names no user', async () => {
    const answer = await raw(own, '/__host/bridge', { origin: own, 'content-type': 'application/json' }, importCall());
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body).error).toMatch(/^No user is chosen in this browser/);
  });

  it('answers an over-large body with 413 and says so, without resetting the connection', async () => {
    const big = JSON.stringify({ name: 'invoke', payload: { functionKey: SETTINGS_KEYS.get, payload: { pad: 'x'.repeat(1_500_000) } }, frame: { module: 'admin' } });
    const answer = await raw(own, '/__host/bridge', { origin: own, 'content-type': 'application/json', cookie: `to_user=${DEMO_USERS.admin}` }, big);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ ok: false, error: 'The request is too large: the page host accepts at most 1,000,000 bytes.' });
  });

  it('the session switch is guarded the same way', async () => {
    const answer = await raw(own, '/__host/session', { origin: 'http://evil.localhost:1', 'content-type': 'application/json' }, JSON.stringify({ accountId: DEMO_USERS.admin }));
    expect(answer.status).toBe(403);
  });

  it("still answers its own page's calls, and a first visit chooses the first switcher user visibly", async () => {
    expect(envelopeOf(await bridgeInvoke(own, DEMO_USERS.teamMember, { module: 'global' }, SETTINGS_KEYS.get, {})).success).toBe(true);
    const page = await fetch(`${own}/jira/apps/transformation-office`);
    expect(page.headers.get('set-cookie')).toBe(`to_user=${encodeURIComponent(DEMO_USERS.admin)}; Path=/; SameSite=Strict`);
  });
});
