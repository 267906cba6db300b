/**
 * The snapshot's figures, each in a resolver process of its own against the portfolio's emulator and KVS file:
 * the cold full build (install event, then the snapshot-work queue until it is done), page loads served from the
 * snapshot (a new container, then a warm one), and the incremental update after 100 issues changed in Jira.
 */
import { existsSync, statSync } from 'node:fs';
import { DEMO_USERS } from '../../dev/demo/generate';
import type { IssueEventPayload } from '../../dev/emulator';
import { PANEL_KEYS } from '../../src/contract/panels';
import { REPORT_KEYS } from '../../src/contract/reports';
import { forkResolver, startMessage, type Portfolio } from './portfolio';
import type { AppliedMessage, BuiltMessage, Invoked, ProcessMemory, ResolverCallSpec } from './resolverProtocol';

const WHOLE = { projectKey: null };
const asAdmin = (functionKey: string, payload: unknown): ResolverCallSpec => ({ functionKey, payload, accountId: DEMO_USERS.admin });

export interface PageCall {
  name: string;
  call: ResolverCallSpec;
}

/** What the global page asks for: its top row, the roadmap's default window and the backlog's first page (50 rows, as the UI asks). */
export const PAGE_CALLS: readonly PageCall[] = [
  { name: 'page summary', call: asAdmin(PANEL_KEYS.summary, { scope: WHOLE }) },
  { name: 'roadmap (default window)', call: asAdmin(PANEL_KEYS.roadmap, { scope: WHOLE }) },
  { name: 'backlog (page 1)', call: asAdmin(PANEL_KEYS.backlog, { scope: WHOLE, query: { page: 0, pageSize: 50 } }) },
  { name: 'risk matrix', call: asAdmin(PANEL_KEYS.risks, { scope: WHOLE }) },
  { name: 'teams converted', call: asAdmin(PANEL_KEYS.teams, { scope: WHOLE }) },
  { name: 'Overview (box tree)', call: asAdmin(PANEL_KEYS.overview, { scope: WHOLE }) },
  { name: 'weekly report', call: asAdmin(REPORT_KEYS.weekly, { scope: WHOLE }) },
];

// ---------- Cold full build ----------

export interface BuildFigures extends Omit<BuiltMessage, 'kind'> {
  /** Bytes of the portfolio's KVS file once the build flushed it. */
  kvsFileBytes: number | null;
}

export async function measureColdBuild(portfolio: Portfolio, timeoutMs: number): Promise<BuildFigures> {
  const child = forkResolver(startMessage(portfolio, { kind: 'build' }));
  try {
    const message = await child.next(timeoutMs);
    if (message.kind !== 'built') throw new Error(`unexpected message ${message.kind}`);
    const { kind: _kind, ...figures } = message;
    return { ...figures, kvsFileBytes: existsSync(portfolio.kvsFile) ? statSync(portfolio.kvsFile).size : null };
  } finally {
    child.kill();
  }
}

// ---------- Page loads from the snapshot ----------

export interface PageLoadFigures {
  call: string;
  process: ProcessMemory;
  /** The first call in a new process: a cold container, every chunk read from the KVS. */
  cold: Invoked;
  /** The same call again in that process: a warm container with its chunk cache; null when the first call failed. */
  warm: Invoked | null;
}

export async function measurePageLoad(portfolio: Portfolio, page: PageCall, timeoutMs: number): Promise<PageLoadFigures> {
  const child = forkResolver(startMessage(portfolio, { kind: 'pageLoad', call: page.call, repeat: 2 }));
  try {
    const message = await child.next(timeoutMs);
    if (message.kind !== 'loaded') throw new Error(`unexpected message ${message.kind}`);
    const [cold, warm] = message.runs;
    if (!cold) throw new Error('the resolver process made no call');
    return { call: page.name, process: message.process, cold, warm: warm ?? null };
  } finally {
    child.kill();
  }
}

// ---------- Incremental update ----------

export const CHANGED_ISSUES = 100;
/** A word no generated summary contains, so the backlog search finds exactly the changed issues. */
const MARK = 'zqbenchchanged';

export interface IncrementalFigures extends Omit<AppliedMessage, 'kind'> {
  changed: number;
  /** What was changed, for the report. */
  change: string;
}

/**
 * Open stories and tasks spread evenly over the id range (so they fall in many chunks, as unrelated edits
 * would), each given a new summary and closed: the page summary's progress must move.
 */
function pickIssues(portfolio: Portfolio, count: number) {
  const { site } = portfolio;
  const typeName = new Map(site.issueTypes.map((t) => [t.id, t.name]));
  const category = new Map(site.statuses.map((s) => [s.id, s.categoryKey]));
  const candidates = site.issues
    .filter((i) => i.parentKey !== null && ['Story', 'Task'].includes(typeName.get(i.issueTypeId) ?? '') && category.get(i.statusId) !== 'done')
    .sort((a, b) => Number(a.id) - Number(b.id));
  if (candidates.length < count) throw new Error(`the portfolio has only ${candidates.length} open stories and tasks, fewer than ${count}`);
  return Array.from({ length: count }, (_, n) => candidates[Math.floor((n * candidates.length) / count)] as (typeof candidates)[number]);
}

/**
 * The bench changes `count` issues in its emulator (as a Jira admin would), collects the issue events Jira
 * would send the app, and hands them to a resolver process, which runs the app's trigger for each, delivers the
 * queued sync and checks a page shows the change. Throws when it does not.
 */
export async function measureIncrementalUpdate(portfolio: Portfolio, timeoutMs: number, count = CHANGED_ISSUES): Promise<IncrementalFigures> {
  const done = portfolio.site.statuses.find((s) => s.categoryKey === 'done');
  if (!done) throw new Error('the site has no done status');
  const picked = pickIssues(portfolio, count);
  const events: IssueEventPayload[] = [];
  const stop = portfolio.emulator.onIssueEvent((event) => events.push(event));
  try {
    picked.forEach((issue, n) => portfolio.emulator.issues.update(issue.key, { summary: `${issue.summary} ${MARK} ${n + 1}`, status: { name: done.name } }));
  } finally {
    stop();
  }
  const child = forkResolver(
    startMessage(portfolio, {
      kind: 'applyEvents',
      events,
      summary: PAGE_CALLS[0]?.call ?? asAdmin(PANEL_KEYS.summary, { scope: WHOLE }),
      backlogSearch: asAdmin(PANEL_KEYS.backlog, { scope: WHOLE, query: { text: MARK, page: 0, pageSize: 50 } }),
    }),
  );
  try {
    const message = await child.next(timeoutMs);
    if (message.kind !== 'applied') throw new Error(`unexpected message ${message.kind}`);
    const { kind: _kind, ...applied } = message;
    const figures: IncrementalFigures = { ...applied, changed: count, change: `${count} open stories and tasks spread over the id range, each given a new summary and moved to ${done.name}` };
    const problems = checkShown(figures);
    if (problems.length) {
      const requests = figures.run.invocations.reduce((s, i) => s + i.jiraRequests, 0);
      throw new Error(`the change did not show: ${problems.join('; ')} (background Jira requests ${requests}, ${Math.round(figures.run.wallMs)} ms)`);
    }
    return figures;
  } finally {
    child.kill();
  }
}

/** What must hold after the sync: the summary is still served from the snapshot, newer, with other progress, and the backlog finds every changed issue. */
function checkShown(f: IncrementalFigures): string[] {
  const problems: string[] = [];
  if (f.after.source !== 'snapshot') problems.push(`the page summary after the update came from '${f.after.source ?? 'nowhere'}', not the snapshot`);
  if (!(f.after.asOf !== null && f.before.asOf !== null && f.after.asOf > f.before.asOf)) problems.push(`the snapshot's time did not move (${f.before.asOf ?? '-'} → ${f.after.asOf ?? '-'})`);
  if (f.after.ratio === null || f.after.ratio === f.before.ratio) problems.push(`progress stayed ${f.before.progress} → ${f.after.progress} after ${f.changed} issues were closed`);
  if (f.matches !== f.changed) problems.push(`the backlog search for the new summaries found ${f.matches ?? 'nothing'}, not ${f.changed}`);
  if (f.run.failedEvents.length) problems.push(`${f.run.failedEvents.length} events failed: ${f.run.failedEvents[0] ?? ''}`);
  return problems;
}
