import type { AppManifest, TriggerModule } from './manifest';

/** Forge product and lifecycle events as `trigger` modules receive them: `handler(event, context)`. */

/** What the runtime routes on: the event's name, beside the payload Forge delivers (e.g. the emulator's IssueEventPayload). */
export interface ProductEvent {
  eventType: string;
}

/** The app's own lifecycle events (events-reference/life-cycle). */
export const LIFECYCLE_INSTALLED = 'avi:forge:installed:app' as const;
export const LIFECYCLE_UPGRADED = 'avi:forge:upgraded:app' as const;
const LIFECYCLE_EVENTS: ReadonlySet<string> = new Set([LIFECYCLE_INSTALLED, LIFECYCLE_UPGRADED]);

/** The documented lifecycle payload: installation id, who installed (or upgraded), the app, its environment, the site. */
export interface LifecyclePayload {
  id: string;
  installerAccountId?: string;
  upgraderAccountId?: string;
  app: { id: string; version: string; name?: string };
  environment: { id: string };
  context: string;
}

export type LifecycleEvent = ProductEvent & LifecyclePayload;

export const CLOUD_ID = 'local-cloud';
export const INSTALL_CONTEXT = `ari:cloud:jira::site/${CLOUD_ID}`;
export const APP_ID = '00000000-0000-4000-8000-000000000000';

/** The second argument of a trigger, scheduled trigger or consumer: no principal, these run without a user. */
export const backgroundContext = (): { installContext: string } => ({ installContext: INSTALL_CONTEXT });

function lifecycleEvent(eventType: typeof LIFECYCLE_INSTALLED | typeof LIFECYCLE_UPGRADED, actor: Partial<Pick<LifecyclePayload, 'installerAccountId' | 'upgraderAccountId'>>): LifecycleEvent {
  return { eventType, id: 'local-installation', ...actor, app: { id: APP_ID, version: 'local' }, environment: { id: 'local' }, context: INSTALL_CONTEXT };
}

/** `avi:forge:installed:app`, as the runtime routes it; the trigger receives `deliveredPayload()` of it. */
export const installedEvent = (installerAccountId: string | undefined): LifecycleEvent =>
  lifecycleEvent(LIFECYCLE_INSTALLED, installerAccountId === undefined ? {} : { installerAccountId });

/** `avi:forge:upgraded:app` (sent for a new major version): its actor is `upgraderAccountId`. */
export const upgradedEvent = (upgraderAccountId: string | undefined): LifecycleEvent =>
  lifecycleEvent(LIFECYCLE_UPGRADED, upgraderAccountId === undefined ? {} : { upgraderAccountId });

/**
 * What a trigger receives: Jira's issue events carry `eventType`, but Atlassian's lifecycle payloads and examples
 * do not, so an app must not depend on it there.
 */
export function deliveredPayload(event: ProductEvent): Record<string, unknown> {
  if (!LIFECYCLE_EVENTS.has(event.eventType)) return { ...event };
  const { eventType: _routedOn, ...payload } = event as ProductEvent & Record<string, unknown>;
  return payload;
}

export function subscribedTriggers(manifest: AppManifest, eventType: string): TriggerModule[] {
  return manifest.triggers.filter((t) => t.events.includes(eventType));
}
