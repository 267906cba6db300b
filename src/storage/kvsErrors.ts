/** Forge KVS refused a FAIL_IF_EXISTS write because the key already exists. */
export function isKeyConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseDetails } = error as { code?: unknown; responseDetails?: { status?: unknown } };
  return code === 'KEY_CONFLICT' || responseDetails?.status === 409;
}

/**
 * Forge KVS refused the request because the installation is over its quota: 429 `RATE_LIMIT_EXCEEDED`
 * (developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs). @forge/kvs does not retry: it
 * throws ForgeKvsAPIError with that code and `responseDetails.status` 429. The transactions page calls the same
 * refusal `TOO_MANY_REQUESTS`, so that code is recognised too.
 */
export function isStorageRateLimited(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseDetails } = error as { code?: unknown; responseDetails?: { status?: unknown } };
  return code === 'RATE_LIMIT_EXCEEDED' || code === 'TOO_MANY_REQUESTS' || responseDetails?.status === 429;
}
