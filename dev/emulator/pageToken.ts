import { createHash } from 'node:crypto';

import { z } from 'zod';

import { jiraError } from './http';

/**
 * Opaque continuation tokens. A token remembers where the next page starts and which request it
 * belongs to, so a token replayed against another query is refused instead of paging the wrong list.
 */

const tokenSchema = z.strictObject({ v: z.literal(1), o: z.number().int().nonnegative(), q: z.string() });

function fingerprint(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

export function encodePageToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ v: 1, o: offset, q: fingerprint(scope) })).toString('base64url');
}

/** The offset a token points at; 0 without a token. Answers 400 for a token that is not ours. */
export function decodePageToken(token: string | undefined, scope: string): number {
  if (token === undefined || token === '') return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success || result.data.q !== fingerprint(scope)) {
    throw jiraError(400, 'The provided nextPageToken is invalid or does not belong to this request.');
  }
  return result.data.o;
}
