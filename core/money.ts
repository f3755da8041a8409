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
