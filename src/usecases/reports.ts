import { flowReport, forecast, valueTracking, weeklyReport, type FieldChange, type ReportPeriod, type Scope, type StatusCategories, type TransformationConfig, type TransformationModel } from '../domain';
import type { FlowReportDto, ForecastDto, ValueTrackingDto, WeeklyReportDto } from '../contract';

/** A fixed seed: the same data gives the same forecast on every load. */
const FORECAST_SEED = 20_260_101;

/** What every report of one scope is computed from: the scope's model, its history, and the day it is read on. */
export interface ReportInputs {
  model: TransformationModel;
  config: TransformationConfig;
  scope: Scope;
  history: readonly FieldChange[];
  statusCategories: StatusCategories;
  today: string;
}

export interface Reports {
  weeklyReport: WeeklyReportDto;
  valueTracking: ValueTrackingDto;
  flowReport: FlowReportDto;
  forecast: ForecastDto;
}
export type ReportPart = keyof Reports;
export const REPORT_PARTS: readonly ReportPart[] = ['weeklyReport', 'valueTracking', 'flowReport', 'forecast'];

/** Whether the report is of a period (the others are of today). */
export const hasPeriod = (part: ReportPart): boolean => part === 'weeklyReport' || part === 'flowReport';

/** Each report, the same whether a page load or the reports' consumer computes it. */
export const REPORTS: { [P in ReportPart]: (inputs: ReportInputs, period: ReportPeriod) => Reports[P] } = {
  weeklyReport: (i, period) => weeklyReport(i.model, i.config, i.scope, i.history, i.statusCategories, period),
  valueTracking: (i) => valueTracking(i.model, i.config, i.scope, i.history, i.today),
  flowReport: (i, period) => flowReport(i.model, i.config, i.scope, i.history, i.statusCategories, period),
  forecast: (i) => forecast(i.model, i.config, i.scope, i.history, i.statusCategories, i.today, FORECAST_SEED),
};
