import { invoke } from '@forge/bridge';
import {
  BASELINE_KEYS,
  PANEL_KEYS,
  type BaselineDto,
  type BaselineListDto,
  SETTINGS_KEYS,
  type BacklogPageDto,
  type ConfigProblemDto,
  type ExportedSettingsDto,
  type FieldConceptDto,
  type FieldPreviewDto,
  type SavedSettingsDto,
  type SettingsDto,
  type SettingsFieldsDto,
  type TransformationConfigDto,
  type BacklogQueryDto,
  type OverviewDto,
  type PageSummaryDto,
  type ResolverResponse,
  type RiskMatrixDto,
  type RoadmapDto,
  type RoadmapQueryDto,
  type SavedViewDto,
  type ScopeDto,
  type TeamsConvertedPanelDto,
} from '../../../src/contract';

/** A resolver said no, or could not be reached; `message` is meant for the person looking at the page. */
export class ResolverCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** What the error envelope said besides code and message (the settings resolvers' problems and revisions). */
    readonly details?: ResolverErrorDetails,
  ) {
    super(message);
    this.name = 'ResolverCallError';
  }
}

/** Extra facts an error envelope may carry: every problem of an invalid configuration, the revisions of a conflict. */
export interface ResolverErrorDetails {
  problems?: ConfigProblemDto[];
  revisions?: { base: number; current: number };
}

const isProblem = (value: unknown): value is ConfigProblemDto =>
  typeof value === 'object' && value !== null && typeof (value as ConfigProblemDto).path === 'string' && typeof (value as ConfigProblemDto).message === 'string';

/** Reads the optional details of an error envelope, keeping only what has the expected shape. */
function detailsOf(error: unknown): ResolverErrorDetails | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { problems, revisions } = error as { problems?: unknown; revisions?: unknown };
  const details: ResolverErrorDetails = {};
  if (Array.isArray(problems)) details.problems = problems.filter(isProblem).map(({ path, message }) => ({ path, message }));
  if (typeof revisions === 'object' && revisions !== null) {
    const { base, current } = revisions as { base?: unknown; current?: unknown };
    if (typeof base === 'number' && typeof current === 'number') details.revisions = { base, current };
  }
  return details.problems || details.revisions ? details : undefined;
}

function isEnvelope<T>(value: unknown): value is ResolverResponse<T> {
  if (typeof value !== 'object' || value === null || !('success' in value)) return false;
  return value.success === true ? 'data' in value : typeof (value as { error?: { message?: unknown } }).error?.message === 'string';
}

/** The one place that calls the backend: unwraps the envelope, turns every failure into a ResolverCallError. */
async function call<T>(key: string, payload: Record<string, unknown> = {}): Promise<T> {
  let response: unknown;
  try {
    response = await invoke(key, payload);
  } catch (error) {
    throw new ResolverCallError('UNREACHABLE', `The app's backend could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isEnvelope<T>(response)) throw new ResolverCallError('INTERNAL', 'The backend sent an answer this page cannot read.');
  if (!response.success) throw new ResolverCallError(response.error.code, response.error.message, detailsOf(response.error));
  return response.data;
}

/** Only what the resolvers accept of a scope: the project key, and the open box when there is one. */
const scopePayload = ({ projectKey, boxId }: ScopeDto): ScopeDto => (boxId === undefined ? { projectKey } : { projectKey, boxId });

export const fetchSummary = (scope: ScopeDto): Promise<PageSummaryDto> => call<PageSummaryDto>(PANEL_KEYS.summary, { scope: scopePayload(scope) });
export const fetchOverview = (scope: ScopeDto, baselineId?: string): Promise<OverviewDto> =>
  call<OverviewDto>(PANEL_KEYS.overview, { scope: scopePayload(scope), ...(baselineId !== undefined && { baselineId }) });

// ---------- baselines ----------

export const listBaselines = (scope: ScopeDto): Promise<BaselineListDto> => call<BaselineListDto>(BASELINE_KEYS.list, { scope: scopePayload(scope) });
export const saveBaseline = (scope: ScopeDto, name: string): Promise<BaselineDto> => call<BaselineDto>(BASELINE_KEYS.save, { scope: scopePayload(scope), name });
export const deleteBaseline = (id: string): Promise<{ id: string }> => call<{ id: string }>(BASELINE_KEYS.delete, { id });
/** One window of the roadmap's rows; sends only what the resolver accepts. */
export const fetchRoadmap = ({ scope, window, collapsed, collapseAllExcept, baselineId }: RoadmapQueryDto): Promise<RoadmapDto> =>
  call<RoadmapDto>(PANEL_KEYS.roadmap, {
    scope: scopePayload(scope),
    ...(window && { window: { offset: window.offset, limit: window.limit } }),
    ...(collapseAllExcept ? { collapseAllExcept } : collapsed && { collapsed }),
    ...(baselineId !== undefined && { baselineId }),
  });
export const fetchRiskMatrix = (scope: ScopeDto): Promise<RiskMatrixDto> => call<RiskMatrixDto>(PANEL_KEYS.risks, { scope: scopePayload(scope) });
export const fetchTeamsConverted = (scope: ScopeDto): Promise<TeamsConvertedPanelDto> => call<TeamsConvertedPanelDto>(PANEL_KEYS.teams, { scope: scopePayload(scope) });
export const searchBacklog = (scope: ScopeDto, query: BacklogQueryDto): Promise<BacklogPageDto> => call<BacklogPageDto>(PANEL_KEYS.backlog, { scope: scopePayload(scope), query });
export const listSavedViews = (): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.savedViews);
export const saveView = (view: SavedViewDto): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.saveView, { view });
export const deleteView = (id: string): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.deleteView, { id });

// ---------- settings (the admin page) ----------

export const fetchSettings = (): Promise<SettingsDto> => call<SettingsDto>(SETTINGS_KEYS.get);
export const fetchSettingsFields = (): Promise<SettingsFieldsDto> => call<SettingsFieldsDto>(SETTINGS_KEYS.fields);
export const previewField = (concept: FieldConceptDto, fieldId: string): Promise<FieldPreviewDto> => call<FieldPreviewDto>(SETTINGS_KEYS.fieldPreview, { concept, fieldId });
/** Refused with CONFLICT (details.revisions) when someone saved since `baseRevision`, BAD_REQUEST (details.problems) when invalid. */
export const saveSettings = (config: TransformationConfigDto, baseRevision: number): Promise<SavedSettingsDto> =>
  call<SavedSettingsDto>(SETTINGS_KEYS.save, { config, baseRevision });
export const exportSettings = (): Promise<ExportedSettingsDto> => call<ExportedSettingsDto>(SETTINGS_KEYS.export);
/** The server validates (and upgrades) the JSON before anything is written. */
export const importSettings = (json: string, baseRevision: number): Promise<SavedSettingsDto> => call<SavedSettingsDto>(SETTINGS_KEYS.import, { json, baseRevision });

// ---------- reports (each tab loads its own; value tracking and the forecast are as of today) ----------

import { REPORT_KEYS, type FlowReportDto, type ForecastDto, type ReportQueryDto, type ValueTrackingDto, type WeeklyReportDto } from '../../../src/contract/reports';

/** Only what the resolvers accept: the scope and, when chosen, the period. */
const reportPayload = ({ scope, period }: ReportQueryDto): Record<string, unknown> =>
  period ? { scope: scopePayload(scope), period: { from: period.from, to: period.to } } : { scope: scopePayload(scope) };

export const fetchWeeklyReport = (query: ReportQueryDto): Promise<WeeklyReportDto> => call<WeeklyReportDto>(REPORT_KEYS.weekly, reportPayload(query));
export const fetchValueTracking = (query: ReportQueryDto): Promise<ValueTrackingDto> => call<ValueTrackingDto>(REPORT_KEYS.value, reportPayload(query));
export const fetchFlowReport = (query: ReportQueryDto): Promise<FlowReportDto> => call<FlowReportDto>(REPORT_KEYS.flow, reportPayload(query));
export const fetchForecast = (query: ReportQueryDto): Promise<ForecastDto> => call<ForecastDto>(REPORT_KEYS.forecast, reportPayload(query));

// ---------- edits (issue 16): written to Jira as the viewer; a CONFLICT says what Jira holds now ----------

import {
  EDIT_KEYS,
  type CreatedIssueDto,
  type CreateIssueRequestDto,
  type EditCapabilitiesDto,
  type FieldChangeDto,
  type FieldChangeRequestDto,
  type IssueEditFieldsDto,
  type TransitionDoneDto,
  type TransitionRequestDto,
  type TransitionsDto,
} from '../../../src/contract/edits';

export const fetchEditCapabilities = (): Promise<EditCapabilitiesDto> => call<EditCapabilitiesDto>(EDIT_KEYS.capabilities);
export const fetchEditFields = (issueKey: string): Promise<IssueEditFieldsDto> => call<IssueEditFieldsDto>(EDIT_KEYS.fields, { issueKey });
export const changeField = ({ issueKey, concept, value, expected }: FieldChangeRequestDto): Promise<FieldChangeDto> =>
  call<FieldChangeDto>(EDIT_KEYS.change, { issueKey, concept, value, expected });
export const fetchTransitions = (issueKey: string): Promise<TransitionsDto> => call<TransitionsDto>(EDIT_KEYS.transitions, { issueKey });
export const applyTransition = ({ issueKey, transitionId, expectedStatus }: TransitionRequestDto): Promise<TransitionDoneDto> =>
  call<TransitionDoneDto>(EDIT_KEYS.transition, { issueKey, transitionId, expectedStatus });
/** Only the fields the resolver accepts, and only those the kind uses. */
export const createIssue = ({ kind, boxKey, summary, dueDate, likelihood, impact }: CreateIssueRequestDto): Promise<CreatedIssueDto> =>
  call<CreatedIssueDto>(EDIT_KEYS.create, { kind, boxKey, summary, ...(kind === 'risk' ? { likelihood: likelihood ?? null, impact: impact ?? null } : { dueDate: dueDate ?? null }) });
export const uncreateIssue = (issueKey: string): Promise<{ issueKey: string }> => call<{ issueKey: string }>(EDIT_KEYS.uncreate, { issueKey });
