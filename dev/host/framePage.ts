import type { HostProject, HostUser } from './hostUsers';
import type { PageKind, PageModule } from './modules';

export const APP_PATH = 'transformation-office';

/**
 * Which page a path opens, and the app's own route below it (what `view.createHistory()` reports as the location):
 * `/jira/apps/transformation-office/box/DTO-3` is the global page at `/box/DTO-3`. null for any other path.
 */
export function pageOfPath(pathname: string): { kind: PageKind; projectKey: string | null; route: string } | null {
  const routeOf = (rest: string | undefined) => (rest === undefined || rest === '' ? '/' : rest);
  const project = pathname.match(new RegExp(`^/jira/projects/([^/]+)/apps/${APP_PATH}(/.*)?$`));
  if (project?.[1]) return { kind: 'project', projectKey: decodeURIComponent(project[1]), route: routeOf(project[2]) };
  for (const kind of ['global', 'admin'] as const) {
    const base = pageUrl(kind);
    if (pathname === base || pathname.startsWith(`${base}/`)) return { kind, projectKey: null, route: routeOf(pathname.slice(base.length)) };
  }
  return null;
}

export function pageUrl(kind: PageKind, projectKey?: string): string {
  if (kind === 'project') return `/jira/projects/${encodeURIComponent(projectKey ?? '')}/apps/${APP_PATH}`;
  if (kind === 'admin') return `/jira/settings/apps/${APP_PATH}`;
  return `/jira/apps/${APP_PATH}`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export interface FramePageInput {
  module: PageModule;
  projectKey: string | null;
  users: readonly HostUser[];
  currentUser: HostUser;
  projects: readonly HostProject[];
  colorMode: 'light' | 'dark';
  /** The app's route inside the page, e.g. "/box/DTO-3" (with any query string); "/" for the page itself. */
  route?: string;
}

/** A Jira-like frame around the app's iframe: top navigation, project sidebar, user and theme switchers. */
export function renderFramePage(input: FramePageInput): string {
  const { module, projectKey, users, currentUser, projects, colorMode, route = '/' } = input;
  const project = projects.find((p) => p.key === projectKey);
  const heading = module.kind === 'project' ? `${project?.name ?? projectKey ?? ''} · ${module.title}` : module.title;
  const query = new URLSearchParams({ module: module.kind, ...(projectKey ? { project: projectKey } : {}), theme: colorMode, route });
  const userOptions = users
    .map((u) => `<option value="${escapeHtml(u.accountId)}"${u.accountId === currentUser.accountId ? ' selected' : ''}>${escapeHtml(u.displayName)} (${escapeHtml(u.note)})</option>`)
    .join('');
  const projectLinks = projects
    .map((p) => `<li><a href="${pageUrl('project', p.key)}"${p.key === projectKey ? ' aria-current="page"' : ''}>${escapeHtml(p.name)} <span class="key">${escapeHtml(p.key)}</span></a></li>`)
    .join('');
  const nav = (kind: PageKind, label: string) => `<a href="${pageUrl(kind)}"${module.kind === kind ? ' aria-current="page"' : ''}>${label}</a>`;
  return `<!doctype html>
<html lang="en" data-color-mode="${colorMode}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} - Jira (local)</title>
<link rel="stylesheet" href="/__host/frame.css">
<script src="/__host/frame.js" defer></script>
</head>
<body>
<header class="topnav">
  <span class="product">Jira <small>local platform</small></span>
  <nav aria-label="Apps">${nav('global', 'Transformation')}${nav('admin', 'Settings')}</nav>
  <span class="spacer"></span>
  <label class="switch">Viewing as <select id="user-switcher" aria-label="Viewing as">${userOptions}</select></label>
  <button id="theme-toggle" type="button" aria-pressed="${colorMode === 'dark'}">${colorMode === 'dark' ? 'Light theme' : 'Dark theme'}</button>
</header>
<div class="layout">
  <aside class="sidebar" aria-label="Projects"><h2>Projects</h2><ul>${projectLinks}</ul></aside>
  <main>
    <h1>${escapeHtml(heading)}</h1>
    <iframe id="forge-app" data-app-base="${escapeHtml(pageUrl(module.kind, projectKey ?? undefined))}" title="${escapeHtml(module.title)}" src="/app/index.html?${query.toString()}"></iframe>
  </main>
</div>
</body>
</html>`;
}
