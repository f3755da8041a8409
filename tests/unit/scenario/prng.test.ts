import { describe, expect, it } from 'vitest';
import { Xoshiro128 } from '../../../core/scenario/prng';

describe('xoshiro128** PRNG', () => {
  it('same seed and stream give the same numbers; the first outputs are pinned', () => {
    const a = new Xoshiro128(42, 0);
    const b = new Xoshiro128(42, 0);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    // Pinned so an accidental change of the generator (and of every seeded Monte Carlo result) is caught.
    expect(xs.slice(0, 2)).toEqual([1691421979, 3119246725]);
  });

  it('different streams and seeds differ', () => {
    const first = (seed: number, stream: number): number => new Xoshiro128(seed, stream).nextUint32();
    expect(first(1, 0)).not.toBe(first(1, 1));
    expect(first(1, 2)).not.toBe(first(2, 1));
    expect(first(1, 0)).not.toBe(first(2, 0));
  });

  it('uniforms are in (0, 1) with mean 1/2 and variance 1/12', () => {
    const r = new Xoshiro128(2024);
    const n = 200_000;
    let s = 0;
    let ss = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.nextUniform();
      if (!(u > 0 && u < 1)) outside++;
      s += u;
      ss += u * u;
    }
    expect(outside).toBe(0);
    const mean = s / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(ss / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });
});
