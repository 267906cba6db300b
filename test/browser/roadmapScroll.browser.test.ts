import type { Browser, FrameLocator, Page } from 'playwright-core';
import { measureRoadmapScroll } from '../../bench/scenarios/roadmapScroll';
import { DEMO_USERS, generateDemoSite } from '../../dev/demo/generate';
import type { SiteData } from '../../dev/emulator/siteData';
import type { LocalPlatform } from '../../dev/platform';
import { PANEL_KEYS, type ResolverResponse, type RoadmapDto } from '../../src/contract';
import { DEFAULT_CONFIG, resolveScope, roadmap } from '../../src/domain';
import { LEFT_WIDTH } from '../../static/src/components/roadmap/constants';
import { launchChromium } from '../support/browser';
import { expectedModel } from '../support/expectedModel';
import { GLOBAL_PAGE, startTestPlatform, TEST_ANCHOR } from '../support/platform';

const ROW_HEIGHT = 32;

/** A roadmap of ~500 rows, more than one window: the Gantt fetches the rows around what is on screen. */
describe('a roadmap longer than one window, in a browser', () => {
  let site: SiteData;
  let platform: LocalPlatform;
  let browser: Browser;

  beforeAll(async () => {
    site = generateDemoSite({ seed: 7, anchorDate: TEST_ANCHOR, scale: 3 });
    [platform, browser] = await Promise.all([startTestPlatform(site), launchChromium()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function openRoadmap(): Promise<{ page: Page; app: FrameLocator; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: 'to_user', value: DEMO_USERS.admin, url: platform.host.url }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(platform.host.url);
    const app = page.frameLocator('#forge-app');
    await app.getByTestId('tab-roadmap').click({ timeout: 30_000 });
    await app.getByTestId('roadmap-row-root').waitFor({ timeout: 30_000 });
    return { page, app, errors };
  }

  /** The resolver's own answer for a window, as the page's caller. */
  async function serverWindow(offset: number, limit: number): Promise<RoadmapDto> {
    const payload = { scope: { projectKey: null }, window: { offset, limit } };
    const response = (await platform.runtime.invoke({ functionKey: PANEL_KEYS.roadmap, payload, context: { ...GLOBAL_PAGE, accountId: DEMO_USERS.admin } })) as ResolverResponse<RoadmapDto>;
    if (!response.success) throw new Error(response.error.message);
    return response.data;
  }

  /** No page of rows on its way (so none is cut off when the platform closes). */
  const settled = (app: FrameLocator) => app.locator('[data-testid="roadmap-scroller"][aria-busy="false"]').waitFor();
  const rowCount = async (app: FrameLocator) => Number(await app.getByRole('treegrid').getAttribute('aria-rowcount')) - 1;

  it('scrolled down, shows the rows of a later window with their own labels', async () => {
    const { app, errors } = await openRoadmap();
    const model = expectedModel(site, DEMO_USERS.admin);
    const whole = roadmap(model, DEFAULT_CONFIG, resolveScope(model, null), TEST_ANCHOR);
    expect(whole.rows.length).toBeGreaterThan(450);
    await expect(rowCount(app)).resolves.toBe(whole.rows.length);

    const later = await serverWindow(420, 12);
    const [target] = later.rows;
    if (!target) throw new Error('no row at 420');
    await expect(app.getByTestId(`roadmap-row-${target.id}`).count()).resolves.toBe(0);
    await app.getByTestId('roadmap-scroller').evaluate((element, top) => (element.scrollTop = top), 420 * ROW_HEIGHT);

    await app.getByTestId(`roadmap-row-${target.id}`).waitFor();
    await app.getByTestId('roadmap-row-loading').first().waitFor({ state: 'detached' });
    const byId = new Map(whole.rows.map((row) => [row.id, row]));
    for (const [n, row] of later.rows.entries()) {
      const element = app.getByTestId(`roadmap-row-${row.id}`);
      await expect(element.getAttribute('aria-rowindex')).resolves.toBe(String(420 + n + 2));
      // The same row the domain builds from the site: its name, key and type.
      const expected = byId.get(row.id);
      expect(expected).toMatchObject({ name: row.name, key: row.key, typeName: row.typeName });
      await expect(element.getAttribute('aria-label')).resolves.toMatch(new RegExp(`^${(row.key ? `${row.key} ${row.name}` : row.name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      await expect(element.textContent()).resolves.toContain(row.name);
    }
    await expect(app.getByTestId('roadmap-row-root').count()).resolves.toBe(0); // virtualised away
    await settled(app);
    expect(errors).toEqual([]);
  });

  // Dozens of resolver round trips, each paying Forge's KVS latency (the runtime's 20 ms a request): more than jest's default 30 s under load.
  it('moves focus across windows with the keyboard, and collapses and expands through the server', async () => {
    const { app, errors } = await openRoadmap();
    const total = await rowCount(app);
    const root = app.getByTestId('roadmap-row-root');
    await root.click();
    await root.press('End');
    const last = app.locator(`[data-row-index="${total - 1}"]`);
    await expect(last.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await last.locator('[data-roadmap-name]').waitFor(); // loaded, no longer a placeholder
    await last.press('Home');
    await expect(root.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    // Enter collapses the root: one row left, still focused; Enter again brings every row back.
    await root.press('Enter');
    await app.locator('[role="treegrid"][aria-rowcount="2"]').waitFor();
    await expect(root.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(root.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await root.press('Enter');
    await app.locator(`[role="treegrid"][aria-rowcount="${total + 1}"]`).waitFor();

    // Collapse all, then open the root: its workstreams show, each collapsed.
    await app.getByTestId('roadmap-collapse-all').click();
    await app.locator('[role="treegrid"][aria-rowcount="2"]').waitFor();
    await app.getByTestId('roadmap-toggle-root').click();
    const workstreams = (await serverWindow(0, 1000)).rows.filter((row) => row.depth === 1);
    await app.locator(`[role="treegrid"][aria-rowcount="${workstreams.length + 2}"]`).waitFor();
    const first = app.getByTestId(`roadmap-row-${workstreams[0]?.id}`);
    await expect(first.getAttribute('aria-expanded')).resolves.toBe('false');
    await app.getByTestId('roadmap-expand-all').click();
    await app.locator(`[role="treegrid"][aria-rowcount="${total + 1}"]`).waitFor();
    await settled(app);
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps the element of a row that stays on screen, and draws arrows only around the rows drawn', async () => {
    const { app, errors } = await openRoadmap();
    await settled(app);
    const scroller = app.getByTestId('roadmap-scroller');
    // Row 20 is rendered at the top; scrolled down by 15 rows it still is, as the same element (not redrawn).
    const before = await scroller.evaluate((element) => {
      const row = element.querySelector('[data-row-index="20"]');
      row?.setAttribute('data-kept', '');
      return row?.getAttribute('data-testid');
    });
    expect(before).toMatch(/^roadmap-row-/);
    await scroller.evaluate((element, top) => (element.scrollTop = top), 15 * ROW_HEIGHT);
    await app.locator('[data-row-index="0"]').waitFor({ state: 'detached' });
    await expect(app.locator('[data-kept]').getAttribute('data-row-index')).resolves.toBe('20');
    await expect(app.locator('[data-kept]').getAttribute('data-testid')).resolves.toBe(before);

    // Wherever it is scrolled, no arrow runs far beyond the rendered rows (a long dashed path is slow to paint).
    const total = await rowCount(app);
    let arrows = 0;
    for (const top of [0, 120, 250, 400, total - 20]) {
      await scroller.evaluate((element, y) => (element.scrollTop = y), top * ROW_HEIGHT);
      await app.locator(`[data-row-index="${top}"]`).waitFor();
      // Arrows follow the rows once the scroll has settled (useScrolling), and the grid has drawn them.
      await app.locator('[data-testid="roadmap-scroller"]:not([data-roadmap-vscroll])').waitFor();
      await scroller.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const drawn = await scroller.evaluate((element) => {
        const indexes = Array.from(element.querySelectorAll<HTMLElement>('[data-row-index]')).map((row) => Number(row.dataset.rowIndex));
        const boxes = Array.from(element.querySelectorAll<SVGGraphicsElement>('svg path')).map((path) => path.getBBox());
        return { first: Math.min(...indexes), last: Math.max(...indexes), boxes: boxes.map((box) => ({ top: box.y, bottom: box.y + box.height })) };
      });
      arrows += drawn.boxes.length;
      for (const box of drawn.boxes) {
        expect(box.top).toBeGreaterThanOrEqual((drawn.first - 16) * ROW_HEIGHT - 6);
        expect(box.bottom).toBeLessThanOrEqual((drawn.last + 33) * ROW_HEIGHT + 6);
      }
    }
    expect(arrows).toBeGreaterThan(0);
    await settled(app);
    expect(errors).toEqual([]);
  });

  it('draws the rows a fling brings on screen light, and in full once it settles', async () => {
    const { app, errors } = await openRoadmap();
    await settled(app);
    const scroller = app.getByTestId('roadmap-scroller');
    // Ten rows a frame for twenty frames: each frame mounts rows, as a fling does.
    const lightDuringFling = await scroller.evaluate(
      (element, rowHeight) =>
        new Promise<number>((resolve) => {
          let frames = 0;
          const step = () => {
            element.scrollTop += 10 * rowHeight;
            frames += 1;
            if (frames < 20) requestAnimationFrame(step);
            else resolve(element.querySelectorAll('[data-roadmap-row]:not([data-testid="roadmap-row-loading"]):not(:has(.roadmap-meta))').length);
          };
          requestAnimationFrame(step);
        }),
      ROW_HEIGHT,
    );
    expect(lightDuringFling).toBeGreaterThan(0);
    await app.locator('[data-testid="roadmap-scroller"]:not([data-roadmap-vscroll])').waitFor();
    await settled(app);
    const rows = app.locator('[data-roadmap-row]:not([data-testid="roadmap-row-loading"])');
    await expect(rows.count()).resolves.toBeGreaterThan(10);
    await app.locator('[data-roadmap-row]:not([data-testid="roadmap-row-loading"]):not(:has(.roadmap-meta))').first().waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('keeps the name column at the left edge when the timeline scrolls sideways', async () => {
    const { app, errors } = await openRoadmap();
    const scroller = app.getByTestId('roadmap-scroller');
    /** Scrolls sideways and waits until the scroll has settled (the column is pinned by offset, not sticky, then). */
    const scrollTo = (x: number) =>
      scroller.evaluate(
        (element, left) =>
          new Promise<number>((resolve) => {
            element.scrollLeft = left;
            const settledAt = () => !element.hasAttribute('data-roadmap-hscroll') && element.style.getPropertyValue('--roadmap-scroll-left') === `${element.scrollLeft}px`;
            const check = () => (settledAt() ? resolve(element.scrollLeft) : requestAnimationFrame(check));
            requestAnimationFrame(check);
          }),
        x,
      );
    /** Where row `index`'s name cell starts, from the scroller's inner left edge. */
    const nameLeft = (index: number) =>
      scroller.evaluate((element, i) => (element.querySelector(`[data-row-index="${i}"] [data-roadmap-name]`)?.getBoundingClientRect().left ?? NaN) - element.getBoundingClientRect().left - element.clientLeft, index);
    const widest = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(widest).toBeGreaterThan(200);
    for (const left of [0, widest, Math.round(widest / 2)]) {
      await expect(scrollTo(left)).resolves.toBe(left);
      expect(await nameLeft(3)).toBeCloseTo(0, 0);
    }
    // Scrolled down as well: the rows coming on screen are pinned too.
    await scroller.evaluate((element, top) => (element.scrollTop = top), 60 * ROW_HEIGHT);
    await app.locator('[data-row-index="60"]').waitFor();
    expect(await nameLeft(60)).toBeCloseTo(0, 0);
    await settled(app);
    expect(errors).toEqual([]);
  });

  it('opens scrolled so that no bar on screen starts cut off at the left edge', async () => {
    const { app, errors } = await openRoadmap();
    await settled(app);
    const cut = await app.getByTestId('roadmap-scroller').evaluate((element, nameWidth) => {
      const box = element.getBoundingClientRect();
      const timelineLeft = box.left + nameWidth;
      const bars = Array.from(element.querySelectorAll<HTMLElement>('[data-testid^="roadmap-bar-"]')).filter((bar) => {
        const rect = bar.getBoundingClientRect();
        return rect.bottom > box.top && rect.top < box.bottom;
      });
      return { onScreen: bars.length, scrollLeft: element.scrollLeft, cut: bars.filter((bar) => bar.getBoundingClientRect().left < timelineLeft - 1).map((bar) => bar.dataset.testid) };
    }, LEFT_WIDTH);
    expect(cut.onScreen).toBeGreaterThan(5);
    expect(cut.cut).toEqual([]);
    // Not simply the timeline's own start: the view opens where the bars on screen begin.
    expect(cut.scrollLeft).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('gives the scroll benchmark sane figures', async () => {
    const { page, app, errors } = await openRoadmap();
    const figures = await measureRoadmapScroll(page, { rows: 150, durationMs: 1000 });
    expect(figures.frames).toBeGreaterThan(0);
    expect(figures.rowsScrolled).toBeGreaterThan(0);
    expect(figures.rowsScrolled).toBeLessThanOrEqual(150);
    expect(figures.droppedFrames).toBeLessThanOrEqual(figures.frames);
    expect(figures.longestFrameMs).toBeGreaterThanOrEqual(figures.p95FrameMs);
    expect(figures.p95FrameMs).toBeGreaterThan(0);
    await expect(measureRoadmapScroll(page, { rows: 100_000, durationMs: 100 })).rejects.toThrow(/fewer than the 100000 to scroll/);
    await settled(app);
    expect(errors).toEqual([]);
  });
});
