import type { StatusCategory } from './model';
import type { RiskBandName } from './risk';
import type { ScheduleStatus } from './views';

export type BacklogColumn = 'key' | 'summary' | 'type' | 'status' | 'assignee' | 'labels' | 'box' | 'start' | 'due' | 'storyPoints' | 'riskBand' | 'schedule';

/** Presets the top row's figures open the backlog with. */
export type BacklogDrill = 'late' | 'lateBoxes' | 'done' | 'teams' | 'convertedTeams' | 'notConvertedTeams' | 'risks' | 'milestones';

export interface BacklogQuery {
  text?: string;
  boxId?: string;
  statusCategory?: StatusCategory;
  type?: string;
  riskBand?: RiskBandName;
  drill?: BacklogDrill;
  sort?: { column: BacklogColumn; direction: 'asc' | 'desc' };
  page?: number;
  pageSize?: number;
}

export interface BacklogItem {
  key: string;
  summary: string;
  type: string;
  status: string;
  statusCategory: StatusCategory | null;
  assignee: string | null;
  labels: string[];
  boxId: string;
  boxName: string;
  start: string | null;
  due: string | null;
  storyPoints: number | null;
  riskBand: RiskBandName | null;
  schedule: ScheduleStatus;
}

export interface BacklogFacets {
  boxes: { id: string; name: string; depth: number }[];
  types: string[];
}

export interface BacklogPage {
  items: BacklogItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: BacklogFacets;
  /** For a drill from a top-row figure: the figure's arithmetic, so the list can be checked against it; else null. */
  drillNote: string | null;
}
