import type { SiteData } from '../../dev/emulator/siteData';
import type { ScopeRequest } from '../../src/usecases/readScope';

/** Every scope the page figures are stored for: the whole, each project's page, each box of the whole (`boxIds`). */
export function everyPageScope(site: SiteData, boxIds: Iterable<string>): ScopeRequest[] {
  return [
    { projectKey: null },
    ...[...new Set(site.issues.map((issue) => issue.projectKey))].map((projectKey) => ({ projectKey })),
    ...[...boxIds].map((boxId) => ({ projectKey: null, boxId })),
  ];
}
