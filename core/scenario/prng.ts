/**
 * Seeded randomness for stress runs. No Math.random anywhere in scenario code: a Monte Carlo run must be
 * reproducible from its seed alone, on any machine and with any number of workers.
 *
 * xoshiro128** (Blackman & Vigna) keeps its state in four 32-bit words, so it runs on plain int32 arithmetic
 * (Math.imul) without BigInt; splitmix32 spreads a (seed, stream) pair over that state so that path i's
 * numbers depend only on the base seed and i, never on which worker ran the paths before it.
 */

/** splitmix32 step: a well-mixed 32-bit output from a 32-bit counter. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` selects an independent sequence for the same seed (e.g. the Monte Carlo path index). */
  constructor(seed: number, stream = 0) {
    // Mix seed and stream through different constants so (s, t) and (t, s) give different states.
    let x = splitmix32((seed >>> 0) ^ Math.imul(stream >>> 0, 0x27d4eb2d)) ^ splitmix32(stream + 0x632be5ab);
    const next = (): number => {
      x = (x + 0x6d2b79f5) | 0;
      return splitmix32(x);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // The all-zero state is a fixed point of xoshiro; splitmix never yields four zeros, but be explicit.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1) with 53 random bits: never 0 or 1, so Φ⁻¹ of it is finite. */
  nextUniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
