/**
 * The demo site's one issue security level and the few issues that carry it, so the site shows what Jira does with
 * them: an issue with a level is visible only to members of the level, even to users who may browse its project.
 *
 *   DTO leadership only (id 10100): members are the Jira admin persona and the app's account. Not the team member
 *   (browses DTO and PAY) nor the limited user (browses all but HR and OPS), who each lose issues they could
 *   otherwise browse.
 *
 * Chosen after everything else is generated, from the generated data alone (no random draws), so every other value
 * of the site stays exactly what it was; which keys are chosen depends on seed, scale and anchor date:
 *
 *   - 2 confidential risks in DTO: open risks first, highest likelihood × impact first, then lowest key number;
 *   - 1 issue in PAY and 1 in DIGI (a "security finding"): a Bug if there is one, else a Task, else a Story; open
 *     first, then lowest key number. Only leaves with no links (no children, blocks nothing, blocked by nothing), not
 *     one of the deliberate flaws, and not assigned to or reported by the team member or the limited user.
 *
 * Risks never have children or links, so in every case what a non-member no longer sees is exactly the issues chosen.
 */
import type { SiteIssue, SiteSecurityLevel } from '../emulator/siteData';
import { ISSUE_TYPE, STATUSES } from './catalog';
import { CF, IMPACTS, LIKELIHOODS } from './fields';
import { DEMO_FLAWS } from './flaws';
import { DEMO_USERS } from './users';

export const DEMO_SECURITY_LEVEL: { readonly id: string; readonly name: string; readonly description: string; readonly memberAccountIds: readonly string[] } = {
  id: '10100',
  name: 'DTO leadership only',
  description: 'Confidential risks and security findings: only the Transformation Office leadership and the app may see them.',
  memberAccountIds: [DEMO_USERS.admin, DEMO_USERS.app],
};

const RISK_COUNT = 2;
/** Projects where one work item is restricted: the team member browses PAY, the limited user DIGI. */
export const RESTRICTED_WORK_PROJECTS: readonly string[] = ['PAY', 'DIGI'];
const WORK_TYPE_PREFERENCE: readonly string[] = [ISSUE_TYPE.bug.id, ISSUE_TYPE.task.id, ISSUE_TYPE.story.id];
const PERSONAS: ReadonlySet<string> = new Set([DEMO_USERS.teamMember, DEMO_USERS.limited]);

const keyNumber = (issue: SiteIssue): number => Number(issue.key.split('-')[1]);
const doneStatusIds = new Set(STATUSES.filter((s) => s.categoryKey === 'done').map((s) => s.id));
const isOpen = (issue: SiteIssue): boolean => !doneStatusIds.has(issue.statusId);

function level(issue: SiteIssue, field: string, labels: readonly string[]): number {
  const value = issue.customFields[field] as { value?: unknown } | undefined;
  return typeof value?.value === 'string' ? labels.indexOf(value.value) + 1 : 0;
}

/** Open before done, then the given measure (higher first), then lower key number. */
function byPreference(measure: (issue: SiteIssue) => number): (a: SiteIssue, b: SiteIssue) => number {
  return (a, b) => Number(isOpen(b)) - Number(isOpen(a)) || measure(b) - measure(a) || keyNumber(a) - keyNumber(b);
}

/** The issues that get the level, in order: the risks, then PAY's, then DIGI's. */
export function chooseRestrictedIssues(issues: readonly SiteIssue[]): SiteIssue[] {
  const flawed = new Set(DEMO_FLAWS.map((f) => f.key));
  const parents = new Set(issues.flatMap((i) => (i.parentKey === null ? [] : [i.parentKey])));
  const blocked = new Set(issues.flatMap((i) => i.blocks));

  const risks = issues
    .filter((i) => i.issueTypeId === ISSUE_TYPE.risk.id && !flawed.has(i.key))
    .sort(byPreference((i) => level(i, CF.riskLikelihood, LIKELIHOODS) * level(i, CF.riskImpact, IMPACTS)))
    .slice(0, RISK_COUNT);

  const work = RESTRICTED_WORK_PROJECTS.flatMap((projectKey) => {
    const candidates = issues.filter(
      (i) =>
        i.projectKey === projectKey &&
        WORK_TYPE_PREFERENCE.includes(i.issueTypeId) &&
        !flawed.has(i.key) &&
        !parents.has(i.key) &&
        i.blocks.length === 0 &&
        !blocked.has(i.key) &&
        !PERSONAS.has(i.assigneeAccountId ?? '') &&
        !PERSONAS.has(i.reporterAccountId ?? ''),
    );
    const preferred = candidates.sort((a, b) => WORK_TYPE_PREFERENCE.indexOf(a.issueTypeId) - WORK_TYPE_PREFERENCE.indexOf(b.issueTypeId) || byPreference(() => 0)(a, b));
    return preferred.slice(0, 1);
  });
  return [...risks, ...work];
}

/** Puts the level on the chosen issues, in place, and returns the site's security levels. */
export function applySecurityLevel(issues: readonly SiteIssue[]): SiteSecurityLevel[] {
  for (const issue of chooseRestrictedIssues(issues)) issue.securityLevelId = DEMO_SECURITY_LEVEL.id;
  return [{ ...DEMO_SECURITY_LEVEL, memberAccountIds: [...DEMO_SECURITY_LEVEL.memberAccountIds] }];
}

/** The keys that carry the demo's security level in a generated site (they depend on seed, scale and anchor date). */
export function demoRestrictedKeys(site: { issues: readonly SiteIssue[] }): string[] {
  return site.issues.filter((i) => i.securityLevelId === DEMO_SECURITY_LEVEL.id).map((i) => i.key);
}
