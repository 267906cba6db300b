import type { SiteData, SiteIssue, SiteStatusCategoryKey } from '../../../dev/emulator/siteData';
import { generateDemoSite } from '../../../dev/demo/generate';

export const ANCHOR = '2026-03-01';
export const ANCHOR_MS = Date.parse(`${ANCHOR}T00:00:00Z`);
export const DAY_MS = 86_400_000;

const cache = new Map<string, SiteData>();

/** The demo site at the test anchor, generated once per options per test file. */
export function demoSite(seed = 42, scale = 1): SiteData {
  const id = `${seed}/${scale}`;
  let site = cache.get(id);
  if (!site) {
    site = generateDemoSite({ seed, anchorDate: ANCHOR, scale });
    cache.set(id, site);
  }
  return site;
}

export interface SiteIndex {
  byKey: Map<string, SiteIssue>;
  typeOf(issue: SiteIssue): string;
  categoryOf(issue: SiteIssue): SiteStatusCategoryKey;
  statusName(issue: SiteIssue): string;
  ofType(name: string): SiteIssue[];
  fieldId(name: string): string;
  /** The Team issue an issue belongs to (walking up parents), if any. */
  teamOf(issue: SiteIssue): SiteIssue | null;
}

export function indexSite(site: SiteData): SiteIndex {
  const byKey = new Map(site.issues.map((i) => [i.key, i] as const));
  const typeNames = new Map(site.issueTypes.map((t) => [t.id, t.name] as const));
  const statuses = new Map(site.statuses.map((s) => [s.id, s] as const));
  const typeOf = (issue: SiteIssue): string => typeNames.get(issue.issueTypeId) ?? '?';
  const status = (issue: SiteIssue) => {
    const s = statuses.get(issue.statusId);
    if (!s) throw new Error(`unknown status ${issue.statusId}`);
    return s;
  };
  return {
    byKey,
    typeOf,
    categoryOf: (issue) => status(issue).categoryKey,
    statusName: (issue) => status(issue).name,
    ofType: (name) => site.issues.filter((i) => typeOf(i) === name),
    fieldId: (name) => {
      const field = site.fields.find((f) => f.name === name);
      if (!field) throw new Error(`no field ${name}`);
      return field.id;
    },
    teamOf: (issue) => {
      let current: SiteIssue | undefined = issue;
      for (let depth = 0; current && depth < 5; depth++) {
        if (typeOf(current) === 'Team') return current;
        current = current.parentKey === null ? undefined : byKey.get(current.parentKey);
      }
      return null;
    },
  };
}

/** The `value` of a select field, or undefined. */
export function optionOf(issue: SiteIssue, fieldId: string): string | undefined {
  const value = issue.customFields[fieldId];
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return undefined;
}

export const WORK_TYPES = ['Story', 'Task', 'Bug'];
export const PROGRAM_TYPES = ['Workstream', 'Initiative', 'Risk', 'Milestone', 'Team'];
