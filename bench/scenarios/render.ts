/**
 * Render time in headless Chromium through the page host. An init script in the app's frame wraps `fetch` to mark
 * (performance.now()) when an `invoke` answer's body has fully arrived, and a MutationObserver marks when a test id
 * first appears in the DOM, then the next animation frame (≈ painted). Render time = painted − arrived.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { z } from 'zod';
import { DEMO_USERS } from '../../dev/demo/generate';
import { PANEL_KEYS } from '../../src/contract/panels';
import { gzipBytes, median } from '../measure';
import type { PageBundle } from './bundles';
import { forkResolver, startMessage, type Portfolio } from './portfolio';

const WATCHED = ['top-progress', 'roadmap-row-root'] as const;

const MARK_SCRIPT = `(() => {
  if (!location.pathname.startsWith('/app/')) return;
  const marks = { arrived: {}, rendered: {} };
  window.__bench = marks;
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    const key = typeof init?.body === 'string' ? /"functionKey":"([^"]+)"/.exec(init.body)?.[1] : undefined;
    if (key && String(input).includes('/__host/bridge')) response.clone().text().then(() => { marks.arrived[key] = performance.now(); });
    return response;
  };
  const watched = ${JSON.stringify(WATCHED)};
  new MutationObserver(() => {
    for (const id of watched) {
      if (marks.rendered[id] || !document.querySelector('[data-testid="' + id + '"]')) continue;
      const mark = { dom: performance.now(), painted: 0 };
      marks.rendered[id] = mark;
      requestAnimationFrame(() => setTimeout(() => { mark.painted = performance.now(); }, 0));
    }
  }).observe(document, { subtree: true, childList: true });
})();`;

const marksSchema = z.object({
  arrived: z.record(z.string(), z.number()),
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

async function openOnce(browser: Browser, hostUrl: string, timeoutMs: number) {
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
      roadmapProblem = error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : String(error);
    }
    const all = await readMarks(frame);
    const arrived = (key: string) => all.arrived[key] ?? top.arrived[key] ?? NaN;
    const rendered = (id: string) => all.rendered[id]?.painted ?? NaN;
    return {
      summaryArrivedMs: arrived(PANEL_KEYS.summary),
      topRowMs: rendered('top-progress') - arrived(PANEL_KEYS.summary),
      roadmapMs: roadmapProblem ? null : rendered('roadmap-row-root') - arrived(PANEL_KEYS.roadmap),
      roadmapProblem,
      scripts: await Promise.all(scripts),
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

export async function measureRender(browser: Browser, portfolio: Portfolio, runs: number, timeoutMs: number): Promise<RenderFigures> {
  const child = forkResolver(startMessage(portfolio, { kind: 'host' }));
  try {
    const ready = await child.next(60_000);
    if (ready.kind !== 'hostReady') throw new Error(`unexpected message ${ready.kind}`);
    const samples = [];
    for (let i = 0; i < runs; i++) samples.push(await openOnce(browser, ready.hostUrl, timeoutMs));
    const roadmaps = samples.map((s) => s.roadmapMs).filter((ms): ms is number => ms !== null);
    return {
      runs,
      summaryArrivedMs: median(samples.map((s) => s.summaryArrivedMs)),
      topRowMs: median(samples.map((s) => s.topRowMs)),
      roadmapMs: roadmaps.length ? median(roadmaps) : null,
      roadmapProblem: samples.find((s) => s.roadmapProblem)?.roadmapProblem ?? null,
      scriptsFetched: bundleOf('global page (fetched by Chromium)', new Map(samples.flatMap((s) => s.scripts).map((f) => [f.file, f.body]))),
    };
  } finally {
    child.kill();
  }
}
