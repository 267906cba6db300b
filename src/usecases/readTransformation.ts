import { buildTransformationModel, type DataQualityWarning, type FieldConcept, type TransformationConfig, type TransformationModel, type WorkItem } from '../domain';
import { listFields, resolveFieldMapping } from '../jira/fields';
import { BASE_FIELDS, toWorkItem } from '../jira/issueMapper';
import type { JiraApi } from '../jira/jiraHttp';
import { listBrowsableProjects } from '../jira/projects';
import { searchAllIssues } from '../jira/search';
import { projectScopeJql } from '../jira/jql';
import { findJqlBoxes } from './jqlBoxes';

export interface TransformationRead {
  model: TransformationModel;
  /** Jira requests the read took. */
  requests: number;
  /** Jira's issue id per key, for endpoints that take ids. */
  issueIds: ReadonlyMap<string, string>;
  /** The Jira field id each mapped concept was found at. */
  fieldIds: Partial<Record<FieldConcept, string>>;
}

/**
 * Reads the transformation from Jira as whoever `jira` acts for: field discovery,
 * the projects they may browse, then every issue in them, mapped and built into the model.
 */
export async function readTransformation(jira: JiraApi, config: TransformationConfig, now: string): Promise<TransformationRead> {
  const [fields, { projects, pages: projectPages }] = await Promise.all([listFields(jira), listBrowsableProjects(jira)]);
  const resolved = resolveFieldMapping(fields, config.fieldMapping);
  let requests = 1 + projectPages;
  const items: WorkItem[] = [];
  const issueIds = new Map<string, string>();
  const warnings: DataQualityWarning[] = [...resolved.warnings];
  if (projects.length > 0) {
    const search = await searchAllIssues(jira, {
      jql: projectScopeJql(projects.map((p) => p.key)),
      fields: [...BASE_FIELDS, ...new Set(Object.values(resolved.ids))],
    });
    requests += search.pages;
    for (const issue of search.issues) {
      const mapped = toWorkItem(issue, resolved.ids);
      items.push(mapped.item);
      issueIds.set(issue.key, issue.id);
      warnings.push(...mapped.warnings);
    }
  }
  const jqlBoxes = await findJqlBoxes(jira, config);
  requests += jqlBoxes.requests;
  warnings.push(...jqlBoxes.warnings);
  const projectNames = Object.fromEntries(projects.map((p) => [p.key, p.name]));
  const model = buildTransformationModel(items, config, { now, jqlMatches: jqlBoxes.matches, projectNames });
  return { model: { ...model, warnings: [...warnings, ...model.warnings] }, requests, issueIds, fieldIds: resolved.ids };
}
