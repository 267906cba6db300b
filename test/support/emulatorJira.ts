import type { SiteData } from '../../dev/emulator/siteData';
import type { JiraApi, JiraResponse } from '../../src/jira/jiraHttp';

/**
 * The adapter's JiraApi straight over HTTP to the emulator as one of the site's users (Basic auth, as an API token
 * works), counting requests: for use-case tests that need real Jira answers but not the Forge runtime.
 */
export function emulatorJira(url: string, site: SiteData, accountId: string): JiraApi & { requests: number } {
  const user = site.users.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no user ${accountId}`);
  const authorization = `Basic ${Buffer.from(`${user.emailAddress}:${user.apiToken}`).toString('base64')}`;
  const api = {
    requests: 0,
    async requestJira(path: { value: string }, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<JiraResponse> {
      api.requests++;
      const response = await fetch(new URL(path.value, url), { ...init, headers: { ...init?.headers, Authorization: authorization } });
      const text = await response.text();
      return { status: response.status, ok: response.ok, headers: response.headers, text: async () => text };
    },
  };
  return api;
}
