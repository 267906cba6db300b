/**
 * Adapts a LocalKvsStore to the fetch-style client `@forge/kvs` uses. The package calls
 * `global.__forge_fetch__({ type: 'kvs', ... }, path, { method: 'POST', body: JSON.stringify(body), headers })`
 * (out/index.js getFetchClient, out/storage-api.js request) and reads a WHATWG `Response`:
 * `ok`/`status`/`statusText`, `headers.get('x-b3-traceid' | 'x-trace-id')` and `text()`.
 */
import { randomUUID } from 'node:crypto';

import { KvsErrorCode } from './errors';
import { byteLength } from './metering';
import { NO_CHARGE, type KvsCharge } from './quota';
import type { LocalKvsStore } from './store';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** Decodes the request body: a JSON string or bytes (as the package sends), or an already-parsed value. */
function decodeBody(body: unknown): { ok: true; value: unknown; bytes?: number } | { ok: false } {
  let text: string | undefined;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = Buffer.from(body).toString('utf8');
  else if (body instanceof ArrayBuffer) text = Buffer.from(new Uint8Array(body)).toString('utf8');
  if (text === undefined) return { ok: true, value: body };
  try {
    return { ok: true, value: JSON.parse(text) as unknown, bytes: byteLength(text) };
  } catch {
    return { ok: false };
  }
}

function toResponse(status: number, body: unknown, text?: string): Response {
  const headers = { 'content-type': 'application/json', 'x-trace-id': randomUUID() };
  const init = { status, statusText: STATUS_TEXT[status] ?? '', headers };
  // 204 and friends must not carry a body.
  if (body === undefined || status === 204) return new Response(null, init);
  return new Response(text ?? JSON.stringify(body), init);
}

export type KvsExchange = (path: string, init?: { body?: unknown }) => Promise<{ response: Response; charge: KvsCharge }>;

/** Like kvsFetch, and says what each request cost the installation's quota (for invocation reports). */
export function kvsExchange(store: LocalKvsStore): KvsExchange {
  return async (path, init) => {
    const decoded = decodeBody(init?.body);
    if (!decoded.ok) {
      const response = toResponse(400, {
        code: KvsErrorCode.BAD_REQUEST,
        message: 'Provided request body is invalid',
        context: { issues: [{ path: '', message: 'body is not valid JSON' }] },
      });
      return { response, charge: NO_CHARGE };
    }
    const res = await store.handle(path, decoded.value, decoded.bytes);
    return { response: toResponse(res.status, res.body, res.text), charge: res.charge };
  };
}

export function kvsFetch(store: LocalKvsStore): (path: string, init?: { body?: unknown }) => Promise<Response> {
  const exchange = kvsExchange(store);
  return async (path, init) => (await exchange(path, init)).response;
}
