import type { IncomingMessage, ServerResponse } from 'node:http';

import type { z } from 'zod';

/** Jira's error body on every failing REST call. */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

export interface JsonReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Thrown anywhere in a handler to answer with Jira's error collection. */
export class JiraHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorCollection,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.errorMessages.join('; ') || Object.values(body.errors).join('; ') || `HTTP ${status}`);
    this.name = 'JiraHttpError';
  }
}

export function errorCollection(messages: string[], errors: Record<string, string> = {}): ErrorCollection {
  return { errorMessages: messages, errors };
}

export function jiraError(status: number, message: string | string[], headers?: Record<string, string>): JiraHttpError {
  return new JiraHttpError(status, errorCollection(Array.isArray(message) ? message : [message]), headers);
}

export function ok(body: unknown): JsonReply {
  return { status: 200, body };
}

/** Jira's REST bodies are limited; anything near this is a client bug, not a real request. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(jiraError(413, 'The request body is too large.'));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Parses a JSON request body and validates it, answering 400 the way Jira does when either fails. */
export function parseJsonBody<T>(raw: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(raw === '' ? 'null' : raw);
  } catch (e) {
    throw jiraError(400, `Unexpected character in the request body: ${(e as Error).message}`);
  }
  if (json === null) throw jiraError(400, 'The request body is required.');
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw jiraError(
      400,
      parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)),
    );
  }
  return parsed.data;
}

export function serialize(reply: JsonReply): string {
  return JSON.stringify(reply.body);
}

export function send(res: ServerResponse, status: number, payload: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': String(Buffer.byteLength(payload)),
    ...headers,
  });
  res.end(payload);
}
