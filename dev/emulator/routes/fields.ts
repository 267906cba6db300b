import type { Route } from '../context';
import { fieldCatalog, fieldDetailsJson } from '../fieldCatalog';
import { ok } from '../http';

export const fieldRoutes: Route[] = [
  {
    method: 'GET',
    path: '/rest/api/3/field',
    handle: (ctx) => ok(fieldCatalog(ctx.site).map(fieldDetailsJson)),
  },
];
