/**
 * The book to fund: the current pool run off under a scenario, plus each month's originations entering as a
 * new cohort. Projections are linear in a cohort's balance for every default and prepayment model of the
 * deal schema (rates and CNL shares), so each product is projected once at unit balance and each cohort is
 * that projection scaled and shifted: products × 1 projections instead of products × months.
 */
import type { RepLine, Scenario } from '../deal/schema';
import type { PoolProjection } from '../projection/types';
import type { Book } from './schema';

/** Projects rep lines under a scenario for `periods` months (the engine's `projectPool` adapted to lines). */
export type Projector = (lines: readonly RepLine[], scenario: Scenario, periods: number) => PoolProjection;

export interface BookProjection {
  months: number;
  /** Performing receivables at the end of each month (index 0 = start). Length months + 1, as every array here. */
  receivables: Float64Array;
  /** New defaults (charge-offs) in each month. */
  defaults: Float64Array;
  /** Principal, interest, fees and recoveries collected. */
  collections: Float64Array;
  losses: Float64Array;
  originations: Float64Array;
  /** Receivables plus the operating cash buffer. */
  need: Float64Array;
  /** Share of a new cohort still outstanding after `age` months (volume-weighted over the origination plan). */
  cohortFactor: Float64Array;
  /** Weighted average life, years, of the current pool's run-off (principal and charge-offs). */
  assetWalYears: number;
  /** Loss multiple and origination multiple the book was projected with. */
  lossMultiple: number;
}

export interface BookStress {
  startMonth: number;
  lossMultiple: number;
  originationMultiple: number;
}

const NO_STRESS: BookStress = { startMonth: 1, lossMultiple: 1, originationMultiple: 1 };

/**
 * Receivables more than `maxDaysPastDue` are ineligible. The projection has no delinquency states, so, as the
 * deal's delinquency trigger does, a loan is taken to be delinquent while it is on its way to charge-off at
 * 120 days: more than 30 dpd now means charged off within the next 3 months.
 */
export function eligibleReceivables(book: BookProjection, maxDaysPastDue: number): Float64Array {
  const pipeline = Math.max(0, Math.ceil((120 - maxDaysPastDue) / 30));
  const out = new Float64Array(book.months + 1);
  for (let t = 0; t <= book.months; t++) {
    let delinquent = 0;
    for (let k = 1; k <= pipeline; k++) {
      const j = Math.min(t + k, book.months);
      delinquent += book.defaults[j] ?? 0;
    }
    out[t] = Math.max(0, (book.receivables[t] ?? 0) - delinquent);
  }
  return out;
}

function collected(p: PoolProjection, t: number): number {
  return (
    (p.scheduledPrincipal[t] ?? 0) +
    (p.prepayment[t] ?? 0) +
    (p.interest[t] ?? 0) +
    (p.fees[t] ?? 0) +
    (p.recovery[t] ?? 0)
  );
}

/** Volume of `plan` originated in month m (1-based). */
export function originationVolume(
  plan: Book['origination'][number],
  m: number,
  stress: BookStress = NO_STRESS,
): number {
  if (plan.months !== undefined && m > plan.months) return 0;
  const growth = Math.pow(1 + plan.annualGrowth, (m - 1) / 12);
  return plan.monthlyVolume * growth * (m >= stress.startMonth ? stress.originationMultiple : 1);
}

export function projectBook(
  book: Book,
  currentPool: readonly RepLine[],
  scenario: Scenario,
  months: number,
  project: Projector,
  stress: BookStress = NO_STRESS,
): BookProjection {
  const sc: Scenario = { ...scenario, defaultMultiple: scenario.defaultMultiple * stress.lossMultiple };
  const H = months;
  const receivables = new Float64Array(H + 1);
  const defaults = new Float64Array(H + 1);
  const collections = new Float64Array(H + 1);
  const losses = new Float64Array(H + 1);
  const originations = new Float64Array(H + 1);
  const cohortFactor = new Float64Array(H + 1);

  const current = project(currentPool, sc, H);
  let runoff = 0;
  let runoffTime = 0;
  for (let t = 0; t <= H; t++) {
    receivables[t] = current.endBalance[t] ?? 0;
    defaults[t] = t > 0 ? (current.defaults[t] ?? 0) : 0;
    collections[t] = t > 0 ? collected(current, t) : 0;
    losses[t] = t > 0 ? (current.loss[t] ?? 0) : 0;
    if (t > 0) {
      const out = (current.beginBalance[t] ?? 0) - (current.endBalance[t] ?? 0);
      runoff += out;
      runoffTime += (out * t) / 12;
    }
  }
  // What is still outstanding at the horizon leaves then: a floor on WAL rather than a guess beyond it.
  runoff += receivables[H] ?? 0;
  runoffTime += ((receivables[H] ?? 0) * H) / 12;
  const assetWalYears = runoff > 0 ? runoffTime / runoff : 0;

  let weight = 0;
  for (const plan of book.origination) {
    const unit: RepLine = {
      ...plan.line,
      balance: 1,
      originalBalance: 1,
      remainingTerm: plan.line.originalTerm,
    };
    const u = project([unit], sc, H);
    const w = plan.monthlyVolume;
    weight += w;
    for (let a = 0; a <= H; a++) cohortFactor[a] = (cohortFactor[a] ?? 0) + w * (u.endBalance[a] ?? 0);
    for (let m = 1; m <= H; m++) {
      const v = originationVolume(plan, m, stress);
      if (v === 0) continue;
      originations[m] = (originations[m] ?? 0) + v;
      // A cohort written in month m is on the book at the end of m (age 0) and runs off from m + 1.
      for (let t = m; t <= H; t++) {
        const a = t - m;
        receivables[t] = (receivables[t] ?? 0) + v * (u.endBalance[a] ?? 0);
        if (a > 0) {
          defaults[t] = (defaults[t] ?? 0) + v * (u.defaults[a] ?? 0);
          collections[t] = (collections[t] ?? 0) + v * collected(u, a);
          losses[t] = (losses[t] ?? 0) + v * (u.loss[a] ?? 0);
        }
      }
    }
  }
  if (weight > 0) for (let a = 0; a <= H; a++) cohortFactor[a] = (cohortFactor[a] ?? 0) / weight;
  else cohortFactor.fill(1);

  const need = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) {
    const r = receivables[t] ?? 0;
    need[t] = r + Math.max(book.cashBuffer.minimum, r * book.cashBuffer.percentOfReceivables);
  }
  return {
    months: H,
    receivables,
    defaults,
    collections,
    losses,
    originations,
    need,
    cohortFactor,
    assetWalYears,
    lossMultiple: stress.lossMultiple,
  };
}

/** A book given month by month (tests, and callers with their own projection). */
export function bookFromArrays(a: {
  receivables: readonly number[];
  need?: readonly number[];
  defaults?: readonly number[];
  originations?: readonly number[];
  cohortFactor?: readonly number[];
  assetWalYears?: number;
}): BookProjection {
  const H = a.receivables.length - 1;
  const arr = (x: readonly number[] | undefined, fill = 0): Float64Array => {
    const out = new Float64Array(H + 1).fill(fill);
    if (x) for (let i = 0; i <= H; i++) out[i] = x[i] ?? x[x.length - 1] ?? fill;
    return out;
  };
  const receivables = arr(a.receivables);
  return {
    months: H,
    receivables,
    defaults: arr(a.defaults),
    collections: new Float64Array(H + 1),
    losses: new Float64Array(H + 1),
    originations: arr(a.originations),
    need: a.need ? arr(a.need) : Float64Array.from(receivables),
    cohortFactor: arr(a.cohortFactor, 1),
    assetWalYears: a.assetWalYears ?? 0,
    lossMultiple: 1,
  };
}
