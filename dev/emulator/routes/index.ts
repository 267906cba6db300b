import type { Route } from '../context';
import { changelogRoutes } from './changelog';
import { fieldRoutes } from './fields';
import { issueRoutes } from './issue';
import { permissionRoutes } from './permissions';
import { projectRoutes } from './projects';
import { searchRoutes } from './search';
import { systemRoutes } from './system';

export const JIRA_ROUTES: readonly Route[] = [
  ...searchRoutes,
  ...issueRoutes,
  ...fieldRoutes,
  ...systemRoutes,
  ...projectRoutes,
  ...permissionRoutes,
  ...changelogRoutes,
];
