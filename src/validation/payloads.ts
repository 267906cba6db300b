import { z } from 'zod';
import { ROADMAP_LIMITS } from '../contract/panels';
import { parseIsoDate } from '../domain/parseIsoDate';

/** Jira project keys: an uppercase letter, then uppercase letters, digits or underscores. */
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'must be a Jira project key');

/** A box id: an issue key, the transformation ('root') or a project box ('project:KEY'). */
export const boxIdSchema = z.string().regex(/^(root|project:[A-Z][A-Z0-9_]{0,19}|[A-Z][A-Z0-9_]{0,19}-[1-9][0-9]{0,14})$/, 'must be a box: an issue key, root or project:KEY');

export const scopeSchema = z.object({ projectKey: projectKey.nullable(), boxId: boxIdSchema.optional() }).strict();

export const panelPayloadSchema = z.object({ scope: scopeSchema }).strict();

/** Baseline ids are UUIDs the app made. */
export const baselineIdSchema = z.string().regex(/^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/, 'must be a baseline id');

export const overviewPayloadSchema = z.object({ scope: scopeSchema, baselineId: baselineIdSchema.optional() }).strict();

export const saveBaselinePayloadSchema = z.object({ scope: scopeSchema, name: z.string().trim().min(1, 'a baseline needs a name').max(80, 'a baseline name is at most 80 characters') }).strict();

export const deleteBaselinePayloadSchema = z.object({ id: baselineIdSchema }).strict();

const { defaultWindow, maxWindow, maxCollapsedIds, maxRowIdLength } = ROADMAP_LIMITS;

/** A window of the roadmap's showing rows; without a limit, the default window's length. */
export const roadmapWindowSchema = z
  .object({
    offset: z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000, 'is past any roadmap'),
    limit: z.number().int('must be a whole number').min(1, 'a window holds at least 1 row').max(maxWindow, `a window holds at most ${maxWindow} rows`).default(defaultWindow),
  })
  .strict();

const rowIds = z
  .array(z.string().min(1, 'a row id must not be empty').max(maxRowIdLength, `a row id is at most ${maxRowIdLength} characters`))
  .max(maxCollapsedIds, `at most ${maxCollapsedIds} row ids`);

/** The roadmap's payload: without a window, the first rows; `collapsed` and `collapseAllExcept` exclude each other. */
export const roadmapPayloadSchema = z
  .object({
    scope: scopeSchema,
    window: roadmapWindowSchema.default({ offset: 0, limit: defaultWindow }),
    collapsed: rowIds.optional(),
    collapseAllExcept: rowIds.optional(),
    baselineId: baselineIdSchema.optional(),
  })
  .strict()
  .refine((p) => p.collapsed === undefined || p.collapseAllExcept === undefined, { message: 'send either collapsed or collapseAllExcept, not both', path: ['collapseAllExcept'] });

const backlogColumn = z.enum(['key', 'summary', 'type', 'status', 'assignee', 'labels', 'box', 'start', 'due', 'storyPoints', 'riskBand', 'schedule']);
const riskBand = z.enum(['low', 'medium', 'high', 'critical']);

export const backlogQuerySchema = z
  .object({
    text: z.string().max(200, 'search text is limited to 200 characters').optional(),
    boxId: z.string().max(100).optional(),
    statusCategory: z.enum(['new', 'indeterminate', 'done']).optional(),
    type: z.string().max(100).optional(),
    riskBand: riskBand.optional(),
    drill: z.enum(['late', 'lateBoxes', 'done', 'teams', 'convertedTeams', 'notConvertedTeams', 'risks', 'milestones']).optional(),
    sort: z.object({ column: backlogColumn, direction: z.enum(['asc', 'desc']) }).strict().optional(),
    page: z.number().int().min(0).max(100_000).optional(),
    pageSize: z.number().int().min(1).max(200).optional(),
  })
  .strict();

export const backlogPayloadSchema = z.object({ scope: scopeSchema, query: backlogQuerySchema }).strict();

export const savedViewSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, _ or -'),
    name: z.string().trim().min(1, 'a view needs a name').max(80),
    columns: z.array(backlogColumn).min(1).max(12),
    query: backlogQuerySchema,
  })
  .strict();

/** A day the reports can read: what the domain's own date parser would drop (year 0000, 31 April) is refused here, not replaced. */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-31')
  .refine((d) => parseIsoDate(d) === d, 'is not a real date');

/** A report period: at most a year, start not after end. */
export const reportPeriodSchema = z
  .object({ from: isoDay, to: isoDay })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'the period must not end before it starts', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 366 * 86_400_000, { message: 'a report covers at most a year', path: ['to'] });

export const reportPayloadSchema = z.object({ scope: scopeSchema, period: reportPeriodSchema.optional() }).strict();
