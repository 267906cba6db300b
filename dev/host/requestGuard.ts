import type { IncomingMessage } from 'node:http';

/** The largest request body the page host reads; a bigger one is answered 413, not cut off. */
export const MAX_BODY_BYTES = 1_000_000;
/** Past this much of an over-large body the connection is closed instead of read to its end. */
const MAX_DRAIN_BYTES = 32 * MAX_BODY_BYTES;

/** A request the page host refuses, with the status and the reason it answers. */
export class HostRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'HostRefusal';
  }
}

/** The Host values this server answers to: its own address, and the loopback names for its port. */
export function ownHosts(host: string, port: number): ReadonlySet<string> {
  return new Set([`${host}:${port}`, `127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/**
 * A state-changing request must come from one of the host's own pages: a Host it serves (no DNS rebinding), an
 * Origin equal to it (browsers send Origin on every cross-site POST), and JSON, which no plain form can send.
 */
export function refuseForeignRequest(req: IncomingMessage, hosts: ReadonlySet<string>): void {
  const host = req.headers.host ?? '';
  if (!hosts.has(host)) throw new HostRefusal(403, `The page host does not answer requests for the host '${host}'.`);
  const origin = req.headers.origin;
  if (origin !== `http://${host}`) throw new HostRefusal(403, `The page host only answers its own pages (Origin ${origin ? `'${origin}'` : 'missing'}).`);
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HostRefusal(415, `The page host takes JSON only (Content-Type ${type ? `'${type}'` : 'missing'}).`);
}

/** Reads a JSON body of at most MAX_BODY_BYTES; an over-large one is read to its end (so the answer arrives) and refused. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const tooLarge = () => new HostRefusal(413, `The request is too large: the page host accepts at most ${MAX_BODY_BYTES.toLocaleString('en')} bytes.`);
  const declared = Number(req.headers['content-length']);
  const chunks: Buffer[] = [];
  let size = 0;
  let over = Number.isFinite(declared) && declared > MAX_BODY_BYTES;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) over = true;
    if (over && size > MAX_DRAIN_BYTES) {
      req.destroy();
      throw tooLarge();
    }
    if (!over) chunks.push(chunk as Buffer);
  }
  if (over) throw tooLarge();
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new HostRefusal(400, 'The request body is not valid JSON.');
  }
}
