/** Baselines: a named record of one box's subtree (dates, progress, teams converted, risk scores) to compare with today. */

export interface BaselineDto {
  id: string;
  name: string;
  /** The box it is of, and that box's name today. */
  boxId: string;
  boxName: string;
  /** ISO instant it was saved. */
  createdAt: string;
}

/** The baselines this page may compare with: those of boxes the viewer can see on it today, newest first. */
export interface BaselineListDto {
  baselines: BaselineDto[];
  /** The viewer is a Jira administrator, so may delete baselines. */
  canDelete: boolean;
  /** Baselines kept per installation. */
  max: number;
}

/** A box against a baseline. */
export interface BaselineDeltaDto {
  /** The box's dates when the baseline was saved. */
  start: string | null;
  due: string | null;
  /** Due today minus due then, in days (later is positive); null when either has no due date. */
  slipDays: number | null;
  /** Progress today minus progress then, 0..1 scale (0.05 = 5 points); null when either measured nothing. */
  progressDelta: number | null;
}

export const BASELINE_KEYS = {
  list: 'baselines/list',
  save: 'baselines/save',
  delete: 'baselines/delete',
} as const;
