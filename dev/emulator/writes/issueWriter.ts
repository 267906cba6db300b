import { jiraError } from '../http';
import { hasProjectPermission } from '../permissions';
import type { SiteChangelogEntry, SiteData, SiteIssue, SiteUser } from '../siteData';
import { noteSiteChange } from '../siteRevision';
import { SiteView } from '../siteView';
import { changeItems } from './changeItems';
import { hierarchyError, setField, storedValue, type WriteContext } from './fieldSetters';
import { issueEventPayload, type IssueEventListener, type IssueEventPayload, type IssueEventType } from './issueEvent';
import { jiraTimestamp } from './jiraTime';
import { OptionRegistry } from './optionRegistry';
import { cannotSet, fieldErrors } from './writeErrors';

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';

export interface CreatedIssue {
  id: string;
  key: string;
  self: string;
}

export interface WriteOptions {
  /** The emulator's programmatic API may set `status` (a transition, in Jira); REST edits may not. */
  allowStatus: boolean;
  /** A REST transition: needs TRANSITION_ISSUES, and sets what its screen shows even when the edit screen does not. */
  transition?: boolean;
}

/** Fields the writer reads itself instead of through a setter. */
const CREATE_ONLY = new Set(['project']);

/** A change of status alone (with what a transition screen sets) is a transition, which needs TRANSITION_ISSUES. */
const TRANSITION_FIELDS: ReadonlySet<string> = new Set(['status', 'resolution']);
const onlyStatus = (fields: Record<string, unknown>): boolean => 'status' in fields && Object.keys(fields).every((id) => TRANSITION_FIELDS.has(id));

/**
 * Creates, edits and deletes issues in the live site as Jira does: permission as the acting user, `updated`
 * from the site clock, a changelog entry per edit, and an issue event to every listener after each write.
 * Each write moves the site's revision on, so the next request's indexes and searches see it at once.
 */
export class IssueWriter {
  private readonly listeners = new Set<IssueEventListener>();
  private readonly options: OptionRegistry;
  private readonly keyHighWater = new Map<string, number>();
  private nextChangelogId: number | undefined;

  constructor(
    private readonly site: SiteData,
    private readonly clock: () => Date,
    private readonly base: () => string,
  ) {
    this.options = new OptionRegistry(site);
  }

  onIssueEvent(listener: IssueEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  create(actor: SiteUser, fields: Record<string, unknown>, options: WriteOptions): CreatedIssue {
    const view = new SiteView(this.site, actor);
    const project = this.projectFor(fields['project'], view);
    if (!project) throw fieldErrors({ project: 'valid project is required' });
    if (!hasProjectPermission(actor, 'CREATE_ISSUES', project)) throw jiraError(403, 'You do not have permission to create issues in this project.');
    const errors: Record<string, string> = {};
    if (fields['issuetype'] === undefined) errors['issuetype'] = 'Specify an issue type';
    if (fields['summary'] === undefined) errors['summary'] = 'You must specify a summary of the issue.';
    const now = this.clock();
    const draft: SiteIssue = {
      id: this.nextIssueId(),
      key: this.nextKey(project.key),
      projectKey: project.key,
      issueTypeId: '',
      statusId: this.site.statuses.find((s) => s.categoryKey === 'new')?.id ?? this.site.statuses[0]?.id ?? '',
      summary: '',
      created: jiraTimestamp(now),
      updated: jiraTimestamp(now),
      resolutiondate: null,
      assigneeAccountId: null,
      reporterAccountId: actor.accountId,
      parentKey: null,
      labels: [],
      duedate: null,
      timeoriginalestimate: null,
      customFields: {},
      blocks: [],
      changelog: [],
    };
    this.applyFields(draft, fields, this.context(view, now, options), errors, true);
    this.site.issues.push(draft);
    this.keyHighWater.set(project.key, Number(draft.key.split('-')[1]));
    this.emit('avi:jira:created:issue', draft, actor);
    return { id: draft.id, key: draft.key, self: `${this.base()}/rest/api/3/issue/${draft.id}` };
  }

  /** Edits the issue; false when the values sent equal the stored ones (no changelog, no event). */
  update(actor: SiteUser, issueIdOrKey: string, fields: Record<string, unknown>, options: WriteOptions): boolean {
    const view = new SiteView(this.site, actor);
    const issue = view.visibleIssue(issueIdOrKey);
    if (!issue) throw jiraError(404, ISSUE_NOT_FOUND);
    const transition = options.transition === true || (options.allowStatus && onlyStatus(fields));
    // Jira: 400 when "the user does not have the necessary permission to edit one or more fields".
    if (!this.may(actor, transition ? 'TRANSITION_ISSUES' : 'EDIT_ISSUES', issue)) {
      throw jiraError(400, transition ? 'You do not have permission to transition this issue.' : 'You do not have permission to edit this issue.');
    }
    const now = this.clock();
    const draft: SiteIssue = { ...issue, labels: [...issue.labels], customFields: { ...issue.customFields } };
    const errors: Record<string, string> = {};
    const offScreen = new Set(options.transition ? [] : (this.site.screens?.notOnEditScreen ?? []));
    for (const fieldId of Object.keys(fields)) if (CREATE_ONLY.has(fieldId) || offScreen.has(fieldId)) errors[fieldId] = cannotSet(fieldId);
    this.applyFields(draft, fields, this.context(view, now, options), errors, false);
    const items = Object.keys(fields)
      .filter((id) => JSON.stringify(storedValue(issue, id)) !== JSON.stringify(storedValue(draft, id)))
      .flatMap((id) => changeItems(id, issue, draft, view));
    if (items.length === 0) return false;
    const entry: SiteChangelogEntry = { id: this.changelogId(), authorAccountId: actor.accountId, created: jiraTimestamp(now), items };
    Object.assign(issue, draft, { updated: jiraTimestamp(now), changelog: [...issue.changelog, entry] });
    this.emit('avi:jira:updated:issue', issue, actor, entry);
    return true;
  }

  delete(actor: SiteUser, issueIdOrKey: string, deleteSubtasks: boolean): void {
    const view = new SiteView(this.site, actor);
    const issue = view.visibleIssue(issueIdOrKey);
    if (!issue) throw jiraError(404, ISSUE_NOT_FOUND);
    if (!this.may(actor, 'DELETE_ISSUES', issue)) throw jiraError(403, 'You do not have permission to delete this issue.');
    const children = this.site.issues.filter((i) => i.parentKey === issue.key);
    const subtasks = children.filter((c) => view.issueType(c.issueTypeId)?.subtask);
    if (subtasks.length > 0 && !deleteSubtasks) {
      throw jiraError(400, `The issue '${issue.key}' has subtasks. Set deleteSubtasks to true to delete the issue and its subtasks.`);
    }
    const removed = new Set([issue, ...subtasks]);
    const removedKeys = new Set([...removed].map((i) => i.key));
    // In place: whoever holds the site holds the same issues array.
    for (let i = this.site.issues.length - 1; i >= 0; i--) if (removed.has(this.site.issues[i] as SiteIssue)) this.site.issues.splice(i, 1);
    // Links and parent links to a deleted issue go with it, as in Jira.
    for (const other of this.site.issues) {
      if (other.parentKey !== null && removedKeys.has(other.parentKey)) other.parentKey = null;
      if (other.blocks.some((k) => removedKeys.has(k))) other.blocks = other.blocks.filter((k) => !removedKeys.has(k));
    }
    for (const subtask of subtasks) this.emit('avi:jira:deleted:issue', subtask, actor);
    this.emit('avi:jira:deleted:issue', issue, actor);
  }

  private may(actor: SiteUser, permission: string, issue: SiteIssue): boolean {
    const project = this.site.projects.find((p) => p.key === issue.projectKey);
    return project !== undefined && hasProjectPermission(actor, permission, project);
  }

  private context(view: SiteView, now: Date, options: WriteOptions): WriteContext {
    return { site: this.site, view, base: this.base(), now, options: this.options, allowStatus: options.allowStatus };
  }

  /** Runs every setter, then the hierarchy check; throws Jira's 400 with every field's message at once. */
  private applyFields(draft: SiteIssue, fields: Record<string, unknown>, ctx: WriteContext, errors: Record<string, string>, creating: boolean): void {
    for (const [fieldId, value] of Object.entries(fields)) {
      if (CREATE_ONLY.has(fieldId)) continue;
      const error = setField(draft, fieldId, value, ctx);
      if (error !== undefined) errors[fieldId] = error;
    }
    // Only a create, or an edit of the link or the type, answers for the hierarchy: existing data is not re-judged.
    const judged = creating || 'parent' in fields || 'issuetype' in fields;
    if (Object.keys(errors).length === 0 && judged) {
      const error = hierarchyError(draft, ctx);
      if (error !== undefined) errors['parent'] = error;
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  }

  private projectFor(value: unknown, view: SiteView) {
    if (typeof value !== 'object' || value === null) return undefined;
    const { key, id } = value as { key?: unknown; id?: unknown };
    const project = this.site.projects.find((p) => (typeof key === 'string' && p.key === key.toUpperCase()) || (id !== undefined && p.id === String(id)));
    // A project the user may not browse is answered like one that does not exist.
    return project && view.canBrowseProject(project.key) ? project : undefined;
  }

  private nextIssueId(): string {
    let max = 10_000;
    for (const issue of this.site.issues) max = Math.max(max, Number(issue.id) || 0);
    return String(max + 1);
  }

  /** Keys are never reused, even after a delete. */
  private nextKey(projectKey: string): string {
    let max = this.keyHighWater.get(projectKey) ?? 0;
    const prefix = `${projectKey}-`;
    for (const issue of this.site.issues) if (issue.key.startsWith(prefix)) max = Math.max(max, Number(issue.key.slice(prefix.length)) || 0);
    return `${prefix}${max + 1}`;
  }

  private changelogId(): string {
    if (this.nextChangelogId === undefined) {
      let max = 10_000;
      for (const issue of this.site.issues) for (const entry of issue.changelog) max = Math.max(max, Number(entry.id) || 0);
      this.nextChangelogId = max + 1;
    }
    return String(this.nextChangelogId++);
  }

  /** Every write that changed the site ends here, so this is where the site's revision moves on. */
  private emit(type: IssueEventType, issue: SiteIssue, actor: SiteUser, entry?: SiteChangelogEntry): void {
    noteSiteChange(this.site);
    if (this.listeners.size === 0) return;
    const payload: IssueEventPayload = issueEventPayload(type, this.site, issue, actor.accountId, entry);
    for (const listener of this.listeners) {
      try {
        listener(payload);
      } catch (error) {
        // A listener's failure is its own; the write has happened and stays.
        console.error('Jira emulator: an issue event listener failed', error);
      }
    }
  }
}
