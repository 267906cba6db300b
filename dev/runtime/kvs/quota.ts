/**
 * What Forge charges one installation for its KVS and Custom Entity Store traffic, and when it refuses more.
 * Source: developer.atlassian.com/platform/forge/limits-kvs-ce ("Operation limits per installation") and
 * developer.atlassian.com/platform/forge/storage-reference/batchops ("Limitations").
 *
 * Every window is SLIDING (the last 60 s, the last 1 s), not fixed. Forge does not say which it uses; a sliding
 * window is at least as strict as a fixed window aligned anywhere and as a token bucket of the same size (its count
 * always includes the fixed window's), so traffic it lets through is let through by any of them.
 */

export interface KvsQuotaLimits {
  /** "Read (10KB request per min): 4000". */
  readUnitsPerMinute: number;
  /** "Write (10KB request per min): 4000". */
  writeUnitsPerMinute: number;
  /** "Request rate (RPS): 1000". */
  requestsPerSecond: number;
  /** "You can send a maximum of 45 batch operations per minute" (batchops). */
  batchOperationsPerMinute: number;
}

export const FORGE_KVS_QUOTA: Readonly<KvsQuotaLimits> = {
  readUnitsPerMinute: 4_000,
  writeUnitsPerMinute: 4_000,
  requestsPerSecond: 1_000,
  batchOperationsPerMinute: 45,
};

/**
 * "Request sizes are rounded up to the nearest 10KB. Requests that are 10KB or smaller are counted as 1 request."
 * The page does not say whether KB is 1000 or 1024 bytes: 10,000 is used, the reading that charges more.
 */
export const UNIT_BYTES = 10_000;

export const unitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / UNIT_BYTES));

export type KvsOperationKind = 'read' | 'write';

/** What one request cost: read units, write units (0 for a refused request). */
export interface KvsCharge {
  readUnits: number;
  writeUnits: number;
}

export const NO_CHARGE: KvsCharge = { readUnits: 0, writeUnits: 0 };

/** A running total over the last `windowMs`, each amount leaving the window `windowMs` after it was added. */
class SlidingWindow {
  private readonly entries: Array<{ at: number; amount: number }> = [];
  private head = 0;
  private sum = 0;

  constructor(private readonly windowMs: number) {}

  used(now: number): number {
    while (this.head < this.entries.length && (this.entries[this.head] as { at: number }).at <= now - this.windowMs) {
      this.sum -= (this.entries[this.head] as { amount: number }).amount;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
    return this.sum;
  }

  add(now: number, amount: number): void {
    this.entries.push({ at: now, amount });
    this.sum += amount;
  }
}

/** Which limit a request would pass, or null when it may go ahead. */
export type QuotaRefusal = 'requests' | 'batches' | 'readUnits' | 'writeUnits';

export class KvsQuota {
  private readonly requests = new SlidingWindow(1_000);
  private readonly batches = new SlidingWindow(60_000);
  private readonly units = { read: new SlidingWindow(60_000), write: new SlidingWindow(60_000) };

  constructor(
    private current: Readonly<KvsQuotaLimits>,
    private readonly now: () => number,
  ) {}

  get limits(): Readonly<KvsQuotaLimits> {
    return this.current;
  }

  /** Changes limits from now on; what was charged stays charged. */
  setLimits(limits: Partial<KvsQuotaLimits>): void {
    this.current = { ...this.current, ...limits };
  }

  /** Whether a request of this kind and cost fits in every window now; charges nothing. */
  check(kind: KvsOperationKind, units: number, batch: boolean): QuotaRefusal | null {
    const now = this.now();
    if (this.requests.used(now) + 1 > this.limits.requestsPerSecond) return 'requests';
    if (batch && this.batches.used(now) + 1 > this.limits.batchOperationsPerMinute) return 'batches';
    const limit = kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
    if (this.units[kind].used(now) + units > limit) return kind === 'read' ? 'readUnits' : 'writeUnits';
    return null;
  }

  charge(kind: KvsOperationKind, units: number, batch: boolean): KvsCharge {
    const now = this.now();
    this.requests.add(now, 1);
    if (batch) this.batches.add(now, 1);
    this.units[kind].add(now, units);
    return kind === 'read' ? { readUnits: units, writeUnits: 0 } : { readUnits: 0, writeUnits: units };
  }
}
