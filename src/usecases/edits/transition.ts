import type { TransitionDoneDto, TransitionRequestDto, TransitionsDto } from '../../contract';
import { getIssueFields, getTransitions, transitionIssue, type JiraTransitions } from '../../jira/issueEdits';
import type { JiraApi } from '../../jira/jiraHttp';
import { EditRefusedError } from './changeField';

const CATEGORIES = ['new', 'indeterminate', 'done'] as const;
const categoryOf = (key: string | undefined) => CATEGORIES.find((c) => c === key) ?? null;

async function statusOf(jira: JiraApi, issueKey: string): Promise<string> {
  const issue = await getIssueFields(jira, issueKey, ['status']);
  const status = issue.fields?.['status'];
  return typeof status === 'object' && status !== null && 'name' in status && typeof status.name === 'string' ? status.name : '';
}

const requiredOf = (transition: JiraTransitions['transitions'][number]) =>
  Object.entries(transition.fields ?? {})
    .filter(([, f]) => f.required === true)
    .map(([id, f]) => ({ id, name: f.name ?? id }));

/** The transitions Jira offers the viewer from the issue's status (none when they may not transition it). */
export async function listIssueTransitions(jira: JiraApi, issueKey: string): Promise<TransitionsDto> {
  const [status, answer] = await Promise.all([statusOf(jira, issueKey), getTransitions(jira, issueKey)]);
  return {
    issueKey,
    status,
    transitions: answer.transitions.map((t) => ({ id: t.id, name: t.name, toStatus: t.to.name, toCategory: categoryOf(t.to.statusCategory?.key), requiredFields: requiredOf(t) })),
  };
}

/** Thrown when the issue's status is no longer the one the page showed. */
export class StatusConflictError extends Error {
  constructor(readonly issueKey: string, readonly status: string) {
    super(`${issueKey} is now "${status}" in Jira, not what this page showed. Nothing was changed; reload to see its transitions.`);
    this.name = 'StatusConflictError';
  }
}

/**
 * Moves an issue through one of its transitions, as the viewer, if its status is still the one the page showed. A
 * transition whose screen requires fields is refused with their names: the app sets no fields on a transition.
 */
export async function applyTransition(jira: JiraApi, request: TransitionRequestDto): Promise<TransitionDoneDto> {
  const options = await listIssueTransitions(jira, request.issueKey);
  if (options.status !== request.expectedStatus) throw new StatusConflictError(request.issueKey, options.status);
  const chosen = options.transitions.find((t) => t.id === request.transitionId);
  if (!chosen) {
    throw new EditRefusedError('notEditable', options.transitions.length === 0 ? `You may not change the status of ${request.issueKey} in Jira.` : `That transition is not available for ${request.issueKey} now.`);
  }
  if (chosen.requiredFields.length > 0) {
    throw new EditRefusedError('notOnScreen', `"${chosen.name}" asks for ${chosen.requiredFields.map((f) => f.name).join(', ')} in Jira; make that transition in Jira itself.`);
  }
  await transitionIssue(jira, request.issueKey, chosen.id);
  return { issueKey: request.issueKey, previousStatus: options.status, status: chosen.toStatus };
}
