import { canBrowse, isSecurityLevelMember } from './permissions';
import type { SiteData, SiteIssue, SiteIssueType, SiteProject, SiteSecurityLevel, SiteStatus, SiteUser } from './siteData';
import { siteIndex, type BlockLink, type SiteIndex } from './siteIndex';

/**
 * The site as one user sees it during one request. The site data is live (callers may change it between requests):
 * the issue index is the one of the site's current revision (siteIndex.ts), the small lookups are built per request.
 */
export class SiteView {
  readonly index: SiteIndex;
  private readonly usersById: Map<string, SiteUser>;
  private readonly projectsByKey: Map<string, SiteProject>;
  private readonly typesById: Map<string, SiteIssueType>;
  private readonly statusesById: Map<string, SiteStatus>;
  private readonly levelsById: Map<string, SiteSecurityLevel>;

  constructor(
    readonly site: SiteData,
    readonly user: SiteUser,
  ) {
    this.index = siteIndex(site);
    this.usersById = new Map(site.users.map((u) => [u.accountId, u]));
    this.projectsByKey = new Map(site.projects.map((p) => [p.key, p]));
    this.typesById = new Map(site.issueTypes.map((t) => [t.id, t]));
    this.statusesById = new Map(site.statuses.map((s) => [s.id, s]));
    this.levelsById = new Map((site.securityLevels ?? []).map((l) => [l.id, l]));
  }

  canBrowseProject(projectKey: string): boolean {
    return this.projectsByKey.has(projectKey) && canBrowse(this.user, projectKey);
  }

  /**
   * Jira's issue visibility, which every read and write goes through: the user may browse the issue's project and,
   * when the issue carries a security level, is a member of it (being a Jira admin is not enough). A level id the
   * site does not define admits nobody.
   */
  canSee(issue: SiteIssue): boolean {
    if (!this.canBrowseProject(issue.projectKey)) return false;
    const levelId = issue.securityLevelId;
    return levelId === undefined || levelId === null || isSecurityLevelMember(this.user, this.levelsById.get(levelId));
  }

  /** The issue's security level: null when it has none, undefined when its id names no level of the site. */
  securityLevelOf(issue: SiteIssue): SiteSecurityLevel | null | undefined {
    const levelId = issue.securityLevelId;
    return levelId === undefined || levelId === null ? null : this.levelsById.get(levelId);
  }

  securityLevel(id: string): SiteSecurityLevel | undefined {
    return this.levelsById.get(id);
  }

  browsableProjects(): SiteProject[] {
    return this.site.projects.filter((p) => canBrowse(this.user, p.key));
  }

  visibleIssues(): SiteIssue[] {
    return this.site.issues.filter((i) => this.canSee(i));
  }

  /** Any issue by id or key, visible or not; callers decide what the user may learn. */
  anyIssue(idOrKey: string): SiteIssue | undefined {
    return this.index.byId.get(idOrKey) ?? this.index.byKey.get(idOrKey.toUpperCase());
  }

  visibleIssue(idOrKey: string): SiteIssue | undefined {
    const issue = this.anyIssue(idOrKey);
    return issue && this.canSee(issue) ? issue : undefined;
  }

  project(key: string): SiteProject | undefined {
    return this.projectsByKey.get(key);
  }

  userById(accountId: string): SiteUser | undefined {
    return this.usersById.get(accountId);
  }

  issueType(id: string): SiteIssueType | undefined {
    return this.typesById.get(id);
  }

  status(id: string): SiteStatus | undefined {
    return this.statusesById.get(id);
  }

  parentOf(issue: SiteIssue): SiteIssue | undefined {
    return issue.parentKey === null ? undefined : this.anyIssue(issue.parentKey);
  }

  outwardBlocks(issue: SiteIssue): BlockLink[] {
    return this.index.blockLinks().outward.get(issue.id) ?? [];
  }

  inwardBlocks(issue: SiteIssue): BlockLink[] {
    return this.index.blockLinks().inward.get(issue.id) ?? [];
  }

  /** What decides which issues this user sees and how their queries resolve: who they are, what they browse, their levels. */
  visibilityKey(): string {
    const levels = (this.site.securityLevels ?? []).filter((l) => isSecurityLevelMember(this.user, l)).map((l) => l.id);
    return JSON.stringify([this.user.accountId, this.user.browseProjects, levels]);
  }
}
