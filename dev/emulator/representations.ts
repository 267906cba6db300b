import type { SiteIssueType, SiteProject, SiteSecurityLevel, SiteStatus, SiteStatusCategoryKey, SiteUser } from './siteData';

/** JSON shapes of Jira's REST v3 for the site's entities, shared by every endpoint that embeds them. */

export const STATUS_CATEGORIES: Record<SiteStatusCategoryKey, { id: number; name: string; colorName: string }> = {
  new: { id: 2, name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, name: 'Done', colorName: 'green' },
};

function avatarUrls(base: string, path: string): Record<'16x16' | '24x24' | '32x32' | '48x48', string> {
  return {
    '16x16': `${base}${path}size=xsmall`,
    '24x24': `${base}${path}size=small`,
    '32x32': `${base}${path}size=medium`,
    '48x48': `${base}${path}size=large`,
  };
}

export function userJson(base: string, user: SiteUser, options: { withEmail?: boolean } = {}): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(options.withEmail ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(base, `/secure/useravatar?ownerId=${encodeURIComponent(user.accountId)}&`),
    displayName: user.displayName,
    active: true,
    timeZone: 'UTC',
    accountType: 'atlassian',
  };
}

/** A changelog author or assignee whose account the site does not hold, as Jira shows removed users. */
export function unknownUserJson(base: string, accountId: string): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    displayName: 'Former user',
    active: false,
    timeZone: 'UTC',
    accountType: 'atlassian',
  };
}

export function projectDetailsJson(base: string, project: SiteProject): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: avatarUrls(base, `/secure/projectavatar?pid=${project.id}&`),
  };
}

export function statusCategoryJson(base: string, key: SiteStatusCategoryKey): Record<string, unknown> {
  const category = STATUS_CATEGORIES[key];
  return { self: `${base}/rest/api/3/statuscategory/${category.id}`, id: category.id, key, colorName: category.colorName, name: category.name };
}

export function statusJson(base: string, status: SiteStatus): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${base}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryJson(base, status.categoryKey),
  };
}

export function issueTypeJson(base: string, type: SiteIssueType): Record<string, unknown> {
  return {
    self: `${base}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: '',
    iconUrl: `${base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.id}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    hierarchyLevel: type.hierarchyLevel,
  };
}

/** An issue's `security` field: Jira's SecurityLevel as an IssueBean embeds it. */
export function securityLevelJson(base: string, level: SiteSecurityLevel): Record<string, unknown> {
  return { self: `${base}/rest/api/3/securitylevel/${level.id}`, id: level.id, description: level.description, name: level.name };
}
