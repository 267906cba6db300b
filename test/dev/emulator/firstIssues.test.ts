import fc from 'fast-check';
import { DEMO_USERS, generateDemoSite } from '../../../dev/demo/generate';
import type { UserContext } from '../../../dev/emulator/context';
import { findFirstIssues, findIssues } from '../../../dev/emulator/jqlSearch';
import { SiteView } from '../../../dev/emulator/siteView';
import type { IssueWriter } from '../../../dev/emulator/writes/issueWriter';

/** What the search route hands the search: the demo site as one user sees it. */
function contextOf(accountId: string): UserContext {
  const site = generateDemoSite({ seed: 11, anchorDate: '2026-06-01' });
  const user = site.users.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no user ${accountId}`);
  return { method: 'POST', url: new URL('http://127.0.0.1/rest/api/3/search/jql'), params: {}, body: '', site, base: 'http://127.0.0.1', now: new Date('2026-06-01T12:00:00Z'), user, issues: {} as IssueWriter, view: new SiteView(site, user) };
}

/** Orders with many ties (status, project, type) and none (key, id), in both directions. */
const QUERIES = [
  'project IS NOT EMPTY ORDER BY status ASC',
  'project IS NOT EMPTY ORDER BY project DESC, issuetype ASC',
  'project IS NOT EMPTY ORDER BY key ASC',
  'id > 10500 ORDER BY id ASC',
  'statusCategory != Done ORDER BY duedate ASC, key DESC',
  'project = PAY ORDER BY created DESC',
];

describe('the emulator picks the first issues of a search page without sorting every match', () => {
  const admin = contextOf(DEMO_USERS.admin);
  const limited = contextOf(DEMO_USERS.limited);

  it('gives the very issues a full sort puts first, ties in site order, and says whether more match', () => {
    fc.assert(
      fc.property(fc.constantFrom(...QUERIES), fc.integer({ min: 0, max: 2_500 }), fc.boolean(), (jql, count, asLimited) => {
        const ctx = asLimited ? limited : admin;
        const all = findIssues(ctx, jql);
        const first = findFirstIssues(ctx, jql, count);
        expect(first.issues.map((i) => i.key)).toEqual(all.slice(0, count).map((i) => i.key));
        expect(first.more).toBe(all.length > count);
      }),
      { numRuns: 60 },
    );
  });
});
