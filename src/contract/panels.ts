/**
 * What the panels of the global and project pages receive. Plain JSON, shared with the Custom UI.
 * Dates are 'yyyy-mm-dd'; ratios are 0..1 with a ready-made "12.3 %" text beside them.
 */
import type { BaselineDeltaDto, BaselineDto } from './baselines';
import type { DataSourceDto, ProgressDto, TeamsConvertedDto, WarningDto } from './common';

export type PanelKey = 'roadmap' | 'riskMatrix' | 'teamsConverted' | 'backlog' | 'reports';
export type StatusCategoryDto = 'new' | 'indeterminate' | 'done' | null;
export type ScheduleStatusDto = 'done' | 'late' | 'onTrack' | 'unscheduled';

/** Every page call names its scope: the whole transformation, or one Jira project's part of it, optionally narrowed to one box. */
export interface ScopeDto {
  /** null = the whole transformation (global page). */
  projectKey: string | null;
  /** One box of that scope (an issue key, 'root', or 'project:KEY'): every figure is then that box's subtree's. */
  boxId?: string;
}

/** One box on the way from the transformation down to the open box. */
export interface BreadcrumbDto {
  id: string;
  name: string;
  typeName: string;
  /** This page may open it (a project page cannot open the boxes above its project's own). */
  openable: boolean;
}

// ---------- Roadmap ----------

/** Limits of a roadmap window and of what one answer lists; the answer stays small whatever the scope's size. */
export const ROADMAP_LIMITS = {
  /** Rows in a window when the page does not say. */
  defaultWindow: 300,
  maxWindow: 1000,
  /** Ids in `collapsed` or `collapseAllExcept`. */
  maxCollapsedIds: 5000,
  maxRowIdLength: 255,
  /** Undated rows and milestones listed by name (the counts cover all). */
  unscheduledListed: 200,
  /** Milestones and dependencies in one window; more are counted in `omitted`. */
  maxWindowMilestones: 500,
  maxWindowDependencies: 1000,
} as const;

/** Which rows a page asks for, counted among the rows left showing after collapsing. */
export interface RoadmapWindowDto {
  /** Index of the first row (0-based). */
  offset: number;
  /** Number of rows, 1..1000. */
  limit: number;
}

/** The payload of `panel/roadmap`. */
export interface RoadmapQueryDto {
  scope: ScopeDto;
  /** Default: the first 300 rows. */
  window?: RoadmapWindowDto;
  /** Rows whose children are hidden (at most 5,000 ids). */
  collapsed?: string[];
  /** Instead of `collapsed`: every row with children is collapsed except these ("Collapse all", then opening some). */
  collapseAllExcept?: string[];
  /** Draw each box's dates in this baseline beside today's. */
  baselineId?: string;
}

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
  /** Index of the parent among the rows showing; null for a top row (the parent may lie outside the window). */
  parentIndex: number | null;
  depth: number;
  hasChildren: boolean;
  /** Its children are hidden (only ever true when it has children). */
  collapsed: boolean;
  start: string | null;
  due: string | null;
  progress: ProgressDto;
  schedule: ScheduleStatusDto;
  /** The box's issue is done in Jira while its work is not (also a data-quality warning). */
  doneWithOpenWork: boolean;
  /** Against the baseline the page asked for (baselineId): its dates then and the slip; absent or null otherwise. */
  baseline?: BaselineDeltaDto | null;
}

export interface MilestoneDto {
  key: string;
  name: string;
  due: string | null;
  /** The row the milestone sits on. */
  rowId: string;
  schedule: ScheduleStatusDto;
}

export interface RowDatesDto {
  start: string | null;
  due: string | null;
}

export interface DependencyDto {
  /** Rows the blocking and blocked issues sit in. */
  fromRowId: string;
  toRowId: string;
  fromKey: string;
  toKey: string;
  /** The blocked work is due before the blocking work ends. */
  violated: boolean;
  /** The rows' indexes among the rows showing; null when collapsed away. One end may lie outside the window. */
  fromIndex: number | null;
  toIndex: number | null;
  /** The rows' dates, so an arrow can reach a row outside the window. */
  fromDates: RowDatesDto;
  toDates: RowDatesDto;
}

export interface UndatedRowDto {
  id: string;
  key: string | null;
  name: string;
  typeName: string;
}

/** What has no date, over the whole scope (collapsed or not): the first ones by name, and how many in all. */
export interface UnscheduledDto {
  /** Rows with neither a start nor a due date, in tree order. */
  rows: UndatedRowDto[];
  rowCount: number;
  /** Milestones without a due date. */
  milestones: MilestoneDto[];
  milestoneCount: number;
}

/** One window of the roadmap: a slice of the rows left showing after collapsing, and what the slice needs to draw. */
export interface RoadmapDto {
  today: string;
  /** Rows showing after collapsing, in all. */
  totalRows: number;
  /** Index of rows[0] among them. */
  offset: number;
  /** The window's rows in tree order (parents before their children); empty past the end. */
  rows: RoadmapRowDto[];
  /** Earliest and latest date of every row and milestone of the scope, collapsed or not, so the time axis never moves. */
  timeline: { first: string | null; last: string | null };
  /** Milestones on the window's rows. */
  milestones: MilestoneDto[];
  /** Dependencies with at least one end in the window. */
  dependencies: DependencyDto[];
  unscheduled: UnscheduledDto;
  /** Milestones and dependencies of the window left out by the limits above (almost always 0). */
  omitted: { milestones: number; dependencies: number };
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
  /** On a project page: the risk sits on a box above the project's own boxes (shown, and marked as such). */
  onBoxAbove: boolean;
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
  /** For a drill from a top-row figure: that figure's arithmetic, shown above the list; else null. */
  drillNote: string | null;
}

export interface SavedViewDto {
  id: string;
  name: string;
  columns: BacklogColumn[];
  query: BacklogQueryDto;
}

// ---------- Overview ----------

/** Open risks (not done) of a box's subtree, by inherent band; `unscored` lack a likelihood or an impact. */
export interface OpenRisksDto {
  low: number;
  medium: number;
  high: number;
  critical: number;
  unscored: number;
}

export interface OverviewRowDto {
  id: string;
  /** Jira issue key; null for a project box. */
  key: string | null;
  name: string;
  /** Box type name, e.g. "Initiative". */
  typeName: string;
  /** The row above it in the tree; null for a top row. */
  parentId: string | null;
  depth: number;
  hasChildren: boolean;
  progress: ProgressDto;
  start: string | null;
  due: string | null;
  schedule: ScheduleStatusDto;
  teamsConverted: TeamsConvertedDto;
  openRisks: OpenRisksDto;
  /** The box issue's assignee, and the Sponsor field's person. */
  owner: string | null;
  sponsor: string | null;
  /** Against the chosen baseline; null without one, or when the baseline did not keep this box. */
  baseline: BaselineDeltaDto | null;
}

/** The payload of `panel/overview`. */
export interface OverviewQueryDto {
  scope: ScopeDto;
  /** Compare each box with this baseline. */
  baselineId?: string;
}

/** Every box below the scope's top, as a tree (parents before children), up to `maxRows`. */
export interface OverviewDto {
  today: string;
  rows: OverviewRowDto[];
  /** Rows in all; more than rows.length when the scope has more boxes than one answer lists. */
  totalRows: number;
  /** The baseline the rows are compared with, or null. */
  baseline: BaselineDto | null;
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
  /** Of those, the work items (every issue that is not a box): what the Issues read figure's drill lists. */
  workItemCount: number;
  /** Of those, work items in none of this page's boxes (so in no box figure and no Late count); each has a warning. */
  issuesOutsideBoxes: number;
  /** Panels the scope's box type enables. */
  toolset: PanelKey[];
  /** The open box (null on the whole transformation or a project's page without a box open). */
  boxId: string | null;
  /** The open box's type name, e.g. "Initiative"; null when no box is open. */
  boxTypeName: string | null;
  /** From the transformation down to the open box (the box last); empty when no box is open. */
  breadcrumbs: BreadcrumbDto[];
  /** The scope has boxes below its top: the Overview is its first panel. */
  hasChildBoxes: boolean;
  /** Boxes the page shows as rows (they hold some of its work) but cannot open: they lie outside its scope. */
  outsideBoxIds: string[];
  /** The data-quality warnings about this page's issues and the configuration (not other projects'). */
  warnings: WarningDto[];
  warningCount: number;
  /** The source; its rowsHidden says whether issues the viewer may not see would have been on this page. */
  source: DataSourceDto;
  /** Why they were left out: projects the viewer may not browse, issues under a security level they are not in. */
  hiddenBecause: ('project' | 'securityLevel')[];
}

export const PANEL_KEYS = {
  summary: 'page/summary',
  roadmap: 'panel/roadmap',
  risks: 'panel/risks',
  teams: 'panel/teamsConverted',
  backlog: 'panel/backlog',
  overview: 'panel/overview',
  savedViews: 'views/list',
  saveView: 'views/save',
  deleteView: 'views/delete',
} as const;
