/**
 * Render time in headless Chromium through the page host, whose resolver serves the portfolio's snapshot (its KVS
 * file). An init script in the app's frame wraps `fetch` to mark (performance.now()) when an `invoke` answer's body
 * has fully arrived, and a MutationObserver marks when a test id first appears in the DOM, then the next animation
 * frame (≈ painted). Render time = painted − arrived. The last run then scrolls the roadmap (roadmapScroll.ts).
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { z } from 'zod';
import { DEMO_USERS } from '../../dev/demo/generate';
import { PANEL_KEYS } from '../../src/contract/panels';
import { gzipBytes, median } from '../measure';
import type { PageBundle } from './bundles';
import { forkResolver, startMessage, type Portfolio } from './portfolio';
import { ROW_HEIGHT } from '../../static/src/components/roadmap/constants';
import { measureRoadmapScroll, type RoadmapScrollFigures } from './roadmapScroll';

const WATCHED = ['top-progress', 'roadmap-row-root'] as const;

/** Counts the bridge's answers per function and marks when the watched elements render; the scroll measures read it too. */
export const MARK_SCRIPT = `(() => {
  // The bench runs under tsx, whose esbuild wraps named functions in __name(); functions it hands to the page
  // (roadmapScroll.ts's frame.evaluate) need it defined there.
  globalThis.__name ??= (fn) => fn;
  if (!location.pathname.startsWith('/app/')) return;
  const marks = { arrived: {}, answers: {}, rendered: {} };
  window.__bench = marks;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const key = typeof init?.body === 'string' ? /"functionKey":"([^"]+)"/.exec(init.body)?.[1] : undefined;
    if (key && String(input).includes('/__host/bridge')) response.clone().text().then(() => { marks.arrived[key] = performance.now(); marks.answers[key] = (marks.answers[key] ?? 0) + 1; });
    return response;
  };
  const watched = ${JSON.stringify(WATCHED)};
  const observer = new MutationObserver(() => {
    for (const id of watched) {
      if (marks.rendered[id] || !document.querySelector('[data-testid="' + id + '"]')) continue;
      const mark = { dom: performance.now(), painted: 0 };
      marks.rendered[id] = mark;
      requestAnimationFrame(() => setTimeout(() => { mark.painted = performance.now(); }, 0));
    }
    // Once all are marked it stops: a record for every node the roadmap's scroll adds or removes would weigh on it.
    if (watched.every((id) => marks.rendered[id])) observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
})();`;

const marksSchema = z.object({
  arrived: z.record(z.string(), z.number()),
  /** Answers received per resolver definition. */
  answers: z.record(z.string(), z.number()),
  rendered: z.record(z.string(), z.object({ dom: z.number(), painted: z.number() })),
});
type Marks = z.infer<typeof marksSchema>;

export interface RenderFigures {
  runs: number;
  /** The app frame's navigation start → summary answer arrived (includes the whole data path). */
  summaryArrivedMs: number;
  /** Summary answer arrived → top row painted. */
  topRowMs: number;
  /** Roadmap answer arrived → its first row painted; null when the roadmap did not render. */
  roadmapMs: number | null;
  roadmapProblem: string | null;
  /** The JavaScript the global page fetched, as Chromium received it. */
  scriptsFetched: PageBundle;
  /** Rows the roadmap has (its treegrid's aria-rowcount less the header row); null when it did not render. */
  roadmapRows: number | null;
  scroll: ScrollFigures | null;
  scrollProblem: string | null;
}

/** The roadmap scrolled twice in the same page: first as a user would (fetching windows of rows), then again. */
export interface ScrollFigures {
  first: RoadmapScrollFigures;
  /** Roadmap answers that arrived during the first scroll (windows of rows it scrolled into). */
  firstFetches: number;
  /** The same scroll once every window it passes is loaded (walked slowly first); null when the roadmap stayed busy. */
  again: RoadmapScrollFigures | null;
  againFetches: number | null;
}

export interface ScrollPlan {
  /** Scroll this many rows (over roadmapScroll.ts's default 5 s), or all the roadmap has when it has fewer. */
  rows: number;
}

const readMarks = async (frame: Frame): Promise<Marks> => marksSchema.parse(await frame.evaluate(() => (window as unknown as { __bench?: unknown }).__bench));

async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('#forge-app')).contentFrame();
  if (!frame) throw new Error('The page host shows no app frame');
  return frame;
}

/** Waits (in the page, without eval, which the app's CSP forbids) until the test id has been painted. */
const waitPainted = (frame: Frame, id: string, timeout: number) =>
  frame.waitForFunction(
    (testId) => ((window as unknown as { __bench?: { rendered: Record<string, { painted: number }> } }).__bench?.rendered[testId]?.painted ?? 0) > 0,
    id,
    { timeout },
  );

const firstLine = (error: unknown) => (error instanceof Error ? (error.message.split('\n')[0] ?? 'failed') : String(error));

/** Rows the roadmap lists once its first answer is in (the treegrid's aria-rowcount counts its header row). */
async function roadmapRows(frame: Frame): Promise<number> {
  const count = await frame.locator('[data-testid="roadmap-scroller"] [role="treegrid"]').getAttribute('aria-rowcount', { timeout: 5_000 });
  const rows = Number(count) - 1;
  if (!(rows >= 0)) throw new Error(`the roadmap's treegrid has no row count (${String(count)})`);
  return rows;
}

const roadmapAnswers = async (frame: Frame) => (await readMarks(frame)).answers[PANEL_KEYS.roadmap] ?? 0;
/** True once no window of rows is on its way, false when the roadmap is still busy after `timeout`. */
const roadmapSettled = (frame: Frame, timeout: number) =>
  frame
    .locator('[data-testid="roadmap-scroller"][aria-busy="false"]')
    .waitFor({ timeout })
    .then(() => true)
    .catch(() => false);
/** The windows the first scroll asked for may take a while at 100k (each is one resolver call). */
const SETTLE_AFTER_SCROLL_MS = 120_000;

/** Rows moved per stop while loading every window: half a window, so that each stop asks for at most one. */
const LOAD_STEP_ROWS = 100;

/** Scrolls down `rows` rows a step at a time, waiting at each stop until its rows are loaded; false if one never is. */
async function loadEveryWindow(frame: Frame, rows: number): Promise<boolean> {
  const scroller = frame.getByTestId('roadmap-scroller');
  for (let top = 0; top <= rows; top += LOAD_STEP_ROWS) {
    await scroller.evaluate((element, y) => (element.scrollTop = y), top * ROW_HEIGHT);
    // The scroll event, then the grid's render, come a frame or two later.
    await frame.waitForTimeout(50);
    if (!(await roadmapSettled(frame, SETTLE_AFTER_SCROLL_MS))) return false;
  }
  return true;
}

export async function scrollTwice(page: Page, frame: Frame, rows: number): Promise<ScrollFigures> {
  await roadmapSettled(frame, 30_000);
  let answers = await roadmapAnswers(frame);
  const first = await measureRoadmapScroll(page, { rows });
  const settled = await roadmapSettled(frame, SETTLE_AFTER_SCROLL_MS);
  const firstFetches = (await roadmapAnswers(frame)) - answers;
  if (!settled) return { first, firstFetches, again: null, againFetches: null };
  // The first pass fetches only where it slows down (a fast scroll fetches no window it flies past): walk the same
  // rows slowly first, so that the second pass draws loaded rows and tells drawing from fetching.
  if (!(await loadEveryWindow(frame, rows))) return { first, firstFetches, again: null, againFetches: null };
  answers = await roadmapAnswers(frame);
  const again = await measureRoadmapScroll(page, { rows });
  await roadmapSettled(frame, 30_000);
  return { first, firstFetches, again, againFetches: (await roadmapAnswers(frame)) - answers };
}

async function openOnce(browser: Browser, hostUrl: string, timeoutMs: number, scroll: ScrollPlan | null) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  try {
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: hostUrl }]);
    await context.addInitScript({ content: MARK_SCRIPT });
    const page = await context.newPage();
    const scripts: Array<Promise<{ file: string; body: Buffer }>> = [];
    page.on('response', (r) => {
      const { pathname } = new URL(r.url());
      if (pathname.startsWith('/app/') && pathname.endsWith('.js')) scripts.push(r.body().then((body) => ({ file: pathname.slice('/app/'.length), body })));
    });
    await page.goto(`${hostUrl}/`);
    const frame = await appFrame(page);
    await waitPainted(frame, 'top-progress', timeoutMs);
    const top = await readMarks(frame);
    let roadmapProblem: string | null = null;
    try {
      await frame.getByTestId('tab-roadmap').click({ timeout: 5_000 });
      await waitPainted(frame, 'roadmap-row-root', timeoutMs);
    } catch (error) {
      roadmapProblem = firstLine(error);
    }
    const all = await readMarks(frame);
    let rows: number | null = null;
    let scrolled: ScrollFigures | null = null;
    let scrollProblem: string | null = roadmapProblem ? 'the roadmap did not render' : null;
    if (scroll && !roadmapProblem) {
      try {
        rows = await roadmapRows(frame);
        scrolled = await scrollTwice(page, frame, Math.min(scroll.rows, rows));
      } catch (error) {
        scrollProblem = firstLine(error);
      }
    }
    const arrived = (key: string) => all.arrived[key] ?? top.arrived[key] ?? NaN;
    const rendered = (id: string) => all.rendered[id]?.painted ?? NaN;
    return {
      summaryArrivedMs: arrived(PANEL_KEYS.summary),
      topRowMs: rendered('top-progress') - arrived(PANEL_KEYS.summary),
      roadmapMs: roadmapProblem ? null : rendered('roadmap-row-root') - arrived(PANEL_KEYS.roadmap),
      roadmapProblem,
      scripts: await Promise.all(scripts),
      rows,
      scrolled,
      scrollProblem,
    };
  } finally {
    await context.close();
  }
}

const bundleOf = (page: string, files: ReadonlyMap<string, Buffer>): PageBundle => ({
  page,
  files: [...files.keys()],
  rawBytes: [...files.values()].reduce((sum, b) => sum + b.length, 0),
  gzipBytes: [...files.values()].reduce((sum, b) => sum + gzipBytes(b), 0),
});

/** `runs` page opens (medians); the last one also scrolls the roadmap as `scroll` says. */
export async function measureRender(browser: Browser, portfolio: Portfolio, runs: number, timeoutMs: number, scroll: ScrollPlan | null): Promise<RenderFigures> {
  const child = forkResolver(startMessage(portfolio, { kind: 'host' }));
  try {
    const ready = await child.next(120_000);
    if (ready.kind !== 'hostReady') throw new Error(`unexpected message ${ready.kind}`);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await openOnce(browser, ready.hostUrl, timeoutMs, i === runs - 1 ? scroll : null));
    const last = samples.at(-1);
    const roadmaps = samples.map((s) => s.roadmapMs).filter((ms): ms is number => ms !== null);
    return {
      runs,
      summaryArrivedMs: median(samples.map((s) => s.summaryArrivedMs)),
      topRowMs: median(samples.map((s) => s.topRowMs)),
      roadmapMs: roadmaps.length ? median(roadmaps) : null,
      roadmapProblem: samples.find((s) => s.roadmapProblem)?.roadmapProblem ?? null,
      scriptsFetched: bundleOf('global page (fetched by Chromium)', new Map(samples.flatMap((s) => s.scripts).map((f) => [f.file, f.body]))),
      roadmapRows: last?.rows ?? null,
      scroll: last?.scrolled ?? null,
      scrollProblem: scroll ? (last?.scrollProblem ?? null) : 'not asked for',
    };
  } finally {
    child.kill();
  }
}
