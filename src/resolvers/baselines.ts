import type { BaselineDto, BaselineListDto, ResolverResponse } from '../contract';
import { jiraAsUser } from '../jira/forgeJira';
import { isJiraAdministrator } from '../jira/permissions';
import { BaselineTooLargeError, deleteBaseline, MAX_BASELINES, readBaselineMeta } from '../storage/baselines';
import { saveBaseline, visibleBaselines } from '../usecases/baselines';
import { deleteBaselinePayloadSchema, panelPayloadSchema, saveBaselinePayloadSchema } from '../validation/payloads';
import { callerOf } from './context';
import { parsePayload, respond, ResolverRefusal } from './envelope';
import { readFor, type Request } from './panels';

/** Whether Jira says the caller administers it; a failure to ask means no. */
async function isAdmin(): Promise<boolean> {
  try {
    return await isJiraAdministrator(jiraAsUser());
  } catch (error) {
    console.warn('Could not ask Jira whether the caller is an administrator', error);
    return false;
  }
}

const REFUSALS = {
  noBox: 'Open one box to save a baseline of it.',
  tooLarge: 'This box has too many boxes or risks below it for one baseline; save a baseline of a box further down.',
  full: `The app keeps at most ${MAX_BASELINES} baselines; ask an administrator to delete old ones first.`,
} as const;

export const listBaselines = (request: Request): Promise<ResolverResponse<BaselineListDto>> =>
  respond(async () => {
    const { scope } = parsePayload(panelPayloadSchema, request.payload);
    const read = await readFor(request, scope);
    return { baselines: await visibleBaselines(read), canDelete: await isAdmin(), max: MAX_BASELINES };
  });

export const saveBaselineResolver = (request: Request): Promise<ResolverResponse<BaselineDto>> =>
  respond(async () => {
    const { scope, name } = parsePayload(saveBaselinePayloadSchema, request.payload);
    const read = await readFor(request, scope);
    try {
      const outcome = await saveBaseline(read, name, callerOf(request.context).accountId, new Date());
      if ('refused' in outcome) throw new ResolverRefusal('BAD_REQUEST', REFUSALS[outcome.refused]);
      return outcome.saved;
    } catch (error) {
      if (error instanceof BaselineTooLargeError) throw new ResolverRefusal('BAD_REQUEST', REFUSALS.tooLarge);
      throw error;
    }
  });

/** Only Jira administrators delete baselines; a baseline that is not there is not found, whoever asks. */
export const deleteBaselineResolver = (request: Request): Promise<ResolverResponse<{ id: string }>> =>
  respond(async () => {
    const { id } = parsePayload(deleteBaselinePayloadSchema, request.payload);
    callerOf(request.context);
    if (!(await isAdmin())) throw new ResolverRefusal('FORBIDDEN', 'Only Jira administrators can delete baselines.');
    if ((await readBaselineMeta(id)) === null) throw new ResolverRefusal('NOT_FOUND', 'There is no such baseline: it may have been deleted already.');
    await deleteBaseline(id);
    return { id };
  });
