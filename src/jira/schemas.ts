import { z } from 'zod';

/**
 * The parts of Jira's REST v3 answers that we read, validated where they enter.
 * Objects are loose: Jira adds properties over time and we must not break on them.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/
 */

export const fieldDetailsSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .looseObject({ type: z.string(), items: z.string().optional(), system: z.string().optional(), custom: z.string().optional() })
    .optional(),
});
export type JiraFieldDetails = z.infer<typeof fieldDetailsSchema>;
export const fieldListSchema = z.array(fieldDetailsSchema);

/** Issue fields stay unknown here: the mapper reads each one defensively and reports what it could not read. */
export const issueBeanSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
});
export type JiraIssueBean = z.infer<typeof issueBeanSchema>;

export const searchPageSchema = z.looseObject({
  issues: z.array(issueBeanSchema),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});
export type JiraSearchPage = z.infer<typeof searchPageSchema>;

export const projectPageSchema = z.looseObject({
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
  isLast: z.boolean().optional(),
  nextPage: z.string().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});
export type JiraProjectPage = z.infer<typeof projectPageSchema>;

export const changelogItemSchema = z.looseObject({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  from: z.string().nullish(),
  fromString: z.string().nullish(),
  to: z.string().nullish(),
  toString: z.string().nullish(),
});

export const bulkChangelogPageSchema = z.looseObject({
  issueChangeLogs: z.array(
    z.looseObject({
      issueId: z.string(),
      changeHistories: z.array(z.looseObject({ id: z.string().optional(), created: z.string(), items: z.array(changelogItemSchema) })).optional(),
    }),
  ),
  nextPageToken: z.string().nullish(),
});

/** GET /rest/api/3/mypermissions: each asked permission with whether the caller has it. */
export const myPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

/** POST /rest/api/3/search/approximate-count */
export const approximateCountSchema = z.looseObject({ count: z.number().int().min(0) });

/** The parts of a /rest/api/3/field entry that JQL needs: how to name the field in a clause, and whether it can be searched. */
export const fieldClausesSchema = z.looseObject({
  clauseNames: z.array(z.string()).optional(),
  searchable: z.boolean().optional(),
});

/** GET /rest/api/3/status: every status with its category. */
export const statusListSchema = z.array(z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }) }));

/** POST /rest/api/3/permissions/check: per asked project permission, the project ids that hold it. */
export const bulkPermissionsSchema = z.looseObject({
  projectPermissions: z.array(z.looseObject({ permission: z.string(), projects: z.array(z.number().int()).optional(), issues: z.array(z.number().int()).optional() })).optional(),
});

/** POST /rest/api/3/issue/bulkfetch */
export const bulkFetchSchema = z.looseObject({ issues: z.array(issueBeanSchema), issueErrors: z.array(z.unknown()).optional() });
