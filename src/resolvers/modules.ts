import { z } from 'zod';
import type { ResolverResponse } from '../contract';

type ResolverFunction = (request: { payload: unknown; context: unknown }) => Promise<ResolverResponse<unknown>>;

const moduleOf = (context: unknown): string => {
  const parsed = z.looseObject({ moduleKey: z.string() }).safeParse(context);
  return parsed.success ? parsed.data.moduleKey : '';
};

/**
 * Lets a resolver answer only the pages it belongs to, so a page cannot reach another surface's
 * functions (e.g. a project page calling settings, or the settings page reading transformation data).
 */
export function onlyFrom(modules: readonly string[], key: string, fn: ResolverFunction): ResolverFunction {
  return async (request) => {
    const module = moduleOf(request.context);
    if (!modules.includes(module)) {
      return { success: false, error: { code: 'FORBIDDEN', message: `${key} is not available from ${module ? `the module ${module}` : 'an unknown module'}.` } };
    }
    return fn(request);
  };
}
