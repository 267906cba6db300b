import type { SiteData, SiteField } from './siteData';

export type FieldSchema = NonNullable<SiteField['schema']>;

export interface CatalogField {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  schema?: FieldSchema;
  options?: string[];
}

function system(
  id: string,
  name: string,
  clauseNames: string[],
  schema: FieldSchema | undefined,
  flags: { orderable?: boolean; searchable?: boolean } = {},
): CatalogField {
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: flags.orderable ?? true,
    navigable: true,
    searchable: flags.searchable ?? true,
    clauseNames,
    ...(schema ? { schema } : {}),
  };
}

/** The system fields this emulator holds data for, described as Jira's /rest/api/3/field describes them. */
const SYSTEM_FIELDS: readonly CatalogField[] = [
  system('issuekey', 'Key', ['id', 'issue', 'issuekey', 'key'], undefined, { orderable: false, searchable: false }),
  system('summary', 'Summary', ['summary'], { type: 'string', system: 'summary' }),
  system('status', 'Status', ['status'], { type: 'status', system: 'status' }, { orderable: false }),
  system('statusCategory', 'Status Category', ['statusCategory'], undefined, { orderable: false }),
  system('issuetype', 'Issue Type', ['issuetype', 'type'], { type: 'issuetype', system: 'issuetype' }),
  system('project', 'Project', ['project'], { type: 'project', system: 'project' }, { orderable: false }),
  system('parent', 'Parent', ['parent'], undefined, { orderable: false }),
  system('assignee', 'Assignee', ['assignee'], { type: 'user', system: 'assignee' }),
  system('reporter', 'Reporter', ['reporter'], { type: 'user', system: 'reporter' }),
  system('labels', 'Labels', ['labels'], { type: 'array', items: 'string', system: 'labels' }),
  system('duedate', 'Due date', ['due', 'duedate'], { type: 'date', system: 'duedate' }),
  system('timeoriginalestimate', 'Original estimate', ['originalEstimate', 'timeoriginalestimate'], { type: 'number', system: 'timeoriginalestimate' }, { orderable: false }),
  system('created', 'Created', ['created', 'createdDate'], { type: 'datetime', system: 'created' }, { orderable: false }),
  system('updated', 'Updated', ['updated', 'updatedDate'], { type: 'datetime', system: 'updated' }, { orderable: false }),
  system('resolutiondate', 'Resolved', ['resolutiondate', 'resolved'], { type: 'datetime', system: 'resolutiondate' }, { orderable: false }),
  system('issuelinks', 'Linked Issues', ['issueLink'], { type: 'array', items: 'issuelinks', system: 'issuelinks' }),
  // As Jira Cloud lists it: its JQL clause is `level`, not `security`.
  system('security', 'Security Level', ['level'], { type: 'securitylevel', system: 'security' }),
];

export function customFieldNumber(field: Pick<SiteField, 'id' | 'schema'>): number | undefined {
  if (field.schema?.customId !== undefined) return field.schema.customId;
  const match = /^customfield_(\d+)$/.exec(field.id);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function fromSite(field: SiteField, builtIn: CatalogField | undefined): CatalogField {
  if (!field.custom) {
    return {
      ...(builtIn ?? system(field.id, field.name, [field.id], undefined)),
      key: field.key,
      name: field.name,
      ...(field.schema ? { schema: field.schema } : {}),
    };
  }
  const number = customFieldNumber(field);
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [...(number === undefined ? [] : [`cf[${number}]`]), field.name],
    ...(field.schema ? { schema: field.schema } : {}),
    ...(field.options ? { options: field.options } : {}),
  };
}

/** System fields first, then the site's own definitions (which may rename a system field). */
export function fieldCatalog(site: SiteData): CatalogField[] {
  const byId = new Map<string, CatalogField>(SYSTEM_FIELDS.map((f) => [f.id, f]));
  for (const field of site.fields) byId.set(field.id, fromSite(field, byId.get(field.id)));
  return [...byId.values()];
}

export function fieldDetailsJson(field: CatalogField): Record<string, unknown> {
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    custom: field.custom,
    orderable: field.orderable,
    navigable: field.navigable,
    searchable: field.searchable,
    clauseNames: field.clauseNames,
    ...(field.schema ? { schema: field.schema } : {}),
  };
}
