import { resolveScope, type TransformationConfig } from '../domain';
import type { JiraApi } from '../jira/jiraHttp';
import { readTransformation, type TransformationRead } from './readTransformation';

export interface ScopedRead extends TransformationRead {
  scope: ReturnType<typeof resolveScope>;
  /** 'yyyy-mm-dd' of the read, the roadmap's "today". */
  today: string;
  /** The configuration the model was built with. */
  config: TransformationConfig;
}

/** Reads the transformation as `jira` may see it and narrows it to a project's part, or the whole. */
export async function readScope(jira: JiraApi, config: TransformationConfig, projectKey: string | null, now: Date): Promise<ScopedRead> {
  const read = await readTransformation(jira, config, now.toISOString());
  return { ...read, scope: resolveScope(read.model, projectKey), today: now.toISOString().slice(0, 10), config };
}
