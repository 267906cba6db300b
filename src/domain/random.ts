/** A seeded source of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number;

/**
 * 32-bit multiplication with overflow, as Math.imul. Written out because a call to Math.imul is not inlined in
 * some hosts (in Jest's sandbox it costs a hundred times more), and the simulation makes millions of them.
 */
function imul(a: number, b: number): number {
  const low = a & 0xffff;
  const high = a >>> 16;
  return (low * b + (((high * b) & 0xffff) << 16)) | 0;
}

/** Mulberry32: a small, fast 32-bit generator, good enough for simulation (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a text, to derive independent seeds for named streams. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A generator for one named stream of a seed, so streams do not depend on the order they are drawn in. */
export function seededRandom(seed: number, stream = ''): Random {
  return mulberry32((Math.trunc(Number.isFinite(seed) ? seed : 0) ^ hashText(stream)) >>> 0);
}

/** An index in 0..length-1 (length ≥ 1, below 2³¹), uniformly. */
export function randomIndex(random: Random, length: number): number {
  const index = (random() * length) | 0;
  return index < length ? index : length - 1;
}
