import api from '@forge/api';
import type { JiraApi } from './jiraHttp';

/** Jira as the calling user: Jira itself applies their browse permissions. */
export const jiraAsUser = (): JiraApi => api.asUser();

/** Jira as the app's own account. */
export const jiraAsApp = (): JiraApi => api.asApp();
