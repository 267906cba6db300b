import { DEMO_USERS, generateDemoSite } from '../../../dev/demo/generate';
import { hasProjectPermission } from '../../../dev/emulator/permissions';
import type { SiteData } from '../../../dev/emulator/siteData';
import { ANCHOR } from './helpers';

/** Who may change what in the demo: issue 16's edits are offered only where Jira would take them. */
describe('demo site: who may change issues where', () => {
  const site: SiteData = generateDemoSite({ seed: 42, anchorDate: ANCHOR });
  const userOf = (accountId: string) => {
    const user = site.users.find((u) => u.accountId === accountId);
    if (!user) throw new Error(`no user ${accountId}`);
    return user;
  };
  const worksIn = (accountId: string, permission: string) => site.projects.filter((p) => hasProjectPermission(userOf(accountId), permission, p)).map((p) => p.key);

  it('the team member reads DTO and PAY but changes issues in PAY only', () => {
    expect(worksIn(DEMO_USERS.teamMember, 'BROWSE_PROJECTS').sort()).toEqual(['DTO', 'PAY']);
    for (const permission of ['EDIT_ISSUES', 'TRANSITION_ISSUES', 'CREATE_ISSUES']) expect(worksIn(DEMO_USERS.teamMember, permission)).toEqual(['PAY']);
  });

  it('the limited user changes issues in DIGI only; the admin everywhere; the app account nowhere', () => {
    expect(worksIn(DEMO_USERS.limited, 'EDIT_ISSUES')).toEqual(['DIGI']);
    expect(worksIn(DEMO_USERS.admin, 'EDIT_ISSUES')).toHaveLength(site.projects.length);
    expect(worksIn(DEMO_USERS.app, 'EDIT_ISSUES')).toEqual([]);
    expect(worksIn(DEMO_USERS.app, 'BROWSE_PROJECTS')).toHaveLength(site.projects.length);
  });
});
