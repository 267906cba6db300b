import { flowReport, forecast, valueTracking, weeklyReport } from '../domain';
import type { FlowReportDto, ForecastDto, ReportPeriodDto, ResolverResponse, ValueTrackingDto, WeeklyReportDto } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { readHistory, type ScopeHistory } from '../usecases/readHistory';
import type { ScopedRead } from '../usecases/readScope';
import { parsePayload, respond } from './envelope';
import { readFor, type Request } from './panels';
import { reportPayloadSchema } from '../validation/payloads';

const DAY_MS = 86_400_000;

/** The 7 days ending today, when the page does not choose. */
function lastWeek(today: string): ReportPeriodDto {
  return { from: new Date(Date.parse(`${today}T00:00:00Z`) - 6 * DAY_MS).toISOString().slice(0, 10), to: today };
}

/** Reads the scope and its history as the caller, then hands both to a report. */
async function withHistory<T>(request: Request, build: (read: ScopedRead, history: ScopeHistory, period: ReportPeriodDto) => T): Promise<ResolverResponse<T>> {
  return respond(async () => {
    const { scope, period } = parsePayload(reportPayloadSchema, request.payload);
    const read = await readFor(request, scope);
    const history = await readHistory(jiraAsUser(), read);
    return build(read, history, period ?? lastWeek(read.today));
  });
}

export const getWeeklyReport = (request: Request): Promise<ResolverResponse<WeeklyReportDto>> =>
  withHistory(request, (read, h, period) => weeklyReport(read.model, read.config, read.scope, h.history, h.statusCategories, period));

export const getValueTracking = (request: Request): Promise<ResolverResponse<ValueTrackingDto>> =>
  withHistory(request, (read, h) => valueTracking(read.model, read.config, read.scope, h.history, read.today));

export const getFlowReport = (request: Request): Promise<ResolverResponse<FlowReportDto>> =>
  withHistory(request, (read, h, period) => flowReport(read.model, read.config, read.scope, h.history, h.statusCategories, period));

/** A fixed seed: the same data gives the same forecast on every load. */
const FORECAST_SEED = 20_260_101;

export const getForecast = (request: Request): Promise<ResolverResponse<ForecastDto>> =>
  withHistory(request, (read, h) => forecast(read.model, read.config, read.scope, h.history, h.statusCategories, read.today, FORECAST_SEED));
