/**
 * Knows whether the runtime is idle: no invocation running (or about to start) and no source of work, such as
 * queued async events, reporting itself busy. `idle()` resolves the first time that holds.
 */
export class Activity {
  private running = 0;
  private readonly busySources: Array<() => boolean> = [];
  private waiters: Array<() => void> = [];
  private settledWaiters: Array<() => void> = [];

  /** Counts one unit of work until the returned function is called (once). */
  begin(): () => void {
    this.running += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running -= 1;
      this.changed();
    };
  }

  addBusySource(isBusy: () => boolean): void {
    this.busySources.push(isBusy);
  }

  isIdle(): boolean {
    return this.running === 0 && !this.busySources.some((busy) => busy());
  }

  /** Resolves once no invocation runs, whatever the busy sources say. */
  settled(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Call after anything a busy source depends on changed. Checked on the next tick, so a hand-over between two pieces of work is not mistaken for idleness. */
  changed(): void {
    if (this.waiters.length === 0 && this.settledWaiters.length === 0) return;
    setImmediate(() => {
      if (this.running === 0) this.settledWaiters = release(this.settledWaiters);
      if (this.isIdle()) this.waiters = release(this.waiters);
    });
  }
}

function release(waiters: Array<() => void>): Array<() => void> {
  for (const resolve of waiters) resolve();
  return [];
}
