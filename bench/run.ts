/**
 * `npm run bench`: scale figures for today's architecture on 1k, 10k and 100k-issue portfolios, printed and written
 * to BENCHMARKS.md. Everything runs on 127.0.0.1 and is bounded: each step is skipped when it would run past the
 * budget, and a watchdog writes what was measured and stops the run at the hard limit.
 *   BENCH_SIZES=1k,10k  BENCH_LATENCY_MS=80  npm run bench
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { PANEL_KEYS } from '../src/contract/panels';
import { launchChromium } from '../test/support/browser';
import { Budget, fmtMs, MB, withTimeout } from './measure';
import { renderMarkdown, type BenchResult, type SizeResult, type Step } from './report';
import { ensureStaticBuild, measureBundles } from './scenarios/bundles';
import { killAllChildren } from './scenarios/child';
import { INVOCATION_STEP_MS, measureInvocation, RESOLVER_CALLS, UNLIMITED_STEP_MS, type InvocationFigures } from './scenarios/dataPath';
import { forkRecording } from './scenarios/modelBuild';
import { APP_ROOT, openPortfolio, removeScratch, type Portfolio, type PortfolioSpec } from './scenarios/portfolio';
import { measureRender } from './scenarios/render';

/** The calls whose answers grow with N, run again without the limit when Forge would have stopped them. */
const UNLIMITED_CALLS = RESOLVER_CALLS.filter((c) => c.functionKey === PANEL_KEYS.summary || c.functionKey === PANEL_KEYS.roadmap);
const SIZES: PortfolioSpec[] = [
  { label: '1k', scale: 0.6 },
  { label: '10k', scale: 7 },
  { label: '100k', scale: 70 },
];
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 80);
/** Steps are planned within this; the watchdog stops everything at HARD_LIMIT_MS. */
const BUDGET_MS = 13 * 60_000;
const HARD_LIMIT_MS = 14.5 * 60_000;
/** The longest each step may take: it starts only if that still fits in the budget, and fails if it takes longer. */
// Recording the read of 100k issues takes ~3 min here: the emulator spends ~0.15 s on each search page.
const RECORD_STEP_MS = 240_000;
const MODEL_STEP_MS = 90_000;
const RENDER_WAIT_MS = 40_000;
const BUNDLE_STEP_MS = 60_000;

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

const logInvocation = (label: string, figures: Step<InvocationFigures>) => {
  if (!figures.ok) return;
  const { report, payloadBytes, memory } = figures.value.result;
  const how = figures.value.unlimited ? ' (no limit, replayed Jira)' : '';
  log(`${label}${how}: ${report.outcome} in ${fmtMs(report.durationMs)}, ${report.jiraRequests} Jira requests, ${payloadBytes ?? '-'} bytes, peak RSS ${Math.round(memory.maxRss / MB)} MB`);
};

/**
 * The recording process records the read and times the model build; then the calls Forge stopped run again
 * without the limit, reading from its replay of the recording.
 */
async function measureFromRecording(portfolio: Portfolio, size: SizeResult): Promise<void> {
  const label = size.spec.label;
  let recorder: ReturnType<typeof forkRecording> | undefined;
  try {
    const recorded = await step(`${label} recording the read and timing the model build`, RECORD_STEP_MS + MODEL_STEP_MS, () => {
      recorder = forkRecording(portfolio, 5, MODEL_STEP_MS / 2);
      return recorder.next(RECORD_STEP_MS + MODEL_STEP_MS);
    });
    size.modelBuild = recorded.ok ? { ok: true, value: recorded.value.figures } : recorded;
    if (!recorded.ok) return;
    const m = recorded.value.figures;
    log(`${label} model build: parse ${fmtMs(m.parseMs)}, validate ${fmtMs(m.validateMs)}, map ${fmtMs(m.mapMs)}, build ${fmtMs(m.buildMs)}, whole read ${fmtMs(m.readMs)}`);
    const stopped = UNLIMITED_CALLS.filter((call) => {
      const bounded = size.invocations.find((i) => i.call === call.name)?.step;
      return bounded?.ok && bounded.value.result.report.outcome === 'timeout';
    });
    for (const call of stopped) {
      const figures = await step(`${label} ${call.name} (no limit)`, UNLIMITED_STEP_MS, () => measureInvocation(portfolio, call, recorded.value.replayUrl));
      size.invocations.push({ call: call.name, step: figures });
      logInvocation(`${label} ${call.name}`, figures);
    }
  } finally {
    recorder?.kill();
  }
}

async function measureRenderOf(portfolio: Portfolio, size: SizeResult, browser: () => Promise<Browser>): Promise<void> {
  const summary = size.invocations[0]?.step;
  const report = summary?.ok ? summary.value.result.report : undefined;
  if (report?.outcome !== 'ok') {
    const why = report ? `the page summary's data path ${report.outcome === 'timeout' ? 'times out' : 'fails'}, so the page never renders` : 'the page summary was not measured';
    size.render = { ok: false, reason: why };
    return;
  }
  const runs = report.durationMs < 5_000 ? 3 : 1;
  size.render = await step(`${size.spec.label} render`, 30_000 + runs * 2 * RENDER_WAIT_MS, async () => measureRender(await browser(), portfolio, runs, RENDER_WAIT_MS));
  if (size.render.ok) log(`${size.spec.label} render: top row ${fmtMs(size.render.value.topRowMs)}, roadmap ${size.render.value.roadmapMs === null ? '-' : fmtMs(size.render.value.roadmapMs)}`);
}

async function measureSize(spec: PortfolioSpec, browser: () => Promise<Browser>): Promise<void> {
  const portfolio = await openPortfolio(spec, LATENCY_MS);
  log(`${spec.label}: ${portfolio.issueCount} issues (scale ${spec.scale}), generated in ${fmtMs(portfolio.generateMs)}`);
  const size: SizeResult = { spec, issueCount: portfolio.issueCount, generateMs: portfolio.generateMs, invocations: [], modelBuild: { ok: false, reason: 'not run' }, render: { ok: false, reason: 'not run' } };
  result.sizes.push(size);
  try {
    for (const call of RESOLVER_CALLS) {
      const figures = await step(`${spec.label} ${call.name}`, INVOCATION_STEP_MS, () => measureInvocation(portfolio, call));
      size.invocations.push({ call: call.name, step: figures });
      logInvocation(`${spec.label} ${call.name}`, figures);
    }
    await measureFromRecording(portfolio, size);
    await measureRenderOf(portfolio, size, browser);
  } finally {
    await portfolio.close();
  }
}

async function main(): Promise<void> {
  const wanted = process.env.BENCH_SIZES?.split(',').map((s) => s.trim());
  const sizes = wanted ? SIZES.filter((s) => wanted.includes(s.label)) : SIZES;
  log(`emulator latency ${LATENCY_MS} ms; sizes ${sizes.map((s) => s.label).join(', ')}; budget ${fmtMs(BUDGET_MS)}`);
  await ensureStaticBuild();
  let chromium: Promise<Browser> | undefined;
  const browser = () => (chromium ??= launchChromium());
  try {
    for (const spec of sizes) await measureSize(spec, browser);
    const fetched = result.sizes.map((s) => (s.render.ok ? s.render.value.scriptsFetched : null)).find((f) => f !== null) ?? null;
    result.bundles = await step('bundle sizes', BUNDLE_STEP_MS, () => measureBundles(fetched));
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
