/**
 * Scroll smoothness of the roadmap's Gantt: on a page whose Roadmap tab is open, scrolls the Gantt's scroll
 * container from the top down through `rows` rows over `durationMs`, one step per animation frame, and records
 * the frames' intervals in the page. A fixed number of rows per run keeps the scroll speed the same at every scale.
 */
import type { Frame, Page } from 'playwright-core';

export interface RoadmapScrollFigures {
  /** Frame intervals recorded. */
  frames: number;
  /** Intervals longer than 1.5 frames at 60 Hz. */
  droppedFrames: number;
  longestFrameMs: number;
  p95FrameMs: number;
  rowsScrolled: number;
}

const SCROLLER = '[data-testid="roadmap-scroller"]';
const FRAME_MS = 16.7;
const DROPPED_AFTER_MS = 1.5 * FRAME_MS;
const WAIT_MS = 30_000;

/** The frame holding the Gantt (the app runs in the page host's iframe, or in the page itself). */
async function ganttFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.$(SCROLLER).catch(() => null);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error('No roadmap on this page: open the Roadmap tab of the global Transformation page first.');
    await page.waitForTimeout(100);
  }
}

/** Rows the treegrid says it has once the first answer has come (its header row counts as one); too few is an error. */
async function checkRowCount(frame: Frame, atLeast: number): Promise<void> {
  const counted = await frame
    .waitForFunction((selector) => document.querySelector(`${selector} [role="treegrid"]`)?.getAttribute('aria-rowcount') ?? false, SCROLLER, { timeout: WAIT_MS })
    .catch(() => null);
  if (counted === null) throw new Error(`The roadmap showed no rows within ${WAIT_MS / 1000} s.`);
  const rows = Number(await counted.jsonValue()) - 1;
  if (!(rows >= atLeast)) throw new Error(`The roadmap shows ${rows} rows, fewer than the ${atLeast} to scroll.`);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
}

export async function measureRoadmapScroll(page: Page, opts: { rows: number; durationMs?: number }): Promise<RoadmapScrollFigures> {
  const durationMs = opts.durationMs ?? 5000;
  if (!(opts.rows > 0) || !(durationMs > 0)) throw new Error('rows and durationMs must be positive');
  const frame = await ganttFrame(page);
  await checkRowCount(frame, opts.rows);
  const run = await frame.evaluate(
    ({ selector, rows, durationMs }) =>
      new Promise<{ intervals: number[]; scrolledPx: number; rowHeight: number }>((resolve, reject) => {
        const scroller = document.querySelector<HTMLElement>(selector);
        if (!scroller) return reject(new Error('the roadmap scroller went away'));
        const rowHeight = scroller.querySelector('[data-roadmap-row]')?.getBoundingClientRect().height || 32;
        scroller.scrollTop = 0;
        const distance = Math.min(rows * rowHeight, scroller.scrollHeight - scroller.clientHeight);
        const intervals: number[] = [];
        let start = -1;
        let previous = -1;
        const step = (now: number) => {
          if (start < 0) start = now;
          else intervals.push(now - previous);
          previous = now;
          const progress = Math.min(1, (now - start) / durationMs);
          scroller.scrollTop = progress * distance;
          if (progress < 1) requestAnimationFrame(step);
          else resolve({ intervals, scrolledPx: scroller.scrollTop, rowHeight });
        };
        requestAnimationFrame(step);
      }),
    { selector: SCROLLER, rows: opts.rows, durationMs },
  );
  const sorted = [...run.intervals].sort((a, b) => a - b);
  return {
    frames: sorted.length,
    droppedFrames: sorted.filter((ms) => ms > DROPPED_AFTER_MS).length,
    longestFrameMs: sorted.at(-1) ?? 0,
    p95FrameMs: percentile(sorted, 0.95),
    rowsScrolled: Math.round(run.scrolledPx / run.rowHeight),
  };
}
