/**
 * Records the answers Jira gives the app's own live read, as raw text, and replays them from memory (for the
 * model-build timing).
 */
import { DEFAULT_CONFIG } from '../../src/domain';
import type { JiraApi, JiraResponse } from '../../src/jira/jiraHttp';
import { readTransformation } from '../../src/usecases/readTransformation';
import { ANCHOR_DATE } from './portfolio';

interface Recorded {
  status: number;
  text: string;
  headers: Record<string, string>;
}

export interface Recording {
  /** Answers by method, path with query, and body. */
  tape: Map<string, Recorded>;
  /** Wall time of the recorded read over HTTP from the latency-free emulator: mostly the emulator's own work. */
  fetchMs: number;
  /** Jira requests the read made (a repeated request counts each time). */
  requests: number;
  issuesRead: number;
}

export const NOW = `${ANCHOR_DATE}T12:00:00.000Z`;
const keyOf = (method: string | undefined, path: string, body: string | undefined) => `${method ?? 'GET'} ${path} ${body ?? ''}`;

const responseOf = ({ status, text, headers }: Recorded): JiraResponse => ({
  status,
  ok: status >= 200 && status < 300,
  headers: { get: (name) => headers[name.toLowerCase()] ?? null },
  text: async () => text,
});

/** Runs the app's read against `jiraUrl` (the latency-free emulator) with `authorization`, keeping every answer's text. */
export async function recordRead(jiraUrl: string, authorization: string): Promise<Recording> {
  const tape = new Map<string, Recorded>();
  let requests = 0;
  const recorder: JiraApi = {
    async requestJira(route, init) {
      requests += 1;
      const response = await fetch(new URL(route.value, jiraUrl), {
        method: init?.method ?? 'GET',
        headers: { ...init?.headers, Authorization: authorization },
        ...(init?.body ? { body: init.body } : {}),
      });
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => (headers[name] = value));
      const recorded: Recorded = { status: response.status, text: await response.text(), headers };
      tape.set(keyOf(init?.method, route.value, init?.body), recorded);
      return responseOf(recorded);
    },
  };
  const started = performance.now();
  const read = await readTransformation(recorder, DEFAULT_CONFIG, NOW);
  return { tape, fetchMs: performance.now() - started, requests, issuesRead: read.issueIds.size };
}

/** The recorded search pages' texts. */
export const searchPages = (recording: Recording): string[] => [...recording.tape].filter(([key]) => key.startsWith('POST /rest/api/3/search/jql ')).map(([, r]) => r.text);

/** The recorded answers as a JiraApi, from memory: no network, no latency. */
export function replayingJira(recording: Recording): JiraApi {
  return {
    async requestJira(route, init) {
      const recorded = recording.tape.get(keyOf(init?.method, route.value, init?.body));
      if (!recorded) throw new Error(`The recording has no answer to ${init?.method ?? 'GET'} ${route.value}`);
      return responseOf(recorded);
    },
  };
}
