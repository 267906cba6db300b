/**
 * The transformation model's vocabulary: plain data in, plain data out.
 * Nothing here knows about Forge, HTTP or React.
 */

/** Jira's three status categories; 'unknown' is what we hold when Jira sent something else. */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

export type ProgressMethod = 'issueCount' | 'storyPoints' | 'originalEstimate' | 'manual';

/** The panels a box type can switch on for its boxes. */
export type Panel = 'roadmap' | 'riskMatrix' | 'teamsConverted' | 'backlog' | 'reports';
export const ALL_PANELS: readonly Panel[] = ['roadmap', 'riskMatrix', 'teamsConverted', 'backlog', 'reports'];

/** How the boxes of one box type are found among the issues read from Jira. */
export type BoxSource =
  /** The one virtual box at the top: the transformation itself. */
  | { kind: 'root' }
  /** Every issue of this issue type (optionally only in these projects) is a box. */
  | { kind: 'issueType'; issueType: string; projectKeys?: string[] }
  /**
   * Every issue whose parent (parentKey) is a box of this box type's parent type is a box; only issues of
   * these issue types (case-insensitive) when some are named. Risks and milestones are never boxes this way.
   * E.g. "Team = any direct child of an Initiative". Under the root type or a project type it finds no boxes.
   */
  | { kind: 'parentLink'; issueTypes?: string[] }
  /**
   * Every issue the JQL matches is a box. The domain does not run JQL: the Jira adapter runs it and passes
   * the matching keys to buildTransformationModel as `jqlMatches[boxTypeId]`; without them the type has no boxes.
   */
  | { kind: 'jql'; jql: string }
  /**
   * One virtual box per Jira project among the issues (only these projects when some are named), with id
   * `project:<KEY>`. It holds the project's work items and boxes that are not already in a box of a type below it.
   * Only supported directly under the root type: elsewhere its boxes are shown under the transformation with a warning.
   */
  | { kind: 'project'; projectKeys?: string[] };

export interface BoxType {
  id: string;
  name: string;
  /** null only for the root box type. */
  parentTypeId: string | null;
  source: BoxSource;
  progressMethod: ProgressMethod;
  toolset: Panel[];
}

/** Concepts of the model, each mapped to a Jira field by the field's display name. */
export interface FieldMapping {
  startDate: string;
  dueDate: string;
  storyPoints: string;
  originalEstimate: string;
  conversionStage: string;
  riskLikelihood: string;
  riskImpact: string;
  residualLikelihood: string;
  residualImpact: string;
  mitigation: string;
  targetValue: string;
  realisedValue: string;
  stageGate: string;
  sponsor: string;
  manualProgress: string;
  flagged: string;
}
export type FieldConcept = keyof FieldMapping;

export interface ConversionConfig {
  /** The box type whose boxes are the teams that convert. */
  teamBoxTypeId: string;
  /** Stages in order, first = not started. */
  stages: string[];
  /** A team counts as converted once its stage is this one or a later one. */
  targetStage: string;
  /**
   * The share of teams (0..1) the transformation aims to convert, e.g. 0.8 = 80 % of the teams.
   * Optional: when absent (or not a number in 0..1) it is 0.8; read it with `targetRatioOf(config)`.
   */
  targetRatio?: number;
}

export interface RiskScale {
  /** Labels of levels 1..5, lowest first; text field values are matched to them case-insensitively. */
  likelihoodLabels: [string, string, string, string, string];
  impactLabels: [string, string, string, string, string];
  /** Score = likelihood × impact (1..25); a band applies from its `min` score upward. */
  bands: { name: 'low' | 'medium' | 'high' | 'critical'; min: number; color: string }[];
}

/** The Flow Framework's four kinds of work; each is a list of issue types (case-insensitive). */
export interface FlowKinds {
  feature: string[];
  defect: string[];
  risk: string[];
  debt: string[];
}

/**
 * Settings of the reports (weekly, value, flow, forecast). Optional in a stored configuration: read it with
 * `reportsConfigOf(config)`, which fills every missing or unusable setting from DEFAULT_REPORTS_CONFIG.
 */
export interface ReportsConfig {
  /** Statuses (names, case-insensitive) in which an item waits for a decision. */
  needsDecisionStatuses: string[];
  /** Statuses in which an item is blocked. */
  blockedStatuses: string[];
  /** Statuses that count as waiting, not active, for flow efficiency; other 'indeterminate' statuses are active. */
  waitingStatuses: string[];
  /** Issue types of each flow kind; an issue type in none of them is a feature. */
  flowKinds: FlowKinds;
  /** Stage gates of initiatives, in order (first = earliest). */
  stageGates: string[];
  /** An initiative is stuck once it has been in its gate (not the last) for more than this many days. */
  stuckGateDays: number;
  /** Simulated futures per forecast line. */
  forecastTrials: number;
  /** Weeks of recent throughput the forecast samples from. */
  forecastSampleWeeks: number;
}

export interface TransformationConfig {
  schemaVersion: number;
  name: string;
  boxTypes: BoxType[];
  fieldMapping: FieldMapping;
  conversion: ConversionConfig;
  riskIssueTypes: string[];
  milestoneIssueTypes: string[];
  riskScale: RiskScale;
  /** Absent in configurations stored before the reports existed; see `reportsConfigOf`. */
  reports?: ReportsConfig;
}

/** A value read from a Jira field, already unwrapped from Jira's JSON shape but not yet trusted. */
export type RawFieldValue = string | number | boolean | null | readonly string[];

/**
 * One Jira issue as the model sees it. The Jira adapter fills it from the REST response;
 * fields it could not read are null and come with a data-quality warning.
 */
export interface WorkItem {
  key: string;
  projectKey: string;
  issueType: string;
  summary: string;
  status: string;
  /** null when Jira reported a category we do not know. */
  statusCategory: StatusCategory | null;
  parentKey: string | null;
  assignee: string | null;
  labels: string[];
  created: string | null;
  updated: string | null;
  resolved: string | null;
  /** Values of the mapped concepts, keyed by concept, as read from Jira (not yet validated). */
  fields: Partial<Record<FieldConcept, RawFieldValue>>;
  /** Keys of issues this one blocks ("blocks" issue links, outward). */
  blocks: string[];
}

export type WarningCode =
  | 'unknownStatusCategory'
  | 'invalidDate'
  | 'missingDate'
  | 'dueBeforeStart'
  | 'invalidNumber'
  | 'unknownStage'
  | 'invalidRiskLevel'
  | 'parentCycle'
  | 'parentNotFound'
  | 'orphanBox'
  | 'duplicateKey'
  | 'unexpectedFieldValue'
  | 'unmappedField'
  /** A team box has no conversion stage, so it counts as not converted. */
  | 'missingStage'
  /** A work item sits in no box, directly under the transformation. */
  | 'notInBox'
  /** A box's issue is done while its work items are not all done. */
  | 'doneWithOpenWork'
  /** The configuration is inconsistent (e.g. a box type's parent type does not exist); issueKey is null. */
  | 'invalidConfig';

export interface DataQualityWarning {
  code: WarningCode;
  /** The issue the problem is on, or null for a problem of the configuration. */
  issueKey: string | null;
  /** The concept or Jira field involved, when there is one. */
  field: string | null;
  message: string;
}

export interface Progress {
  method: ProgressMethod;
  /** 0..1; 0 when there is nothing to measure. */
  ratio: number;
  /** Done and total in the method's unit (issues, points, seconds); for 'manual', percent points. */
  done: number;
  total: number;
}

/** The units work is measured in: issues counted, story points, original estimate in seconds. */
export type ProgressUnit = 'issues' | 'points' | 'seconds';
export interface Amount {
  done: number;
  total: number;
}
/** Done and total in every unit at once. */
export type Amounts = Record<ProgressUnit, Amount>;

export interface TeamsConverted {
  converted: number;
  total: number;
  /** 0..1; 0 when there are no teams. */
  ratio: number;
}

export interface Box {
  /** The issue key of the box, 'root' for the transformation, or 'project:<KEY>' for a project box. */
  id: string;
  typeId: string;
  /** The issue's summary; the transformation's name for the root; the project's name (else key) for a project box. */
  name: string;
  /** The box issue's project, or the project a project box stands for; null for the root. */
  projectKey: string | null;
  parentId: string | null;
  childIds: string[];
  /** Work items directly in this box (not in a child box). */
  itemKeys: string[];
  progress: Progress;
  /** Done and total of the work items in the box's subtree (risks excluded) in every unit, a stated manual percent applied. */
  amounts: Amounts;
  startDate: string | null;
  dueDate: string | null;
  /** Only for team boxes: the stage read from Jira (null when missing or unknown) and whether it counts as converted. */
  conversionStage: string | null;
  converted: boolean | null;
  /** Teams converted among the team boxes at or below this box. */
  teamsConverted: TeamsConverted;
}

export interface TransformationModel {
  name: string;
  rootId: 'root';
  boxes: Record<string, Box>;
  items: Record<string, WorkItem>;
  warnings: DataQualityWarning[];
  /** When the data was read, as given by the caller (ISO 8601). */
  readAt: string;
}
