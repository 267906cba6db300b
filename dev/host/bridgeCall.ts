import { z } from 'zod';
import type { ForgeRuntime } from '../runtime/runtime';
import type { HostProject } from './hostUsers';
import type { PageKind, PageModule } from './modules';

export const bridgeRequestSchema = z.object({
  name: z.string(),
  payload: z.unknown().optional(),
  frame: z.object({ module: z.enum(['global', 'project', 'admin']), project: z.string().nullable().optional() }),
});
export type BridgeRequest = z.infer<typeof bridgeRequestSchema>;

const invokePayloadSchema = z.object({ functionKey: z.string(), payload: z.unknown().optional() }).loose();

export interface BridgeEnvironment {
  runtime: ForgeRuntime;
  modules: Record<PageKind, PageModule>;
  projects: readonly HostProject[];
  siteUrl: string;
}

export interface Caller {
  accountId: string;
  colorMode: 'light' | 'dark';
}

/** Forge's `extension` for a page: which module type, and the project a project page is on. */
function extensionOf(module: PageModule, project: HostProject | undefined): Record<string, unknown> {
  return { type: module.type, ...(project ? { project: { id: project.id, key: project.key, type: 'software' } } : {}) };
}

/** Answers one callBridge from a page, as Jira's frame would. */
export async function answerBridgeCall(env: BridgeEnvironment, caller: Caller, request: BridgeRequest): Promise<unknown> {
  const module = env.modules[request.frame.module];
  const project = request.frame.module === 'project' ? env.projects.find((p) => p.key === request.frame.project) : undefined;
  if (request.frame.module === 'project' && !project) throw new Error(`There is no project '${request.frame.project ?? ''}' on this site`);
  const extension = extensionOf(module, project);
  switch (request.name) {
    case 'getContext':
      return {
        accountId: caller.accountId,
        cloudId: 'local-cloud',
        localId: `${module.key}-local`,
        locale: 'en-GB',
        timezone: 'UTC',
        moduleKey: module.key,
        siteUrl: env.siteUrl,
        environmentType: 'DEVELOPMENT',
        extension,
        theme: { colorMode: caller.colorMode },
      };
    case 'invoke': {
      const invoke = invokePayloadSchema.parse(request.payload);
      return env.runtime.invoke({ functionKey: invoke.functionKey, payload: invoke.payload ?? {}, context: { moduleKey: module.key, accountId: caller.accountId, extension } });
    }
    default:
      throw new Error(`The local platform does not support the bridge call '${request.name}'`);
  }
}
