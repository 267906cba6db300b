/**
 * `npm run bench`: scale figures for the snapshot architecture on 1k, 10k, 100k and 300k-issue portfolios, printed and
 * written to BENCHMARKS.md. Per size: the cold full build, page loads from the snapshot (new and warm container),
 * the incremental update after 100 changed issues, render and roadmap scrolling in Chromium, and the live read's
 * recording (model build against JSON.parse, the live read's cost without a snapshot). Everything runs on 127.0.0.1
 * and is bounded: each step is skipped when it would run past the budget, and a watchdog writes what was measured
 * and stops the run at the hard limit.
 *   BENCH_SIZES=1k,10k  BENCH_LATENCY_MS=80  npm run bench
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { UI_RESOLVER_TIMEOUT_MS } from '../dev/runtime/runtime';
import { launchChromium } from '../test/support/browser';
import { Budget, fmtBytes, fmtInt, fmtMs, withTimeout } from './measure';
import { renderMarkdown, SCROLL_ROWS, type BenchResult, type SizeResult, type Step } from './report';
import { ensureStaticBuild, measureBundles } from './scenarios/bundles';
import { measureDomainScale } from './scenarios/domainScale';
import { killAllChildren } from './scenarios/child';
import { forkRecording } from './scenarios/modelBuild';
import { APP_ROOT, openPortfolio, removeScratch, type Portfolio, type PortfolioSpec } from './scenarios/portfolio';
import { measureRender } from './scenarios/render';
import type { RoadmapScrollFigures } from './scenarios/roadmapScroll';
import { measureColdBuild, measureIncrementalUpdate, measurePageLoad, PAGE_CALLS } from './scenarios/snapshot';

/** The live read is recorded up to this size: at 300k it alone would take ~10 minutes of the budget, and pages never read live there. */
const LIVE_READ_UP_TO = 100_000;

const SIZES: PortfolioSpec[] = [
  { label: '1k', scale: 0.6 },
  { label: '10k', scale: 7 },
  { label: '100k', scale: 70 },
  { label: '300k', scale: 210 },
];
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 80);
/** Steps are planned within this; the watchdog stops everything at HARD_LIMIT_MS. 300k issues take most of it. */
const BUDGET_MS = 55 * 60_000;
const HARD_LIMIT_MS = 60 * 60_000;
/**
 * The longest each step may take: it starts only if that still fits in the budget, and fails if it takes longer.
 * Process start (tsx, esbuild bundling the app's functions) takes ~5 s here.
 */
const PROCESS_START_MS = 30_000;
// The build reads one page of 100 issues per request: 80 ms latency plus the emulator's time for the page.
const buildStepMs = (issues: number) => 60_000 + issues * 6;
/** A new container and a warm one, each up to Forge's 25 s, plus loading the local KVS file. */
const PAGE_LOAD_STEP_MS = PROCESS_START_MS + 2 * UI_RESOLVER_TIMEOUT_MS + 30_000;
/**
 * Two page summaries and a backlog search (each up to 25 s), the triggers and the sync, then the page and report figures
 * computed again (each ~70 s at 300k issues).
 */
const incrementalStepMs = (issues: number) => PROCESS_START_MS + 3 * UI_RESOLVER_TIMEOUT_MS + 90_000 + issues * 0.6;
// Recording the live read of 100k issues takes ~3 min here: the emulator spends ~0.15 s on each search page.
const RECORD_STEP_MS = 240_000;
const MODEL_STEP_MS = 90_000;
const RENDER_WAIT_MS = 40_000;
/** Finding the roadmap's row count, two 5 s scrolls, and the windows of rows the first fetches (up to 2 min at 100k). */
const SCROLL_STEP_MS = 200_000;
const BUNDLE_STEP_MS = 60_000;
/** 15 computations, 3 runs each, the slowest a few seconds at 100k. */
const DOMAIN_STEP_MS = 180_000;

const budget = new Budget(BUDGET_MS);
const log = (line: string) => process.stderr.write(`[bench ${fmtMs(budget.elapsedMs()).padStart(7)}] ${line}\n`);

/** The commit, and whether src/, static/ or dev/ differ from it (the figures are of the working tree). */
function revision(): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: APP_ROOT, encoding: 'utf8' }).trim();
  try {
    const changed = git(['status', '--porcelain', '--', 'src', 'static/src', 'dev']).split('\n').filter(Boolean).length;
    return `commit ${git(['rev-parse', '--short', 'HEAD'])}${changed ? ` plus uncommitted changes to ${changed} files in src/, static/src/ and dev/` : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

const result: BenchResult = {
  startedAt: new Date(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: os.loadavg()[0] ?? 0,
  },
  revision: revision(),
  latencyMs: LATENCY_MS,
  budgetMs: BUDGET_MS,
  hardLimitMs: HARD_LIMIT_MS,
  elapsedMs: 0,
  sizes: [],
  bundles: { ok: false, reason: 'not run' },
  domain: { ok: false, reason: 'not run' },
  stoppedEarly: null,
};

/** Runs a step if `worstMs` still fits in the budget, for at most `worstMs`; a failure is recorded, not thrown. */
async function step<T>(what: string, worstMs: number, run: () => Promise<T>): Promise<Step<T>> {
  if (!budget.allows(worstMs)) {
    log(`${what}: skipped, it may take ${fmtMs(worstMs)} and ${fmtMs(budget.remainingMs())} of the budget is left`);
    return { ok: false, reason: `skipped: over the ${fmtMs(BUDGET_MS)} budget` };
  }
  try {
    return { ok: true, value: await withTimeout(run(), worstMs, what) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error);
    log(`${what}: failed: ${reason}`);
    return { ok: false, reason: `failed: ${reason}` };
  }
}

function writeReport(): string {
  result.elapsedMs = budget.elapsedMs();
  const markdown = renderMarkdown(result);
  writeFileSync(path.join(APP_ROOT, 'BENCHMARKS.md'), markdown);
  return markdown;
}

/** The live read's recording: the model build against JSON.parse, and what a live read costs without a snapshot. */
async function measureModelBuild(portfolio: Portfolio, size: SizeResult): Promise<void> {
  const label = size.spec.label;
  let recorder: ReturnType<typeof forkRecording> | undefined;
  try {
    const recorded = await step(`${label} recording the live read and timing the model build`, RECORD_STEP_MS + MODEL_STEP_MS, () => {
      recorder = forkRecording(portfolio, 5, MODEL_STEP_MS / 2);
      return recorder.next(RECORD_STEP_MS + MODEL_STEP_MS);
    });
    size.modelBuild = recorded.ok ? { ok: true, value: recorded.value.figures } : recorded;
    if (!recorded.ok) return;
    const m = recorded.value.figures;
    log(`${label} live read: ${m.requests} requests, ${fmtMs(m.msPerRecordedRequest * m.requests)} without latency; model build: parse ${fmtMs(m.parseMs)}, validate ${fmtMs(m.validateMs)}, map ${fmtMs(m.mapMs)}, build ${fmtMs(m.buildMs)}, whole read ${fmtMs(m.readMs)}`);
  } finally {
    recorder?.kill();
  }
}

async function measureSnapshot(portfolio: Portfolio, size: SizeResult): Promise<boolean> {
  const label = size.spec.label;
  size.build = await step(`${label} cold full build`, buildStepMs(portfolio.issueCount), () => measureColdBuild(portfolio, buildStepMs(portfolio.issueCount)));
  if (!size.build.ok) return false;
  const b = size.build.value;
  const requests = b.run.invocations.reduce((sum, i) => sum + i.jiraRequests, 0);
  const kvsWriteUnits = b.run.invocations.reduce((sum, i) => sum + i.kvsWriteUnits, 0);
  const consumers = b.run.invocations.filter((i) => i.kind === 'consumer').length;
  const failed = b.run.invocations.filter((i) => i.outcome !== 'ok').length + b.run.failedEvents.length;
  log(`${label} cold build: ${requests} Jira requests and ${kvsWriteUnits} KVS write units (Forge allows 4,000 a minute) in ${fmtMs(b.run.wallMs)}, ${consumers} consumer invocations, ${failed} failures; snapshot ${b.snapshot ? `${b.snapshot.issueCount} issues in Forge SQL (${fmtBytes(b.snapshot.sqlBytes)} stored)` : 'none'}; peak RSS ${fmtBytes(b.process.maxRss)}; KVS file ${b.kvsFileBytes === null ? '-' : fmtBytes(b.kvsFileBytes)} (flushed in ${fmtMs(b.flushMs)})`);
  if (!b.snapshot) return false;

  for (const page of PAGE_CALLS) {
    const figures = await step(`${label} ${page.name} from the snapshot`, PAGE_LOAD_STEP_MS, () => measurePageLoad(portfolio, page, PAGE_LOAD_STEP_MS));
    size.pageLoads.push({ call: page.name, step: figures });
    if (!figures.ok) continue;
    const line = (run: typeof figures.value.cold) => `${run.report.outcome} (${run.source ?? '-'}) ${fmtMs(run.report.durationMs)}, ${run.report.jiraRequests} requests, ${run.report.kvsReadUnits} KVS read units of Forge's 4,000 a minute, ${run.report.sqlRequests} SQL queries reading ${fmtBytes(run.report.sqlResponseBytes)} in ${fmtMs(run.report.sqlQueryMs)}, ${run.payloadBytes === null ? '-' : fmtBytes(run.payloadBytes)}`;
    log(`${label} ${page.name}: new container ${line(figures.value.cold)}, peak RSS ${fmtBytes(figures.value.cold.memory.maxRss)}; warm ${figures.value.warm ? line(figures.value.warm) : '-'}`);
  }

  size.incremental = await step(`${label} incremental update`, incrementalStepMs(portfolio.issueCount), () => measureIncrementalUpdate(portfolio, incrementalStepMs(portfolio.issueCount)));
  if (size.incremental.ok) {
    const f = size.incremental.value;
    const requests = f.run.invocations.reduce((sum, i) => sum + i.jiraRequests, 0);
    log(`${label} incremental update: ${f.events} events, ${requests} Jira requests in ${fmtMs(f.run.wallMs)}; progress ${f.before.progress} → ${f.after.progress}; backlog finds ${f.matches ?? '-'}`);
  }
  return true;
}

async function measureRenderOf(portfolio: Portfolio, size: SizeResult, browser: () => Promise<Browser>): Promise<void> {
  const summary = size.pageLoads[0]?.step;
  const cold = summary?.ok ? summary.value.cold : undefined;
  if (!cold || cold.report.outcome !== 'ok') {
    size.render = { ok: false, reason: cold ? `the page summary from the snapshot ${cold.report.outcome === 'timeout' ? 'times out' : 'fails'}` : 'no snapshot to serve the page from' };
    return;
  }
  const runs = cold.report.durationMs < 5_000 ? 3 : 1;
  size.render = await step(`${size.spec.label} render and roadmap scroll`, PROCESS_START_MS + runs * 2 * RENDER_WAIT_MS + SCROLL_STEP_MS, async () =>
    measureRender(await browser(), portfolio, runs, RENDER_WAIT_MS, { rows: SCROLL_ROWS }),
  );
  if (!size.render.ok) return;
  const r = size.render.value;
  const pass = (f: RoadmapScrollFigures, fetches: number | null) => `${f.rowsScrolled} rows, ${f.frames} frames, ${f.droppedFrames} dropped, p95 ${fmtMs(f.p95FrameMs)}, longest ${fmtMs(f.longestFrameMs)}, ${fetches ?? '-'} windows fetched`;
  const scroll = r.scroll ? `${pass(r.scroll.first, r.scroll.firstFetches)}; again: ${r.scroll.again ? pass(r.scroll.again, r.scroll.againFetches) : '-'}` : `- (${r.scrollProblem ?? '?'})`;
  log(`${size.spec.label} render: top row ${fmtMs(r.topRowMs)}, roadmap ${r.roadmapMs === null ? '-' : fmtMs(r.roadmapMs)}; scroll: ${scroll}`);
}

async function measureSize(spec: PortfolioSpec, browser: () => Promise<Browser>): Promise<void> {
  const portfolio = await openPortfolio(spec, LATENCY_MS);
  log(`${spec.label}: ${portfolio.issueCount} issues (scale ${spec.scale}), generated in ${fmtMs(portfolio.generateMs)}`);
  const notRun: Step<never> = { ok: false, reason: 'not run' };
  const size: SizeResult = { spec, issueCount: portfolio.issueCount, generateMs: portfolio.generateMs, loadAtStart: os.loadavg()[0] ?? 0, build: notRun, pageLoads: [], incremental: notRun, modelBuild: notRun, render: notRun };
  result.sizes.push(size);
  try {
    if (!(await measureSnapshot(portfolio, size))) {
      const why = size.build.ok ? 'the cold build wrote no snapshot' : 'no snapshot: the cold build gave no figures';
      size.incremental = { ok: false, reason: why };
      size.pageLoads = PAGE_CALLS.map((p) => ({ call: p.name, step: { ok: false, reason: why } }));
    }
    await measureRenderOf(portfolio, size, browser);
    if (portfolio.issueCount <= LIVE_READ_UP_TO) await measureModelBuild(portfolio, size);
    else size.modelBuild = { ok: false, reason: `not run above ${fmtInt(LIVE_READ_UP_TO)} issues: pages there never read Jira live` };
  } finally {
    await portfolio.close();
  }
}

async function main(): Promise<void> {
  const wanted = process.env.BENCH_SIZES?.split(',').map((s) => s.trim());
  const sizes = wanted ? SIZES.filter((s) => wanted.includes(s.label)) : SIZES;
  log(`emulator latency ${LATENCY_MS} ms; sizes ${sizes.map((s) => s.label).join(', ')}; budget ${fmtMs(BUDGET_MS)}`);
  await ensureStaticBuild();
  // First, as it is short and needs no portfolio; Chromium's fetched scripts are added once a render ran.
  result.bundles = await step('bundle sizes', BUNDLE_STEP_MS, () => measureBundles(null));
  result.domain = await step('domain core on 100,000 issues', DOMAIN_STEP_MS, async () => measureDomainScale());
  if (result.domain.ok) log(`domain core: ${result.domain.value.timings.map((t) => `${t.name} ${fmtMs(t.medianMs)}`).join('; ')}`);
  let chromium: Promise<Browser> | undefined;
  const browser = () => (chromium ??= launchChromium());
  try {
    for (const spec of sizes) await measureSize(spec, browser);
    const fetched = result.sizes.map((s) => (s.render.ok ? s.render.value.scriptsFetched : null)).find((f) => f !== null) ?? null;
    if (result.bundles.ok) result.bundles.value.fetchedByChromium = fetched;
  } finally {
    if (chromium) await (await chromium).close();
    killAllChildren();
    removeScratch();
  }
  process.stdout.write(`${writeReport()}\n`);
  log(`done in ${fmtMs(budget.elapsedMs())}; wrote BENCHMARKS.md`);
}

const watchdog = setTimeout(() => {
  result.stoppedEarly = `the watchdog stopped the run at ${fmtMs(HARD_LIMIT_MS)}`;
  killAllChildren();
  process.stdout.write(`${writeReport()}\n`);
  process.exit(2);
}, HARD_LIMIT_MS);
watchdog.unref();

process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    killAllChildren();
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
