/**
 * The deliberately imperfect data every real site has (~1% of the issues at scale 1).
 * The keys are fixed by construction, for every seed and scale: DTO holds 4 workstreams
 * (DTO-1..4), 12 initiatives (DTO-5..16), 60 risks (DTO-17..76) and 30 milestones (DTO-77..106);
 * each delivery project starts with its teams, then the first team's first epic and its first
 * child, which is always a Story.
 *
 *   missingDueDate     DTO-16 (initiative), DTO-106 (milestone), LEND-8 (story)
 *   startAfterDue      DTO-15 (initiative), DATA-5 (team), CARD-7 (epic) — start date 14 days after due
 *   zeroStoryPoints    PAY-9 (story), DIGI-9 (story) — "Story point estimate" is 0
 *   noParent           OPS-7 (story), HR-5 (epic) — parentKey null
 *   noConversionStage  HR-4 (team), OPS-5 (team) — "Conversion stage" never set
 *   riskNoLikelihood   DTO-30 (risk), DTO-61 (risk) — "Risk likelihood" never set (impact is)
 *
 * Not a flaw but as real: a few issues carry the issue security level "DTO leadership only" and are hidden from users
 * who browse their project but are not members (restricted.ts); none of them is a flawed issue.
 */
import type { SiteIssue } from '../emulator/siteData';
import { ISSUE_TYPE, type IssueTypeKey } from './catalog';
import { formatDay, parseDay } from './dates';
import { CF, fieldName, type CustomFieldKey } from './fields';
import type { SiteBuilder } from './issues';

export type FlawKind = 'missingDueDate' | 'startAfterDue' | 'zeroStoryPoints' | 'noParent' | 'noConversionStage' | 'riskNoLikelihood';

export interface DemoFlaw {
  kind: FlawKind;
  key: string;
  issueType: IssueTypeKey;
}

export const DEMO_FLAWS: readonly DemoFlaw[] = [
  { kind: 'missingDueDate', key: 'DTO-16', issueType: 'initiative' },
  { kind: 'missingDueDate', key: 'DTO-106', issueType: 'milestone' },
  { kind: 'missingDueDate', key: 'LEND-8', issueType: 'story' },
  { kind: 'startAfterDue', key: 'DTO-15', issueType: 'initiative' },
  { kind: 'startAfterDue', key: 'DATA-5', issueType: 'team' },
  { kind: 'startAfterDue', key: 'CARD-7', issueType: 'epic' },
  { kind: 'zeroStoryPoints', key: 'PAY-9', issueType: 'story' },
  { kind: 'zeroStoryPoints', key: 'DIGI-9', issueType: 'story' },
  { kind: 'noParent', key: 'OPS-7', issueType: 'story' },
  { kind: 'noParent', key: 'HR-5', issueType: 'epic' },
  { kind: 'noConversionStage', key: 'HR-4', issueType: 'team' },
  { kind: 'noConversionStage', key: 'OPS-5', issueType: 'team' },
  { kind: 'riskNoLikelihood', key: 'DTO-30', issueType: 'risk' },
  { kind: 'riskNoLikelihood', key: 'DTO-61', issueType: 'risk' },
];

/** Removes a field from the issue's history, as if it had never been set. */
function forgetField(issue: SiteIssue, field: string): void {
  for (const entry of issue.changelog) entry.items = entry.items.filter((item) => item.field !== field);
  issue.changelog = issue.changelog.filter((entry) => entry.items.length > 0);
}

function clearCustom(issue: SiteIssue, key: CustomFieldKey): void {
  delete issue.customFields[CF[key]];
  forgetField(issue, fieldName(key));
}

function apply(issue: SiteIssue, kind: FlawKind): void {
  switch (kind) {
    case 'missingDueDate':
      issue.duedate = null;
      forgetField(issue, 'duedate');
      return;
    case 'startAfterDue': {
      if (issue.duedate === null) throw new Error(`${issue.key} has no due date to start after`);
      issue.customFields[CF.startDate] = formatDay(parseDay(issue.duedate) + 14);
      return;
    }
    case 'zeroStoryPoints':
      issue.customFields[CF.storyPoints] = 0;
      return;
    case 'noParent':
      issue.parentKey = null;
      return;
    case 'noConversionStage':
      clearCustom(issue, 'conversionStage');
      return;
    case 'riskNoLikelihood':
      clearCustom(issue, 'riskLikelihood');
      return;
  }
}

export function applyFlaws(builder: SiteBuilder): void {
  for (const flaw of DEMO_FLAWS) {
    const issue = builder.get(flaw.key);
    if (issue.issueTypeId !== ISSUE_TYPE[flaw.issueType].id) throw new Error(`Flaw ${flaw.kind}: ${flaw.key} is not a ${flaw.issueType}`);
    apply(issue, flaw.kind);
  }
}
