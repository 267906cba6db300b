import { currentInvocation } from './invocationContext';

export interface JiraCredential {
  email: string;
  apiToken: string;
}

export interface ProductFetchOptions {
  /** Base URL of the Jira site (the emulator). */
  jiraUrl: string;
  /** Credentials of the app's own account, used for asApp() calls. */
  app: JiraCredential;
  /** Credentials per accountId, used for asUser() calls. */
  users: ReadonlyMap<string, JiraCredential>;
}

/** The Forge proxy answers with this header when it cannot make the call at all. */
function proxyError(reason: string, status: number): Response {
  return new Response('', { status, headers: { 'forge-proxy-error': reason } });
}

function basic({ email, apiToken }: JiraCredential): string {
  return `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
}

export interface ProductTarget {
  type?: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/**
 * Sends an `fpp` call (requestJira as app or as user) to the Jira site, authenticated as Forge would:
 * as the app's account, or as the calling user.
 */
export function createProductFetch(options: ProductFetchOptions) {
  return async (target: ProductTarget, path: string, init: RequestInit = {}): Promise<Response> => {
    if (target.remote !== 'jira') return proxyError('UNSUPPORTED_PRODUCT', 400);
    let credential: JiraCredential | undefined;
    if (target.provider === 'user') {
      const accountId = target.accountId ?? currentInvocation()?.accountId;
      if (!accountId) return proxyError('NEEDS_AUTHENTICATION_ERR', 401);
      credential = options.users.get(accountId);
      if (!credential) return proxyError('NEEDS_AUTHENTICATION_ERR', 401);
    } else {
      credential = options.app;
    }
    const headers = new Headers(init.headers);
    headers.set('Authorization', basic(credential));
    return fetch(new URL(path, options.jiraUrl), { ...init, headers });
  };
}
