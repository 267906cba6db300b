/**
 * Peak heap used by one invocation, above the level when it started: sampled every ~25 ms and at the end.
 * The runtime shares one process (and one heap) between invocations, the page host and, in tests, the emulator,
 * so concurrent work and garbage collection timing make this an approximation, not Forge's per-function memory.
 */
const SAMPLE_EVERY_MS = 25;

export class HeapSampler {
  private readonly baseline = process.memoryUsage().heapUsed;
  private peak = 0;
  private readonly timer: NodeJS.Timeout;

  /** `onOver` is called once when the peak first passes `limitBytes`. */
  constructor(
    private readonly limitBytes = Number.POSITIVE_INFINITY,
    private onOver: ((peakBytes: number) => void) | null = null,
  ) {
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
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed - this.baseline);
    if (this.peak > this.limitBytes && this.onOver) {
      const over = this.onOver;
      this.onOver = null;
      over(this.peak);
    }
  }
}
