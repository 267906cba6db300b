import type { SiteProject, SiteSecurityLevel, SiteUser } from './siteData';

export type PermissionType = 'GLOBAL' | 'PROJECT';

export interface PermissionDefinition {
  id: string;
  key: string;
  name: string;
  type: PermissionType;
  description: string;
}

/** The built-in permissions Jira Cloud reports, with their ids as /rest/api/3/permissions lists them. */
export const PERMISSIONS: readonly PermissionDefinition[] = [
  { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.' },
  { id: '44', key: 'SYSTEM_ADMIN', name: 'Administer Jira system', type: 'GLOBAL', description: 'Manage users, import data and configure system email settings.' },
  { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.' },
  { id: '22', key: 'CREATE_SHARED_OBJECTS', name: 'Share dashboards and filters', type: 'GLOBAL', description: 'Share dashboards and filters with other users.' },
  { id: '33', key: 'BULK_CHANGE', name: 'Make bulk changes', type: 'GLOBAL', description: 'Modify collections of issues at once. For example, resolve multiple issues in one step.' },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  { id: '14', key: 'RESOLVE_ISSUES', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues. This includes the ability to set a fix version.' },
  { id: '18', key: 'CLOSE_ISSUES', name: 'Close Issues', type: 'PROJECT', description: 'Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them.' },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  { id: '21', key: 'LINK_ISSUES', name: 'Link Issues', type: 'PROJECT', description: 'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.' },
  { id: '28', key: 'SCHEDULE_ISSUES', name: 'Schedule Issues', type: 'PROJECT', description: 'Ability to view or edit an issue\'s due date.' },
  { id: '25', key: 'MOVE_ISSUES', name: 'Move Issues', type: 'PROJECT', description: 'Ability to move issues between projects or between workflows of the same project (if applicable). Note the user can only move issues to a project they have the create permission for.' },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  { id: '29', key: 'VIEW_DEV_TOOLS', name: 'View Development Tools', type: 'PROJECT', description: 'Allows users in a software project to view development-related information on the issue, such as commits, reviews and build information.' },
  { id: '20', key: 'WORK_ON_ISSUES', name: 'Work On Issues', type: 'PROJECT', description: 'Ability to log work done against an issue. Only useful if Time Tracking is turned on.' },
  { id: '45', key: 'VIEW_READONLY_WORKFLOW', name: 'View Read-Only Workflow', type: 'PROJECT', description: 'Users with this permission may view a read-only version of a workflow.' },
];

const BY_KEY = new Map(PERMISSIONS.map((p) => [p.key, p]));

export function permissionByKey(key: string): PermissionDefinition | undefined {
  return BY_KEY.get(key);
}

export function canBrowse(user: SiteUser, projectKey: string): boolean {
  return user.browseProjects === '*' || user.browseProjects.includes(projectKey);
}

/**
 * Whether the user is a member of the issue security level. Holding ADMINISTER makes nobody a member (Jira admins
 * see a restricted issue only when the level names them). A level id the site does not define admits nobody.
 */
export function isSecurityLevelMember(user: SiteUser, level: SiteSecurityLevel | undefined): boolean {
  return level !== undefined && level.memberAccountIds.includes(user.accountId);
}

/** Global permissions: admins hold all; everyone holds the ones Jira grants to all users by default. */
export function hasGlobalPermission(user: SiteUser, key: string): boolean {
  if (key === 'ADMINISTER' || key === 'SYSTEM_ADMIN') return user.isJiraAdmin;
  return true;
}

/** The project permissions that change issues: held where the user works, not everywhere they browse. */
const WORK_PERMISSIONS: ReadonlySet<string> = new Set([
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'SCHEDULE_ISSUES',
  'ASSIGN_ISSUES',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'LINK_ISSUES',
  'MOVE_ISSUES',
  'DELETE_ISSUES',
  'WORK_ON_ISSUES',
  'ADD_COMMENTS',
]);

/** Whether the user may change issues of the project: they browse it and work in it. */
export function canWork(user: SiteUser, projectKey: string): boolean {
  if (!canBrowse(user, projectKey)) return false;
  const work = user.workProjects ?? user.browseProjects;
  return work === '*' || work.includes(projectKey);
}

/**
 * The site models one permission scheme: browsing is per user and project, changing issues per user and project
 * among those browsed (`workProjects`), administering a project takes Jira admin or project lead, and every other
 * project permission follows browsing.
 */
export function hasProjectPermission(user: SiteUser, key: string, project: SiteProject): boolean {
  if (!canBrowse(user, project.key)) return false;
  if (key === 'ADMINISTER_PROJECTS') return user.isJiraAdmin || project.leadAccountId === user.accountId;
  if (WORK_PERMISSIONS.has(key)) return canWork(user, project.key);
  return true;
}
