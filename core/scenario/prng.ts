/**
 * Seeded randomness for stress runs. No Math.random anywhere in scenario code: a Monte Carlo run must be
 * reproducible from its seed alone, on any machine and with any number of workers.
 *
 * xoshiro128** (Blackman & Vigna) keeps its state in four 32-bit words, so it runs on plain int32 arithmetic
 * (Math.imul) without BigInt. The (seed, stream) pair — each a whole number up to 2^53, seed with its sign —
 * is written into those four words and stirred by a fixed bijection (rounds of ChaCha's add-rotate-xor
 * quarter round with round constants), so path i's numbers depend only on the base seed and i, never on which
 * worker ran the paths before it, and two different pairs never share a state. (Hashing the pair to 32 bits
 * first, as before, made paths collide at a rate growing with the square of their number, and took seeds
 * modulo 2^32.)
 */

const TWO_32 = 4294967296;

/** The low and high 32-bit words of a whole number of magnitude below 2^53 (the high word carries the sign). */
function words(n: number, what: string): [number, number] {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number below 2^53, got ${n}`);
  const m = Math.abs(n);
  const hi = Math.floor(m / TWO_32);
  return [m >>> 0, (hi | (n < 0 ? 0x200000 : 0)) >>> 0];
}

/** Round constants (the fractional digits of π), one per stirring round; any fixed values keep the bijection. */
const ROUND = [
  0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0x082efa98, 0xec4e6c89,
];

export class Xoshiro128 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` selects an independent sequence for the same seed (e.g. the Monte Carlo path index). */
  constructor(seed: number, stream = 0) {
    const [s0, s1] = words(seed, 'seed');
    const [t0, t1] = words(stream, 'stream');
    let a = s0;
    let b = s1;
    let c = t0;
    let d = t1;
    // Each step is invertible (add, xor, rotate by fixed amounts), so the 128-bit map is a bijection; eight
    // rounds spread every input bit over every word.
    for (const k of ROUND) {
      a = (a + k) | 0;
      a = (a + b) | 0;
      d = rotl(d ^ a, 16);
      c = (c + d) | 0;
      b = rotl(b ^ c, 12);
      a = (a + b) | 0;
      d = rotl(d ^ a, 8);
      c = (c + d) | 0;
      b = rotl(b ^ c, 7);
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // The all-zero state is a fixed point of xoshiro; exactly one input maps there, so step it aside.
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** A generator at a given raw state (for checking the transition against the reference C code). */
  static fromState(a: number, b: number, c: number, d: number): Xoshiro128 {
    const g = new Xoshiro128(0);
    g.a = a | 0;
    g.b = b | 0;
    g.c = c | 0;
    g.d = d | 0;
    return g;
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
