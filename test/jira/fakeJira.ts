import type { JiraApi, JiraResponse, RetryPolicy } from '../../src/jira/jiraHttp';

export interface RecordedCall {
  path: string;
  method: string;
  body: unknown;
}

/** A scripted Jira for adapter unit tests: answers each call with the next response in line. */
export function scriptedJira(responses: Array<{ status: number; body?: unknown; rawBody?: string; headers?: Record<string, string> }>): JiraApi & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  return {
    calls,
    async requestJira(path, init) {
      calls.push({ path: path.value, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(init.body) : undefined });
      const next = responses.shift();
      if (!next) throw new Error(`Unexpected call to ${path.value}`);
      const text = next.rawBody ?? JSON.stringify(next.body ?? {});
      const headers = new Map(Object.entries(next.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const response: JiraResponse = { status: next.status, ok: next.status >= 200 && next.status < 300, headers: { get: (name) => headers.get(name.toLowerCase()) ?? null }, text: async () => text };
      return response;
    },
  };
}

/** A retry policy that records the waits instead of sleeping. */
export function recordingPolicy(): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 5_000, waits, sleep: async (ms) => void waits.push(ms) };
}
