import { Rng } from '../../../dev/demo/random';

describe('demo Rng', () => {
  it('repeats for a seed and differs across seeds', () => {
    const draw = (seed: number) => {
      const rng = Rng.fromSeed(seed);
      return Array.from({ length: 20 }, () => rng.int(0, 1000));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('forks named streams that do not depend on the parent position', () => {
    const a = Rng.fromSeed(9);
    const b = Rng.fromSeed(9);
    b.int(0, 10);
    expect(a.fork('x').int(0, 1e9)).toBe(b.fork('x').int(0, 1e9));
    expect(a.fork('x').int(0, 1e9)).not.toBe(a.fork('y').int(0, 1e9));
  });

  it('stays within bounds', () => {
    const rng = Rng.fromSeed(3);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(-3, 5);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(5);
      const f = rng.between(2, 4);
      expect(f).toBeGreaterThanOrEqual(2);
      expect(f).toBeLessThan(4);
    }
    expect(rng.sample([1, 2, 3, 4], 3)).toHaveLength(3);
    expect(new Set(rng.shuffle([1, 2, 3, 4, 5]))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(['a', 'b']).toContain(rng.weighted([['a', 1], ['b', 3]] as const));
    expect(() => rng.pick([])).toThrow();
  });
});
