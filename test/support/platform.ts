import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, generateDemoSite } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';
import type { ResolverResponse } from '../../src/contract';

/** The demo site as tests see it: a fixed seed and a fixed "today", so figures are stable. */
export const TEST_ANCHOR = '2026-06-01';
export const testSite = (): SiteData => generateDemoSite({ seed: 7, anchorDate: TEST_ANCHOR });

/** The whole local platform on random ports, with its store in a fresh temporary folder. */
export function startTestPlatform(site: SiteData = testSite()): Promise<LocalPlatform> {
  return startLocalPlatform({
    site,
    appAccountId: DEMO_USERS.app,
    switcherAccountIds: [DEMO_USERS.admin, DEMO_USERS.teamMember, DEMO_USERS.limited],
    kvsFile: path.join(mkdtempSync(path.join(tmpdir(), 'to-kvs-')), 'kvs.json'),
  });
}

export const GLOBAL_PAGE = { moduleKey: 'transformation-office-global', extension: { type: 'jira:globalPage' } };

/**
 * A page's resolver calls through the platform's own runtime, as a user on a page (the global page unless said):
 * `answer` gives the envelope as the page gets it, `call` its data or throws with the error. `platform` is read at
 * each call, since test files start it in beforeAll.
 */
export function resolverCalls(platform: () => LocalPlatform) {
  const answer = async <T>(functionKey: string, payload: unknown, accountId: string = DEMO_USERS.admin, context: object = GLOBAL_PAGE): Promise<ResolverResponse<T>> =>
    (await platform().runtime.invoke({ functionKey, payload, context: { ...(context as typeof GLOBAL_PAGE), accountId } })) as ResolverResponse<T>;
  const call = async <T>(functionKey: string, payload: unknown, accountId: string = DEMO_USERS.admin, context: object = GLOBAL_PAGE): Promise<T> => {
    const response = await answer<T>(functionKey, payload, accountId, context);
    if (!response.success) throw new Error(`${response.error.code}: ${response.error.message}`);
    return response.data;
  };
  return { answer, call };
}
