import type { EditCapabilitiesDto } from '../../contract';
import type { JiraApi } from '../../jira/jiraHttp';
import { checkProjectPermissions } from '../../jira/permissions';
import { listBrowsableProjects } from '../../jira/projects';

const WORK = ['EDIT_ISSUES', 'TRANSITION_ISSUES', 'CREATE_ISSUES'] as const;

/**
 * The projects where whoever `jira` acts for (the viewer) may edit, transition and create issues: the projects
 * they browse, then one bulk permission check for the three permissions. A page offers an edit only there.
 */
export async function editCapabilities(jira: JiraApi): Promise<EditCapabilitiesDto> {
  const { projects } = await listBrowsableProjects(jira);
  const granted = await checkProjectPermissions(jira, projects.map((p) => p.id), WORK);
  const keysOf = (ids: Set<string>) => projects.filter((p) => ids.has(p.id)).map((p) => p.key).sort();
  return { edit: keysOf(granted.EDIT_ISSUES), transition: keysOf(granted.TRANSITION_ISSUES), create: keysOf(granted.CREATE_ISSUES) };
}
