import { backlogPage, DEFAULT_CONFIG, riskMatrix, roadmap } from '../domain';
import type { BacklogPageDto, PageSummaryDto, ResolverResponse, RiskMatrixDto, RoadmapDto, TeamsConvertedPanelDto } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { pageSummary } from '../usecases/pageSummary';
import { readScope, type ScopedRead } from '../usecases/readScope';
import { teamsPanel } from '../usecases/teamsPanel';
import { callerOf, type Caller } from './context';
import { parsePayload, respond, ResolverRefusal } from './envelope';
import { backlogPayloadSchema, panelPayloadSchema } from '../validation/payloads';

interface Request {
  payload: unknown;
  context: unknown;
}

/** A project page may only ask about its own project; the global page about the whole or any project. */
function checkScope(caller: Caller, projectKey: string | null): void {
  if (caller.projectKey !== null && projectKey !== caller.projectKey) {
    throw new ResolverRefusal('FORBIDDEN', `This page belongs to project ${caller.projectKey} and cannot show ${projectKey ?? 'the whole transformation'}.`);
  }
}

/** Validates the caller and scope, then reads Jira as the caller so they see only what they may browse. */
async function readFor(request: Request, projectKey: string | null): Promise<ScopedRead> {
  const caller = callerOf(request.context);
  checkScope(caller, projectKey);
  return readScope(jiraAsUser(), DEFAULT_CONFIG, projectKey, new Date());
}

export const getPageSummary = (request: Request): Promise<ResolverResponse<PageSummaryDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    return pageSummary(await readFor(request, scope.projectKey), DEFAULT_CONFIG, scope.projectKey);
  });

export const getRoadmap = (request: Request): Promise<ResolverResponse<RoadmapDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    const read = await readFor(request, scope.projectKey);
    return roadmap(read.model, DEFAULT_CONFIG, read.scope, read.today);
  });

export const getRiskMatrix = (request: Request): Promise<ResolverResponse<RiskMatrixDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    const read = await readFor(request, scope.projectKey);
    return riskMatrix(read.model, DEFAULT_CONFIG, read.scope);
  });

export const getTeamsConverted = (request: Request): Promise<ResolverResponse<TeamsConvertedPanelDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    const read = await readFor(request, scope.projectKey);
    return teamsPanel(jiraAsUser(), read, DEFAULT_CONFIG);
  });

export const searchBacklog = (request: Request): Promise<ResolverResponse<BacklogPageDto>> =>
  respond(async () => {
    const { scope, query } = parsePayload(backlogPayloadSchema, request.payload);
    const read = await readFor(request, scope.projectKey);
    return backlogPage(read.model, DEFAULT_CONFIG, read.scope, query, read.today);
  });
