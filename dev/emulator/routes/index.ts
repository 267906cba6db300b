import type { Route } from '../context';
import { bulkFetchRoutes } from './bulkFetch';
import { changelogRoutes } from './changelog';
import { fieldRoutes } from './fields';
import { issueRoutes } from './issue';
import { issueWriteRoutes } from './issueWrite';
import { permissionRoutes } from './permissions';
import { projectRoutes } from './projects';
import { searchRoutes } from './search';
import { systemRoutes } from './system';
import { workflowRoutes } from './workflow';

export const JIRA_ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...bulkFetchRoutes,
  ...issueRoutes,
  ...issueWriteRoutes,
  ...workflowRoutes,
  ...fieldRoutes,
  ...systemRoutes,
  ...projectRoutes,
  ...permissionRoutes,
  ...changelogRoutes,
];
