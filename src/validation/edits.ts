import { z } from 'zod';
import { CREATABLE_KINDS, EDITABLE_CONCEPTS } from '../contract/edits';

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/, 'must be a Jira issue key');
const editValue = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.array(z.string().max(255)).max(50), z.null()]);

export const fieldChangePayloadSchema = z.object({ issueKey, concept: z.enum(EDITABLE_CONCEPTS), value: editValue, expected: editValue }).strict();
export const transitionsPayloadSchema = z.object({ issueKey }).strict();
export const transitionPayloadSchema = z.object({ issueKey, transitionId: z.string().regex(/^\d{1,10}$/, 'must be a Jira transition id'), expectedStatus: z.string().min(1).max(255) }).strict();
export const editFieldsPayloadSchema = z.object({ issueKey }).strict();
export const capabilitiesPayloadSchema = z.object({}).strict();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-31');
const option = z.string().trim().min(1).max(255);
export const createIssuePayloadSchema = z
  .object({
    kind: z.enum(CREATABLE_KINDS),
    boxKey: issueKey,
    summary: z.string().trim().min(1, 'cannot be empty').max(255),
    dueDate: isoDay.nullable().optional(),
    likelihood: option.nullable().optional(),
    impact: option.nullable().optional(),
  })
  .strict();
export const uncreatePayloadSchema = z.object({ issueKey }).strict();
