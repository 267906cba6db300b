import type { LocalForgeSql, SqlCharge } from './forgeSql';

export type { SqlCharge } from './forgeSql';

export { LocalForgeSql, SQL_PATHS } from './forgeSql';
export { FORGE_SQL_LIMITS, type ForgeSqlLimits } from './limits';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function bodyText(init?: RequestInit): Promise<string> {
  const body = init?.body;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  return body === undefined || body === null ? '' : await new Response(body).text();
}

/** `__forge_fetch__` for `{ type: 'sql' }`: the local service, or Forge's answer for an app without an `sql` module. */
export function sqlFetch(service: LocalForgeSql | null, charge?: (cost: SqlCharge) => void): (path: string, init?: RequestInit) => Promise<Response> {
  return async (path, init) => {
    if (!service) return json(403, { code: 'APP_NOT_ENABLED', message: 'Forge SQL is not enabled for this app: manifest.yml declares no sql module, or no local server was started.' });
    const answer = await service.handle(path, await bodyText(init), charge);
    return json(answer.status, answer.body);
  };
}
