import { z } from 'zod';
import { callJira, JiraBackLaterError, JiraTooSlowError, type JiraResponse } from '../../src/jira/jiraHttp';
import { recordingPolicy } from './fakeJira';

const ok = (body: unknown): JiraResponse => ({ status: 200, ok: true, headers: { get: () => null }, text: async () => JSON.stringify(body) });
const refused = (status: number, retryAfter?: string): JiraResponse => ({
  status,
  ok: false,
  headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
  text: async () => '{}',
});
const anything = z.unknown();

/** A policy for an invocation with `remaining` ms left that counts down by the waits it records. */
function invocationPolicy(remaining: number, answerReserveMs = 2_000) {
  const policy = recordingPolicy();
  const spent = () => policy.waits.reduce((a, b) => a + b, 0);
  return { ...policy, maxDelayMs: 60_000, answerReserveMs, remainingMs: () => remaining - spent() };
}

describe('retries fit the invocation that makes them', () => {
  it('does not wait a Retry-After longer than the invocation has left, and says when Jira will be back', async () => {
    const policy = invocationPolicy(25_000);
    const answers = [refused(429, '60'), ok({})];
    const call = callJira(async () => answers.shift() ?? ok({}), '/rest/api/3/search/jql', anything, policy);
    await expect(call).rejects.toThrow(new JiraBackLaterError(429, '/rest/api/3/search/jql', 60_000));
    await expect(call).rejects.toThrow('Jira is rate-limiting the app; figures will be back in about 60 s.');
    expect(policy.waits).toEqual([]);
  });

  it('waits a Retry-After that fits, and counts it against what is left for the next one', async () => {
    const policy = invocationPolicy(25_000);
    const answers = [refused(429, '10'), refused(429, '15'), ok({ done: true })];
    // 10 s fits the 23 s left after the 2 s reserve; then 13 s are left, and 15 s no longer fit.
    await expect(callJira(async () => answers.shift() ?? ok({}), '/x', anything, policy)).rejects.toThrow('figures will be back in about 15 s.');
    expect(policy.waits).toEqual([10_000]);
  });

  it('retries as often as the policy allows when every wait fits', async () => {
    const policy = invocationPolicy(25_000);
    const answers = [refused(429, '1'), refused(502), ok({ done: true })];
    await expect(callJira(async () => answers.shift() ?? ok({}), '/x', anything, policy)).resolves.toEqual({ done: true });
    expect(policy.waits).toEqual([1_000, 200]);
  });

  it('names a 5xx that asks for more time than is left as Jira being unavailable', async () => {
    const policy = invocationPolicy(5_000);
    await expect(callJira(async () => refused(503, '30'), '/rest/api/3/field', anything, policy)).rejects.toThrow('Jira is unavailable (503); figures will be back in about 30 s.');
  });

  it('without a known invocation limit, keeps the old behaviour: waits as told and retries', async () => {
    const policy = recordingPolicy();
    const answers = [refused(429, '3'), ok({ done: true })];
    await expect(callJira(async () => answers.shift() ?? ok({}), '/x', anything, policy)).resolves.toEqual({ done: true });
    expect(policy.waits).toEqual([3000]);
  });

  it('gives up on a request that outlasts the time left, before the platform would stop the invocation', async () => {
    let answered = false;
    const slowJira = () => new Promise<JiraResponse>((resolve) => setTimeout(() => { answered = true; resolve(ok({})); }, 2_000));
    const policy = { ...invocationPolicy(400, 100), sleep: async () => undefined };
    const error = await callJira(slowJira, '/rest/api/3/search/jql', anything, policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraTooSlowError);
    expect(answered).toBe(false);
    expect((error as Error).message).toBe('Jira did not answer in time (/rest/api/3/search/jql took longer than the 0.3 s left to answer); try again in a moment.');
  });

  it('does not start a request when nothing is left', async () => {
    let sent = 0;
    const policy = invocationPolicy(1_000, 2_000);
    await expect(callJira(async () => { sent += 1; return ok({}); }, '/x', anything, policy)).rejects.toBeInstanceOf(JiraTooSlowError);
    expect(sent).toBe(0);
  });
});
