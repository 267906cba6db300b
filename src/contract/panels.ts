/**
 * What the panels of the global and project pages receive. Plain JSON, shared with the Custom UI.
 * Dates are 'yyyy-mm-dd'; ratios are 0..1 with a ready-made "12.3 %" text beside them.
 */
import type { ProgressDto, TeamsConvertedDto, WarningDto } from './common';

export type PanelKey = 'roadmap' | 'riskMatrix' | 'teamsConverted' | 'backlog' | 'reports';
export type StatusCategoryDto = 'new' | 'indeterminate' | 'done' | null;
export type ScheduleStatusDto = 'done' | 'late' | 'onTrack' | 'unscheduled';

/** Every page call names its scope: the whole transformation, or one Jira project's part of it. */
export interface ScopeDto {
  /** null = the whole transformation (global page). */
  projectKey: string | null;
}

// ---------- Roadmap ----------

export interface RoadmapRowDto {
  /** Box id (issue key, or 'root') or the key of an item that groups others (e.g. an epic). */
  id: string;
  /** Jira issue key, null for the root. */
  key: string | null;
  name: string;
  /** Box type name, or the issue type for an item row. */
  typeName: string;
  kind: 'box' | 'item';
  parentId: string | null;
  depth: number;
  hasChildren: boolean;
  start: string | null;
  due: string | null;
  progress: ProgressDto;
  schedule: ScheduleStatusDto;
}

export interface MilestoneDto {
  key: string;
  name: string;
  due: string | null;
  /** The row the milestone sits on. */
  rowId: string;
  schedule: ScheduleStatusDto;
}

export interface DependencyDto {
  /** Rows the blocking and blocked issues sit in. */
  fromRowId: string;
  toRowId: string;
  fromKey: string;
  toKey: string;
  /** The blocked work is due before the blocking work ends. */
  violated: boolean;
}

export interface RoadmapDto {
  today: string;
  /** Rows in tree order, parents before their children. */
  rows: RoadmapRowDto[];
  milestones: MilestoneDto[];
  dependencies: DependencyDto[];
  /** Ids of rows that have neither a start nor a due date (still present in rows, listed apart). */
  undatedRowIds: string[];
}

// ---------- Risks ----------

export type RiskBandDto = 'low' | 'medium' | 'high' | 'critical';

export interface RiskDto {
  key: string;
  summary: string;
  owner: string | null;
  status: string;
  statusCategory: StatusCategoryDto;
  /** The box the risk threatens (its nearest box up the parent links). */
  boxId: string;
  boxName: string;
  likelihood: number | null;
  impact: number | null;
  score: number | null;
  band: RiskBandDto | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
  residualScore: number | null;
  residualBand: RiskBandDto | null;
  mitigation: string | null;
}

export interface RiskBandScaleDto {
  name: RiskBandDto;
  /** Lowest score (1..25) in the band. */
  min: number;
  /** An Atlaskit token name, e.g. color.background.danger */
  color: string;
}

export interface RiskCellDto {
  likelihood: number;
  impact: number;
  score: number;
  band: RiskBandDto;
  /** Keys of the risks in this cell. */
  riskKeys: string[];
}

export interface RiskMatrixDto {
  likelihoodLabels: string[];
  impactLabels: string[];
  bands: RiskBandScaleDto[];
  /** 25 cells, likelihood 1..5 × impact 1..5 (inherent ratings). */
  cells: RiskCellDto[];
  /** The same for residual ratings; empty when no risk has both residual values. */
  residualCells: RiskCellDto[];
  /** Every risk in scope, scored or not. */
  risks: RiskDto[];
  /** Keys of risks that lack a likelihood or an impact: shown apart, never dropped. */
  unscoredKeys: string[];
  /** Open risks only are placed in the cells; done ones are counted here. */
  closedCount: number;
}

// ---------- Teams converted ----------

export interface TeamRowDto {
  id: string;
  key: string | null;
  name: string;
  typeName: string;
  parentId: string | null;
  depth: number;
  /** Only team rows carry a stage; null = missing or unknown. */
  stage: string | null;
  converted: boolean | null;
  progress: ProgressDto;
  teamsConverted: TeamsConvertedDto;
}

export interface ConversionPointDto {
  /** End of the period. */
  date: string;
  converted: number;
  total: number;
  ratio: number;
}

export interface TeamsConvertedPanelDto {
  stages: string[];
  targetStage: string;
  /** The share of teams the transformation aims to convert (the chart's target line), 0..1. */
  targetRatio: number;
  /** Rows in tree order (workstream → initiative → team). */
  rows: TeamRowDto[];
  /** Teams converted at the end of each week, oldest first, read from the conversion stage's history. */
  history: ConversionPointDto[];
  /** How the history was read: from the changelog, or only today's stage was known. */
  historySource: 'changelog' | 'currentOnly';
}

// ---------- Backlog ----------

export type BacklogColumn = 'key' | 'summary' | 'type' | 'status' | 'assignee' | 'labels' | 'box' | 'start' | 'due' | 'storyPoints' | 'riskBand' | 'schedule';

export interface BacklogItemDto {
  key: string;
  summary: string;
  type: string;
  status: string;
  statusCategory: StatusCategoryDto;
  assignee: string | null;
  labels: string[];
  boxId: string;
  boxName: string;
  start: string | null;
  due: string | null;
  storyPoints: number | null;
  /** For risks: their inherent band. */
  riskBand: RiskBandDto | null;
  schedule: ScheduleStatusDto;
}

/** Presets the top row's figures open the backlog with. */
export type BacklogDrill = 'late' | 'lateBoxes' | 'done' | 'teams' | 'convertedTeams' | 'notConvertedTeams' | 'risks' | 'milestones';

export interface BacklogQueryDto {
  text?: string;
  boxId?: string;
  statusCategory?: 'new' | 'indeterminate' | 'done';
  type?: string;
  riskBand?: RiskBandDto;
  drill?: BacklogDrill;
  sort?: { column: BacklogColumn; direction: 'asc' | 'desc' };
  /** 0-based page; pages are `pageSize` long. */
  page?: number;
  pageSize?: number;
}

export interface BacklogFacetsDto {
  boxes: { id: string; name: string; depth: number }[];
  types: string[];
}

export interface BacklogPageDto {
  items: BacklogItemDto[];
  total: number;
  page: number;
  pageSize: number;
  facets: BacklogFacetsDto;
}

export interface SavedViewDto {
  id: string;
  name: string;
  columns: BacklogColumn[];
  query: BacklogQueryDto;
}

// ---------- Top row ----------

export interface ScheduleCountsDto {
  /** Boxes below the top whose due date has passed without being done. */
  late: number;
  onTrack: number;
  done: number;
  unscheduled: number;
}

export interface PageSummaryDto {
  transformationName: string;
  readAt: string;
  scope: ScopeDto;
  /** Name of the scope: the transformation, or the project's boxes. */
  scopeName: string;
  progress: ProgressDto;
  teamsConverted: TeamsConvertedDto;
  schedule: ScheduleCountsDto;
  issueCount: number;
  /** Panels the scope's box type enables. */
  toolset: PanelKey[];
  warnings: WarningDto[];
  warningCount: number;
}

export const PANEL_KEYS = {
  summary: 'page/summary',
  roadmap: 'panel/roadmap',
  risks: 'panel/risks',
  teams: 'panel/teamsConverted',
  backlog: 'panel/backlog',
  savedViews: 'views/list',
  saveView: 'views/save',
  deleteView: 'views/delete',
} as const;
