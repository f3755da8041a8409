/**
 * Money for the waterfall: one configured decimal.js clone so every module rounds the same way. Amounts are
 * rounded to cents half-even (banker's rounding) each time one is computed, as the reference waterfall does
 * (../shared/reference/waterfall_sequential.json); floats only appear at the edges (projection in, result out).
 */
import DecimalJs from 'decimal.js';

/** 30 significant digits: far beyond any pool in cents, and short enough to keep arithmetic fast. */
export const Money = DecimalJs.clone({
  precision: 30,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 30,
});
export type Money = InstanceType<typeof Money>;

export const ZERO: Money = new Money(0);
export const ONE_CENT: Money = new Money('0.01');

/** Rounds to cents, half-even. */
export function toCents(x: Money | number | string): Money {
  const d = x instanceof Money ? x : new Money(x);
  return d.toDecimalPlaces(2, Money.ROUND_HALF_EVEN);
}

/**
 * A float from the projection into cents. Goes through the float's shortest decimal string, so 0.125 stays a
 * tie (and rounds to 0.12) instead of picking up binary noise.
 */
export function centsFromFloat(x: number): Money {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite amount: ${x}`);
  return new Money(x).toDecimalPlaces(2, Money.ROUND_HALF_EVEN);
}

/** Money out to a plain number rounded to cents (result rows, JSON). */
export function toNumber(x: Money): number {
  return x.toDecimalPlaces(2, Money.ROUND_HALF_EVEN).toNumber();
}

export function sum(xs: readonly Money[]): Money {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

export function minMoney(a: Money, b: Money): Money {
  return a.lte(b) ? a : b;
}

export function maxMoney(a: Money, b: Money): Money {
  return a.gte(b) ? a : b;
}

/** max(0, x). */
export function positive(x: Money): Money {
  return x.isNeg() ? ZERO : x;
}

/**
 * Splits `total` (rounded to cents first) in proportion to `weights` by largest remainder: each share is
 * floored to the cent, then the cents left over go one each to the largest fractional remainders (ties to the
 * earlier index), so the shares add up to the total exactly. All-zero weights split equally, because a total
 * with nothing to weigh it by still has to land somewhere; negative weights are a caller error.
 */
export function allocateProRata(total: Money, weights: readonly Money[]): Money[] {
  const n = weights.length;
  if (n === 0) return [];
  const cents = toCents(total).times(100);
  if (cents.isNeg()) throw new RangeError('allocateProRata: negative total');
  let wsum = ZERO;
  for (const w of weights) {
    if (w.isNeg()) throw new RangeError('allocateProRata: negative weight');
    wsum = wsum.plus(w);
  }
  const ws = wsum.isZero() ? weights.map(() => new Money(1)) : weights;
  const wTotal = wsum.isZero() ? new Money(n) : wsum;
  const floors: Money[] = new Array<Money>(n);
  const remainders: { i: number; r: Money }[] = new Array<{ i: number; r: Money }>(n);
  let given = ZERO;
  for (let i = 0; i < n; i++) {
    const exact = cents.times(ws[i]).div(wTotal);
    const f = exact.floor();
    floors[i] = f;
    remainders[i] = { i, r: exact.minus(f) };
    given = given.plus(f);
  }
  let left = cents.minus(given).toNumber();
  remainders.sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const i = remainders[k].i;
    floors[i] = floors[i].plus(1);
  }
  return floors.map((c) => c.div(100));
}

/*
 * The waterfall's hot path: integer cents held in a double. Sums, differences and comparisons of integers below
 * 2^53 (±90 trillion in currency units) are exact, so they need no decimal objects; a decimal.js object per
 * operation made a 360-period run ~100 ms against a 10 ms budget. Every product that must be rounded (balance ×
 * rate, shares) is computed in float and rounded half-even; when the float lands so near a half cent that its
 * error could flip the rounding, the product is recomputed exactly in decimal.js. Results are therefore exactly
 * those of decimal arithmetic on the decimal values of the inputs (a rate 0.0561 means 561/10000).
 */

/** Integer number of cents. */
export type Cents = number;

/**
 * Whether the float `e` sits so near a half cent that its error could flip the rounding: then decimal.js decides.
 * The float result is within a few ulps (≈ 1e-16 relative) of the exact one; 1e-14 leaves a wide margin while
 * keeping the decimal fallback rare even for pools in the billions. (A check, not a rounding function taking the
 * exact product as a callback: that closure was allocated on every call, a third of a Monte Carlo path's garbage.)
 */
function nearHalf(e: number): boolean {
  const f = e - Math.floor(e);
  return Math.abs(f - 0.5) <= Math.abs(e) * 1e-14 + 1e-9;
}

/** Half-even rounding of a float `e` that is not near a half. `+ 0` turns −0 into 0 (rounded-away negative dust). */
function roundFloat(e: number): Cents {
  const fl = Math.floor(e);
  return (e - fl < 0.5 ? fl : fl + 1) + 0;
}

function roundExact(m: Money): Cents {
  return m.toDecimalPlaces(0, Money.ROUND_HALF_EVEN).toNumber() + 0;
}

/** A money amount (float, e.g. a projection total or a deal-file figure) in cents, half-even. */
export function cents(x: number): Cents {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite amount: ${x}`);
  const e = x * 100;
  return nearHalf(e) ? roundExact(new Money(x).times(100)) : roundFloat(e);
}

/** round_half_even(c × rate × mult / div) in cents: interest, fees and percentages of balances. */
export function mulDiv(c: Cents, rate: number, mult = 1, div = 1): Cents {
  if (c === 0 || rate === 0 || mult === 0) return 0;
  const e = (c * rate * mult) / div;
  return nearHalf(e) ? roundExact(new Money(c).times(rate).times(mult).div(div)) : roundFloat(e);
}

/** Cents out as a currency amount (a plain number, exact to the cent). */
export function fromCents(c: Cents): number {
  return c / 100;
}

/**
 * allocateCents's shares where total × weight passes 2^53 (note balances in cents are ~10^9, a period's principal
 * ~10^7): floor(total × w / W) and the remainders' order from the quotient in floating point, kept only where
 * that is provably the exact answer. The quotient's error is under 2^-52 of it, so a fraction farther than 4 ulps
 * from an integer floors exactly, and two remainders whose fractions differ by more than both margins compare as
 * their exact values do (equal weights give equal remainders exactly). Otherwise −1: the caller uses BigInt, which
 * is exact always but allocates on every call. Fills `shares` and `rems` (the fractions); returns Σ shares.
 */
function floatShares(total: Cents, ws: readonly Cents[], W: number, shares: Cents[], rems: number[]): number {
  const n = ws.length;
  if (n > 16 || !(total < Number.MAX_SAFE_INTEGER && W < Number.MAX_SAFE_INTEGER)) return -1;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const x = (total * ws[i]) / W;
    const whole = Math.floor(x);
    const f = x - whole;
    const margin = 4 * Number.EPSILON * x;
    if (f <= margin || f >= 1 - margin) return -1;
    shares[i] = whole;
    rems[i] = f;
    given += whole;
  }
  const left = total - given;
  if (left < 0 || left >= n) return -1;
  if (left > 0) {
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (ws[i] === ws[j]) continue;
        const mi = 4 * Number.EPSILON * ((total * ws[i]) / W);
        const mj = 4 * Number.EPSILON * ((total * ws[j]) / W);
        if (Math.abs(rems[i] - rems[j]) <= mi + mj) return -1;
      }
    }
  }
  return given;
}

// Remainders of the split in progress: one array for every call (a split finishes before the next starts, and a
// Monte Carlo splits principal every period of every path).
let remainders: number[] = [];

/**
 * Largest-remainder split of integer cents, exact: shares are floor(total × w / Σw), the leftover cents go to the
 * largest remainders (ties to the earlier index). All-zero weights split equally. The shares are written to `out`
 * when given (an array of weights.length, returned), else to a new array.
 */
export function allocateCents(total: Cents, weights: readonly Cents[], out?: Cents[]): Cents[] {
  const n = weights.length;
  if (n === 0) return out ?? [];
  if (total < 0) throw new RangeError('allocateCents: negative total');
  let wsum = 0;
  let wmax = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w < 0) throw new RangeError('allocateCents: negative weight');
    wsum += w;
    if (w > wmax) wmax = w;
  }
  const ws = wsum === 0 ? weights.map(() => 1) : weights;
  const W = wsum === 0 ? n : wsum;
  if (out !== undefined && out.length !== n)
    throw new RangeError('allocateCents: out must have one entry per weight');
  const shares = out ?? new Array<number>(n);
  if (remainders.length < n) remainders = new Array<number>(n).fill(0);
  const rems = remainders;
  let given = 0;
  if (total * Math.max(wmax, 1) < Number.MAX_SAFE_INTEGER && W < Number.MAX_SAFE_INTEGER) {
    // Products fit in 53 bits, so % and the division of the difference are exact.
    for (let i = 0; i < n; i++) {
      const tw = total * ws[i];
      const r = tw % W;
      shares[i] = (tw - r) / W;
      rems[i] = r;
      given += shares[i];
    }
  } else if ((given = floatShares(total, ws, W, shares, rems)) < 0) {
    given = 0;
    const T = BigInt(total);
    const BW = BigInt(W);
    const big: bigint[] = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const tw = T * BigInt(ws[i]);
      shares[i] = Number(tw / BW);
      big[i] = tw % BW;
      given += shares[i];
    }
    // Rank remainders exactly, then store the rank (higher = larger remainder) for the common path below.
    const order = big
      .map((_, i) => i)
      .sort((a, b) => (big[a] === big[b] ? 0 : big[a] > big[b] ? -1 : 1) || a - b);
    order.forEach((i, k) => (rems[i] = n - k));
  }
  let left = total - given;
  if (left <= 0) return shares;
  if (left <= 8) {
    // Fewer leftover cents than classes, almost always a handful: picking the largest remainder `left` times
    // is the same order as the sort below without its allocations (a Monte Carlo splits principal every period
    // of every path). A pick marks its remainder −1, below any real one (remainders are ≥ 0).
    for (; left > 0; left--) {
      let best = 0;
      for (let i = 1; i < n; i++) if (rems[i] > rems[best]) best = i;
      shares[best] += 1;
      rems[best] = -1;
    }
    return shares;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rems[b] - rems[a] || a - b);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) shares[order[k]] += 1;
  return shares;
}
