import { DEMO_USERS } from '../../../dev/demo/generate';
import { demoSite } from './helpers';

const site = demoSite();
const user = (accountId: string) => {
  const found = site.users.find((u) => u.accountId === accountId);
  if (!found) throw new Error(`no user ${accountId}`);
  return found;
};
const canBrowse = (accountId: string, projectKey: string) => {
  const u = user(accountId);
  return u.browseProjects === '*' || u.browseProjects.includes(projectKey);
};
const allKeys = site.projects.map((p) => p.key);

describe('demo site users', () => {
  it('has about 30 people plus the demo personas and the app', () => {
    expect(site.users.length).toBeGreaterThanOrEqual(30);
    expect(site.users.length).toBeLessThanOrEqual(40);
    expect(new Set(site.users.map((u) => u.accountId)).size).toBe(site.users.length);
    expect(new Set(site.users.map((u) => u.emailAddress)).size).toBe(site.users.length);
    for (const u of site.users) {
      expect(u.emailAddress).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
      expect(u.apiToken.length).toBeGreaterThanOrEqual(12);
      expect(u.displayName.length).toBeGreaterThan(0);
    }
  });

  it('makes the admin a Jira admin who browses everything, and nobody else an admin', () => {
    expect(user(DEMO_USERS.admin)).toMatchObject({ isJiraAdmin: true, browseProjects: '*' });
    expect(site.users.filter((u) => u.isJiraAdmin).map((u) => u.accountId)).toEqual([DEMO_USERS.admin]);
  });

  it('lets the team member browse DTO and PAY only, and gives them work there', () => {
    expect(user(DEMO_USERS.teamMember).isJiraAdmin).toBe(false);
    expect(allKeys.filter((k) => canBrowse(DEMO_USERS.teamMember, k))).toEqual(['DTO', 'PAY']);
    const assigned = site.issues.filter((i) => i.assigneeAccountId === DEMO_USERS.teamMember);
    expect(assigned.length).toBeGreaterThan(0);
    for (const i of assigned) expect(i.projectKey).toBe('PAY');
  });

  it('hides HR and OPS from the limited user, and only those', () => {
    expect(user(DEMO_USERS.limited).isJiraAdmin).toBe(false);
    expect(allKeys.filter((k) => !canBrowse(DEMO_USERS.limited, k)).sort()).toEqual(['HR', 'OPS']);
    for (const i of site.issues.filter((x) => x.assigneeAccountId === DEMO_USERS.limited)) expect(canBrowse(DEMO_USERS.limited, i.projectKey)).toBe(true);
  });

  it('has the app account browse everything without being an admin or doing work', () => {
    expect(user(DEMO_USERS.app)).toMatchObject({ displayName: 'Transformation Office (app)', isJiraAdmin: false, browseProjects: '*' });
    expect(site.issues.some((i) => i.assigneeAccountId === DEMO_USERS.app || i.reporterAccountId === DEMO_USERS.app)).toBe(false);
  });
});
