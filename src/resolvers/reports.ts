import { lastWeek } from '../domain';
import type { FlowReportDto, ForecastDto, ResolverResponse, ValueTrackingDto, WeeklyReportDto } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { readHistory } from '../usecases/readHistory';
import { REPORTS, type ReportPart, type Reports } from '../usecases/reports';
import { reportFromFigures } from '../usecases/snapshot/reportsFromFigures';
import { parsePayload, respond } from './envelope';
import { answerFor, type Request } from './panels';
import { reportPayloadSchema } from '../validation/payloads';

/**
 * A report from the stored figures when they serve this viewer, scope, period and day; else from the scope and its
 * history read as the caller, for the period asked (the 7 days ending today when the page does not choose).
 */
const reportOf =
  <P extends ReportPart>(part: P) =>
  (request: Request): Promise<ResolverResponse<Reports[P]>> =>
    respond(async () => {
      const { scope, period } = parsePayload(reportPayloadSchema, request.payload);
      return answerFor(
        request,
        scope,
        (jira, config, now) => reportFromFigures(jira, config, scope, part, period, now),
        async (read) => {
          const { history, statusCategories } = await readHistory(jiraAsUser(), read);
          return REPORTS[part]({ model: read.model, config: read.config, scope: read.scope, history, statusCategories, today: read.today }, period ?? lastWeek(read.today));
        },
      );
    });

export const getWeeklyReport: (request: Request) => Promise<ResolverResponse<WeeklyReportDto>> = reportOf('weeklyReport');
export const getValueTracking: (request: Request) => Promise<ResolverResponse<ValueTrackingDto>> = reportOf('valueTracking');
export const getFlowReport: (request: Request) => Promise<ResolverResponse<FlowReportDto>> = reportOf('flowReport');
export const getForecast: (request: Request) => Promise<ResolverResponse<ForecastDto>> = reportOf('forecast');
