/** Every resolver answers this envelope; the Custom UI reads it through one module. */
/** NOT_READY: the first snapshot of a large site is still being built; the message says how far it is. */
/** STORAGE_RATE_LIMITED: Forge's KVS refused the app's reads or writes for this minute (its per-installation quota). */
export type ResolverErrorCode = 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_READY' | 'JIRA_UNAVAILABLE' | 'JIRA_ERROR' | 'STORAGE_RATE_LIMITED' | 'INTERNAL';

export interface ResolverError {
  code: ResolverErrorCode;
  message: string;
}

export type ResolverResponse<T> = { success: true; data: T } | { success: false; error: ResolverError };
