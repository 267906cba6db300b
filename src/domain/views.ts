import type { Progress, ProgressMethod, StatusCategory, TeamsConverted } from './model';
import { formatPercent } from './formatPercent';

/** Progress as the pages show it: the ratio with its ready-made "12.3 %" text ("–" when there is nothing to measure) and how it is computed. */
export interface ProgressSummary {
  method: ProgressMethod;
  ratio: number;
  percentText: string;
  /** Done and total in the method's unit (issues, points, seconds; percent for a stated manual figure). */
  done: number;
  total: number;
  /** What the figure is, in words, e.g. "434 of 662 story points done". */
  basis: string;
}

export interface TeamsConvertedSummary {
  converted: number;
  total: number;
  ratio: number;
  percentText: string;
}

/** Where an issue or box stands against its due date. */
export type ScheduleStatus = 'done' | 'late' | 'onTrack' | 'unscheduled';

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const SECONDS_PER_HOUR = 3600;

/** The figure's arithmetic in words, in its own unit; says so when there is nothing to measure. */
export function progressBasis(progress: Pick<Progress, 'method' | 'done' | 'total'>): string {
  const { method, done, total } = progress;
  if (method === 'manual') return `${NUMBER.format(done)} % as stated in the box's Manual progress field`;
  if (total <= 0) return method === 'issueCount' ? 'nothing to measure: no work items' : `nothing to measure: no work item carries ${method === 'storyPoints' ? 'story points' : 'an original estimate'}`;
  if (method === 'storyPoints') return `${NUMBER.format(done)} of ${NUMBER.format(total)} story points done`;
  if (method === 'originalEstimate') return `${NUMBER.format(done / SECONDS_PER_HOUR)} of ${NUMBER.format(total / SECONDS_PER_HOUR)} hours of original estimate done`;
  return `${NUMBER.format(done)} of ${NUMBER.format(total)} work items done, counted by issue`;
}

export function progressSummary(progress: Pick<Progress, 'method' | 'ratio' | 'done' | 'total'>): ProgressSummary {
  const measurable = progress.method === 'manual' || progress.total > 0;
  return {
    method: progress.method,
    ratio: progress.ratio,
    percentText: measurable ? formatPercent(progress.ratio) : '–',
    done: progress.done,
    total: progress.total,
    basis: progressBasis(progress),
  };
}

export function teamsConvertedSummary(teams: TeamsConverted): TeamsConvertedSummary {
  return { converted: teams.converted, total: teams.total, ratio: teams.ratio, percentText: formatPercent(teams.ratio) };
}

const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** Jira's status category when it is one we know; null for anything else. */
export function knownStatusCategory(value: unknown): StatusCategory | null {
  return STATUS_CATEGORIES.find((category) => category === value) ?? null;
}
