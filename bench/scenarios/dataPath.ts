/**
 * One page load's data path through the real runtime: a fresh resolver process runs one invocation as the admin
 * against the emulator, and reports Jira requests, wall time, outcome, payload bytes and memory.
 */
import { DEMO_USERS } from '../../dev/demo/generate';
import { UI_RESOLVER_TIMEOUT_MS } from '../../dev/runtime/runtime';
import { PANEL_KEYS } from '../../src/contract/panels';
import { forkResolver, startMessage, UNLIMITED_MS, type Portfolio } from './portfolio';
import type { InvokedMessage } from './resolverProtocol';

export interface ResolverCall {
  name: string;
  functionKey: string;
  payload: unknown;
}

const WHOLE = { projectKey: null };

/** What the global page asks for: its top row, then the roadmap and the backlog's first page (50 rows, as the UI asks). */
export const RESOLVER_CALLS: readonly ResolverCall[] = [
  { name: 'page summary', functionKey: PANEL_KEYS.summary, payload: { scope: WHOLE } },
  { name: 'roadmap', functionKey: PANEL_KEYS.roadmap, payload: { scope: WHOLE } },
  { name: 'backlog (page 1)', functionKey: PANEL_KEYS.backlog, payload: { scope: WHOLE, query: { page: 0, pageSize: 50 } } },
];

export interface InvocationFigures {
  call: string;
  /** Run without the time limit against the replayed recording: the resolver's own time, memory and answer. */
  unlimited: boolean;
  result: InvokedMessage;
}

/** Process start (tsx, esbuild bundling the handler) plus Forge's 25 s, with room. */
export const INVOCATION_STEP_MS = UI_RESOLVER_TIMEOUT_MS + 30_000;
export const UNLIMITED_STEP_MS = UNLIMITED_MS + 30_000;

/** `unlimitedFrom`: read from this Jira (the replayed recording) without the time limit. */
export async function measureInvocation(portfolio: Portfolio, call: ResolverCall, unlimitedFrom?: string): Promise<InvocationFigures> {
  const unlimited = unlimitedFrom !== undefined;
  const child = forkResolver(startMessage(portfolio, { kind: 'invoke', functionKey: call.functionKey, payload: call.payload, accountId: DEMO_USERS.admin }, unlimitedFrom));
  try {
    const message = await child.next(unlimited ? UNLIMITED_STEP_MS : INVOCATION_STEP_MS);
    if (message.kind !== 'invoked') throw new Error(`unexpected message ${message.kind}`);
    return { call: call.name, unlimited, result: message };
  } finally {
    child.kill();
  }
}
