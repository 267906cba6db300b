import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import type { ForgeRuntime } from '../runtime/runtime';
import { answerBridgeCall, bridgeRequestSchema } from './bridgeCall';
import { renderFramePage, pageUrl, APP_PATH } from './framePage';
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
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
  const defaultUser = options.users[0];
  if (!defaultUser) throw new Error('The page host needs at least one user');
  let siteUrl = '';

  const userOf = (req: IncomingMessage): HostUser => options.users.find((u) => u.accountId === cookies(req).get('to_user')) ?? defaultUser;
  const colorModeOf = (req: IncomingMessage): 'light' | 'dark' => (cookies(req).get('to_theme') === 'dark' ? 'dark' : 'light');

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host');
    const route = url.pathname;
    if (req.method === 'GET' && route === '/') return send(res, 302, '', 'text/plain', { location: pageUrl('global') });
    if (route === '/favicon.ico') return send(res, 204, '', 'image/x-icon');

    const projectPage = route.match(new RegExp(`^/jira/projects/([^/]+)/apps/${APP_PATH}$`));
    const kind = route === pageUrl('global') ? 'global' : route === pageUrl('admin') ? 'admin' : projectPage ? 'project' : null;
    if (req.method === 'GET' && kind) {
      const projectKey = projectPage?.[1] ? decodeURIComponent(projectPage[1]) : null;
      if (kind === 'project' && !options.projects.some((p) => p.key === projectKey)) return send(res, 404, 'No such project', 'text/plain; charset=utf-8');
      const html = renderFramePage({ module: modules[kind], projectKey, users: options.users, currentUser: userOf(req), projects: options.projects, colorMode: colorModeOf(req) });
      return send(res, 200, html, 'text/html; charset=utf-8');
    }

    if (req.method === 'POST' && route === '/__host/session') {
      const change = sessionSchema.parse(await readJson(req));
      const setCookies: string[] = [];
      if (change.accountId && options.users.some((u) => u.accountId === change.accountId)) setCookies.push(`to_user=${encodeURIComponent(change.accountId)}; Path=/; SameSite=Strict`);
      if (change.colorMode) setCookies.push(`to_theme=${change.colorMode}; Path=/; SameSite=Strict`);
      res.writeHead(204, { 'set-cookie': setCookies });
      return void res.end();
    }

    if (req.method === 'POST' && route === '/__host/bridge') {
      const parsed = bridgeRequestSchema.safeParse(await readJson(req).catch(() => null));
      if (!parsed.success) return send(res, 400, JSON.stringify({ ok: false, error: 'Malformed bridge call' }), 'application/json');
      try {
        const result = await answerBridgeCall({ runtime: options.runtime, modules, projects: options.projects, siteUrl }, { accountId: userOf(req).accountId, colorMode: colorModeOf(req) }, parsed.data);
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
      if (!res.headersSent) send(res, 400, error instanceof Error ? error.message : 'Bad request', 'text/plain; charset=utf-8');
      else res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  siteUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return { url: siteUrl, close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))) };
}
