/**
 * The reports a transformation office's weekly meeting runs on. Plain JSON shared with the Custom UI.
 * Dates are 'yyyy-mm-dd' (periods inclusive); instants are ISO 8601; ratios 0..1 with "12.3 %" texts beside them.
 */
import type { ScopeDto } from './panels';

export interface ReportPeriodDto {
  from: string;
  to: string;
}

export interface ReportQueryDto {
  scope: ScopeDto;
  /** Default: the 7 days ending today. */
  period?: ReportPeriodDto;
}

export interface IssueRefDto {
  key: string;
  summary: string;
}

// ---------- Weekly transformation report ----------

export interface StageMoveDto extends IssueRefDto {
  fromStage: string | null;
  toStage: string | null;
  at: string;
}

export interface MilestoneMoveDto extends IssueRefDto {
  due: string | null;
  /** When it was done (instant), for milestones done in the period. */
  doneAt: string | null;
}

export interface RiskMoveDto extends IssueRefDto {
  scoreBefore: number | null;
  scoreAfter: number | null;
  band: 'low' | 'medium' | 'high' | 'critical' | null;
}

export interface WaitingItemDto extends IssueRefDto {
  status: string;
  /** When it entered the blocked / waiting / decision state it is in (instant). */
  since: string;
  days: number;
  flagged: boolean;
}

export interface WorkstreamWeekDto {
  boxId: string;
  name: string;
  sponsor: string | null;
  progressBefore: number;
  progressAfter: number;
  /** e.g. "+2.4 pts" */
  progressDeltaText: string;
  teamsConvertedBefore: number;
  teamsConvertedAfter: number;
  teamsTotal: number;
  converted: StageMoveDto[];
  slipped: StageMoveDto[];
  milestonesDone: MilestoneMoveDto[];
  milestonesNewlyLate: MilestoneMoveDto[];
  risksNew: RiskMoveDto[];
  risksRisen: RiskMoveDto[];
  /** Longest-waiting blocked or waiting items first (at most 10). */
  blocked: WaitingItemDto[];
  /** Items flagged or in a "needs decision" status, longest-waiting first. */
  decisionsNeeded: WaitingItemDto[];
}

export interface WeeklyReportDto {
  period: ReportPeriodDto;
  overall: Omit<WorkstreamWeekDto, 'boxId' | 'name' | 'sponsor'>;
  workstreams: WorkstreamWeekDto[];
}

// ---------- Value tracking ----------

export interface GateCountDto {
  gate: string;
  count: number;
  keys: string[];
}

export interface ValueByBoxDto {
  boxId: string;
  name: string;
  target: number;
  realised: number;
  ratio: number;
}

export interface ValuePointDto {
  date: string;
  target: number;
  realised: number;
}

export interface StuckInitiativeDto extends IssueRefDto {
  gate: string;
  since: string;
  days: number;
}

export interface ValueTrackingDto {
  gates: string[];
  pipeline: GateCountDto[];
  /** Initiatives with no gate, or one not in `gates`. */
  ungated: string[];
  byWorkstream: ValueByBoxDto[];
  overTime: ValuePointDto[];
  stuck: StuckInitiativeDto[];
  stuckThresholdDays: number;
}

// ---------- Flow of the work (Flow Framework) ----------

export type FlowItemKindDto = 'feature' | 'defect' | 'risk' | 'debt';

export interface FlowMeasuresDto {
  /** Share of each kind among items finished in the period. */
  distribution: { kind: FlowItemKindDto; count: number; ratio: number }[];
  /** Items finished in the period. */
  velocity: number;
  /** Days from first leaving "to do" to done, for items finished in the period. */
  flowTimeMedianDays: number | null;
  flowTimeP85Days: number | null;
  /** Items in progress at the end of the period. */
  load: number;
  /** Active time over flow time for items finished in the period; null when none finished. */
  efficiency: number | null;
}

export interface FlowByBoxDto extends FlowMeasuresDto {
  boxId: string;
  name: string;
  depth: number;
}

export interface FlowWeekDto {
  weekEnd: string;
  velocity: number;
  load: number;
  flowTimeMedianDays: number | null;
}

export interface FlowReportDto {
  period: ReportPeriodDto;
  overall: FlowMeasuresDto;
  byBox: FlowByBoxDto[];
  overTime: FlowWeekDto[];
}

// ---------- Forecast (Monte Carlo over recent throughput) ----------

export interface ForecastLineDto {
  key: string | null;
  name: string;
  /** What is left: teams to convert, or items to finish. */
  remaining: number;
  p50: string | null;
  p85: string | null;
  p95: string | null;
  plannedDate: string | null;
  /** Chance of finishing by the planned date (0..1); null without a planned date. */
  probabilityByPlanned: number | null;
}

export interface ForecastDto {
  /** One sentence on the method, shown on the page. */
  method: string;
  trials: number;
  /** Weeks of history the throughput was sampled from. */
  sampleWeeks: number;
  teamsConverted: ForecastLineDto;
  initiatives: ForecastLineDto[];
}

export const REPORT_KEYS = {
  weekly: 'report/weekly',
  value: 'report/value',
  flow: 'report/flow',
  forecast: 'report/forecast',
} as const;
