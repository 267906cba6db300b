import type { SiteData } from './siteData';

/** How many writes the emulator has made to each site: indexes and cached search answers are valid for one revision. */
const revisions = new WeakMap<SiteData, number>();

export function siteRevision(site: SiteData): number {
  return revisions.get(site) ?? 0;
}

/** Called after every change the emulator makes to the site's issues. */
export function noteSiteChange(site: SiteData): void {
  revisions.set(site, siteRevision(site) + 1);
}
