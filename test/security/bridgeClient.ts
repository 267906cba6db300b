import { BASELINE_KEYS, EDIT_KEYS, PANEL_KEYS, SETTINGS_KEYS } from '../../src/contract';
import { REPORT_KEYS } from '../../src/contract/reports';

/** Where a page runs: the three Custom UI modules of manifest.yml, as the page host's frame names them. */
export type FrameModule = 'global' | 'project' | 'admin';

export interface Frame {
  module: FrameModule;
  /** The project a project page is on. */
  project?: string | null;
}

/** What the page host's bridge answers: the resolver's own envelope, or the platform's failure. */
export type BridgeAnswer = { ok: true; result: unknown } | { ok: false; error: string };

/**
 * Calls a resolver the way the real page does: `@forge/bridge` → `POST /__host/bridge` on the page host, as the
 * user the `to_user` cookie names, from the module (and project) of the frame.
 */
export async function bridgeInvoke(hostUrl: string, accountId: string, frame: Frame, functionKey: string, payload: unknown): Promise<BridgeAnswer> {
  const response = await fetch(`${hostUrl}/__host/bridge`, {
    method: 'POST',
    // A page of the host itself: its own Origin, as a browser sends it.
    headers: { 'content-type': 'application/json', origin: hostUrl, cookie: `to_user=${encodeURIComponent(accountId)}` },
    body: JSON.stringify({ name: 'invoke', payload: { functionKey, payload }, frame }),
  });
  if (response.status !== 200) return { ok: false, error: `page host answered HTTP ${response.status}: ${await response.text()}` };
  return (await response.json()) as BridgeAnswer;
}

/** The resolver envelope inside a bridge answer (throws when the platform itself failed). */
export function envelopeOf(answer: BridgeAnswer): { success: true; data: unknown } | { success: false; error: { code: string; message: string } } {
  if (!answer.ok) throw new Error(`the platform failed the call: ${answer.error}`);
  return answer.result as { success: true; data: unknown } | { success: false; error: { code: string; message: string } };
}

export const MODULE_KEY: Record<FrameModule, string> = {
  global: 'transformation-office-global',
  project: 'transformation-office-project',
  admin: 'transformation-office-settings',
};

const PAGES: readonly FrameModule[] = ['global', 'project'];
const SETTINGS: readonly FrameModule[] = ['admin'];
const ANY: readonly FrameModule[] = ['global', 'project', 'admin'];

export interface ResolverSpec {
  key: string;
  /** The modules that may call it: written down here, independently of src/resolvers/index.ts. */
  modules: readonly FrameModule[];
  /** Reads the transformation from Jira (so its answer must hold only what the caller may browse). */
  readsIssues: boolean;
  /** Changes stored settings: needs a Jira administrator on the settings page. */
  changesSettings: boolean;
  /** Changes issues in Jira as the caller (test/resolvers/edits.integration.test.ts covers who may). */
  changesIssues?: boolean;
  /** Saves or deletes baselines (access.test.ts has a test of its own for who may). */
  changesBaselines?: boolean;
  /** A valid payload from a page on `project` (null = the global page). */
  payload: (project: string | null) => unknown;
}

const scope = (project: string | null) => ({ scope: { projectKey: project } });

/** Every resolver the app may define, with who may call it. Report keys are included in case they are registered. */
export const RESOLVER_SPECS: readonly ResolverSpec[] = [
  { key: PANEL_KEYS.summary, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: PANEL_KEYS.roadmap, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: PANEL_KEYS.risks, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: PANEL_KEYS.teams, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: PANEL_KEYS.backlog, modules: PAGES, readsIssues: true, changesSettings: false, payload: (p) => ({ ...scope(p), query: { pageSize: 200 } }) },
  { key: PANEL_KEYS.overview, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: BASELINE_KEYS.list, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope },
  { key: BASELINE_KEYS.save, modules: PAGES, readsIssues: false, changesSettings: false, changesBaselines: true, payload: (p) => ({ ...scope(p), name: 'Access test' }) },
  { key: BASELINE_KEYS.delete, modules: PAGES, readsIssues: false, changesSettings: false, changesBaselines: true, payload: () => ({ id: '00000000-0000-4000-8000-000000000000' }) },
  { key: PANEL_KEYS.savedViews, modules: PAGES, readsIssues: false, changesSettings: false, payload: () => ({}) },
  {
    key: PANEL_KEYS.saveView,
    modules: PAGES,
    readsIssues: false,
    changesSettings: false,
    payload: () => ({ view: { id: 'access-test', name: 'Access test', columns: ['key', 'summary'], query: { text: 'pay' } } }),
  },
  { key: PANEL_KEYS.deleteView, modules: PAGES, readsIssues: false, changesSettings: false, payload: () => ({ id: 'access-test' }) },
  { key: SETTINGS_KEYS.get, modules: ANY, readsIssues: false, changesSettings: false, payload: () => ({}) },
  { key: SETTINGS_KEYS.export, modules: ANY, readsIssues: false, changesSettings: false, payload: () => ({}) },
  { key: SETTINGS_KEYS.save, modules: SETTINGS, readsIssues: false, changesSettings: true, payload: () => ({ config: {}, baseRevision: 0 }) },
  { key: SETTINGS_KEYS.import, modules: SETTINGS, readsIssues: false, changesSettings: true, payload: () => ({ json: '{}', baseRevision: 0 }) },
  { key: SETTINGS_KEYS.fields, modules: SETTINGS, readsIssues: false, changesSettings: false, payload: () => ({}) },
  { key: SETTINGS_KEYS.fieldPreview, modules: SETTINGS, readsIssues: false, changesSettings: false, payload: () => ({ concept: 'storyPoints', fieldId: 'customfield_10016' }) },
  ...Object.values(REPORT_KEYS).map((key): ResolverSpec => ({ key, modules: PAGES, readsIssues: true, changesSettings: false, payload: scope })),
  // Edits whose payload writes nothing: the expected value is not what Jira holds, so they stop at the conflict check.
  { key: EDIT_KEYS.change, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ issueKey: 'PAY-1', concept: 'dueDate', value: null, expected: '1999-01-01' }) },
  { key: EDIT_KEYS.transitions, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ issueKey: 'PAY-1' }) },
  { key: EDIT_KEYS.transition, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ issueKey: 'PAY-1', transitionId: '11', expectedStatus: 'Not its status' }) },
  { key: EDIT_KEYS.capabilities, modules: PAGES, readsIssues: false, changesSettings: false, payload: () => ({}) },
  // Reads one issue's edit screen as the viewer: Jira answers for their permissions (edits.integration.test.ts).
  { key: EDIT_KEYS.fields, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ issueKey: 'PAY-1' }) },
  // Writes that stop before writing: no such issue type is offered, and PAY-1 was not created by the caller just now.
  { key: EDIT_KEYS.create, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ kind: 'risk', boxKey: 'NOPE-1', summary: 'Access test' }) },
  { key: EDIT_KEYS.uncreate, modules: PAGES, readsIssues: false, changesSettings: false, changesIssues: true, payload: () => ({ issueKey: 'PAY-1' }) },
];

/** The resolver keys src/resolvers/index.ts defines, collected by watching Resolver.define while it loads. */
export function definedResolverKeys(): string[] {
  const keys: string[] = [];
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Resolver } = require('@forge/resolver') as { default: { prototype: { define: (key: string, cb: unknown) => unknown } } };
    const original = Resolver.prototype.define;
    Resolver.prototype.define = function define(this: unknown, key: string, cb: unknown) {
      keys.push(key);
      return original.call(this, key, cb);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/resolvers/index');
    } finally {
      Resolver.prototype.define = original;
    }
  });
  return keys;
}

/** Issue keys of these projects anywhere in a JSON answer (keys, messages, ids, dependency ends…). */
export function keysOfProjects(answer: unknown, projects: readonly string[]): string[] {
  const text = JSON.stringify(answer);
  const pattern = new RegExp(`(?<![A-Z0-9_])(?:${projects.join('|')})-\\d+`, 'g');
  return [...new Set(text.match(pattern) ?? [])];
}
