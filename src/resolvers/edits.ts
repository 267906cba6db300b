import type { CreatedIssueDto, EditCapabilitiesDto, FieldChangeDto, IssueEditFieldsDto, ResolverResponse, TransitionDoneDto, TransitionsDto } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { loadTransformationConfig } from '../storage/configStore';
import { editCapabilities } from '../usecases/edits/capabilities';
import { changeField, EditConflictError, EditRefusedError } from '../usecases/edits/changeField';
import { createUnderBox, uncreate } from '../usecases/edits/createIssue';
import { issueEditFields } from '../usecases/edits/editFields';
import { applyTransition, listIssueTransitions, StatusConflictError } from '../usecases/edits/transition';
import { capabilitiesPayloadSchema, createIssuePayloadSchema, editFieldsPayloadSchema, uncreatePayloadSchema, fieldChangePayloadSchema, transitionPayloadSchema, transitionsPayloadSchema } from '../validation/edits';
import { callerOf } from './context';
import { parsePayload, respond } from './envelope';

interface Request {
  payload: unknown;
  context: unknown;
}

/** Like `respond`, plus the edits' own answers: CONFLICT when Jira changed meanwhile, FORBIDDEN when Jira would refuse. */
async function respondEdit<T>(body: () => Promise<T>): Promise<ResolverResponse<T>> {
  try {
    return { success: true, data: await body() };
  } catch (error) {
    if (error instanceof EditConflictError || error instanceof StatusConflictError) return { success: false, error: { code: 'CONFLICT', message: error.message } };
    if (error instanceof EditRefusedError) return { success: false, error: { code: error.reason === 'badValue' ? 'BAD_REQUEST' : 'FORBIDDEN', message: error.message } };
    return respond<T>(() => Promise.reject(error));
  }
}

/** Every edit is made as the viewer: Jira applies their permissions and screens, the app adds none of its own powers. */
export const changeFieldResolver = (request: Request): Promise<ResolverResponse<FieldChangeDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    const change = parsePayload(fieldChangePayloadSchema, request.payload);
    const { config } = await loadTransformationConfig();
    return changeField(jiraAsUser(), config, change);
  });

export const transitionsResolver = (request: Request): Promise<ResolverResponse<TransitionsDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    const { issueKey } = parsePayload(transitionsPayloadSchema, request.payload);
    return listIssueTransitions(jiraAsUser(), issueKey);
  });

export const transitionResolver = (request: Request): Promise<ResolverResponse<TransitionDoneDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    return applyTransition(jiraAsUser(), parsePayload(transitionPayloadSchema, request.payload));
  });

/** Where the viewer may edit, transition and create: one bulk permission check as the viewer. */
export const capabilitiesResolver = (request: Request): Promise<ResolverResponse<EditCapabilitiesDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    parsePayload(capabilitiesPayloadSchema, request.payload);
    return editCapabilities(jiraAsUser());
  });

/** One issue's edit screen for the viewer (Jira's editmeta), concept by concept, with Jira's current values. */
export const editFieldsResolver = (request: Request): Promise<ResolverResponse<IssueEditFieldsDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    const { issueKey } = parsePayload(editFieldsPayloadSchema, request.payload);
    const { config } = await loadTransformationConfig();
    return issueEditFields(jiraAsUser(), config, issueKey);
  });

/** Creates a risk, milestone or action item under a box, as the viewer. */
export const createIssueResolver = (request: Request): Promise<ResolverResponse<CreatedIssueDto>> =>
  respondEdit(async () => {
    callerOf(request.context);
    const create = parsePayload(createIssuePayloadSchema, request.payload);
    const { config } = await loadTransformationConfig();
    return createUnderBox(jiraAsUser(), config, create);
  });

/** Undoes a creation from the app, once: only the viewer's own, untouched issue is deleted. */
export const uncreateResolver = (request: Request): Promise<ResolverResponse<{ issueKey: string }>> =>
  respondEdit(async () => {
    const caller = callerOf(request.context);
    const { issueKey } = parsePayload(uncreatePayloadSchema, request.payload);
    return uncreate(jiraAsUser(), caller.accountId, issueKey);
  });
