/**
 * A discount curve as data: pillars quoted as zero rates (compounding stated) or as par yields (coupon
 * frequency stated, bootstrapped to zeros), a day count for the time from the curve date, and an interpolation.
 *
 * Internally every pillar is held as a continuously compounded zero rate r(t), DF(t) = exp(−r t):
 * - `logLinearDiscount` (the default): ln DF linear between pillars (and from DF(0) = 1 to the first), i.e.
 *   piecewise-flat forward rates. It is the default because it is local (moving one pillar only changes the
 *   forwards beside it), never makes a wiggle the data do not have, and is what a bootstrap usually assumes
 *   (Hagan & West's "raw" interpolation; QuantLib's DiscountCurve). Past the last pillar the last forward is kept.
 * - `linearZero`: the continuously compounded zero rate linear between pillars (QuantLib's ZeroCurve with Linear
 *   interpolation converts its inputs to continuous first too); past the last pillar the instantaneous forward
 *   there is held, as QuantLib extrapolates.
 * Both are flat at the first pillar's zero rate before it.
 *
 * Par bootstrap: each pillar is a bond priced at par on the curve date paying its par yield at the stated
 * frequency on dates stepped back from maturity (a short first period accrues its months / 12); a pillar no longer
 * than one coupon period pays its single coupon at maturity (simple interest over the curve's day count). The
 * pillar's zero rate is solved so the bond is worth 1, the coupons before it discounted off the curve built so far
 * plus the new pillar (so the interpolation in force shapes the bootstrap).
 */
import { z } from 'zod';
import { DayCount, isoDate } from '../deal/schema';
import { checkMessage, customIssue } from '../i18n/messages';
import { yearFraction, type DayCountConvention } from '../time/dayCount';
import { addMonths } from '../time/isoDate';

export const CURVE_COMPOUNDINGS = ['continuous', 'annual', 'semiannual', 'quarterly', 'monthly'] as const;
export type CurveCompounding = (typeof CURVE_COMPOUNDINGS)[number];
export const CURVE_INTERPOLATIONS = ['logLinearDiscount', 'linearZero'] as const;
export type CurveInterpolation = (typeof CURVE_INTERPOLATIONS)[number];

const FREQUENCY: Record<Exclude<CurveCompounding, 'continuous'>, number> = {
  annual: 1,
  semiannual: 2,
  quarterly: 4,
  monthly: 12,
};

/** A tenor as a number of months or years: 3M, 18M, 1Y, 30Y. */
const tenor = z.string().regex(/^[1-9][0-9]{0,3}[MY]$/, checkMessage('curve.tenor', { example: '3M, 10Y' }));

export const CurvePillar = z.object({
  tenor,
  /** Annual decimal (0.0187 = 1.87%). */
  rate: z.number().finite().min(-0.2).max(1),
});
export type CurvePillar = z.infer<typeof CurvePillar>;

export const CurveFile = z
  .object({
    name: z.string().min(1).max(64),
    currency: z.string().min(3).max(3).optional(),
    /** The curve date: times run from here. */
    asOf: isoDate,
    /** Where the numbers were typed from (a public address and the publisher), so anyone can check them. */
    source: z
      .object({
        publisher: z.string().min(1).max(200),
        url: z.string().url().max(500),
        note: z.string().max(2000).optional(),
      })
      .optional(),
    /** `zero`: zero rates; `par`: par yields of bonds paying at the stated frequency (continuous not allowed). */
    quote: z.enum(['zero', 'par']),
    compounding: z.enum(CURVE_COMPOUNDINGS),
    dayCount: DayCount.default('ACT/365F'),
    interpolation: z.enum(CURVE_INTERPOLATIONS).default('logLinearDiscount'),
    pillars: z.array(CurvePillar).min(1).max(200),
  })
  .superRefine((c, ctx) => {
    if (c.quote === 'par' && c.compounding === 'continuous') {
      ctx.addIssue({
        code: 'custom',
        path: ['compounding'],
        message:
          'par yields need a coupon frequency (annual, semiannual, quarterly or monthly), not continuous',
      });
    }
    let last = 0;
    c.pillars.forEach((p, i) => {
      const m = tenorMonths(p.tenor);
      if (m <= last) {
        ctx.addIssue(customIssue('curve.tenorsIncrease', { tenor: p.tenor }, ['pillars', i, 'tenor']));
      }
      last = Math.max(last, m);
    });
  });
export type CurveFile = z.infer<typeof CurveFile>;

export function tenorMonths(t: string): number {
  const n = Number(t.slice(0, -1));
  return t.endsWith('Y') ? n * 12 : n;
}

export interface DiscountCurve {
  readonly asOf: string;
  readonly dayCount: DayCountConvention;
  readonly interpolation: CurveInterpolation;
  /** Pillar times in years from `asOf` (increasing, positive). */
  readonly times: readonly number[];
  /** Continuously compounded zero rates at the pillars. */
  readonly zeros: readonly number[];
}

/** A rate compounded `compounding` as the continuously compounded rate with the same growth. */
export function toContinuous(rate: number, compounding: CurveCompounding): number {
  if (compounding === 'continuous') return rate;
  const f = FREQUENCY[compounding];
  return f * Math.log1p(rate / f);
}

export function fromContinuous(rate: number, compounding: CurveCompounding): number {
  if (compounding === 'continuous') return rate;
  const f = FREQUENCY[compounding];
  return f * Math.expm1(rate / f);
}

/** A curve from zero rates already at times (what the file format and the bootstrap both end in). */
export function zeroCurve(
  asOf: string,
  times: readonly number[],
  rates: readonly number[],
  opts: { compounding: CurveCompounding; dayCount?: DayCountConvention; interpolation?: CurveInterpolation },
): DiscountCurve {
  if (times.length === 0 || times.length !== rates.length) throw new RangeError('a curve needs pillars');
  for (let i = 0; i < times.length; i++) {
    if (!(times[i]! > (i === 0 ? 0 : times[i - 1]!)))
      throw new RangeError('pillar times must increase from 0');
  }
  return {
    asOf,
    dayCount: opts.dayCount ?? 'ACT/365F',
    interpolation: opts.interpolation ?? 'logLinearDiscount',
    times: [...times],
    zeros: rates.map((r) => toContinuous(r, opts.compounding)),
  };
}

/** ln DF(t) under the curve's interpolation. */
function logDiscount(c: DiscountCurve, t: number): number {
  const { times, zeros } = c;
  const n = times.length;
  if (t <= times[0]!) return -zeros[0]! * t;
  if (c.interpolation === 'linearZero') {
    if (t >= times[n - 1]!) {
      // Past the end the instantaneous forward at the last pillar is held (QuantLib's ZeroCurve does the same).
      const tMax = times[n - 1]!;
      const rMax = zeros[n - 1]!;
      const slope = n > 1 ? (rMax - zeros[n - 2]!) / (tMax - times[n - 2]!) : 0;
      return -(rMax * tMax + (rMax + tMax * slope) * (t - tMax));
    }
    const i = upperIndex(times, t);
    const w = (t - times[i - 1]!) / (times[i]! - times[i - 1]!);
    return -(zeros[i - 1]! + w * (zeros[i]! - zeros[i - 1]!)) * t;
  }
  // Log-linear in DF: ln DF(t_i) = −r_i t_i, linear between; beyond the end the last segment's forward.
  const i = t >= times[n - 1]! ? Math.max(1, n - 1) : upperIndex(times, t);
  if (n === 1) return -zeros[0]! * t;
  const t0 = times[i - 1]!;
  const t1 = times[i]!;
  const l0 = -zeros[i - 1]! * t0;
  const l1 = -zeros[i]! * t1;
  return l0 + ((t - t0) / (t1 - t0)) * (l1 - l0);
}

/** The first index i with times[i] ≥ t (t inside the pillar range). */
function upperIndex(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid;
    else hi = mid;
  }
  return hi;
}

export function discountFactor(c: DiscountCurve, t: number): number {
  return Math.exp(logDiscount(c, t));
}

/** Zero rate at time t in the stated compounding (continuous by default); the first pillar's at t ≤ 0. */
export function zeroRate(c: DiscountCurve, t: number, compounding: CurveCompounding = 'continuous'): number {
  const r = t > 0 ? -logDiscount(c, t) / t : c.zeros[0]!;
  return fromContinuous(r, compounding);
}

/** Years from the curve date to `date` in the curve's day count. */
export function curveTime(c: Pick<DiscountCurve, 'asOf' | 'dayCount'>, date: string): number {
  return yearFraction(c.asOf, date, c.dayCount);
}

/** Simple forward rate over [t0, t1] with accrual fraction `tau` (what a floating coupon fixes at). */
export function forwardRate(c: DiscountCurve, t0: number, t1: number, tau: number): number {
  if (!(tau > 0)) return zeroRate(c, t1);
  return (discountFactor(c, t0) / discountFactor(c, t1) - 1) / tau;
}

/** The curve a file describes: zero pillars taken as they are, par pillars bootstrapped. */
export function buildCurve(file: CurveFile): DiscountCurve {
  const dayCount = file.dayCount;
  const interpolation = file.interpolation;
  const dates = file.pillars.map((p) => addMonths(file.asOf, tenorMonths(p.tenor)));
  const times = dates.map((d) => yearFraction(file.asOf, d, dayCount));
  if (file.quote === 'zero') {
    return zeroCurve(
      file.asOf,
      times,
      file.pillars.map((p) => p.rate),
      { compounding: file.compounding, dayCount, interpolation },
    );
  }
  if (file.compounding === 'continuous') throw new RangeError('par yields need a coupon frequency');
  const periodMonths = 12 / FREQUENCY[file.compounding];
  const solvedTimes: number[] = [];
  const solvedZeros: number[] = [];
  file.pillars.forEach((p, i) => {
    const months = tenorMonths(p.tenor);
    const T = times[i]!;
    // Coupon dates back from maturity, each paying c × months / 12 of its period (a short first one less).
    const coupons: { t: number; amount: number }[] = [];
    if (months <= periodMonths) {
      coupons.push({ t: T, amount: p.rate * T });
    } else {
      for (let m = months; m > 0; m -= periodMonths) {
        const accrued = Math.min(periodMonths, m);
        coupons.push({
          t: yearFraction(file.asOf, addMonths(file.asOf, m), dayCount),
          amount: (p.rate * accrued) / 12,
        });
      }
    }
    const value = (r: number): number => {
      const c = zeroCurve(file.asOf, [...solvedTimes, T], [...solvedZeros, r], {
        compounding: 'continuous',
        dayCount,
        interpolation,
      });
      let pv = discountFactor(c, T);
      for (const cp of coupons) pv += cp.amount * discountFactor(c, cp.t);
      return pv - 1;
    };
    // Worth falls as the pillar's zero rises (every flow that depends on it is discounted harder): bisection.
    let lo = -0.5;
    let hi = 1;
    if (!(value(lo) > 0 && value(hi) < 0)) {
      throw new RangeError(`pillar ${p.tenor}: no zero rate prices a par bond at ${p.rate} to par`);
    }
    for (let k = 0; k < 200 && hi - lo > 1e-15; k++) {
      const mid = (lo + hi) / 2;
      if (value(mid) > 0) lo = mid;
      else hi = mid;
    }
    solvedTimes.push(T);
    solvedZeros.push((lo + hi) / 2);
  });
  return zeroCurve(file.asOf, solvedTimes, solvedZeros, {
    compounding: 'continuous',
    dayCount,
    interpolation,
  });
}
