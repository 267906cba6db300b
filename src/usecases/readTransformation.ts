import { buildTransformationModel, type DataQualityWarning, type HiddenIssue, type FieldConcept, type TransformationConfig, type TransformationModel, type WorkItem } from '../domain';
import { listFields, resolveFieldMapping } from '../jira/fields';
import { BASE_FIELDS, toWorkItem } from '../jira/issueMapper';
import { JiraDataChangedError, JiraRequestError, type JiraApi } from '../jira/jiraHttp';
import { listBrowsableProjects, type JiraProjectRef } from '../jira/projects';
import type { JiraIssueBean } from '../jira/schemas';
import { searchAllIssues } from '../jira/search';
import { projectScopeJql } from '../jira/jql';
import { findJqlBoxes } from './jqlBoxes';
import type { DataSourceDto } from '../contract';

export interface TransformationRead {
  model: TransformationModel;
  /** Jira requests the read took. */
  requests: number;
  /** Jira's issue id per key, for endpoints that take ids. */
  issueIds: ReadonlyMap<string, string>;
  /** The Jira field id each mapped concept was found at. */
  fieldIds: Partial<Record<FieldConcept, string>>;
  source: DataSourceDto;
  /** Issues left out because the viewer may not see them (snapshot reads only; a live read never receives them). */
  hidden?: readonly HiddenIssue[];
  /** The snapshot build the figures come from (snapshot reads only): its changelog rows serve the reports. */
  snapshotBuildId?: string;
}

/** A read starts over at most once when Jira's issues changed under it. */
const READ_ATTEMPTS = 2;
/** Jira returns up to 5,000 issues a page when only keys are asked for. */
const KEYS_PAGE_SIZE = 5000;

type IssueRead = { complete: true; issues: JiraIssueBean[]; pages: number } | { complete: false; error: Error; pages: number };

/**
 * Every issue of the projects, checked against a keys-only search of the same JQL made after the last page.
 * Jira pages a search by position, so issues deleted (a project emptied, say) between two pages shift the later
 * pages and issues are skipped without a word: the check sees it, and the read is reported as changed.
 * A project that is gone by the time a later page is asked for makes Jira refuse the JQL naming it (400).
 */
async function readProjectIssues(jira: JiraApi, projects: readonly JiraProjectRef[], fields: string[]): Promise<IssueRead> {
  if (projects.length === 0) return { complete: true, issues: [], pages: 0 };
  const jql = projectScopeJql(projects.map((p) => p.key));
  let search: Awaited<ReturnType<typeof searchAllIssues>>;
  try {
    search = await searchAllIssues(jira, { jql, fields });
  } catch (error) {
    if (error instanceof JiraRequestError && error.status === 400) return { complete: false, error, pages: 1 };
    throw error;
  }
  // One page is one answer of Jira's: nothing can have shifted within it.
  if (search.pages === 1) return { complete: true, ...search };
  const check = await searchAllIssues(jira, { jql, fields: ['key'], pageSize: KEYS_PAGE_SIZE });
  const pages = search.pages + check.pages;
  const read = new Set(search.issues.map((issue) => issue.key));
  const now = new Set(check.issues.map((issue) => issue.key));
  const missed = [...now].filter((key) => !read.has(key)).length;
  const gone = [...read].filter((key) => !now.has(key)).length;
  if (missed === 0 && gone === 0) return { complete: true, issues: search.issues, pages };
  return { complete: false, error: new JiraDataChangedError(missed, gone), pages };
}

/**
 * Reads the transformation from Jira as whoever `jira` acts for: field discovery,
 * the projects they may browse, then every issue in them, mapped and built into the model.
 * When the issues changed during the read (see readProjectIssues), the projects are listed again and the read
 * starts over once; if they change again, it fails with a clear error rather than answer figures of a partial read.
 */
export async function readTransformation(jira: JiraApi, config: TransformationConfig, now: string): Promise<TransformationRead> {
  const [fields, listed] = await Promise.all([listFields(jira), listBrowsableProjects(jira)]);
  const resolved = resolveFieldMapping(fields, config.fieldMapping);
  const searchFields = [...BASE_FIELDS, ...new Set(Object.values(resolved.ids))];
  let requests = 1 + listed.pages;
  let projects = listed.projects;
  let issues: JiraIssueBean[] = [];
  for (let attempt = 1; ; attempt++) {
    const read = await readProjectIssues(jira, projects, searchFields);
    requests += read.pages;
    if (read.complete) {
      issues = read.issues;
      break;
    }
    if (attempt >= READ_ATTEMPTS) throw read.error;
    const relisted = await listBrowsableProjects(jira);
    requests += relisted.pages;
    projects = relisted.projects;
  }

  const items: WorkItem[] = [];
  const issueIds = new Map<string, string>();
  const warnings: DataQualityWarning[] = [...resolved.warnings];
  for (const issue of issues) {
    const mapped = toWorkItem(issue, resolved.ids);
    items.push(mapped.item);
    issueIds.set(issue.key, issue.id);
    warnings.push(...mapped.warnings);
  }
  const jqlBoxes = await findJqlBoxes(jira, config);
  requests += jqlBoxes.requests;
  warnings.push(...jqlBoxes.warnings);
  const projectNames = Object.fromEntries(projects.map((p) => [p.key, p.name]));
  const model = buildTransformationModel(items, config, { now, jqlMatches: jqlBoxes.matches, projectNames });
  return { model: { ...model, warnings: [...warnings, ...model.warnings] }, requests, issueIds, fieldIds: resolved.ids, source: { kind: 'live', asOf: now, rowsHidden: false, note: null } };
}
