import type {
  SiteChangelogEntry,
  SiteData,
  SiteField,
  SiteIssue,
  SiteIssueType,
  SiteProject,
  SiteStatus,
  SiteUser,
} from '../../../dev/emulator/siteData';

/** Small hand-built sites for the emulator's tests: factories with overrides, and one shared fixture. */

export function generateUser(overrides: Partial<SiteUser> & Pick<SiteUser, 'accountId'>): SiteUser {
  const name = overrides.accountId;
  return {
    displayName: `User ${name}`,
    emailAddress: `${name}@example.test`,
    apiToken: `token-${name}`,
    isJiraAdmin: false,
    browseProjects: '*',
    ...overrides,
  };
}

export function generateProject(overrides: Partial<SiteProject> & Pick<SiteProject, 'id' | 'key'>): SiteProject {
  return { name: `Project ${overrides.key}`, leadAccountId: 'alice', ...overrides };
}

export function generateIssue(overrides: Partial<SiteIssue> & Pick<SiteIssue, 'id' | 'key'>): SiteIssue {
  const projectKey = overrides.key.split('-')[0] ?? 'ALPHA';
  return {
    projectKey,
    issueTypeId: '10002',
    statusId: '1',
    summary: `Issue ${overrides.key}`,
    created: '2026-01-10T09:00:00.000+0000',
    updated: '2026-01-10T09:00:00.000+0000',
    resolutiondate: null,
    assigneeAccountId: null,
    reporterAccountId: 'alice',
    parentKey: null,
    labels: [],
    duedate: null,
    timeoriginalestimate: null,
    customFields: {},
    blocks: [],
    changelog: [],
    ...overrides,
  };
}

export function generateChangelogEntry(overrides: Partial<SiteChangelogEntry> & Pick<SiteChangelogEntry, 'id' | 'created'>): SiteChangelogEntry {
  return {
    authorAccountId: 'alice',
    items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: '1', fromString: 'To Do', to: '3', toString: 'In Progress' }],
    ...overrides,
  };
}

export const ISSUE_TYPES: SiteIssueType[] = [
  { id: '10000', name: 'Epic', hierarchyLevel: 1, subtask: false },
  { id: '10001', name: 'Story', hierarchyLevel: 0, subtask: false },
  { id: '10002', name: 'Task', hierarchyLevel: 0, subtask: false },
  { id: '10003', name: 'Sub-task', hierarchyLevel: -1, subtask: true },
];

export const STATUSES: SiteStatus[] = [
  { id: '1', name: 'To Do', categoryKey: 'new' },
  { id: '3', name: 'In Progress', categoryKey: 'indeterminate' },
  { id: '10001', name: 'Done', categoryKey: 'done' },
];

export const CUSTOM_FIELDS: SiteField[] = [
  {
    id: 'customfield_10020',
    key: 'customfield_10020',
    name: 'Conversion stage',
    custom: true,
    schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 10020 },
    options: ['Legacy', 'Piloting', 'Converted'],
  },
  {
    id: 'customfield_10030',
    key: 'customfield_10030',
    name: 'Story Points',
    custom: true,
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10030 },
  },
  {
    id: 'customfield_10040',
    key: 'customfield_10040',
    name: 'Target date',
    custom: true,
    schema: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker', customId: 10040 },
  },
  {
    id: 'customfield_10050',
    key: 'app_notes_key',
    name: 'Notes',
    custom: true,
    schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textarea', customId: 10050 },
  },
];

export const USERS = {
  alice: generateUser({ accountId: 'alice', displayName: 'Alice Admin', isJiraAdmin: true, browseProjects: '*' }),
  bob: generateUser({ accountId: 'bob', displayName: 'Bob Alpha', browseProjects: ['ALPHA'] }),
  carol: generateUser({ accountId: 'carol', displayName: 'Carol Both', browseProjects: ['ALPHA', 'BETA'] }),
  dave: generateUser({ accountId: 'dave', displayName: 'Dave Nobody', browseProjects: [] }),
};

const stage = (value: string, id: string): Record<string, string> => ({ self: `https://example.test/rest/api/3/customFieldOption/${id}`, value, id });

/**
 * ALPHA (bob, carol, alice), BETA (carol, alice), GAMMA (alice only).
 * ALPHA-1 is an epic with ALPHA-2..4 under it; ALPHA-2 blocks ALPHA-3 and GAMMA-1 blocks ALPHA-3.
 */
export function buildFixtureSite(overrides: Partial<SiteData> = {}): SiteData {
  return {
    generatedAt: '2026-02-01T12:00:00.000+0000',
    users: Object.values(USERS),
    projects: [
      generateProject({ id: '10000', key: 'ALPHA', name: 'Alpha Platform', leadAccountId: 'bob' }),
      generateProject({ id: '10001', key: 'BETA', name: 'Beta Banking' }),
      generateProject({ id: '10002', key: 'GAMMA', name: 'Gamma Secrets' }),
    ],
    issueTypes: ISSUE_TYPES,
    statuses: STATUSES,
    fields: CUSTOM_FIELDS,
    issues: [
      generateIssue({
        id: '10100',
        key: 'ALPHA-1',
        issueTypeId: '10000',
        statusId: '3',
        summary: 'Migrate billing to the cloud platform',
        created: '2026-01-02T08:00:00.000+0000',
        updated: '2026-01-20T10:00:00.000+0000',
        labels: ['transformation', 'billing'],
        customFields: { customfield_10020: stage('Piloting', '10201') },
      }),
      generateIssue({
        id: '10101',
        key: 'ALPHA-2',
        issueTypeId: '10001',
        statusId: '10001',
        summary: 'Export invoices from the legacy system',
        created: '2026-01-05T09:30:00.000+0000',
        updated: '2026-01-25T16:45:00.000+0000',
        resolutiondate: '2026-01-25T16:45:00.000+0000',
        assigneeAccountId: 'bob',
        parentKey: 'ALPHA-1',
        labels: ['billing'],
        duedate: '2026-01-31',
        timeoriginalestimate: 28800,
        customFields: { customfield_10020: stage('Converted', '10202'), customfield_10030: 5, customfield_10050: 'Waiting on the finance team export' },
        blocks: ['ALPHA-3'],
        changelog: [
          generateChangelogEntry({ id: '20001', created: '2026-01-06T10:00:00.000+0000' }),
          generateChangelogEntry({
            id: '20002',
            created: '2026-01-12T10:00:00.000+0000',
            authorAccountId: 'bob',
            items: [
              { field: 'assignee', fieldId: 'assignee', fieldtype: 'jira', from: null, fromString: null, to: 'bob', toString: 'Bob Alpha' },
              { field: 'Conversion stage', fieldId: 'customfield_10020', fieldtype: 'custom', from: '10201', fromString: 'Piloting', to: '10202', toString: 'Converted' },
            ],
          }),
          generateChangelogEntry({
            id: '20003',
            created: '2026-01-25T16:45:00.000+0000',
            items: [{ field: 'status', fieldId: 'status', fieldtype: 'jira', from: '3', fromString: 'In Progress', to: '10001', toString: 'Done' }],
          }),
        ],
      }),
      generateIssue({
        id: '10102',
        key: 'ALPHA-3',
        issueTypeId: '10001',
        statusId: '1',
        summary: 'Switch invoice numbering to the new scheme',
        created: '2026-01-15T12:00:00.000+0000',
        updated: '2026-01-28T12:00:00.000+0000',
        assigneeAccountId: 'carol',
        parentKey: 'ALPHA-1',
        duedate: '2026-02-15',
        customFields: { customfield_10020: stage('Legacy', '10200'), customfield_10030: 3, customfield_10040: '2026-03-01' },
        changelog: [generateChangelogEntry({ id: '20004', created: '2026-01-16T08:00:00.000+0000' })],
      }),
      generateIssue({
        id: '10103',
        key: 'ALPHA-4',
        statusId: '3',
        summary: 'Decommission the old billing servers',
        created: '2026-01-20T15:00:00.000+0000',
        updated: '2026-01-30T09:00:00.000+0000',
        assigneeAccountId: 'bob',
        parentKey: 'ALPHA-1',
        labels: ['infrastructure'],
        customFields: { customfield_10030: 8 },
      }),
      generateIssue({
        id: '10104',
        key: 'ALPHA-5',
        issueTypeId: '10003',
        summary: 'Write the rollback runbook',
        created: '2026-01-21T15:00:00.000+0000',
        updated: '2026-01-21T15:00:00.000+0000',
        parentKey: 'ALPHA-4',
      }),
      generateIssue({
        id: '10200',
        key: 'BETA-1',
        issueTypeId: '10000',
        summary: 'Open banking adoption',
        created: '2026-01-03T10:00:00.000+0000',
        updated: '2026-01-03T10:00:00.000+0000',
        labels: ['transformation'],
        customFields: { customfield_10020: stage('Legacy', '10200') },
        changelog: [generateChangelogEntry({ id: '20100', created: '2026-01-04T10:00:00.000+0000' })],
      }),
      generateIssue({
        id: '10201',
        key: 'BETA-2',
        statusId: '10001',
        summary: 'Retire the branch ledger',
        created: '2026-01-08T10:00:00.000+0000',
        updated: '2026-01-18T10:00:00.000+0000',
        resolutiondate: '2026-01-18T10:00:00.000+0000',
        assigneeAccountId: 'carol',
        parentKey: 'BETA-1',
      }),
      generateIssue({
        id: '10300',
        key: 'GAMMA-1',
        summary: 'Secret billing merger',
        created: '2026-01-09T10:00:00.000+0000',
        updated: '2026-01-09T10:00:00.000+0000',
        labels: ['billing'],
        blocks: ['ALPHA-3'],
        changelog: [generateChangelogEntry({ id: '20200', created: '2026-01-10T10:00:00.000+0000' })],
      }),
    ],
    ...overrides,
  };
}

/** A site with one project holding `count` plain tasks, for paging. */
export function buildBulkSite(count: number): SiteData {
  const issues = Array.from({ length: count }, (_, i) =>
    generateIssue({ id: String(50000 + i), key: `BULK-${i + 1}`, created: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString().replace('Z', '+0000') }),
  );
  return buildFixtureSite({
    projects: [generateProject({ id: '19999', key: 'BULK' })],
    issues,
  });
}
