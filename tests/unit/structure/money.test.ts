import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateCents,
  allocateProRata,
  cents,
  centsFromFloat,
  fromCents,
  Money,
  mulDiv,
  toCents,
  toNumber,
} from '../../../core/money';

const m = (x: string | number): Money => new Money(x);
const strs = (xs: Money[]): string[] => xs.map((x) => x.toFixed(2));

describe('toCents rounds half-even', () => {
  it.each([
    ['0.125', '0.12'],
    ['0.135', '0.14'],
    ['0.375', '0.38'],
    ['2666.665', '2666.66'],
    ['-0.125', '-0.12'],
    ['1663.335', '1663.34'],
  ])('%s → %s', (x, want) => {
    expect(toCents(x).toFixed(2)).toBe(want);
  });

  it('reads a float by its shortest decimal string, so 0.125 stays a tie', () => {
    expect(centsFromFloat(0.125).toFixed(2)).toBe('0.12');
    expect(centsFromFloat(1e6 / 3).toFixed(2)).toBe('333333.33');
    expect(() => centsFromFloat(Number.NaN)).toThrow();
    expect(toNumber(m('10.005'))).toBe(10);
  });
});

describe('allocateProRata (largest remainder)', () => {
  it('gives the leftover cents to the largest remainders', () => {
    expect(strs(allocateProRata(m('100'), [m(1), m(1), m(1)]))).toEqual(['33.34', '33.33', '33.33']);
    // 1000.01 over 2:1 → 666.6733 / 333.3367: the cent goes to B (remainder .67 beats .33).
    expect(strs(allocateProRata(m('1000.01'), [m(200000), m(100000)]))).toEqual(['666.67', '333.34']);
    expect(strs(allocateProRata(m('10.01'), [m('0.5'), m('0.3'), m('0.2')]))).toEqual([
      '5.01',
      '3.00',
      '2.00',
    ]);
  });

  it('breaks ties towards the earlier weight and splits zero weights equally', () => {
    expect(strs(allocateProRata(m('0.05'), [m(1), m(1)]))).toEqual(['0.03', '0.02']);
    expect(strs(allocateProRata(m('0.03'), [m(0), m(0)]))).toEqual(['0.02', '0.01']);
    expect(allocateProRata(m(5), [])).toEqual([]);
    expect(() => allocateProRata(m(-1), [m(1)])).toThrow();
  });

  it('never creates or loses a cent, and each share is within a cent of exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 12 }),
        (totalCents, ws) => {
          const total = m(totalCents).div(100);
          const weights = ws.map((w) => m(w).div(100));
          const shares = allocateProRata(total, weights);
          const sum = shares.reduce((a, b) => a.plus(b), m(0));
          expect(sum.eq(total)).toBe(true);
          const wsum = weights.reduce((a, b) => a.plus(b), m(0));
          shares.forEach((s, i) => {
            expect(s.isNeg()).toBe(false);
            expect(s.times(100).isInteger()).toBe(true);
            const exact = wsum.isZero() ? total.div(ws.length) : total.times(weights[i]).div(wsum);
            expect(s.minus(exact).abs().lt('0.01')).toBe(true);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('integer-cent helpers match decimal arithmetic exactly', () => {
  it('rounds products half-even on the decimal values, even where the float misses the tie', () => {
    // 600 × 0.0175 = 10.5 exactly (float 10.500000000000002) → 10; 360 × 0.0875 = 31.5 (float 31.4999…) → 32.
    expect(mulDiv(600, 0.0175)).toBe(10);
    expect(mulDiv(360, 0.0875)).toBe(32);
    expect(mulDiv(100, 0.125)).toBe(12);
    // Reference A interest: 80,000,000 cents × 4% × 30/360 = 266,666.67 cents → 266,667.
    expect(mulDiv(80_000_000, 0.04, 30, 360)).toBe(266667);
    expect(cents(0.125)).toBe(12);
    expect(cents(1e6 / 3)).toBe(33333333);
    expect(fromCents(12345)).toBe(123.45);
  });

  it('mulDiv equals decimal.js on random balances, rates and day counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000_000_000 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom(360, 365, 12, 1),
        (c, rateMicro, days, basis) => {
          const rate = rateMicro / 1_000_000;
          const want = m(c)
            .times(rate)
            .times(days)
            .div(basis)
            .toDecimalPlaces(0, Money.ROUND_HALF_EVEN)
            .toNumber();
          expect(mulDiv(c, rate, days, basis)).toBe(want);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("cents(x) equals decimal.js on the float's shortest decimal string, half-cent ties included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e12, max: 1e12, noNaN: true }),
          fc.integer({ min: 0, max: 1e12 }).map((k) => k / 1000 + 0.0005),
          fc.integer({ min: 0, max: 1e9 }).map((k) => (2 * k + 1) / 200),
        ),
        (x) => {
          const want = m(x).times(100).toDecimalPlaces(0, Money.ROUND_HALF_EVEN).toNumber();
          expect(cents(x)).toBe(want === 0 ? 0 : want);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('allocateCents equals allocateProRata, on the 53-bit path and the BigInt path', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 9_000_000_000_000 })),
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 9_000_000_000_000 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (total, ws) => {
          const want = allocateProRata(
            m(total).div(100),
            ws.map((w) => m(w)),
          ).map((x) => x.times(100).toNumber());
          expect(allocateCents(total, ws)).toEqual(want);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('allocateCents gives the same split into a given array, whatever splits ran before it', () => {
    // The remainders live in one array reused by every call: a longer split before a shorter one (more than 8
    // leftover cents takes the sorting branch) must leave nothing behind that the next one reads.
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            // Small totals over small weights leave many cents to hand out by remainder (the sorting branch).
            fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50_000_000 })),
            fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1_000_000 })), {
              minLength: 1,
              maxLength: 24,
            }),
            fc.boolean(),
          ),
          { minLength: 2, maxLength: 6 },
        ),
        (splits) => {
          for (const [total, ws, into] of splits) {
            const want = allocateProRata(
              m(total).div(100),
              ws.map((w) => m(w)),
            ).map((x) => x.times(100).toNumber());
            const out = new Array<number>(ws.length).fill(-1);
            const got = into ? allocateCents(total, ws, out) : allocateCents(total, ws);
            expect(got).toEqual(want);
            if (into) expect(got).toBe(out);
          }
        },
      ),
      { numRuns: 500 },
    );
    // By hand: 29 cents over twenty equal weights is 1 each and 9 left, to the first nine (equal remainders).
    allocateCents(
      999_999,
      Array.from({ length: 24 }, (_, i) => 1000 + i * 7),
    );
    expect(allocateCents(29, new Array<number>(20).fill(3))).toEqual([
      ...new Array<number>(9).fill(2),
      ...new Array<number>(11).fill(1),
    ]);
    expect(() => allocateCents(100, [1, 2, 3], [0, 0])).toThrow(/one entry per weight/);
  });

  it('allocateCents stays exact where floating point is unsure: near-equal large weights, whole quotients', () => {
    // Past 2^53 the shares come from a floating-point quotient, kept only when provably exact; these weights
    // (note balances in cents a few cents apart, totals that divide evenly) sit where it must fall back.
    fc.assert(
      fc.property(
        // Up to 2 × 10^15 cents: a weight past 1/(4 ulp) ≈ 1.1 × 10^15 lets remainders one cent of weight apart
        // fall within the quotient's rounding, the case the guard exists for.
        fc.integer({ min: 1_000_000_000, max: 2_000_000_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 1_000_000, max: 9_000_000_000 }),
        fc.boolean(),
        (base, deltas, pay, whole) => {
          const ws = deltas.map((d) => base + d);
          const W = ws.reduce((a, b) => a + b, 0);
          const total = whole ? W : pay;
          const want = allocateProRata(
            m(total).div(100),
            ws.map((w) => m(w)),
          ).map((x) => x.times(100).toNumber());
          expect(allocateCents(total, ws)).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
    // total × w one short of a multiple of W: the exact share is k − 1/W, which floating point reads as k.
    const inverse = (a: bigint, mod: bigint): bigint | null => {
      let [r0, r1, s0, s1] = [a % mod, mod, 1n, 0n];
      while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
      }
      return r0 === 1n ? ((s0 % mod) + mod) % mod : null;
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000_000, max: 4_000_000_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (w1, d) => {
          const ws = [w1, w1 + d];
          const W = BigInt(w1) * 2n + BigInt(d);
          const inv = inverse(BigInt(w1), W);
          fc.pre(inv !== null && W < BigInt(Number.MAX_SAFE_INTEGER));
          const total = Number((W - inv!) % W);
          fc.pre(total > 0);
          const want = allocateProRata(
            m(total).div(100),
            ws.map((w) => m(w)),
          ).map((x) => x.times(100).toNumber());
          expect(allocateCents(total, ws)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    // By hand: 1,000,001 cents over weights 2 × 10^15 and 2 × 10^15 + 1 — shares 500,000.5 ∓ 1.25 × 10^-10, so
    // the heavier weight's remainder is the larger and takes the odd cent; in floating point both read .5.
    expect(allocateCents(1_000_001, [2_000_000_000_000_000, 2_000_000_000_000_001])).toEqual([
      500_000, 500_001,
    ]);
  });
});
