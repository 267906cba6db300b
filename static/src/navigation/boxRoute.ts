/** The app's routes inside a page: "/" is the page's own scope, "/box/DTO-3" one box of it. No React here. */

const BOX_PREFIX = '/box/';

/** The box a route opens, or null for the page itself (or a route this app does not know). */
export function boxIdOfRoute(pathname: string): string | null {
  if (!pathname.startsWith(BOX_PREFIX)) return null;
  const encoded = pathname.slice(BOX_PREFIX.length).replace(/\/+$/, '');
  if (encoded === '' || encoded.includes('/')) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** The route of a box ("/box/project%3APAY" for a project box), or "/" for the page itself. */
export const routeOfBox = (boxId: string | null): string => (boxId === null ? '/' : `${BOX_PREFIX}${encodeURIComponent(boxId)}`);

/** The path of a location, whether a listener is handed the location itself (history 4) or `{ location, action }` (history 5). */
export function pathnameOf(update: unknown): string {
  const value = update as { pathname?: unknown; location?: { pathname?: unknown } } | null;
  if (typeof value?.pathname === 'string') return value.pathname;
  return typeof value?.location?.pathname === 'string' ? value.location.pathname : '/';
}
