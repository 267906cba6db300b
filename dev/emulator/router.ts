import type { Route } from './context';

export type RouteMatch = { route: Route; params: Record<string, string> } | { route: undefined; pathExists: boolean };

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] as string;
    if (segment.startsWith(':')) {
      if (actual === '') return undefined;
      params[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) return undefined;
  }
  return params;
}

/** Finds the route for a request; `pathExists` tells a wrong method (405) from an unknown path (404). */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathExists = false;
  for (const route of routes) {
    const params = matchPath(route.path, path.replace(/\/+$/, '') || '/');
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathExists = true;
  }
  return { route: undefined, pathExists };
}
