/** Small measuring helpers shared by the scenarios. */
import { gzipSync } from 'node:zlib';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Bytes after gzip at the default level, as a web server would send them. */
export const gzipBytes = (content: Buffer | string): number => gzipSync(content).length;

/** Bytes of a value as JSON, as the resolver's answer crosses the wire. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

export const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

/** Fails with a clear message when `promise` has not settled within `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The bench's time budget: every step asks whether it still fits before it starts. */
export class Budget {
  private readonly startedAt = Date.now();
  constructor(readonly totalMs: number) {}
  elapsedMs(): number {
    return Date.now() - this.startedAt;
  }
  remainingMs(): number {
    return this.totalMs - this.elapsedMs();
  }
  /** True when a step expected to take `ms` still fits. */
  allows(ms: number): boolean {
    return this.remainingMs() > ms;
  }
}

/** Samples this process's RSS and heap every few milliseconds; a synchronous stretch delays samples, not the kernel's high-water mark. */
export class MemorySampler {
  peakRss = 0;
  peakHeapUsed = 0;
  private timer: NodeJS.Timeout | undefined;
  start(intervalMs = 5): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
  private sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, heapUsed);
  }
}

/** The kernel's high-water mark of this process's resident memory, in bytes. */
export const maxRssBytes = (): number => process.resourceUsage().maxRSS * 1024;

export const MB = 1024 * 1024;
export const KB = 1024;

export const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
export const fmtBytes = (bytes: number): string =>
  bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : bytes >= KB ? `${(bytes / KB).toFixed(1)} KB` : `${bytes} B`;
export const fmtInt = (n: number): string => n.toLocaleString('en-GB');
