/**
 * What the Jira emulator serves: one Jira Cloud site's projects, users, fields and issues.
 * The demo generator produces it; the emulator holds it in memory and answers REST calls from it.
 * Field values are stored in the JSON shape Jira's REST API v3 returns them in.
 */

export interface SiteUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** Used with the email for Basic auth, as Jira Cloud API tokens are. */
  apiToken: string;
  /** Holds Jira's ADMINISTER global permission. */
  isJiraAdmin: boolean;
  /** Project keys this user may browse, or '*' for all. */
  browseProjects: '*' | string[];
  /**
   * Project keys where the user may also work on issues (create, edit, transition, schedule, delete…), or '*';
   * only among those they browse. Absent: every project they browse.
   */
  workProjects?: '*' | string[];
}

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  leadAccountId: string;
}

export interface SiteIssueType {
  id: string;
  name: string;
  /** Jira's hierarchy: -1 sub-task, 0 standard, 1 epic level, 2+ levels above epic (Premium). */
  hierarchyLevel: number;
  subtask: boolean;
}

export type SiteStatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface SiteStatus {
  id: string;
  name: string;
  categoryKey: SiteStatusCategoryKey;
}

/** A field as /rest/api/3/field describes it. */
export interface SiteField {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
  /** Allowed option values of a select field. */
  options?: string[];
}

export interface SiteChangelogItem {
  field: string;
  fieldId?: string;
  fieldtype: 'jira' | 'custom';
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface SiteChangelogEntry {
  id: string;
  authorAccountId: string;
  /** ISO 8601 with offset, like Jira's "2026-03-01T10:15:00.000+0000". */
  created: string;
  items: SiteChangelogItem[];
}

/**
 * An issue security level. An issue that carries one is visible only to users who may browse its project AND are
 * members of the level; Jira admins are not members unless listed (as in Jira, where ADMINISTER grants no level).
 * The site models one issue security scheme shared by every project, and members as individual accounts only.
 */
export interface SiteSecurityLevel {
  id: string;
  name: string;
  description: string;
  memberAccountIds: string[];
}

export interface SiteIssue {
  id: string;
  key: string;
  projectKey: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  created: string;
  updated: string;
  resolutiondate: string | null;
  assigneeAccountId: string | null;
  reporterAccountId: string | null;
  parentKey: string | null;
  labels: string[];
  /** yyyy-mm-dd */
  duedate: string | null;
  /** seconds */
  timeoriginalestimate: number | null;
  /** Custom field values keyed by field id, already in Jira's REST v3 JSON shape. */
  customFields: Record<string, unknown>;
  /** Outward "Blocks" links: this issue blocks these keys. */
  blocks: string[];
  changelog: SiteChangelogEntry[];
  /** The issue's security level (an id in `SiteData.securityLevels`); absent or null: none. */
  securityLevelId?: string | null;
}

export interface SiteData {
  /** The site's "now" when it was generated (ISO 8601); data is laid out around it. */
  generatedAt: string;
  users: SiteUser[];
  projects: SiteProject[];
  issueTypes: SiteIssueType[];
  statuses: SiteStatus[];
  fields: SiteField[];
  issues: SiteIssue[];
  /** The issue security levels issues may carry; absent: none. */
  securityLevels?: SiteSecurityLevel[];
  /** The site's one screen scheme; absent: every editable field on the edit screen, and no transition screens. */
  screens?: SiteScreens;
}

/** Which fields the edit screen leaves out, and which transitions show a screen with required fields. */
export interface SiteScreens {
  /** Field ids not on the edit screen: Jira refuses to set them and editmeta does not list them. */
  notOnEditScreen?: string[];
  /** A transition into `toStatusId` shows a screen on which these field ids are required (and the only ones it sets). */
  transitionScreens?: Array<{ toStatusId: string; requiredFieldIds: string[] }>;
}
