/**
 * Coalesced persistence for a LocalKvsStore whose state is large and changes often: writes are applied in memory
 * at once and the file is replaced at most once per `delayMs`, on `flush()`/`close()`, and synchronously when the
 * process exits with writes not yet on disk. Each file write is still atomic (temp file + rename).
 */
import { serialiseState, writeFileAtomic, writeFileAtomicSync, type StoreState } from './persistence';

export class WriteBehind {
  private dirty = false;
  private hooked = false;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly onExit = (): void => {
    const state = this.current();
    if (!this.dirty || state === undefined) return;
    try {
      writeFileAtomicSync(this.file, serialiseState(state));
    } catch (error) {
      // Nothing can be retried while exiting; say what was lost.
      console.error(`Local KVS: the last writes could not reach ${this.file}`, error);
    }
  };

  constructor(
    private readonly file: string,
    private readonly delayMs: number,
    /** The live state, read when a write starts: states are replaced, never mutated, so it is a consistent snapshot. */
    private readonly current: () => StoreState | undefined,
  ) {}

  /** A write was applied in memory; it reaches the file within `delayMs`. */
  markDirty(): void {
    if (!this.hooked) process.on('exit', this.onExit);
    this.hooked = true;
    this.dirty = true;
    this.schedule();
  }

  /** Resolves once everything applied so far is on disk; rejects if that write fails (it is retried later). */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.writeNow());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.flush();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => console.error(`Local KVS: writing ${this.file} failed, will retry`, error));
    }, this.delayMs);
    // Pending persistence must not keep a finished process alive; the exit hook writes it.
    this.timer.unref();
  }

  private async writeNow(): Promise<void> {
    const state = this.current();
    if (!this.dirty || state === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty = false;
    try {
      await writeFileAtomic(this.file, serialiseState(state));
    } catch (error) {
      this.dirty = true;
      this.schedule();
      throw error;
    }
    if (!this.dirty && this.hooked) {
      process.off('exit', this.onExit);
      this.hooked = false;
    }
  }
}
