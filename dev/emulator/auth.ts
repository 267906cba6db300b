import { jiraError, type JiraHttpError } from './http';
import type { SiteUser } from './siteData';

export type AuthResult = { kind: 'anonymous' } | { kind: 'user'; user: SiteUser } | { kind: 'invalid' };

/** Basic auth with an account's email and API token, as Jira Cloud accepts it. */
export function authenticate(header: string | undefined, users: readonly SiteUser[]): AuthResult {
  if (header === undefined || header.trim() === '') return { kind: 'anonymous' };
  const match = /^Basic\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) return { kind: 'invalid' };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { kind: 'invalid' };
  const email = decoded.slice(0, colon).toLowerCase();
  const token = decoded.slice(colon + 1);
  const user = users.find((u) => u.emailAddress.toLowerCase() === email && u.apiToken === token);
  return user ? { kind: 'user', user } : { kind: 'invalid' };
}

export function unauthorized(reason: 'anonymous' | 'invalid'): JiraHttpError {
  return jiraError(401, 'You are not authenticated. Authentication required to perform this operation.', {
    'www-authenticate': 'Basic realm="protected-area"',
    'x-seraph-loginreason': reason === 'invalid' ? 'AUTHENTICATED_FAILED' : 'AUTHENTICATION_DENIED',
  });
}
