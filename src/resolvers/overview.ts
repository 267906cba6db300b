import { z } from 'zod';
import type { OverviewDto, ResolverResponse } from '../contract';
import { DEFAULT_CONFIG } from '../domain';
import { jiraAsUser } from '../jira/forgeJira';
import { readTransformation } from '../usecases/readTransformation';
import { toOverviewDto } from '../usecases/overview';
import { callerOf } from './context';
import { parsePayload, respond } from './envelope';

const payloadSchema = z.object({}).strict();

/** The transformation's top row, read as the calling user so they see only what Jira lets them browse. */
export async function getOverview(request: { payload: unknown; context: unknown }): Promise<ResolverResponse<OverviewDto>> {
  return respond(async () => {
    parsePayload(payloadSchema, request.payload);
    const caller = callerOf(request.context);
    const { model } = await readTransformation(jiraAsUser(), DEFAULT_CONFIG, new Date().toISOString());
    return toOverviewDto(model, DEFAULT_CONFIG, caller.projectKey);
  });
}
