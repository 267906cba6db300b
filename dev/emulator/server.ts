import type { IncomingMessage, ServerResponse } from 'node:http';

import { authenticate, unauthorized } from './auth';
import type { RequestContext } from './context';
import { faultReply, truncate, type FaultStore } from './faults';
import { errorCollection, JiraHttpError, jiraError, readBody, send, serialize, type JsonReply } from './http';
import { matchRoute } from './router';
import { handleAdmin } from './routes/admin';
import { JIRA_ROUTES } from './routes';
import type { SiteData } from './siteData';
import { SiteView } from './siteView';
import type { StatsCounter } from './stats';
import type { IssueWriter } from './writes/issueWriter';

export interface EmulatorState {
  site: SiteData;
  faults: FaultStore;
  stats: StatsCounter;
  /** Added to every /rest/ request. */
  latencyMs: number;
  clock: () => Date;
  /** The emulator's own URL, known once it listens. */
  base: () => string;
  issues: IssueWriter;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function toReply(error: unknown): JsonReply {
  if (error instanceof JiraHttpError) return { status: error.status, body: error.body, headers: error.headers };
  if (error instanceof URIError) return { status: 400, body: errorCollection(['The request URL is not correctly encoded.']) };
  console.error('Jira emulator: unexpected error', error);
  return { status: 500, body: errorCollection(['Internal server error.']) };
}

function answerJira(method: string, url: URL, body: string, authorization: string | undefined, state: EmulatorState): JsonReply {
  try {
    const auth = authenticate(authorization, state.site.users);
    if (auth.kind === 'invalid') throw unauthorized('invalid');
    const match = matchRoute(JIRA_ROUTES, method, url.pathname);
    if (!match.route) {
      throw match.pathExists
        ? jiraError(405, `Method ${method} is not allowed for ${url.pathname}.`)
        : jiraError(404, `No REST resource matches ${method} ${url.pathname}.`);
    }
    const user = auth.kind === 'user' ? auth.user : undefined;
    const ctx: RequestContext = { method, url, params: match.params, body, site: state.site, base: state.base(), now: state.clock(), user, issues: state.issues };
    if (match.route.anonymous) return match.route.handle(ctx);
    if (!user) throw unauthorized('anonymous');
    return match.route.handle({ ...ctx, user, view: new SiteView(state.site, user) });
  } catch (error) {
    return toReply(error);
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', state.base());
  const body = await readBody(req);

  if (url.pathname.startsWith('/__emulator/')) {
    let reply: JsonReply;
    try {
      reply = handleAdmin(method, url.pathname, body, state.faults, state.stats);
    } catch (error) {
      reply = toReply(error);
    }
    send(res, reply.status, reply.body === null ? '' : serialize(reply), reply.headers);
    return;
  }
  if (!url.pathname.startsWith('/rest/')) {
    send(res, 404, serialize({ status: 404, body: errorCollection([`Not found: ${url.pathname}`]) }));
    return;
  }

  state.stats.count(url.pathname);
  const fault = state.faults.take(method, url.pathname);
  const delay = state.latencyMs + (fault?.latencyMs ?? 0);
  if (delay > 0) await sleep(delay);
  const reply =
    fault?.status !== undefined ? faultReply(fault.status, fault.retryAfterSeconds, state.clock()) : answerJira(method, url, body, req.headers.authorization, state);
  // 204 No Content carries no body at all.
  const payload = reply.status === 204 ? '' : serialize(reply);
  send(res, reply.status, fault?.malformedBody ? truncate(payload) : payload, reply.headers);
}

export function createRequestListener(state: EmulatorState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      const reply = toReply(error);
      if (!res.headersSent) send(res, reply.status, serialize(reply), reply.headers);
      else res.destroy();
    });
  };
}
