import type { Progress, ProgressMethod, StatusCategory, TeamsConverted } from './model';
import { formatPercent } from './formatPercent';

/** Progress as the pages show it: the ratio with its ready-made "12.3 %" text. */
export interface ProgressSummary {
  method: ProgressMethod;
  ratio: number;
  percentText: string;
}

export interface TeamsConvertedSummary {
  converted: number;
  total: number;
  ratio: number;
  percentText: string;
}

/** Where an issue or box stands against its due date. */
export type ScheduleStatus = 'done' | 'late' | 'onTrack' | 'unscheduled';

export function progressSummary(progress: Pick<Progress, 'method' | 'ratio'>): ProgressSummary {
  return { method: progress.method, ratio: progress.ratio, percentText: formatPercent(progress.ratio) };
}

export function teamsConvertedSummary(teams: TeamsConverted): TeamsConvertedSummary {
  return { converted: teams.converted, total: teams.total, ratio: teams.ratio, percentText: formatPercent(teams.ratio) };
}

const STATUS_CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** Jira's status category when it is one we know; null for anything else. */
export function knownStatusCategory(value: unknown): StatusCategory | null {
  return STATUS_CATEGORIES.find((category) => category === value) ?? null;
}
