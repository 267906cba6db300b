/** Shapes several answers share. */

export type ProgressMethodDto = 'issueCount' | 'storyPoints' | 'originalEstimate' | 'manual';

export interface WarningDto {
  code: string;
  issueKey: string | null;
  field: string | null;
  message: string;
}

export interface TeamsConvertedDto {
  converted: number;
  total: number;
  ratio: number;
  /** e.g. "10.2 %" */
  percentText: string;
}

export interface ProgressDto {
  method: ProgressMethodDto;
  ratio: number;
  /** e.g. "65.6 %"; "–" when there is nothing to measure. */
  percentText: string;
  /** Done and total in the method's unit: issues, story points, seconds of original estimate; percent for a stated manual figure. */
  done: number;
  total: number;
  /** How the figure is computed, in words, e.g. "434 of 662 story points done": shown next to the figure. */
  basis: string;
}

/** Where a page's figures came from, so the page can say how fresh they are and whether anything was left out. */
export interface DataSourceDto {
  /** 'snapshot': the stored snapshot kept current by Jira's events; 'live': read from Jira for this request. */
  kind: 'snapshot' | 'live';
  /** When the figures were last brought up to date with Jira (ISO). */
  asOf: string;
  /** Issues of projects the viewer may not browse were left out. */
  rowsHidden: boolean;
  /** Why the figures were read live (e.g. the snapshot is still being built), or null. */
  note: string | null;
}
