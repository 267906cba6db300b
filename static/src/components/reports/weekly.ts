/**
 * The weekly report as the meeting reads it: per workstream, what moved, what is stuck, what needs a decision,
 * each section a list of lines or one line saying it is empty. No React here.
 */
import type { MilestoneMoveDto, RiskMoveDto, StageMoveDto, WaitingItemDto, WorkstreamWeekDto } from '../../../../src/contract/reports';
import { dayOfInstant, daysText, percentText, signedDelta } from './format';

export type WeekGroup = 'moved' | 'stuck' | 'decide';
export type WeekSectionId = 'converted' | 'slipped' | 'milestonesDone' | 'milestonesNewlyLate' | 'risksNew' | 'risksRisen' | 'blocked' | 'decisionsNeeded';

export interface WeekLine {
  key: string;
  summary: string;
  /** What happened to it, e.g. "L2 → L3 on 2026-03-04" or "Waiting for 12 days". */
  detail: string;
  flagged: boolean;
}

export interface WeekSection {
  id: WeekSectionId;
  group: WeekGroup;
  title: string;
  /** The one line an empty section collapses to, e.g. "No decisions needed". */
  emptyText: string;
  lines: WeekLine[];
}

export const GROUP_TITLES: Record<WeekGroup, string> = { moved: 'What moved', stuck: 'What is stuck', decide: 'What needs a decision' };

type Sections = Pick<WorkstreamWeekDto, WeekSectionId>;

const stage = (name: string | null) => name ?? 'no stage';
const line = (ref: { key: string; summary: string }, detail: string, flagged = false): WeekLine => ({ key: ref.key, summary: ref.summary, detail, flagged });

const moveLine = (m: StageMoveDto) => line(m, `${stage(m.fromStage)} → ${stage(m.toStage)} on ${dayOfInstant(m.at)}`);
const doneLine = (m: MilestoneMoveDto) => line(m, [m.doneAt ? `Done ${dayOfInstant(m.doneAt)}` : 'Done', m.due ? `due ${m.due}` : 'no due date'].join(', '));
const lateLine = (m: MilestoneMoveDto) => line(m, m.due ? `Due ${m.due}, not done` : 'Late, no due date');
const band = (r: RiskMoveDto) => (r.band ? ` (${r.band})` : '');
const newRiskLine = (r: RiskMoveDto) => line(r, r.scoreAfter === null ? 'Not scored yet' : `Score ${r.scoreAfter}${band(r)}`);
const risenLine = (r: RiskMoveDto) => line(r, `Score ${r.scoreBefore ?? 'none'} → ${r.scoreAfter ?? 'none'}${band(r)}`);
const waitingLine = (w: WaitingItemDto) => line(w, `${w.status} for ${daysText(w.days)}`, w.flagged);

/** The eight sections of one workstream (or of the whole), in the meeting's order. */
export function weekSections(ws: Sections): WeekSection[] {
  return [
    { id: 'converted', group: 'moved', title: 'Teams converted', emptyText: 'No teams converted', lines: ws.converted.map(moveLine) },
    { id: 'slipped', group: 'moved', title: 'Teams slipped back', emptyText: 'No teams slipped back', lines: ws.slipped.map(moveLine) },
    { id: 'milestonesDone', group: 'moved', title: 'Milestones done', emptyText: 'No milestones done', lines: ws.milestonesDone.map(doneLine) },
    { id: 'milestonesNewlyLate', group: 'stuck', title: 'Milestones newly late', emptyText: 'No milestones newly late', lines: ws.milestonesNewlyLate.map(lateLine) },
    { id: 'risksNew', group: 'stuck', title: 'New risks', emptyText: 'No new risks', lines: ws.risksNew.map(newRiskLine) },
    { id: 'risksRisen', group: 'stuck', title: 'Risks that rose', emptyText: 'No risks rose', lines: ws.risksRisen.map(risenLine) },
    { id: 'blocked', group: 'stuck', title: 'Blocked or waiting longest', emptyText: 'Nothing blocked or waiting', lines: ws.blocked.map(waitingLine) },
    { id: 'decisionsNeeded', group: 'decide', title: 'Decisions needed', emptyText: 'No decisions needed', lines: ws.decisionsNeeded.map(waitingLine) },
  ];
}

/** A workstream with nothing in any section collapses to a single line. */
export const isQuietWeek = (sections: readonly WeekSection[]): boolean => sections.every((s) => s.lines.length === 0);

type Totals = Pick<WorkstreamWeekDto, 'progressBefore' | 'progressAfter' | 'progressDeltaText' | 'teamsConvertedBefore' | 'teamsConvertedAfter' | 'teamsTotal'>;

/** "Progress 40 % → 42.4 % (+2.4 pts)" */
export const progressLine = (t: Totals): string => `Progress ${percentText(t.progressBefore)} → ${percentText(t.progressAfter)} (${t.progressDeltaText})`;

/** "Teams converted 3 → 5 of 12 (+2)" */
export const teamsLine = (t: Totals): string =>
  `Teams converted ${t.teamsConvertedBefore} → ${t.teamsConvertedAfter} of ${t.teamsTotal} (${signedDelta(t.teamsConvertedBefore, t.teamsConvertedAfter)})`;

/** "Sponsor: Dana" or "No sponsor named" */
export const sponsorText = (sponsor: string | null): string => (sponsor ? `Sponsor: ${sponsor}` : 'No sponsor named');
