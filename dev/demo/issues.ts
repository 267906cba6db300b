/**
 * Turning planned issues into SiteIssues: keys per project, ids and changelog ids in creation order,
 * Jira timestamps, and the invariants every issue keeps (resolution iff done, updated ≥ last change).
 */
import type { SiteIssue } from '../emulator/siteData';
import { ISSUE_TYPE, isDone, STATUS, type IssueTypeKey, type StatusKey } from './catalog';
import { toChangelog, type ChangeEvent } from './changelog';
import { formatDay, formatTimestamp, type Day } from './dates';
import type { Person } from './users';

export interface IssueInit {
  key: string;
  projectKey: string;
  type: IssueTypeKey;
  status: StatusKey;
  summary: string;
  createdAt: number;
  resolvedAt: number | null;
  assignee: Person | null;
  reporter: Person | null;
  parentKey: string | null;
  labels: string[];
  dueDay: Day | null;
  estimateSeconds: number | null;
  customFields: Record<string, unknown>;
  events: ChangeEvent[];
  blocks?: string[];
}

export function makeIssue(init: IssueInit): SiteIssue {
  if (isDone(init.status) !== (init.resolvedAt !== null)) throw new Error(`${init.key}: resolution must be set iff ${init.status} is done`);
  const changelog = toChangelog(init.events);
  const created = formatTimestamp(init.createdAt);
  const last = changelog[changelog.length - 1];
  if (last && last.created < created) throw new Error(`${init.key}: change before creation`);
  return {
    id: '',
    key: init.key,
    projectKey: init.projectKey,
    issueTypeId: ISSUE_TYPE[init.type].id,
    statusId: STATUS[init.status].id,
    summary: init.summary,
    created,
    updated: last ? last.created : created,
    resolutiondate: init.resolvedAt === null ? null : formatTimestamp(init.resolvedAt),
    assigneeAccountId: init.assignee ? init.assignee.accountId : null,
    reporterAccountId: init.reporter ? init.reporter.accountId : null,
    parentKey: init.parentKey,
    labels: init.labels,
    duedate: init.dueDay === null ? null : formatDay(init.dueDay),
    timeoriginalestimate: init.estimateSeconds,
    customFields: init.customFields,
    blocks: init.blocks ?? [],
    changelog,
  };
}

/** Collects the site's issues in creation order and numbers them. */
export class SiteBuilder {
  readonly issues: SiteIssue[] = [];
  private readonly byKey = new Map<string, SiteIssue>();
  private readonly keyCounters = new Map<string, number>();
  private nextIssueId = 10001;
  private nextChangelogId = 100001;

  /** The next key of the project ("PAY-12"); keys are handed out in order. */
  nextKey(projectKey: string): string {
    const n = (this.keyCounters.get(projectKey) ?? 0) + 1;
    this.keyCounters.set(projectKey, n);
    return `${projectKey}-${n}`;
  }

  add(issue: SiteIssue): SiteIssue {
    if (this.byKey.has(issue.key)) throw new Error(`Duplicate key ${issue.key}`);
    issue.id = String(this.nextIssueId++);
    for (const entry of issue.changelog) entry.id = String(this.nextChangelogId++);
    this.issues.push(issue);
    this.byKey.set(issue.key, issue);
    return issue;
  }

  get(key: string): SiteIssue {
    const issue = this.byKey.get(key);
    if (!issue) throw new Error(`No issue ${key}`);
    return issue;
  }
}
