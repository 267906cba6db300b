import { fieldCatalog, type CatalogField } from './fieldCatalog';
import type { SiteData, SiteStatus } from './siteData';

/** Fields Jira computes or sets by other means, never on an edit screen. */
const NEVER_EDITED: ReadonlySet<string> = new Set(['issuekey', 'status', 'statusCategory', 'project', 'created', 'updated', 'resolutiondate', 'timeoriginalestimate']);
/** Fields an edit must keep a value in. */
const REQUIRED_ON_EDIT: ReadonlySet<string> = new Set(['summary', 'issuetype']);
/** `parent` has no schema in /rest/api/3/field; editmeta describes it like this. */
const PARENT_SCHEMA = { type: 'issuelink', system: 'parent' };

/** The fields of the site's edit screen. */
export function editScreenFields(site: SiteData): CatalogField[] {
  const off = new Set(site.screens?.notOnEditScreen ?? []);
  return fieldCatalog(site).filter((f) => !NEVER_EDITED.has(f.id) && !off.has(f.id) && (f.schema !== undefined || f.id === 'parent'));
}

/** Jira's FieldMetadata for one field of a screen. */
export function fieldMetadata(field: CatalogField, required: boolean): Record<string, unknown> {
  return {
    required,
    schema: field.schema ?? PARENT_SCHEMA,
    name: field.name,
    key: field.key,
    operations: field.schema?.type === 'array' ? ['add', 'set', 'remove'] : ['set'],
    ...(field.options ? { allowedValues: field.options.map((value) => ({ value })) } : {}),
  };
}

export const editMeta = (site: SiteData): Record<string, unknown> =>
  Object.fromEntries(editScreenFields(site).map((f) => [f.id, fieldMetadata(f, REQUIRED_ON_EDIT.has(f.id))]));

/** The site models a simplified workflow: any status can be reached from any other, one transition each. */
export interface SiteTransition {
  id: string;
  to: SiteStatus;
  /** Fields the transition's screen requires (and the only ones a transition may set). */
  screenFields: CatalogField[];
}

export function transitionsOf(site: SiteData): SiteTransition[] {
  const catalog = fieldCatalog(site);
  return site.statuses.map((to, index) => {
    const screen = site.screens?.transitionScreens?.find((t) => t.toStatusId === to.id);
    const screenFields = (screen?.requiredFieldIds ?? []).map((id) => catalog.find((f) => f.id === id)).filter((f): f is CatalogField => f !== undefined);
    // Jira's transition ids are small numbers, 11, 21, 31, … in a simplified workflow.
    return { id: String(11 + index * 10), to, screenFields };
  });
}
