/** Every resolver answers this envelope; the Custom UI reads it through one module. */
export type ResolverErrorCode = 'BAD_REQUEST' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'JIRA_UNAVAILABLE' | 'JIRA_ERROR' | 'INTERNAL';

export interface ResolverError {
  code: ResolverErrorCode;
  message: string;
}

export type ResolverResponse<T> = { success: true; data: T } | { success: false; error: ResolverError };
