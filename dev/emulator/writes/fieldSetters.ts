import { z } from 'zod';

import { isSecurityLevelMember } from '../permissions';
import type { SiteData, SiteField, SiteIssue } from '../siteData';
import type { SiteView } from '../siteView';
import { jiraTimestamp } from './jiraTime';
import type { OptionRegistry } from './optionRegistry';
import { cannotSet } from './writeErrors';

/**
 * How a create or edit request's `fields` land on a stored issue: one setter per field, each reading the
 * value the way Jira's REST v3 accepts it and storing it in the shape GET answers with.
 */

export interface WriteContext {
  site: SiteData;
  /** The site as the acting user sees it: parents and users are looked up through it. */
  view: SiteView;
  base: string;
  now: Date;
  options: OptionRegistry;
  /** Status is set by transitions in Jira, not by edits; only the emulator's programmatic API may set it. */
  allowStatus: boolean;
}

/** Applies a value to the draft, or returns Jira's message for it. */
type Setter = (draft: SiteIssue, value: unknown, ctx: WriteContext) => string | undefined;

/** A reference such as `{ name }` / `{ key }` / `{ value }`, or `{ id }` (string or number); `first` wins when both are sent. */
interface Ref {
  by: 'id' | 'name' | 'key' | 'value';
  value: string;
}
function refOf(first: 'name' | 'key' | 'value', value: unknown): Ref | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const named = record[first];
  if (typeof named === 'string') return { by: first, value: named };
  const id = record['id'];
  return typeof id === 'string' || typeof id === 'number' ? { by: 'id', value: String(id) } : undefined;
}
const accountRef = z.object({ accountId: z.string() }).loose();
const adfDoc = z.object({ type: z.literal('doc'), version: z.literal(1), content: z.array(z.unknown()) }).loose();

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: unknown): v is string => typeof v === 'string' && DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

function findNamed<T extends { id: string; name: string }>(list: readonly T[], named: Ref | undefined): T | undefined {
  if (!named) return undefined;
  return named.by === 'id' ? list.find((x) => x.id === named.value) : list.find((x) => x.name.toLowerCase() === named.value.toLowerCase());
}

function userSetter(fieldId: 'assignee' | 'reporter'): Setter {
  return (draft, value, ctx) => {
    if (value === null && fieldId === 'assignee') {
      draft.assigneeAccountId = null;
      return undefined;
    }
    const account = accountRef.safeParse(value);
    if (!account.success) return `Specify a valid value for ${fieldId}`;
    if (!ctx.view.userById(account.data.accountId)) return `User '${account.data.accountId}' does not exist.`;
    if (fieldId === 'assignee') draft.assigneeAccountId = account.data.accountId;
    else draft.reporterAccountId = account.data.accountId;
    return undefined;
  };
}

const SYSTEM_SETTERS: Record<string, Setter> = {
  summary: (draft, value) => {
    if (typeof value !== 'string') return 'Operation value must be a string';
    if (value.trim() === '') return 'You must specify a summary of the issue.';
    if (value.length > 255) return 'Summary must be less than 255 characters.';
    draft.summary = value;
    return undefined;
  },
  issuetype: (draft, value, ctx) => {
    const type = findNamed(ctx.site.issueTypes, refOf('name', value));
    if (!type) return 'Specify a valid issue type';
    draft.issueTypeId = type.id;
    return undefined;
  },
  parent: (draft, value, ctx) => {
    if (value === null) {
      draft.parentKey = null;
      return undefined;
    }
    const link = refOf('key', value);
    const parent = link ? ctx.view.visibleIssue(link.value) : undefined;
    if (!parent) return 'Could not find issue by id or key.';
    draft.parentKey = parent.key;
    return undefined;
  },
  assignee: userSetter('assignee'),
  reporter: userSetter('reporter'),
  labels: (draft, value) => {
    if (!Array.isArray(value) || !value.every((l): l is string => typeof l === 'string')) return 'Operation value must be an array of strings';
    const spaced = value.find((l) => /\s/.test(l) || l === '');
    if (spaced !== undefined) return `The label '${spaced}' contains spaces which is invalid.`;
    draft.labels = [...new Set(value)];
    return undefined;
  },
  duedate: (draft, value) => {
    if (value !== null && !isDay(value)) return `Error parsing date string: ${String(value)}`;
    draft.duedate = value;
    return undefined;
  },
  // `{ id }` (string or number) or `{ name }`, or null to remove. As in Jira, a user may only set a level they are a
  // member of (which also keeps anyone from hiding an issue from themselves); levels apply to every project here.
  security: (draft, value, ctx) => {
    if (value === null) {
      draft.securityLevelId = null;
      return undefined;
    }
    const ref = refOf('name', value);
    if (!ref) return 'Specify a valid value for security';
    const level = findNamed(ctx.site.securityLevels ?? [], ref);
    if (!level || !isSecurityLevelMember(ctx.view.user, level)) return `Security level ${ref.by === 'id' ? 'id' : 'name'} '${ref.value}' is not valid`;
    draft.securityLevelId = level.id;
    return undefined;
  },
  status: (draft, value, ctx) => {
    if (!ctx.allowStatus) return cannotSet('status');
    const status = findNamed(ctx.site.statuses, refOf('name', value));
    if (!status) return 'Specify a valid status';
    const wasDone = ctx.view.status(draft.statusId)?.categoryKey === 'done';
    const isDone = status.categoryKey === 'done';
    draft.statusId = status.id;
    if (!wasDone && isDone) draft.resolutiondate = jiraTimestamp(ctx.now);
    if (wasDone && !isDone) draft.resolutiondate = null;
    return undefined;
  },
};

type Converted = { value: unknown } | { error: string };

function single(field: SiteField, value: unknown, ctx: WriteContext): Converted {
  const type = field.schema?.type;
  const custom = field.schema?.custom ?? '';
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: `Operation value must be a number` };
    case 'date':
      return isDay(value) ? { value } : { error: `Error parsing date string: ${String(value)}` };
    case 'datetime': {
      const ms = typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
      return Number.isNaN(ms) ? { error: `Error parsing date string: ${String(value)}` } : { value: jiraTimestamp(new Date(ms)) };
    }
    case 'string':
      if (/textarea/.test(custom)) {
        return adfDoc.safeParse(value).success ? { value } : { error: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' };
      }
      return typeof value === 'string' ? { value } : { error: 'Operation value must be a string' };
    case 'option': {
      const named = refOf('value', value);
      if (!named) return { error: `Specify a valid 'id' or 'name' for ${field.name}` };
      const option = ctx.options.resolve(field, named.by === 'value' ? { value: named.value } : { id: named.value }, ctx.base);
      return 'error' in option ? option : { value: option };
    }
    case 'user': {
      const account = accountRef.safeParse(value);
      const user = account.success ? ctx.view.userById(account.data.accountId) : undefined;
      return user ? { value: { accountId: user.accountId, displayName: user.displayName, active: true } } : { error: `Specify a valid value for ${field.name}` };
    }
    default:
      // A type the emulator does not model: kept as sent, which is what GET will answer.
      return { value };
  }
}

function customValue(field: SiteField, value: unknown, ctx: WriteContext): Converted {
  if (field.schema?.type !== 'array') return single(field, value, ctx);
  if (!Array.isArray(value)) return { error: `Operation value must be an array` };
  const itemField: SiteField = { ...field, schema: { type: field.schema.items ?? 'any', ...(field.schema.custom ? { custom: field.schema.custom } : {}) } };
  if (field.schema.items === 'string') {
    return value.every((v) => typeof v === 'string') ? { value: [...value] } : { error: 'Operation value must be an array of strings' };
  }
  const items: unknown[] = [];
  for (const item of value) {
    const converted = single(itemField, item, ctx);
    if ('error' in converted) return converted;
    items.push(converted.value);
  }
  return { value: items };
}

/** Sets one field on the draft; undefined when it worked, else Jira's message for that field. */
export function setField(draft: SiteIssue, fieldId: string, value: unknown, ctx: WriteContext): string | undefined {
  const system = SYSTEM_SETTERS[fieldId];
  if (system) return system(draft, value, ctx);
  const field = ctx.site.fields.find((f) => f.id === fieldId && f.custom);
  if (!field) return cannotSet(fieldId);
  if (value === null) {
    delete draft.customFields[fieldId];
    return undefined;
  }
  const converted = customValue(field, value, ctx);
  if ('error' in converted) return converted.error;
  draft.customFields[fieldId] = converted.value;
  return undefined;
}

/** Checks the parent link once every field is set (the type may have changed in the same request). */
export function hierarchyError(draft: SiteIssue, ctx: WriteContext): string | undefined {
  const type = ctx.view.issueType(draft.issueTypeId);
  if (draft.parentKey === null) return type?.subtask ? 'Given parent issue is required for a sub-task.' : undefined;
  const parent = ctx.view.anyIssue(draft.parentKey);
  const parentType = parent ? ctx.view.issueType(parent.issueTypeId) : undefined;
  if (!parent || !type || !parentType) return 'Could not find issue by id or key.';
  if (parentType.subtask || parentType.hierarchyLevel < type.hierarchyLevel) return 'Given parent work item does not belong to appropriate hierarchy.';
  if (type.subtask && parent.projectKey !== draft.projectKey) return 'A sub-task must be in the same project as its parent.';
  // Bounded: the site may already hold a cycle, which must not hang the request.
  let up: SiteIssue | undefined = parent;
  for (let steps = 0; up && steps < 100; steps++) {
    if (up.id === draft.id) return 'An issue cannot be its own ancestor.';
    up = up.parentKey ? ctx.view.anyIssue(up.parentKey) : undefined;
  }
  return undefined;
}

/** The stored value behind a field id, to tell which fields a write changed. */
export function storedValue(issue: SiteIssue, fieldId: string): unknown {
  switch (fieldId) {
    case 'summary':
      return issue.summary;
    case 'issuetype':
      return issue.issueTypeId;
    case 'parent':
      return issue.parentKey;
    case 'assignee':
      return issue.assigneeAccountId;
    case 'reporter':
      return issue.reporterAccountId;
    case 'labels':
      return issue.labels;
    case 'duedate':
      return issue.duedate;
    case 'status':
      return issue.statusId;
    case 'security':
      return issue.securityLevelId ?? null;
    default:
      return issue.customFields[fieldId] ?? null;
  }
}
