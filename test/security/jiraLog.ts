/** One request the app's backend sent to Jira through the local Forge runtime. */
export interface LoggedJiraRequest {
  /** 'user' = api.asUser(), 'app' = api.asApp(). */
  provider: string | undefined;
  method: string;
  path: string;
  body: string;
}

type ForgeFetch = (target: { type?: string; provider?: string; remote?: string }, path: string, init?: RequestInit) => Promise<Response>;

/**
 * Records every Jira request the app makes, by wrapping the runtime's `__forge_fetch__` (which the real
 * @forge/api calls for each requestJira). Start after the platform started; `stop()` puts the original back.
 */
export function recordJiraRequests(): { requests: LoggedJiraRequest[]; clear(): void; stop(): void } {
  const holder = globalThis as unknown as { __forge_fetch__: ForgeFetch };
  const original = holder.__forge_fetch__;
  if (typeof original !== 'function') throw new Error('start the local platform first: there is no __forge_fetch__');
  const requests: LoggedJiraRequest[] = [];
  holder.__forge_fetch__ = (target, path, init) => {
    if (target.type !== 'kvs') {
      requests.push({ provider: target.provider, method: (init?.method ?? 'GET').toUpperCase(), path, body: typeof init?.body === 'string' ? init.body : '' });
    }
    return original(target, path, init);
  };
  return {
    requests,
    clear: () => void requests.splice(0),
    stop: () => {
      holder.__forge_fetch__ = original;
    },
  };
}

/** The JQL of each search-like request (POST bodies and GET query strings). */
export function jqlOf(request: LoggedJiraRequest): string | null {
  if (request.body) {
    try {
      const parsed = JSON.parse(request.body) as { jql?: unknown };
      if (typeof parsed.jql === 'string') return parsed.jql;
    } catch {
      // not JSON: no JQL
    }
  }
  const query = request.path.split('?')[1];
  return query ? new URLSearchParams(query).get('jql') : null;
}
