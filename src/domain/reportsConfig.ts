import type { FlowKinds, ReportsConfig, TransformationConfig } from './model';

/** The reports' settings when the configuration does not give them. */
export const DEFAULT_REPORTS_CONFIG: ReportsConfig = {
  needsDecisionStatuses: ['Waiting for decision'],
  blockedStatuses: ['Blocked'],
  waitingStatuses: ['Blocked', 'Waiting for decision', 'In Review'],
  flowKinds: { feature: ['Story', 'Epic', 'Task'], defect: ['Bug'], risk: ['Risk'], debt: ['Tech debt'] },
  stageGates: ['L0 Idea', 'L1 Validated', 'L2 Planned', 'L3 Approved', 'L4 Done', 'L5 Value realised'],
  stuckGateDays: 60,
  forecastTrials: 2000,
  forecastSampleWeeks: 12,
};

const MAX_TRIALS = 100_000;
const MAX_SAMPLE_WEEKS = 520;

function names(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) && value.every((name) => typeof name === 'string') ? [...(value as string[])] : [...fallback];
}

function wholeNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

function flowKindsOf(value: unknown): FlowKinds {
  const kinds = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof FlowKinds, unknown>>;
  const defaults = DEFAULT_REPORTS_CONFIG.flowKinds;
  return { feature: names(kinds.feature, defaults.feature), defect: names(kinds.defect, defaults.defect), risk: names(kinds.risk, defaults.risk), debt: names(kinds.debt, defaults.debt) };
}

/**
 * The reports' settings of a configuration, each one taken from `config.reports` when it is usable (lists of
 * strings; whole numbers: stuck days ≥ 0, trials 1–100,000, sample weeks 1–520) and from DEFAULT_REPORTS_CONFIG
 * otherwise, so configurations stored before the reports existed keep working. Always a fresh copy.
 */
export function reportsConfigOf(config: TransformationConfig): ReportsConfig {
  const stored = (typeof config?.reports === 'object' && config.reports !== null ? config.reports : {}) as Partial<Record<keyof ReportsConfig, unknown>>;
  const defaults = DEFAULT_REPORTS_CONFIG;
  return {
    needsDecisionStatuses: names(stored.needsDecisionStatuses, defaults.needsDecisionStatuses),
    blockedStatuses: names(stored.blockedStatuses, defaults.blockedStatuses),
    waitingStatuses: names(stored.waitingStatuses, defaults.waitingStatuses),
    flowKinds: flowKindsOf(stored.flowKinds),
    stageGates: names(stored.stageGates, defaults.stageGates),
    stuckGateDays: wholeNumber(stored.stuckGateDays, 0, Number.MAX_SAFE_INTEGER, defaults.stuckGateDays),
    forecastTrials: wholeNumber(stored.forecastTrials, 1, MAX_TRIALS, defaults.forecastTrials),
    forecastSampleWeeks: wholeNumber(stored.forecastSampleWeeks, 1, MAX_SAMPLE_WEEKS, defaults.forecastSampleWeeks),
  };
}
