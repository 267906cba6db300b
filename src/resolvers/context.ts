import { z } from 'zod';
import { ResolverRefusal } from './envelope';

/** The parts of Forge's invocation context the resolvers rely on, validated. */
const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  moduleKey: z.string().optional(),
  extension: z.looseObject({ project: z.looseObject({ key: z.string() }).optional() }).optional(),
});

export interface Caller {
  accountId: string;
  moduleKey: string;
  /** The Jira project whose page is asking, if any. */
  projectKey: string | null;
}

export function callerOf(context: unknown): Caller {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success || !parsed.data.accountId) throw new ResolverRefusal('FORBIDDEN', 'Sign in to Jira to see the transformation.');
  return { accountId: parsed.data.accountId, moduleKey: parsed.data.moduleKey ?? '', projectKey: parsed.data.extension?.project?.key ?? null };
}
