import { z } from 'zod';
import type { ResolverResponse, SavedViewDto } from '../contract';
import { MAX_VIEWS_PER_USER, readSavedViews, removeSavedView, storeSavedView } from '../storage/savedViews';
import { savedViewSchema } from '../validation/payloads';
import { callerOf } from './context';
import { parsePayload, respond, ResolverRefusal } from './envelope';

interface Request {
  payload: unknown;
  context: unknown;
}

/** Saved backlog views belong to the calling user: nobody reads or changes another's. */
export const listViews = (request: Request): Promise<ResolverResponse<SavedViewDto[]>> =>
  respond(async () => {
    parsePayload(z.object({}).strict(), request.payload);
    return (await readSavedViews(callerOf(request.context).accountId)).views;
  });

export const saveView = (request: Request): Promise<ResolverResponse<SavedViewDto[]>> =>
  respond(async () => {
    const { view } = parsePayload(z.object({ view: savedViewSchema }).strict(), request.payload);
    const { accountId } = callerOf(request.context);
    const { views } = await readSavedViews(accountId);
    if (!views.some((v) => v.id === view.id) && views.length >= MAX_VIEWS_PER_USER) throw new ResolverRefusal('BAD_REQUEST', `You can keep at most ${MAX_VIEWS_PER_USER} views; delete one first.`);
    return storeSavedView(accountId, view);
  });

export const deleteView = (request: Request): Promise<ResolverResponse<SavedViewDto[]>> =>
  respond(async () => {
    const { id } = parsePayload(z.object({ id: z.string().min(1).max(64) }).strict(), request.payload);
    return removeSavedView(callerOf(request.context).accountId, id);
  });
