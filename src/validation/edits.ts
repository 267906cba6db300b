import { z } from 'zod';
import { EDITABLE_CONCEPTS } from '../contract/edits';

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}-[1-9]\d{0,9}$/, 'must be a Jira issue key');
const editValue = z.union([z.string().max(10_000), z.number().finite(), z.boolean(), z.array(z.string().max(255)).max(50), z.null()]);

export const fieldChangePayloadSchema = z.object({ issueKey, concept: z.enum(EDITABLE_CONCEPTS), value: editValue, expected: editValue }).strict();
export const transitionsPayloadSchema = z.object({ issueKey }).strict();
export const transitionPayloadSchema = z.object({ issueKey, transitionId: z.string().regex(/^\d{1,10}$/, 'must be a Jira transition id'), expectedStatus: z.string().min(1).max(255) }).strict();
export const editFieldsPayloadSchema = z.object({ issueKey }).strict();
export const capabilitiesPayloadSchema = z.object({}).strict();
