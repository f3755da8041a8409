/**
 * The book to fund: the current pool run off under a scenario, plus each month's originations entering as a
 * new cohort. Projections are linear in a cohort's balance for every default and prepayment model of the
 * deal schema (rates and CNL shares), so each product is projected once at unit balance and each cohort is
 * that projection scaled and shifted: products × 1 projections instead of products × months.
 */
import type { Curve, DefaultAssumption, RepLine, Scenario } from '../deal/schema';
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
  /**
   * Share of a new cohort still outstanding after `age` months (volume-weighted over the origination plan; the
   * current pool's run-off when nothing is originated).
   */
  cohortFactor: Float64Array;
  /** The same share over the cohort's whole life (ages 0..LIFE_MONTHS), past the horizon: fees amortise over it. */
  cohortLife: Float64Array;
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

/** How far a cohort is run to know its whole life (the schema's longest term). */
export const LIFE_MONTHS = 600;

/** A curve multiplied by `m` from period `from` (1-based) on, unchanged before it. */
function curveFrom(c: Curve, m: number, from: number, what: string): Curve {
  if (typeof c === 'number') return { vector: [...new Array<number>(from - 1).fill(c), c * m], by: 'period' };
  if ('vector' in c) {
    if (c.by === 'age')
      throw new Error(
        `${what}: default curve: a loss stress that starts after month 1 needs a curve by period or a formula, not by age`,
      );
    const v = c.vector.slice();
    const last = v[v.length - 1] ?? 0;
    while (v.length < from) v.push(last);
    return { vector: v.map((x, i) => (i + 1 >= from ? x * m : x)), by: 'period' };
  }
  return { formula: `(period >= ${from} ? ${m} : 1) * (${c.formula})` };
}

function defaultFrom(d: DefaultAssumption, m: number, from: number, what: string): DefaultAssumption {
  if (d.model === 'CNL')
    // The timing is by period since entry: the stressed months spend m times their share of the lifetime loss.
    return { ...d, timing: d.timing.map((x, i) => (i + 1 >= from ? x * m : x)) };
  return { ...d, curve: curveFrom(d.curve, m, from, what) };
}

/**
 * The scenario with its defaults multiplied by `m` from period `from` of a line's life in the pool: a stress that
 * starts in month S hits a line that entered in month e from its period S − e.
 */
export function stressedFrom(scenario: Scenario, m: number, from: number): Scenario {
  if (m === 1) return scenario;
  if (from <= 1) return { ...scenario, defaultMultiple: scenario.defaultMultiple * m };
  const what = `scenario '${scenario.name}'`;
  return {
    ...scenario,
    default: defaultFrom(scenario.default, m, from, what),
    overrides: scenario.overrides.map((o) =>
      o.default ? { ...o, default: defaultFrom(o.default, m, from, `${what}, segment '${o.segment}'`) } : o,
    ),
  };
}

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
  // The loss stress applies from its start month, as the origination stress does: a cohort written in month m
  // is in its period S − m when the stress starts in month S.
  const sc = (from: number): Scenario => stressedFrom(scenario, stress.lossMultiple, from);
  const H = months;
  const receivables = new Float64Array(H + 1);
  const defaults = new Float64Array(H + 1);
  const collections = new Float64Array(H + 1);
  const losses = new Float64Array(H + 1);
  const originations = new Float64Array(H + 1);
  const cohortFactor = new Float64Array(H + 1);
  const L = Math.max(H, LIFE_MONTHS);
  const cohortLife = new Float64Array(L + 1);

  const current = project(currentPool, sc(stress.startMonth), H);
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
    // A cohort's shape as new business written under the scenario (stressed, if the stress is on).
    const life = project([unit], sc(1), L);
    const byStart = new Map<number, PoolProjection>();
    const cohort = (m: number): PoolProjection => {
      const from = Math.max(1, stress.startMonth - m);
      if (from <= 1) return life;
      let p = byStart.get(from);
      if (!p) {
        p = project([unit], sc(from), H);
        byStart.set(from, p);
      }
      return p;
    };
    const w = plan.monthlyVolume;
    weight += w;
    for (let a = 0; a <= H; a++) cohortFactor[a] = (cohortFactor[a] ?? 0) + w * (life.endBalance[a] ?? 0);
    for (let a = 0; a <= L; a++) cohortLife[a] = (cohortLife[a] ?? 0) + w * (life.endBalance[a] ?? 0);
    for (let m = 1; m <= H; m++) {
      const v = originationVolume(plan, m, stress);
      if (v === 0) continue;
      const u = cohort(m);
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
  if (weight > 0) {
    for (let a = 0; a <= H; a++) cohortFactor[a] = (cohortFactor[a] ?? 0) / weight;
    for (let a = 0; a <= L; a++) cohortLife[a] = (cohortLife[a] ?? 0) / weight;
  } else {
    // No new business: what is securitised or sold is the current pool, so it runs off as that pool does.
    const pool = project(currentPool, sc(stress.startMonth), L);
    const start = pool.endBalance[0] ?? 0;
    for (let a = 0; a <= L; a++) cohortLife[a] = start > 0 ? (pool.endBalance[a] ?? 0) / start : 1;
    for (let a = 0; a <= H; a++) cohortFactor[a] = cohortLife[a] ?? 0;
  }

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
    cohortLife,
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
    cohortLife: arr(a.cohortFactor, 1),
    assetWalYears: a.assetWalYears ?? 0,
    lossMultiple: 1,
  };
}
