import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../dev/emulator';
import type { SiteUser } from '../../../dev/emulator/siteData';

/** A started emulator and a fetch helper authenticating as a site user. */
export interface TestEmulator {
  emulator: RunningEmulator;
  call(user: SiteUser | undefined, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<TestResponse>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; throws if it is not JSON. */
  json<T = Record<string, unknown>>(): T;
}

export function basicAuth(email: string, token: string): string {
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

export async function startTestEmulator(options: EmulatorOptions): Promise<TestEmulator> {
  const emulator = await startEmulator(options);
  return {
    emulator,
    async call(user, path, init = {}) {
      const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
      if (user) headers['authorization'] = basicAuth(user.emailAddress, user.apiToken);
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${emulator.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      });
      const text = await res.text();
      return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
    },
  };
}

export interface SearchPage {
  issues: { id: string; key?: string; self?: string; fields?: Record<string, unknown>; changelog?: { histories: unknown[] } }[];
  nextPageToken?: string;
  isLast: boolean;
}

export interface ErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}
