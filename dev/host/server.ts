import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ForgeRuntime } from '../runtime/runtime';
import { answerBridgeCall, bridgeRequestSchema } from './bridgeCall';
import { HostRefusal, ownHosts, readJsonBody, refuseForeignRequest } from './requestGuard';
import { renderFramePage, pageOfPath, pageUrl } from './framePage';
import type { HostProject, HostUser } from './hostUsers';
import { readPageModules } from './modules';
import { contentType, readBelow } from './staticFiles';
import { themeCss } from './themeCss';

export interface PageHostOptions {
  appRoot: string;
  runtime: ForgeRuntime;
  users: readonly HostUser[];
  projects: readonly HostProject[];
  port?: number;
  host?: string;
}

export interface RunningPageHost {
  url: string;
  close(): Promise<void>;
}

/** Forge's default policy for Custom UI, plus inline styles, which the manifest allows for Atlaskit. */
const APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'self'; object-src 'none'; base-uri 'self'";

const sessionSchema = z.object({ accountId: z.string().optional(), colorMode: z.enum(['light', 'dark']).optional() });

function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) jar.set(name, decodeURIComponent(rest.join('=')));
  }
  return jar;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/**
 * Serves the built Custom UI inside a Jira-like frame and answers the real @forge/bridge
 * from the local Forge runtime, as whichever demo user the frame's switcher is set to.
 */
export async function startPageHost(options: PageHostOptions): Promise<RunningPageHost> {
  const modules = readPageModules(path.join(options.appRoot, 'manifest.yml'));
  const staticRoot = path.join(options.appRoot, modules.global.resourcePath);
  const publicRoot = path.join(__dirname, 'public');
  const firstUser = options.users[0];
  if (!firstUser) throw new Error('The page host needs at least one user');
  const defaultUser: HostUser = firstUser;
  let siteUrl = '';
  let hosts: ReadonlySet<string> = new Set();

  /** The user this browser chose (a page sets one on first visit); never assumed for a request that names none. */
  const chosenUser = (req: IncomingMessage): HostUser | undefined => options.users.find((u) => u.accountId === cookies(req).get('to_user'));
  const userCookie = (user: HostUser) => `to_user=${encodeURIComponent(user.accountId)}; Path=/; SameSite=Strict`;
  const colorModeOf = (req: IncomingMessage): 'light' | 'dark' => (cookies(req).get('to_theme') === 'dark' ? 'dark' : 'light');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host');
    const route = url.pathname;
    if (req.method === 'GET' && route === '/') return send(res, 302, '', 'text/plain', { location: pageUrl('global') });
    if (route === '/favicon.ico') return send(res, 204, '', 'image/x-icon');

    // A page's own path, or a route of the app below it (a deep link the app made with view.createHistory()).
    const page = req.method === 'GET' ? pageOfPath(route) : null;
    if (page) {
      const { kind, projectKey } = page;
      if (kind === 'project' && !options.projects.some((p) => p.key === projectKey)) return send(res, 404, 'No such project', 'text/plain; charset=utf-8');
      const chosen = chosenUser(req);
      const html = renderFramePage({ module: modules[kind], projectKey, users: options.users, currentUser: chosen ?? defaultUser, projects: options.projects, colorMode: colorModeOf(req), route: `${page.route}${url.search}` });
      // A first visit shows the first switcher user and says so in the switcher; the bridge acts only on this choice.
      return send(res, 200, html, 'text/html; charset=utf-8', chosen ? {} : { 'set-cookie': userCookie(defaultUser) });
    }

    if (req.method === 'POST' && (route === '/__host/session' || route === '/__host/bridge')) refuseForeignRequest(req, hosts);

    if (req.method === 'POST' && route === '/__host/session') {
      const change = sessionSchema.safeParse(await readJsonBody(req));
      if (!change.success) throw new HostRefusal(400, 'Malformed session change');
      const setCookies: string[] = [];
      const user = options.users.find((u) => u.accountId === change.data.accountId);
      if (user) setCookies.push(userCookie(user));
      if (change.data.colorMode) setCookies.push(`to_theme=${change.data.colorMode}; Path=/; SameSite=Strict`);
      res.writeHead(204, { 'set-cookie': setCookies });
      return void res.end();
    }

    if (req.method === 'POST' && route === '/__host/bridge') {
      const parsed = bridgeRequestSchema.safeParse(await readJsonBody(req));
      if (!parsed.success) throw new HostRefusal(400, 'Malformed bridge call');
      const user = chosenUser(req);
      if (!user) throw new HostRefusal(401, 'No user is chosen in this browser: open the page again, or pick a user in the switcher.');
      try {
        const result = await answerBridgeCall({ runtime: options.runtime, modules, projects: options.projects, siteUrl }, { accountId: user.accountId, colorMode: colorModeOf(req) }, parsed.data);
        return send(res, 200, JSON.stringify({ ok: true, result: result ?? null }), 'application/json');
      } catch (error) {
        return send(res, 200, JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) }), 'application/json');
      }
    }

    const themeMatch = route.match(/^\/__host\/theme\/([a-z]+)\.css$/);
    if (req.method === 'GET' && themeMatch?.[1]) {
      const css = themeCss(themeMatch[1]);
      return css === null ? send(res, 404, 'No such theme', 'text/plain') : send(res, 200, css, 'text/css; charset=utf-8');
    }

    if (req.method === 'GET' && route.startsWith('/__host/')) {
      const file = await readBelow(publicRoot, route.slice('/__host/'.length));
      return file ? send(res, 200, file, contentType(route)) : send(res, 404, 'Not found', 'text/plain');
    }

    if (req.method === 'GET' && route.startsWith('/app/')) {
      const relative = route.slice('/app/'.length) || 'index.html';
      const file = await readBelow(staticRoot, relative);
      if (!file) return send(res, 404, relative === 'index.html' ? 'The Custom UI is not built: run npm run build:ui' : 'Not found', 'text/plain; charset=utf-8');
      const body = relative === 'index.html' ? Buffer.from(file.toString('utf8').replace('<head>', '<head><script src="/__host/bridge.js"></script>')) : file;
      return send(res, 200, body, contentType(relative), { 'content-security-policy': APP_CSP });
    }
    send(res, 404, 'Not found', 'text/plain');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      // The bridge's callers read JSON: a refusal says why in the same shape as a failed call.
      if (error instanceof HostRefusal) return send(res, error.status, JSON.stringify({ ok: false, error: error.message }), 'application/json', error.status === 413 ? { connection: 'close' } : {});
      send(res, 500, JSON.stringify({ ok: false, error: error instanceof Error ? error.message : 'The page host failed' }), 'application/json');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  siteUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  hosts = ownHosts(options.host ?? '127.0.0.1', port);
  return { url: siteUrl, close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))) };
}
