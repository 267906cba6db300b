/**
 * A quick roadmap scroll measurement, without the bench's 8-minute cold build: the page host runs on a small demo
 * site, and its roadmap answers (windows of rows) come from a large site's roadmap built in this process, each after
 * `SCROLL_WINDOW_MS` of busy CPU (the 100k resolver spends ~1.3 s of one core per window) plus the emulator's latency.
 * Runs the bench's two passes (roadmapScroll.ts via render.ts's scrollTwice) `SCROLL_RUNS` times.
 *   npx tsx bench/scrollQuick.ts            SCROLL_SCALE=70 SCROLL_WINDOW_MS=1300 SCROLL_RUNS=3
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page, Route } from 'playwright-core';
import { z } from 'zod';
import { DEMO_USERS, generateDemoSite } from '../dev/demo/generate';
import { PANEL_KEYS, type RoadmapQueryDto } from '../src/contract';
import { DEFAULT_CONFIG, resolveScope, roadmap, roadmapWindow } from '../src/domain';
import { launchChromium } from '../test/support/browser';
import { expectedModel } from '../test/support/expectedModel';
import { startTestPlatform, TEST_ANCHOR } from '../test/support/platform';
import { fmtMs } from './measure';
import { MARK_SCRIPT } from './scenarios/render';
import { SCROLL_ROWS } from './report';
import { ensureStaticBuild } from './scenarios/bundles';
import { scrollTwice, type ScrollFigures } from './scenarios/render';
import { measureRoadmapScroll, type RoadmapScrollFigures } from './scenarios/roadmapScroll';

const SCALE = Number(process.env.SCROLL_SCALE ?? 70);
const WINDOW_MS = Number(process.env.SCROLL_WINDOW_MS ?? 1300);
const LATENCY_MS = Number(process.env.SCROLL_LATENCY_MS ?? 80);
const RUNS = Number(process.env.SCROLL_RUNS ?? 3);
/** Before the runs: a pass with every window loaded, traced, and its main thread's time by event printed. */
const TRACE = process.env.SCROLL_TRACE !== undefined;
/** SCROLL_TRACE=2: a JavaScript CPU profile of the traced pass too. */
const PROFILE = process.env.SCROLL_TRACE === '2';
/** The traced pass's length: slower than the bench's 5 s, so that the main thread is not saturated and its busy time per row compares. */
const TRACE_MS = Number(process.env.SCROLL_TRACE_MS ?? 15_000);

const log = (line: string) => process.stderr.write(`[scroll] ${line}\n`);

/** Keeps one core busy, as the resolver process does while it builds a window. */
function burn(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}


/** Loads every window (a slow scroll), then scrolls once under Chrome's tracing and prints where the time went. */
async function traceScroll(page: Page, frame: Frame, rows: number): Promise<void> {
  const scroller = frame.getByTestId('roadmap-scroller');
  for (let top = 0; top < rows; top += 100) {
    await scroller.evaluate((element, y) => (element.scrollTop = y), top * 32);
    await frame.locator('[data-testid="roadmap-scroller"][aria-busy="false"]').waitFor({ timeout: 60_000 });
  }
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...traceEvents.parse(value)));
  const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] }, transferMode: 'ReportEvents' });
  if (PROFILE) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  const figures = await measureRoadmapScroll(page, { rows, durationMs: TRACE_MS });
  if (PROFILE) log(hotFunctions(((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile));
  await session.send('Tracing.end');
  const arrows = await frame.locator('[data-testid="roadmap-scroller"] svg path').count();
  const elements = await frame.locator('[data-testid="roadmap-scroller"] *').count();
  log(`at the end: ${elements} elements in the scroller, ${arrows} of them arrow paths`);
  await done;
  log(`traced pass: ${line(figures, null)}`);
  const main = mainThread(events);
  const byName = new Map<string, number>();
  for (const e of events) if (e.tid === main && e.ph === 'X' && e.dur !== undefined) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  const busy = byName.get('RunTask') ?? 0;
  // Thread time, unlike wall time, does not grow while other processes hold the cores.
  const cpu = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask').reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  log(`main thread busy ${busy.toFixed(0)} ms of ${TRACE_MS} ms: ${(busy / rows * 1000).toFixed(0)} ms per 1,000 rows; on the CPU ${cpu.toFixed(0)} ms, ${(cpu / rows * 1000).toFixed(0)} ms per 1,000 rows`);
  log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`).join('; '));
  const long = events.filter((e) => e.tid === main && e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 16_000);
  log(`main-thread tasks > 16 ms: ${long.length}, ${long.map((e) => ((e.dur ?? 0) / 1000).toFixed(0)).join(' ')}`);
  writeFileSync('/tmp/roadmap-trace.json', JSON.stringify({ traceEvents: events }));
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function, and the time under each of a few React entry points. */
function hotFunctions(profile: CpuProfile): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anon)'} ${url.split('/').pop() ?? ''}:${lineNumber}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  return `self time: ${[...byName].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join('; ')}`;
}

const traceEvents = z.array(z.object({ name: z.string(), ph: z.string(), tid: z.number(), pid: z.number(), ts: z.number(), dur: z.number().optional(), tdur: z.number().optional() }).loose());
type TraceEvent = z.infer<typeof traceEvents>[number];

/** The renderer main thread that ran the most script (the app's frame). */
function mainThread(events: readonly TraceEvent[]): number {
  const script = new Map<number, number>();
  for (const e of events) if (e.name === 'FunctionCall' && e.dur !== undefined) script.set(e.tid, (script.get(e.tid) ?? 0) + e.dur);
  return [...script].sort((a, b) => b[1] - a[1])[0]?.[0] ?? -1;
}

/** Diagnosis: what removing and re-adding rows costs in the page. */
function probe() {
  const group = document.querySelector('[role="rowgroup"]');
  const rows = Array.from(document.querySelectorAll('[data-roadmap-row]')).slice(0, 20);
  if (!group) return null;
  const out: Record<string, number> = {};
  const time = (name: string, fn: () => void) => {
    const t = performance.now();
    fn();
    out[name] = performance.now() - t;
  };
  document.body.getBoundingClientRect();
  time('remove20', () => rows.forEach((r) => r.remove()));
  time('layoutAfterRemove', () => document.body.offsetHeight);
  time('append20', () => rows.forEach((r) => group.appendChild(r)));
  time('layoutAfterAppend', () => document.body.offsetHeight);
  const clones = rows.map((r) => r.cloneNode(true) as Element);
  time('appendClones', () => clones.forEach((r) => group.appendChild(r)));
  time('layoutClones', () => document.body.offsetHeight);
  time('removeClones', () => clones.forEach((r) => r.remove()));
  out.elements = document.querySelectorAll('*').length;
  out.styleSheets = document.styleSheets.length;
  out.rules = Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0);
  out.siblingRules = Array.from(document.styleSheets).flatMap((s) => Array.from(s.cssRules)).filter((r) => r instanceof CSSStyleRule && /[+~]|:(first|last|nth|only)-|:has\(/.test(r.selectorText)).length;
  return out;
}

interface InvokeBody {
  name?: string;
  payload?: { functionKey?: string; payload?: Omit<RoadmapQueryDto, 'scope'> };
}

async function main(): Promise<void> {
  await ensureStaticBuild();
  const started = performance.now();
  const big = generateDemoSite({ seed: 42, anchorDate: TEST_ANCHOR, scale: SCALE });
  const model = expectedModel(big, DEMO_USERS.admin);
  const map = roadmap(model, DEFAULT_CONFIG, resolveScope(model, null), TEST_ANCHOR);
  log(`${big.issues.length} issues, ${map.rows.length} roadmap rows, built in ${fmtMs(performance.now() - started)}; ${fmtMs(WINDOW_MS)} CPU + ${fmtMs(LATENCY_MS)} latency a window`);
  const platform = await startTestPlatform(generateDemoSite({ seed: 42, anchorDate: TEST_ANCHOR, scale: 0.6 }));
  const browser = await launchChromium();
  // The resolver answers one call at a time, like the single-threaded resolver process.
  let queue: Promise<unknown> = Promise.resolve();
  const answerRoadmap = (route: Route, query: Omit<RoadmapQueryDto, 'scope'>) => {
    queue = queue.then(async () => {
      await new Promise((resolve) => setTimeout(resolve, LATENCY_MS));
      burn(WINDOW_MS);
      const collapse = query.collapseAllExcept ? { kind: 'allExcept' as const, ids: new Set(query.collapseAllExcept) } : { kind: 'listed' as const, ids: new Set(query.collapsed ?? []) };
      const data = roadmapWindow(map, { offset: query.window?.offset ?? 0, limit: query.window?.limit ?? 200, collapse });
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, result: { success: true, data } }) });
    });
  };
  const passes: ScrollFigures[] = [];
  try {
    for (let run = 0; run < Math.max(RUNS, TRACE ? 1 : 0); run += 1) {
      const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url }]);
      await context.addInitScript({ content: MARK_SCRIPT });
      await context.route('**/__host/bridge', async (route) => {
        const body = route.request().postDataJSON() as InvokeBody;
        if (body.name === 'invoke' && body.payload?.functionKey === PANEL_KEYS.roadmap) return answerRoadmap(route, body.payload.payload ?? {});
        return route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${platform.host.url}/`);
      const frame = await (await page.waitForSelector('#forge-app')).contentFrame();
      if (!frame) throw new Error('no app frame');
      await frame.getByTestId('tab-roadmap').click({ timeout: 60_000 });
      await frame.getByTestId('roadmap-row-root').waitFor({ timeout: 60_000 });
      const rows = Math.min(SCROLL_ROWS, map.rows.length);
      if (process.env.SCROLL_PROBE) log(JSON.stringify(await frame.evaluate(probe)));
      if (TRACE && run === 0) await traceScroll(page, frame, rows);
      if (run >= RUNS) break;
      const figures = await scrollTwice(page, frame, rows);
      passes.push(figures);
      log(`run ${run + 1}: first ${line(figures.first, figures.firstFetches)}; again ${figures.again ? line(figures.again, figures.againFetches) : '-'}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await platform.close();
  }
}

const line = (f: RoadmapScrollFigures, fetches: number | null) =>
  `${f.rowsScrolled} rows, ${f.frames} frames, ${f.droppedFrames} dropped, p95 ${fmtMs(f.p95FrameMs)}, longest ${fmtMs(f.longestFrameMs)}, ${fetches ?? '-'} windows fetched`;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`scroll failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
