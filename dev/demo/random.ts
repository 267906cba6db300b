/**
 * The demo generator's only source of randomness: a seeded pure-rand generator behind a small API.
 * Never Math.random, so the same seed always yields the same site.
 */
import type { RandomGenerator } from 'pure-rand/lib/types/RandomGenerator';

// pure-rand 8 only exposes subpath exports, which the repo's `moduleResolution: node` cannot type;
// the runtime require goes through the exports map, the types come from the files behind it.
type XoroshiroModule = typeof import('pure-rand/lib/generator/xoroshiro128plus');
type UniformIntModule = typeof import('pure-rand/lib/distribution/uniformInt');
type UniformFloatModule = typeof import('pure-rand/lib/distribution/uniformFloat64');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xoroshiro128plus } = require('pure-rand/generator/xoroshiro128plus') as XoroshiroModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uniformInt } = require('pure-rand/distribution/uniformInt') as UniformIntModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { uniformFloat64 } = require('pure-rand/distribution/uniformFloat64') as UniformFloatModule;

/** 32-bit FNV-1a of a string, mixed with a seed: stable labels → stable, independent streams. */
export function hashSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed | 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche so that near-identical labels diverge
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h | 0;
}

export class Rng {
  private constructor(
    /** The seed this stream was made from; forks derive from it, not from the stream's position. */
    readonly seed: number,
    private readonly gen: RandomGenerator,
  ) {}

  static fromSeed(seed: number): Rng {
    return new Rng(seed | 0, xoroshiro128plus(seed | 0));
  }

  /** An independent stream named by `label`; the same label always gives the same stream. */
  fork(label: string): Rng {
    return Rng.fromSeed(hashSeed(this.seed, label));
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    if (max <= min) return min;
    return uniformInt(this.gen, min, max);
  }

  /** Float in [0, 1). */
  float(): number {
    return uniformFloat64(this.gen);
  }

  /** Float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('Rng.pick: empty list');
    return item;
  }

  /** Picks by relative weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.float() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error('Rng.weighted: empty list');
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }

  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }
}
