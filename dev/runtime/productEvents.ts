import type { AppManifest, TriggerModule } from './manifest';

/** Forge product and lifecycle events as `trigger` modules receive them: `handler(event, context)`. */

/** Every event has a type; the rest of the payload depends on it (e.g. the emulator's IssueEventPayload). */
export interface ProductEvent {
  eventType: string;
}

export interface InstalledEvent extends ProductEvent {
  eventType: 'avi:forge:installed:app';
  id: string;
  installerAccountId?: string;
  app: { id: string; version: string };
  environment: { id: string };
}

export const CLOUD_ID = 'local-cloud';
export const INSTALL_CONTEXT = `ari:cloud:jira::site/${CLOUD_ID}`;
export const APP_ID = '00000000-0000-4000-8000-000000000000';
export const LIFECYCLE_INSTALLED = 'avi:forge:installed:app' as const;

/** The second argument of a trigger, scheduled trigger or consumer: no principal, these run without a user. */
export const backgroundContext = (): { installContext: string } => ({ installContext: INSTALL_CONTEXT });

/** The `avi:forge:installed:app` payload (events-reference/life-cycle): installation id, installer, app, environment. */
export function installedEvent(installerAccountId: string | undefined): InstalledEvent {
  return {
    eventType: LIFECYCLE_INSTALLED,
    id: 'local-installation',
    ...(installerAccountId === undefined ? {} : { installerAccountId }),
    app: { id: APP_ID, version: 'local' },
    environment: { id: 'local' },
  };
}

export function subscribedTriggers(manifest: AppManifest, eventType: string): TriggerModule[] {
  return manifest.triggers.filter((t) => t.events.includes(eventType));
}
