import { customFieldNumber, type CatalogField } from '../fieldCatalog';
import { isSecurityLevelMember } from '../permissions';
import { STATUS_CATEGORIES } from '../representations';
import type { SiteIssue, SiteStatusCategoryKey, SiteUser } from '../siteData';
import type { Operator } from './ast';
import {
  dateField,
  numberField,
  ORDERED_OPERATORS,
  referenceField,
  scalarize,
  stringSetField,
  textField,
  type JqlEnv,
  type JqlField,
  type Scalar,
} from './fieldKinds';

/** The JQL fields the emulator knows, by clause name, and custom fields by name or cf[id]. */

const KEY_PATTERN = /^([A-Z][A-Z0-9_]*)-(\d+)$/i;

function splitKey(key: Scalar): { project: string; number: number } | undefined {
  const match = KEY_PATTERN.exec(String(key));
  return match?.[1] === undefined ? undefined : { project: match[1].toUpperCase(), number: Number(match[2]) };
}

/** Keys order by project, then number; > and < compare only within one project. */
function keyOrder(a: Scalar, b: Scalar): number {
  const ka = splitKey(a);
  const kb = splitKey(b);
  if (!ka || !kb) return String(a).localeCompare(String(b));
  return ka.project === kb.project ? ka.number - kb.number : ka.project < kb.project ? -1 : 1;
}

function keyCompareWithinProject(a: Scalar, b: Scalar): number | undefined {
  const ka = splitKey(a);
  const kb = splitKey(b);
  return ka && kb && ka.project === kb.project ? ka.number - kb.number : undefined;
}

function userField(label: string, env: JqlEnv, read: (issue: SiteIssue) => string[]): JqlField {
  const users = env.view.site.users;
  const match = (text: string): SiteUser | undefined => {
    const lower = text.toLowerCase();
    return users.find((u) => u.accountId === text) ?? users.find((u) => u.emailAddress.toLowerCase() === lower) ?? users.find((u) => u.displayName.toLowerCase() === lower);
  };
  return referenceField(label, {
    values: read,
    lookup: (text) => match(text)?.accountId,
    currentUser: () => env.view.user.accountId,
    sortValue: (issue) => {
      const id = read(issue)[0];
      return id === undefined ? undefined : (env.view.userById(id)?.displayName ?? id).toLowerCase();
    },
  });
}

const ISSUE_ID = /^\d+$/;
const RANGE_OPERATORS: ReadonlySet<Operator> = new Set<Operator>(['>', '>=', '<', '<=']);

/**
 * `issuekey`, `key`, `issue` and `id`: an issue holds its key (string) and its id (number). A key in the query
 * compares keys within its project; a number is an issue id, compared numerically over the whole site, and a
 * range (`id > 10050`) does not need that issue to exist, which incremental readers rely on after deletes.
 * `ORDER BY id` sorts by issue id, the other names by project then key number.
 */
function issueKeyField(label: string, env: JqlEnv): JqlField {
  const operators = new Set<Operator>([...ORDERED_OPERATORS].filter((op) => op !== 'IS' && op !== 'IS NOT'));
  const byId = label.toLowerCase() === 'id';
  const base = referenceField(label, {
    operators,
    values: (issue) => [issue.key.toUpperCase(), Number(issue.id)],
    lookup: (text) => {
      const issue = env.view.visibleIssue(text);
      if (!issue) return undefined;
      return ISSUE_ID.test(text) ? Number(issue.id) : issue.key.toUpperCase();
    },
    notFound: (text) =>
      KEY_PATTERN.test(text) || ISSUE_ID.test(text)
        ? `An issue with key '${text}' does not exist for field '${label}'.`
        : `The issue key '${text}' for field '${label}' is invalid.`,
    compare: (a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : keyCompareWithinProject(a, b)),
    sortValue: byId ? (issue) => Number(issue.id) : (issue) => issue.key,
    sortCompare: byId ? (a, b) => Number(a) - Number(b) : keyOrder,
  });
  return {
    ...base,
    resolve: (operand, operator) =>
      operand.kind === 'value' && RANGE_OPERATORS.has(operator) && ISSUE_ID.test(operand.text) ? Number(operand.text) : base.resolve(operand, operator),
  };
}

type SystemFactory = (label: string, env: JqlEnv) => JqlField;

function indexIn<T>(list: readonly T[], predicate: (item: T) => boolean): number | undefined {
  const index = list.findIndex(predicate);
  return index < 0 ? undefined : index;
}

const CATEGORY_ORDER: SiteStatusCategoryKey[] = ['new', 'indeterminate', 'done'];

const SYSTEM: Record<string, SystemFactory> = {
  project: (label, env) =>
    referenceField(label, {
      values: (issue) => [issue.projectKey],
      lookup: (text) => {
        const lower = text.toLowerCase();
        return env.view.browsableProjects().find((p) => p.key.toLowerCase() === lower || p.id === text || p.name.toLowerCase() === lower)?.key;
      },
      sortValue: (issue) => issue.projectKey,
    }),
  issuekey: issueKeyField,
  issuetype: (label, env) =>
    referenceField(label, {
      values: (issue) => [issue.issueTypeId],
      lookup: (text) => env.view.site.issueTypes.find((t) => t.id === text || t.name.toLowerCase() === text.toLowerCase())?.id,
      sortValue: (issue) => indexIn(env.view.site.issueTypes, (t) => t.id === issue.issueTypeId),
    }),
  status: (label, env) =>
    referenceField(label, {
      values: (issue) => [issue.statusId],
      lookup: (text) => env.view.site.statuses.find((s) => s.id === text || s.name.toLowerCase() === text.toLowerCase())?.id,
      sortValue: (issue) => indexIn(env.view.site.statuses, (s) => s.id === issue.statusId),
    }),
  statuscategory: (label, env) => {
    const categoryOf = (issue: SiteIssue): SiteStatusCategoryKey | undefined => env.view.status(issue.statusId)?.categoryKey;
    return referenceField(label, {
      values: (issue) => {
        const key = categoryOf(issue);
        return key ? [key] : [];
      },
      lookup: (text) =>
        CATEGORY_ORDER.find((key) => {
          const c = STATUS_CATEGORIES[key];
          return key === text.toLowerCase() || String(c.id) === text || c.name.toLowerCase() === text.toLowerCase();
        }),
      sortValue: (issue) => {
        const key = categoryOf(issue);
        return key ? CATEGORY_ORDER.indexOf(key) : undefined;
      },
    });
  },
  parent: (label, env) =>
    referenceField(label, {
      values: (issue) => (issue.parentKey ? [issue.parentKey.toUpperCase()] : []),
      lookup: (text) => env.view.visibleIssue(text)?.key.toUpperCase(),
      sortValue: (issue) => issue.parentKey ?? undefined,
      sortCompare: keyOrder,
    }),
  assignee: (label, env) => userField(label, env, (i) => (i.assigneeAccountId ? [i.assigneeAccountId] : [])),
  reporter: (label, env) => userField(label, env, (i) => (i.reporterAccountId ? [i.reporterAccountId] : [])),
  labels: (label) => stringSetField(label, (i) => i.labels),
  created: (label, env) => dateField(label, (i) => i.created, false, env),
  updated: (label, env) => dateField(label, (i) => i.updated, false, env),
  resolutiondate: (label, env) => dateField(label, (i) => i.resolutiondate, false, env),
  duedate: (label, env) => dateField(label, (i) => i.duedate, true, env),
  summary: (label) => textField(label, (i) => [i.summary], { sortable: true }),
  // The `security` field's clause. Names resolve among the levels the user is a member of, as Jira resolves them
  // per user; the issues of any other level are not searchable by this user anyway.
  level: (label, env) => {
    const mine = (env.view.site.securityLevels ?? []).filter((l) => isSecurityLevelMember(env.view.user, l));
    return referenceField(label, {
      values: (issue) => (issue.securityLevelId ? [issue.securityLevelId] : []),
      lookup: (text) => mine.find((l) => l.id === text || l.name.toLowerCase() === text.toLowerCase())?.id,
      sortValue: (issue) => (issue.securityLevelId ? env.view.securityLevel(issue.securityLevelId)?.name.toLowerCase() : undefined),
    });
  },
};

const ALIASES: Record<string, string> = {
  key: 'issuekey',
  id: 'issuekey',
  issue: 'issuekey',
  type: 'issuetype',
  resolved: 'resolutiondate',
  due: 'duedate',
  createddate: 'created',
  updateddate: 'updated',
};

function isTextCustom(field: CatalogField): boolean {
  const custom = field.schema?.custom ?? '';
  return field.schema?.type === 'string' && (field.options === undefined || /textfield|textarea/.test(custom));
}

function customField(field: CatalogField, label: string, env: JqlEnv): JqlField {
  const raw = (issue: SiteIssue): unknown => issue.customFields[field.id];
  const type = field.schema?.type;
  const items = field.schema?.items;
  if (type === 'number') return numberField(label, raw);
  if (type === 'date' || type === 'datetime') return dateField(label, (i) => scalarize(raw(i))[0], type === 'date', env);
  if (type === 'user' || (type === 'array' && items === 'user')) return userField(label, env, (i) => scalarize(raw(i)));
  if (isTextCustom(field)) return textField(label, (i) => scalarize(raw(i)), { sortable: true });
  return stringSetField(label, (i) => scalarize(raw(i)), field.options);
}

/** The text of every text-like field, for the `text` pseudo-field. */
function textSearchField(label: string, catalog: readonly CatalogField[]): JqlField {
  const textCustom = catalog.filter((f) => f.custom && isTextCustom(f));
  return textField(label, (i) => [i.summary, ...textCustom.flatMap((f) => scalarize(i.customFields[f.id]))], {
    sortable: false,
    operators: new Set<Operator>(['~', '!~']),
  });
}

export type FieldLookup = JqlField | { error: string };

export function lookupField(name: string, env: JqlEnv, catalog: readonly CatalogField[]): FieldLookup {
  const lower = name.toLowerCase();
  if (lower === 'text') return textSearchField(name, catalog);
  const systemId = ALIASES[lower] ?? lower;
  const factory = SYSTEM[systemId];
  if (factory) return factory(name, env);
  const custom = catalog.filter((f) => f.custom);
  const cf = /^cf\[(\d+)\]$/.exec(lower);
  const field = cf ? custom.find((f) => customFieldNumber(f) === Number(cf[1])) : custom.find((f) => f.name.toLowerCase() === lower);
  if (field) return customField(field, name, env);
  return { error: `Field '${name}' does not exist or you do not have permission to view it.` };
}
