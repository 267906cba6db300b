import type { SiteChangelogItem, SiteField, SiteIssue } from '../siteData';
import type { SiteView } from '../siteView';
import { scalarize } from '../jql/fieldKinds';

/**
 * The changelog items Jira records for a changed field, in the conventions the demo site's history uses:
 * ids in from/to and display text in fromString/toString; numbers and free text only in the strings.
 */

type Pair = { from: string | null; fromString: string | null; to: string | null; toString: string | null };

const jira = (field: string, pair: Pair, fieldId: string = field): SiteChangelogItem => ({ field, fieldId, fieldtype: 'jira', ...pair });

function userName(view: SiteView, accountId: string | null): string | null {
  return accountId === null ? null : (view.userById(accountId)?.displayName ?? accountId);
}

/** Plain text of an Atlassian Document, or the value itself when it is a string. */
function plainText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const { text, content } = node as { text?: unknown; content?: unknown };
    if (typeof text === 'string') texts.push(text);
    if (Array.isArray(content)) content.forEach(walk);
  };
  walk(value);
  return texts.length ? texts.join(' ') : JSON.stringify(value);
}

function optionPair(value: unknown): { ids: string | null; values: string | null } {
  const options = (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]) as { id?: unknown; value?: unknown }[];
  if (options.length === 0) return { ids: null, values: null };
  const ids = options.map((o) => String(o.id));
  const values = options.map((o) => String(o.value)).join(', ');
  return { ids: Array.isArray(value) ? `[${ids.join(', ')}]` : (ids[0] ?? null), values };
}

function customPair(field: SiteField, before: unknown, after: unknown): Pair {
  const type = field.schema?.type === 'array' ? field.schema.items : field.schema?.type;
  if (type === 'option') {
    const a = optionPair(before);
    const b = optionPair(after);
    return { from: a.ids, fromString: a.values, to: b.ids, toString: b.values };
  }
  if (type === 'user') {
    const ids = (v: unknown) => (v === null || v === undefined ? null : scalarize(v).join(', ') || null);
    const names = (v: unknown) => {
      const list = (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]) as { displayName?: unknown }[];
      return list.length ? list.map((u) => String(u.displayName)).join(', ') : null;
    };
    return { from: ids(before), fromString: names(before), to: ids(after), toString: names(after) };
  }
  if (type === 'date') {
    const day = (v: unknown) => (typeof v === 'string' ? v : null);
    return { from: day(before), fromString: day(before), to: day(after), toString: day(after) };
  }
  const text = (v: unknown) => (typeof v === 'number' ? String(v) : Array.isArray(v) ? v.map(String).join(' ') : plainText(v));
  return { from: null, fromString: text(before), to: null, toString: text(after) };
}

/** The items for one field whose stored value changed from `before` to `after`. */
export function changeItems(fieldId: string, before: SiteIssue, after: SiteIssue, view: SiteView): SiteChangelogItem[] {
  switch (fieldId) {
    case 'summary':
      return [jira('summary', { from: null, fromString: before.summary, to: null, toString: after.summary })];
    case 'issuetype':
      return [jira('issuetype', { from: before.issueTypeId, fromString: view.issueType(before.issueTypeId)?.name ?? null, to: after.issueTypeId, toString: view.issueType(after.issueTypeId)?.name ?? null })];
    case 'parent': {
      const ref = (key: string | null) => (key === null ? null : (view.anyIssue(key) ?? null));
      const a = ref(before.parentKey);
      const b = ref(after.parentKey);
      return [jira('IssueParentAssociation', { from: a?.id ?? null, fromString: a?.key ?? null, to: b?.id ?? null, toString: b?.key ?? null }, 'parent')];
    }
    case 'assignee':
    case 'reporter': {
      const key = fieldId === 'assignee' ? 'assigneeAccountId' : 'reporterAccountId';
      return [jira(fieldId, { from: before[key], fromString: userName(view, before[key]), to: after[key], toString: userName(view, after[key]) })];
    }
    case 'labels': {
      const text = (labels: string[]) => (labels.length ? labels.join(' ') : null);
      return [jira('labels', { from: null, fromString: text(before.labels), to: null, toString: text(after.labels) })];
    }
    case 'duedate': {
      const text = (d: string | null) => (d === null ? null : `${d} 00:00:00.0`);
      return [jira('duedate', { from: before.duedate, fromString: text(before.duedate), to: after.duedate, toString: text(after.duedate) })];
    }
    case 'status':
      return statusItems(before, after, view);
    case 'security': {
      const a = before.securityLevelId ?? null;
      const b = after.securityLevelId ?? null;
      const name = (id: string | null) => (id === null ? null : (view.securityLevel(id)?.name ?? id));
      return [jira('security', { from: a, fromString: name(a), to: b, toString: name(b) })];
    }
    default: {
      const field = view.site.fields.find((f) => f.id === fieldId);
      if (!field) return [];
      return [{ field: field.name, fieldId, fieldtype: 'custom', ...customPair(field, before.customFields[fieldId], after.customFields[fieldId]) }];
    }
  }
}

const RESOLUTION_DONE = { id: '10000', name: 'Done' } as const;

/** A transition: the status, and the resolution when the issue enters or leaves the done category. */
function statusItems(before: SiteIssue, after: SiteIssue, view: SiteView): SiteChangelogItem[] {
  const a = view.status(before.statusId);
  const b = view.status(after.statusId);
  const items = [jira('status', { from: before.statusId, fromString: a?.name ?? null, to: after.statusId, toString: b?.name ?? null })];
  const wasDone = a?.categoryKey === 'done';
  const isDone = b?.categoryKey === 'done';
  if (!wasDone && isDone) items.push(jira('resolution', { from: null, fromString: null, to: RESOLUTION_DONE.id, toString: RESOLUTION_DONE.name }));
  if (wasDone && !isDone) items.push(jira('resolution', { from: RESOLUTION_DONE.id, fromString: RESOLUTION_DONE.name, to: null, toString: null }));
  return items;
}
