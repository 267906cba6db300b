/**
 * What the reports return: plain data shaped like the contract's report DTOs (checked at compile time in
 * test/domain/contractShapes.test.ts). Dates are 'yyyy-mm-dd' (periods inclusive), instants ISO 8601, ratios 0..1.
 */
import type { RiskBandName } from '../risk';

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface IssueRef {
  key: string;
  summary: string;
}

// ---------- Weekly transformation report ----------

export interface StageMove extends IssueRef {
  fromStage: string | null;
  toStage: string | null;
  at: string;
}

export interface MilestoneMove extends IssueRef {
  due: string | null;
  doneAt: string | null;
}

export interface RiskMove extends IssueRef {
  scoreBefore: number | null;
  scoreAfter: number | null;
  band: RiskBandName | null;
}

export interface WaitingItem extends IssueRef {
  status: string;
  since: string;
  days: number;
  flagged: boolean;
}

export interface WeekFigures {
  progressBefore: number;
  progressAfter: number;
  progressDeltaText: string;
  teamsConvertedBefore: number;
  teamsConvertedAfter: number;
  teamsTotal: number;
  converted: StageMove[];
  slipped: StageMove[];
  milestonesDone: MilestoneMove[];
  milestonesNewlyLate: MilestoneMove[];
  risksNew: RiskMove[];
  risksRisen: RiskMove[];
  blocked: WaitingItem[];
  decisionsNeeded: WaitingItem[];
}

export interface WorkstreamWeek extends WeekFigures {
  boxId: string;
  name: string;
  sponsor: string | null;
}

export interface WeeklyReport {
  period: ReportPeriod;
  overall: WeekFigures;
  workstreams: WorkstreamWeek[];
}

// ---------- Value tracking ----------

export interface GateCount {
  gate: string;
  count: number;
  keys: string[];
}

export interface ValueByBox {
  boxId: string;
  name: string;
  target: number;
  realised: number;
  ratio: number;
}

export interface ValuePoint {
  date: string;
  target: number;
  realised: number;
}

export interface StuckInitiative extends IssueRef {
  gate: string;
  since: string;
  days: number;
}

export interface ValueTracking {
  gates: string[];
  pipeline: GateCount[];
  ungated: string[];
  byWorkstream: ValueByBox[];
  overTime: ValuePoint[];
  stuck: StuckInitiative[];
  stuckThresholdDays: number;
}

// ---------- Flow of the work ----------

export type FlowItemKind = 'feature' | 'defect' | 'risk' | 'debt';

export interface FlowMeasures {
  distribution: { kind: FlowItemKind; count: number; ratio: number }[];
  velocity: number;
  flowTimeMedianDays: number | null;
  flowTimeP85Days: number | null;
  load: number;
  efficiency: number | null;
}

export interface FlowByBox extends FlowMeasures {
  boxId: string;
  name: string;
  depth: number;
}

export interface FlowWeek {
  weekEnd: string;
  velocity: number;
  load: number;
  flowTimeMedianDays: number | null;
}

export interface FlowReport {
  period: ReportPeriod;
  overall: FlowMeasures;
  byBox: FlowByBox[];
  overTime: FlowWeek[];
}

// ---------- Forecast ----------

export interface ForecastLine {
  key: string | null;
  name: string;
  remaining: number;
  p50: string | null;
  p85: string | null;
  p95: string | null;
  plannedDate: string | null;
  probabilityByPlanned: number | null;
}

export interface Forecast {
  method: string;
  trials: number;
  sampleWeeks: number;
  teamsConverted: ForecastLine;
  initiatives: ForecastLine[];
}
