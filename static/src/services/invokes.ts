import { invoke } from '@forge/bridge';
import {
  PANEL_KEYS,
  type BacklogPageDto,
  type BacklogQueryDto,
  type PageSummaryDto,
  type ResolverResponse,
  type RiskMatrixDto,
  type RoadmapDto,
  type SavedViewDto,
  type ScopeDto,
  type TeamsConvertedPanelDto,
} from '../../../src/contract';

/** A resolver said no, or could not be reached; `message` is meant for the person looking at the page. */
export class ResolverCallError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'ResolverCallError';
  }
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
  if (!response.success) throw new ResolverCallError(response.error.code, response.error.message);
  return response.data;
}


export const fetchSummary = (scope: ScopeDto): Promise<PageSummaryDto> => call<PageSummaryDto>(PANEL_KEYS.summary, { scope });
export const fetchRoadmap = (scope: ScopeDto): Promise<RoadmapDto> => call<RoadmapDto>(PANEL_KEYS.roadmap, { scope });
export const fetchRiskMatrix = (scope: ScopeDto): Promise<RiskMatrixDto> => call<RiskMatrixDto>(PANEL_KEYS.risks, { scope });
export const fetchTeamsConverted = (scope: ScopeDto): Promise<TeamsConvertedPanelDto> => call<TeamsConvertedPanelDto>(PANEL_KEYS.teams, { scope });
export const searchBacklog = (scope: ScopeDto, query: BacklogQueryDto): Promise<BacklogPageDto> => call<BacklogPageDto>(PANEL_KEYS.backlog, { scope, query });
export const listSavedViews = (): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.savedViews);
export const saveView = (view: SavedViewDto): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.saveView, { view });
export const deleteView = (id: string): Promise<SavedViewDto[]> => call<SavedViewDto[]>(PANEL_KEYS.deleteView, { id });
