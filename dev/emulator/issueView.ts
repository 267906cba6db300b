import { historyJson } from './changelogView';
import type { CatalogField } from './fieldCatalog';
import type { FieldSelection } from './fieldSelection';
import { issueTypeJson, projectDetailsJson, securityLevelJson, statusJson, unknownUserJson, userJson } from './representations';
import type { SiteIssue } from './siteData';
import type { SiteView } from './siteView';

/** Renders a SiteIssue as Jira's IssueBean. */

export interface RenderOptions {
  fieldsByKeys: boolean;
  expand: ReadonlySet<string>;
}

interface RenderContext {
  view: SiteView;
  base: string;
}

const OMIT = Symbol('omit');
type Renderer = (issue: SiteIssue, ctx: RenderContext) => unknown;

/** Jira caps the changelog embedded in an issue; the bulk changelog endpoint is the way to read all of it. */
export const EMBEDDED_CHANGELOG_LIMIT = 100;

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

function user(accountId: string | null, ctx: RenderContext): unknown {
  if (accountId === null) return null;
  const found = ctx.view.userById(accountId);
  return found ? userJson(ctx.base, found) : unknownUserJson(ctx.base, accountId);
}

/** The few fields Jira embeds for a linked or parent issue. */
function issueRef(issue: SiteIssue, ctx: RenderContext): Record<string, unknown> {
  const status = ctx.view.status(issue.statusId);
  const type = ctx.view.issueType(issue.issueTypeId);
  return {
    id: issue.id,
    key: issue.key,
    self: `${ctx.base}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      ...(status ? { status: statusJson(ctx.base, status) } : {}),
      ...(type ? { issuetype: issueTypeJson(ctx.base, type) } : {}),
    },
  };
}

const BLOCKS_TYPE = (base: string): Record<string, string> => ({
  id: '10000',
  name: 'Blocks',
  inward: 'is blocked by',
  outward: 'blocks',
  self: `${base}/rest/api/3/issueLinkType/10000`,
});

function issueLinks(issue: SiteIssue, ctx: RenderContext): unknown[] {
  const links: unknown[] = [];
  for (const { linkId, other } of ctx.view.inwardBlocks(issue)) {
    if (!ctx.view.canSee(other)) continue;
    links.push({ id: linkId, self: `${ctx.base}/rest/api/3/issueLink/${linkId}`, type: BLOCKS_TYPE(ctx.base), inwardIssue: issueRef(other, ctx) });
  }
  for (const { linkId, other } of ctx.view.outwardBlocks(issue)) {
    if (!ctx.view.canSee(other)) continue;
    links.push({ id: linkId, self: `${ctx.base}/rest/api/3/issueLink/${linkId}`, type: BLOCKS_TYPE(ctx.base), outwardIssue: issueRef(other, ctx) });
  }
  return links;
}

const SYSTEM_RENDERERS: Record<string, Renderer> = {
  summary: (i) => i.summary,
  status: (i, c) => {
    const status = c.view.status(i.statusId);
    return status ? statusJson(c.base, status) : null;
  },
  issuetype: (i, c) => {
    const type = c.view.issueType(i.issueTypeId);
    return type ? issueTypeJson(c.base, type) : null;
  },
  project: (i, c) => {
    const project = c.view.project(i.projectKey);
    return project ? projectDetailsJson(c.base, project) : null;
  },
  // Jira leaves `parent` out entirely when an issue has none.
  parent: (i, c) => {
    const parent = c.view.parentOf(i);
    return parent && c.view.canSee(parent) ? issueRef(parent, c) : OMIT;
  },
  assignee: (i, c) => user(i.assigneeAccountId, c),
  reporter: (i, c) => user(i.reporterAccountId, c),
  labels: (i) => [...i.labels],
  duedate: (i) => i.duedate,
  timeoriginalestimate: (i) => i.timeoriginalestimate,
  created: (i) => i.created,
  updated: (i) => i.updated,
  resolutiondate: (i) => i.resolutiondate,
  issuelinks: issueLinks,
  // Whoever is shown the issue is a member of its level, so the level itself is never hidden from them.
  security: (i, c) => {
    const level = c.view.securityLevelOf(i);
    return level ? securityLevelJson(c.base, level) : null;
  },
};

/** The catalog fields an issue can carry: the system fields above and every custom field. */
export function issueFieldCandidates(catalog: readonly CatalogField[]): CatalogField[] {
  return catalog.filter((f) => f.custom || f.id in SYSTEM_RENDERERS);
}

function renderField(field: CatalogField, issue: SiteIssue, ctx: RenderContext): unknown {
  const renderer = SYSTEM_RENDERERS[field.id];
  if (renderer) return renderer(issue, ctx);
  return issue.customFields[field.id] ?? null;
}

export function renderIssue(issue: SiteIssue, selection: FieldSelection, view: SiteView, base: string, options: RenderOptions): Record<string, unknown> {
  if (selection.idOnly && options.expand.size === 0) return { id: issue.id };
  const ctx: RenderContext = { view, base };
  const fields: Record<string, unknown> = {};
  for (const field of selection.fields) {
    const value = renderField(field, issue, ctx);
    if (value !== OMIT) fields[options.fieldsByKeys ? field.key : field.id] = value;
  }
  const bean: Record<string, unknown> = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${base}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (options.expand.has('changelog')) bean['changelog'] = embeddedChangelog(issue, view, base);
  if (options.expand.has('names')) bean['names'] = fieldNames(selection, options.fieldsByKeys);
  if (options.expand.has('schema')) bean['schema'] = fieldSchemas(selection, options.fieldsByKeys);
  return bean;
}

/** Most recent first, as Jira documents for expand=changelog. */
function embeddedChangelog(issue: SiteIssue, view: SiteView, base: string): Record<string, unknown> {
  const histories = [...issue.changelog]
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created))
    .slice(0, EMBEDDED_CHANGELOG_LIMIT)
    .map((entry) => historyJson(view, base, entry));
  return { startAt: 0, maxResults: histories.length, total: issue.changelog.length, histories };
}

export function fieldNames(selection: FieldSelection, byKeys: boolean): Record<string, string> {
  return Object.fromEntries(selection.fields.map((f) => [byKeys ? f.key : f.id, f.name]));
}

export function fieldSchemas(selection: FieldSelection, byKeys: boolean): Record<string, unknown> {
  return Object.fromEntries(selection.fields.flatMap((f) => (f.schema ? [[byKeys ? f.key : f.id, f.schema]] : [])));
}
