import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Peak heap used by one invocation, above the level when it started: sampled every ~25 ms and at the end.
 * The runtime shares one process (and one heap) between invocations, the page host and, in tests, the emulator,
 * so concurrent work and garbage collection timing make this an approximation, not Forge's per-function memory.
 */
const SAMPLE_EVERY_MS = 25;

/** V8's full collection, exposed even when the process was started without --expose-gc; null if it cannot be. */
function fullCollection(): (() => void) | null {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

const collect = fullCollection();

/** The heap the last full collection left, process-wide (0 before any): how much of a later heap may be garbage. */
let lastCollected = 0;

function collectNow(collectGarbage: () => void): number {
  collectGarbage();
  lastCollected = process.memoryUsage().heapUsed;
  return lastCollected;
}

export class HeapSampler {
  private readonly baseline: number;
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  /** `onOver` is called once when the peak first passes `limitBytes`. */
  constructor(
    private readonly limitBytes = Number.POSITIVE_INFINITY,
    private onOver: ((peakBytes: number) => void) | null = null,
  ) {
    const start = process.memoryUsage().heapUsed;
    // Over the limit the sample is taken after a collection; so is the baseline, unless little garbage can have piled up since the last one.
    this.baseline = collect && start - lastCollected > limitBytes / 8 ? collectNow(collect) : start;
    this.timer = setInterval(() => this.sample(), SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  /** Stops sampling; returns the peak in bytes above the baseline (never negative). */
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak;
  }

  private sample(): void {
    let used = process.memoryUsage().heapUsed - this.baseline;
    // Garbage not yet collected is not held: V8 on Forge collects before it runs out, so only what a collection leaves counts.
    if (used > this.limitBytes && collect) used = collectNow(collect) - this.baseline;
    this.peak = Math.max(this.peak, used);
    if (this.peak > this.limitBytes && this.onOver) {
      const over = this.onOver;
      this.onOver = null;
      over(this.peak);
    }
  }
}
