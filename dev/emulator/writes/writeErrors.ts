import { JiraHttpError } from '../http';

/** Jira answers a create or edit it refuses with 400 and one message per offending field. */
export function fieldErrors(errors: Record<string, string>): JiraHttpError {
  return new JiraHttpError(400, { errorMessages: [], errors });
}

/** Jira's message for a field that is not on the screen, or does not exist. */
export const cannotSet = (fieldId: string): string => `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;
