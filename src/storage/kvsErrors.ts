/** Forge KVS refused a FAIL_IF_EXISTS write because the key already exists. */
export function isKeyConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseDetails } = error as { code?: unknown; responseDetails?: { status?: unknown } };
  return code === 'KEY_CONFLICT' || responseDetails?.status === 409;
}
