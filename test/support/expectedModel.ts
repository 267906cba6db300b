import { buildTransformationModel, DEFAULT_CONFIG, type FieldChange, type FieldConcept, type RawFieldValue, type StatusCategory, type TransformationModel, type WorkItem } from '../../src/domain';
import { unwrapFieldValue } from '../../src/jira/issueMapper';
import type { SiteData, SiteIssue, SiteUser } from '../../dev/emulator/siteData';

/**
 * What Jira lets the user see, written out here independently of the emulator: the user may browse the issue's
 * project, and is a member of the issue's security level if it has one (being a Jira admin is not enough; a level
 * the site does not define admits nobody).
 */
function visibleTo(site: SiteData, user: SiteUser | undefined): (issue: SiteIssue) => boolean {
  const levels = new Map((site.securityLevels ?? []).map((l) => [l.id, l]));
  return (issue) => {
    if (!user) return false;
    if (user.browseProjects !== '*' && !user.browseProjects.includes(issue.projectKey)) return false;
    if (issue.securityLevelId === undefined || issue.securityLevelId === null) return true;
    return levels.get(issue.securityLevelId)?.memberAccountIds.includes(user.accountId) ?? false;
  };
}

/** Whether the site's user `accountId` may see the issue in Jira (project browse and security level). */
export function issueVisibleTo(site: SiteData, accountId: string): (issue: SiteIssue) => boolean {
  return visibleTo(site, site.users.find((u) => u.accountId === accountId));
}

/**
 * The model the domain core builds straight from the site's data, with no HTTP, paging or runtime in between:
 * what the pages must show for the same user.
 */
export function expectedModel(site: SiteData, accountId: string, now = site.generatedAt): TransformationModel {
  const user = site.users.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no user ${accountId}`);
  const visible = visibleTo(site, user);
  const typeName = new Map(site.issueTypes.map((t) => [t.id, t.name]));
  const status = new Map(site.statuses.map((s) => [s.id, s]));
  const idByName = new Map(site.fields.map((f) => [f.name.toLowerCase(), f.id]));
  const users = new Map(site.users.map((u) => [u.accountId, u.displayName]));
  const items: WorkItem[] = site.issues.filter(visible).map((issue) => {
    const fields: Partial<Record<FieldConcept, RawFieldValue>> = {};
    for (const [concept, name] of Object.entries(DEFAULT_CONFIG.fieldMapping) as [FieldConcept, string][]) {
      const id = idByName.get(name.toLowerCase());
      if (!id) continue;
      const raw = id === 'duedate' ? issue.duedate : id === 'timeoriginalestimate' ? issue.timeoriginalestimate : issue.customFields[id];
      const value = unwrapFieldValue(raw);
      if (value !== undefined) fields[concept] = value;
    }
    return {
      key: issue.key,
      projectKey: issue.projectKey,
      issueType: typeName.get(issue.issueTypeId) ?? 'Unknown',
      summary: issue.summary,
      status: status.get(issue.statusId)?.name ?? 'Unknown',
      statusCategory: status.get(issue.statusId)?.categoryKey ?? null,
      parentKey: issue.parentKey,
      assignee: issue.assigneeAccountId ? (users.get(issue.assigneeAccountId) ?? null) : null,
      labels: issue.labels,
      created: issue.created,
      updated: issue.updated,
      resolved: issue.resolutiondate,
      fields,
      blocks: issue.blocks,
    };
  });
  return buildTransformationModel(items, DEFAULT_CONFIG, { now });
}

/** The history the reports read, straight from the site's changelogs (no HTTP), for what a user may browse. */
export function expectedHistory(site: SiteData, accountId: string): { history: FieldChange[]; statusCategories: Record<string, StatusCategory> } {
  const user = site.users.find((u) => u.accountId === accountId);
  const visible = visibleTo(site, user);
  const conceptByFieldId = new Map<string, FieldChange['concept']>([['status', 'status']]);
  const REPORTED: FieldConcept[] = ['conversionStage', 'riskLikelihood', 'riskImpact', 'stageGate', 'realisedValue', 'targetValue', 'flagged'];
  for (const concept of REPORTED) {
    const id = site.fields.find((f) => f.name.toLowerCase() === DEFAULT_CONFIG.fieldMapping[concept].toLowerCase())?.id;
    if (id) conceptByFieldId.set(id, concept);
  }
  const history: FieldChange[] = [];
  for (const issue of site.issues.filter(visible)) {
    for (const entry of issue.changelog) {
      for (const item of entry.items) {
        const concept = item.fieldId ? conceptByFieldId.get(item.fieldId) : undefined;
        if (concept) history.push({ key: issue.key, at: entry.created, concept, from: item.fromString, to: item.toString });
      }
    }
  }
  return { history, statusCategories: Object.fromEntries(site.statuses.map((s) => [s.name, s.categoryKey])) };
}
