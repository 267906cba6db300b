import { backlogPage, riskMatrix } from '../domain';
import type { BacklogPageDto, OverviewDto, PageSummaryDto, ResolverResponse, RiskMatrixDto, RoadmapDto, TeamsConvertedPanelDto } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { MAX_SUMMARY_WARNINGS, pageSummary } from '../usecases/pageSummary';
import { summaryFromFigures, type FiguresAnswer } from '../usecases/snapshot/pageFigures';
import { backlogFromFigures, overviewFromFigures, riskMatrixFromFigures, teamsFromFigures } from '../usecases/snapshot/panelFigures';
import type { JiraApi } from '../jira/jiraHttp';
import { roadmapFromFigures } from '../usecases/snapshot/roadmapFigures';
import type { TransformationConfig } from '../domain';
import { readScope, type ScopedRead, type ScopeRequest } from '../usecases/readScope';
import { loadTransformationConfig } from '../storage/configStore';
import { teamsPanel } from '../usecases/teamsPanel';
import { callerOf, type Caller } from './context';
import { parsePayload, respond, ResolverRefusal } from './envelope';
import { backlogPayloadSchema, overviewPayloadSchema, panelPayloadSchema, roadmapPayloadSchema } from '../validation/payloads';
import { overviewPanel } from '../usecases/overviewPanel';
import { roadmapPanel } from '../usecases/roadmapPanel';

const NO_BASELINE = 'There is no such baseline on this page: it may have been deleted, or be of a box you may not browse.';

export interface Request {
  payload: unknown;
  context: unknown;
}

/** A project page may only ask about its own project; the global page about the whole or any project. */
function checkScope(caller: Caller, projectKey: string | null): void {
  if (caller.projectKey !== null && projectKey !== caller.projectKey) {
    throw new ResolverRefusal('FORBIDDEN', `This page belongs to project ${caller.projectKey} and cannot show ${projectKey ?? 'the whole transformation'}.`);
  }
}

/**
 * Validates the caller and scope (a box must lie in the page's scope), loads the admins' configuration, then reads Jira as the caller so they
 * see only what they may browse. Stored settings that no longer validate fall back to the defaults, and say so.
 */
export async function readFor(request: Request, scope: ScopeRequest): Promise<ScopedRead> {
  const caller = callerOf(request.context);
  checkScope(caller, scope.projectKey);
  return withSettingsProblem(await loadTransformationConfig(), (config) => readScope(jiraAsUser(), config, scope, new Date()));
}

const settingsWarning = (problem: string) => ({ code: 'invalidConfig' as const, issueKey: null, field: 'settings', message: `The saved settings could not be used, so the defaults apply: ${problem}` });

async function withSettingsProblem(settings: { config: TransformationConfig; problem?: string }, read: (config: TransformationConfig) => Promise<ScopedRead>): Promise<ScopedRead> {
  const scoped = await read(settings.config);
  if (settings.problem === undefined) return scoped;
  return { ...scoped, model: { ...scoped.model, warnings: [settingsWarning(settings.problem), ...scoped.model.warnings] } };
}

type Settings = Awaited<ReturnType<typeof loadTransformationConfig>>;
type FromFigures<T> = (asCaller: JiraApi, config: TransformationConfig, now: Date) => Promise<FiguresAnswer<T>>;

/**
 * A panel's answer from the stored page figures when they serve this viewer, else from the viewer's issues read in
 * full (reusing the head and permission check the figures path read). The caller and scope are checked first.
 */
export async function answerFor<T>(request: Request, scope: ScopeRequest, fromFigures: FromFigures<T>, inFull: (read: ScopedRead) => T | Promise<T>, withSettings: (answer: T, settings: Settings) => T = (answer) => answer): Promise<T> {
  checkScope(callerOf(request.context), scope.projectKey);
  const settings = await loadTransformationConfig();
  const now = new Date();
  const figures = await fromFigures(jiraAsUser(), settings.config, now);
  if (figures.kind === 'answer') return withSettings(figures.answer, settings);
  return inFull(await withSettingsProblem(settings, (config) => readScope(jiraAsUser(), config, scope, now, figures.prior)));
}

/** As on the full read: the settings' warning comes first, on every page. */
function summaryWithSettings(summary: PageSummaryDto, settings: Settings): PageSummaryDto {
  if (settings.problem === undefined) return summary;
  return { ...summary, warnings: [settingsWarning(settings.problem), ...summary.warnings].slice(0, MAX_SUMMARY_WARNINGS), warningCount: summary.warningCount + 1 };
}

export const getPageSummary = (request: Request): Promise<ResolverResponse<PageSummaryDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    return answerFor(request, scope, (jira, config, now) => summaryFromFigures(jira, config, scope, now), (read) => pageSummary(read, read.config, scope.projectKey), summaryWithSettings);
  });

export const getRoadmap = (request: Request): Promise<ResolverResponse<RoadmapDto>> =>
  respond(async () => {
    const { scope, window, collapsed, collapseAllExcept, baselineId } = parsePayload(roadmapPayloadSchema, request.payload);
    const collapse = collapseAllExcept === undefined ? { kind: 'listed' as const, ids: new Set(collapsed) } : { kind: 'allExcept' as const, ids: new Set(collapseAllExcept) };
    return answerFor(
      request,
      scope,
      (jira, config, now) => roadmapFromFigures(jira, config, scope, window, collapse, baselineId, now),
      async (read) => {
        const answer = await roadmapPanel(read, window, collapse, baselineId);
        if (answer === null) throw new ResolverRefusal('NOT_FOUND', NO_BASELINE);
        return answer;
      },
    );
  });

export const getRiskMatrix = (request: Request): Promise<ResolverResponse<RiskMatrixDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    return answerFor(request, scope, (jira, config, now) => riskMatrixFromFigures(jira, config, scope, now), (read) => riskMatrix(read.model, read.config, read.scope));
  });

export const getTeamsConverted = (request: Request): Promise<ResolverResponse<TeamsConvertedPanelDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    return answerFor(request, scope, (jira, config, now) => teamsFromFigures(jira, config, scope, now), (read) => teamsPanel(jiraAsUser(), read, read.config));
  });

export const searchBacklog = (request: Request): Promise<ResolverResponse<BacklogPageDto>> =>
  respond(async () => {
    const { scope, query } = parsePayload(backlogPayloadSchema, request.payload);
    return answerFor(
      request,
      scope,
      (jira, config, now) => backlogFromFigures(jira, config, scope, query, now),
      (read) => {
        if (query.boxId !== undefined && !read.scope.boxIds.has(query.boxId)) throw new ResolverRefusal('NOT_FOUND', `There is no box ${query.boxId} in this scope: it may have been deleted, or you may not be allowed to browse it.`);
        return backlogPage(read.model, read.config, read.scope, query, read.today);
      },
    );
  });

export const getOverview = (request: Request): Promise<ResolverResponse<OverviewDto>> =>
  respond(async () => {
    const { scope, baselineId } = parsePayload(overviewPayloadSchema, request.payload);
    // Compared with a baseline, the rows are read in full: the baseline's deltas need every box's figures as the viewer sees them.
    const fromFigures: FromFigures<OverviewDto> = baselineId === undefined ? (jira, config, now) => overviewFromFigures(jira, config, scope, now) : async () => ({ kind: 'readInFull', prior: undefined });
    return answerFor(request, scope, fromFigures, async (read) => {
      const answer = await overviewPanel(read, baselineId);
      if (answer === null) throw new ResolverRefusal('NOT_FOUND', NO_BASELINE);
      return answer;
    });
  });
