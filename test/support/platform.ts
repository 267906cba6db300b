import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS, generateDemoSite } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import { startLocalPlatform, type LocalPlatform } from '../../dev/platform';

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
