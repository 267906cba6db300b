import type { SiteChangelogEntry, SiteChangelogItem, SiteData, SiteIssue } from '../siteData';

/**
 * What Forge delivers to a `trigger` module subscribed to Jira's issue events (events-reference/jira): the event
 * type, who acted (`atlassianId`, `associatedUsers`), a few fields of the issue (not every custom field) and, for an
 * update, the changelog items of that edit.
 */

export type IssueEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';

/** A changelog item as the event carries it; a mapped type, so it stays assignable to `Record<string, unknown>`. */
export type IssueEventChangeItem = Pick<SiteChangelogItem, keyof SiteChangelogItem>;

/** A type alias, not an interface, so it fits `Record<string, unknown>`-shaped schemas (e.g. a message to a process). */
export type IssueEventPayload = {
  eventType: IssueEventType;
  /** accountId of the user who made the change. */
  atlassianId: string;
  /** The one user the event is about: who created, edited or deleted the issue. */
  associatedUsers: EventUser[];
  issue: {
    id: string;
    key: string;
    fields: {
      project: { id: string; key: string; name: string };
      issuetype: { id: string; name: string };
      summary: string;
      status: { id: string; name: string };
      updated: string;
      created: string;
      creator: EventUser;
      reporter: EventUser | null;
      assignee: EventUser | null;
    };
  };
  changelog?: { id: string; items: IssueEventChangeItem[] };
};

type EventUser = { accountId: string };

const eventUser = (accountId: string | null): EventUser | null => (accountId === null ? null : { accountId });

export type IssueEventListener = (event: IssueEventPayload) => void;

export function issueEventPayload(eventType: IssueEventType, site: SiteData, issue: SiteIssue, actorAccountId: string, entry?: SiteChangelogEntry): IssueEventPayload {
  const project = site.projects.find((p) => p.key === issue.projectKey);
  const type = site.issueTypes.find((t) => t.id === issue.issueTypeId);
  const status = site.statuses.find((s) => s.id === issue.statusId);
  return {
    eventType,
    atlassianId: actorAccountId,
    associatedUsers: [{ accountId: actorAccountId }],
    issue: {
      id: issue.id,
      key: issue.key,
      fields: {
        project: { id: project?.id ?? '', key: issue.projectKey, name: project?.name ?? issue.projectKey },
        issuetype: { id: issue.issueTypeId, name: type?.name ?? '' },
        summary: issue.summary,
        status: { id: issue.statusId, name: status?.name ?? '' },
        updated: issue.updated,
        created: issue.created,
        // The site keeps no separate creator; Jira makes the creator the reporter unless one is named.
        creator: { accountId: issue.reporterAccountId ?? actorAccountId },
        reporter: eventUser(issue.reporterAccountId),
        assignee: eventUser(issue.assigneeAccountId),
      },
    },
    ...(entry ? { changelog: { id: entry.id, items: entry.items.map((item) => ({ ...item })) } } : {}),
  };
}
