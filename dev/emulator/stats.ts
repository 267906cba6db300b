export interface EmulatorStats {
  requests: number;
  byPath: Record<string, number>;
}

/** Counts /rest/ requests by path (query strings left out), faulted and refused ones included. */
export class StatsCounter {
  private requests = 0;
  private byPath = new Map<string, number>();

  count(path: string): void {
    this.requests += 1;
    this.byPath.set(path, (this.byPath.get(path) ?? 0) + 1);
  }

  snapshot(): EmulatorStats {
    return { requests: this.requests, byPath: Object.fromEntries(this.byPath) };
  }

  reset(): void {
    this.requests = 0;
    this.byPath.clear();
  }
}
