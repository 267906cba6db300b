import { getAppContext } from '@forge/api';

/**
 * How long the current Forge invocation has left, or undefined outside one (unit tests, scripts). Forge stops a UI
 * resolver at 25 s and a consumer at its timeoutSeconds; a wait that outlasts this ends in the platform's timeout.
 */
export function invocationRemainingMs(): number | undefined {
  try {
    const remaining = getAppContext().invocationRemainingTimeInMillis();
    return Number.isFinite(remaining) ? remaining : undefined;
  } catch {
    return undefined;
  }
}

/** The installation the current invocation runs for, or null outside one: a function container may serve several. */
export function currentInstallationId(): string | null {
  try {
    return getAppContext().installationAri.installationId;
  } catch {
    return null;
  }
}
