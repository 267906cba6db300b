import { z } from 'zod';

import type { SiteData } from './siteData';

/** Validates a site JSON file against the SiteData contract where it enters the emulator. */

const user = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  emailAddress: z.string().min(1),
  apiToken: z.string().min(1),
  isJiraAdmin: z.boolean(),
  browseProjects: z.union([z.literal('*'), z.array(z.string())]),
});

const changelogItem = z.object({
  field: z.string(),
  fieldId: z.string().optional(),
  fieldtype: z.enum(['jira', 'custom']),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

const issue = z.object({
  id: z.string().min(1),
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
  projectKey: z.string(),
  issueTypeId: z.string(),
  statusId: z.string(),
  summary: z.string(),
  created: z.string(),
  updated: z.string(),
  resolutiondate: z.string().nullable(),
  assigneeAccountId: z.string().nullable(),
  reporterAccountId: z.string().nullable(),
  parentKey: z.string().nullable(),
  labels: z.array(z.string()),
  duedate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  timeoriginalestimate: z.number().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  blocks: z.array(z.string()),
  changelog: z.array(
    z.object({ id: z.string(), authorAccountId: z.string(), created: z.string(), items: z.array(changelogItem) }),
  ),
  securityLevelId: z.string().nullable().optional(),
});

const securityLevel = z.object({ id: z.string().regex(/^\d+$/), name: z.string().min(1), description: z.string(), memberAccountIds: z.array(z.string()) });

export const siteDataSchema: z.ZodType<SiteData> = z.object({
  generatedAt: z.string(),
  users: z.array(user),
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string(), leadAccountId: z.string() })),
  issueTypes: z.array(z.object({ id: z.string(), name: z.string(), hierarchyLevel: z.number().int(), subtask: z.boolean() })),
  statuses: z.array(z.object({ id: z.string(), name: z.string(), categoryKey: z.enum(['new', 'indeterminate', 'done']) })),
  fields: z.array(
    z.object({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      custom: z.boolean(),
      schema: z
        .object({ type: z.string(), items: z.string().optional(), system: z.string().optional(), custom: z.string().optional(), customId: z.number().int().optional() })
        .optional(),
      options: z.array(z.string()).optional(),
    }),
  ),
  issues: z.array(issue),
  securityLevels: z.array(securityLevel).optional(),
}).superRefine((site, ctx) => {
  // An issue cannot carry a level the site does not have (the emulator would hide it from everyone).
  const levels = new Set((site.securityLevels ?? []).map((l) => l.id));
  site.issues.forEach((issue, index) => {
    if (issue.securityLevelId != null && !levels.has(issue.securityLevelId)) {
      ctx.addIssue({ code: 'custom', path: ['issues', index, 'securityLevelId'], message: `${issue.key}: no security level ${issue.securityLevelId} in securityLevels` });
    }
  });
});
