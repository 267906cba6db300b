import { INTERVAL_MS, type ScheduledTriggerModule } from './manifest';

/**
 * Runs scheduledTrigger modules on their interval (fiveMinute, hour, day, week), as Forge does after a deploy:
 * the first run one interval after start. A run still going when the next is due does not stop the next.
 */
export class Schedules {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly modules: readonly ScheduledTriggerModule[],
    private readonly run: (moduleKey: string) => Promise<unknown>,
  ) {}

  start(): void {
    if (this.timers.length > 0) return;
    this.timers = this.modules.map((m) => {
      const timer = setInterval(() => void this.run(m.key), INTERVAL_MS[m.interval]);
      // A schedule alone must not keep a process alive.
      timer.unref();
      return timer;
    });
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }
}
