/**
 * The pool as of period k, and the projection restarted from it: what surveillance re-projects from a payment
 * date. A restart from the state the deal's own projection reaches at k, under the same scenario, gives that
 * projection's periods k+1… to the bit (so to the cent once the waterfall rounds them).
 *
 * What carries from month to month, for each loan or rep line (./runoff.ts, one month):
 * - the performing balance PERF and the months left, the age, and the months since the loan entered the pool;
 * - the contractual schedule's recurrence state x (level pay: (1 + i)^−months left; level pay at a rate near
 *   zero: −annuity factor; equal instalments: −months left), so the ratio r continues bit for bit;
 * - the performing share (running product of 1 − MDR − SMM) and the contractual balance, which scale the
 *   instalment fee on original principal and the expected count of receivables;
 * - under a CNL budget: the balance at entry the curve is a share of, its re-timing factor and lump;
 * and for the pool (each part of it projected on its own): the defaults of the last `lag` months awaiting
 * liquidation with severity × them, per recovery lag, and the running balance awaiting liquidation; under
 * servicer advancing, each loan's defaulted balances still amortising towards liquidation instead.
 *
 * Period convention: assumption curves by period read the months since the loan ENTERED the pool (the cut-off
 * for the pool at closing, the purchase month for receivables bought while revolving, as ../structure/
 * poolLedger.ts shifts cohorts), so restarted month j reads period monthsInPool + j; curves by age read the
 * loan's age + j. A restart from period k therefore reads period k + j for the closing pool, never period j.
 *
 * The month is the kernel's own (./loanMonths.ts, which ./runoff.ts calls too), run from a state in and out;
 * tests/unit/projection/restart.test.ts pins the two together bit for bit.
 */
import type { Deal, Scenario } from '../deal/schema';
import { resolveScenario, type PeriodTables, type ResolvedScenario } from '../assumptions/scenarioTables';
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { PRODUCT_CODES, type LoanPool } from '../pool/loanPool';
import { horizon, runDeal, slices } from '../run';
import { shardRanges, sliceArrays, sumProjections } from './combine';
import { loanPoolArrays, repLineArrays, type LoanArrays } from './loanArrays';
import { arrays, type PoolInput } from './project';
import {
  F_COUNT,
  F_DEF,
  F_END,
  F_FEE,
  F_INT,
  F_PRE,
  F_SCHED,
  fillRatios,
  generalMonth,
  INTEREST_FREE_FEE,
  newScheduleForm,
  rateMonth,
  REVOLVING,
  scheduleForm,
  scheduleState,
  SINGLE_PAYMENT,
  STRIDE,
} from './loanMonths';
import { PROJECTION_SERIES, type PoolProjection } from './types';
import type { PoolGroup } from '../structure/poolLedger';
import type { ServicerReport } from '../surveillance/servicerReport';

/** Loans (or rep lines) as of period k, one typed array per field. */
export interface LoanState {
  readonly size: number;
  readonly segmentNames: readonly string[];
  /** Index into PRODUCT_CODES. */
  readonly product: Uint8Array;
  readonly segment: Uint16Array;
  readonly rate: Float64Array;
  readonly monthlyFeeRate: Float64Array;
  readonly originalBalance: Float64Array;
  readonly paymentRate: Float64Array;
  readonly originalTerm: Uint16Array;
  /** Months left at k (0 once matured). */
  readonly remainingTerm: Uint16Array;
  /** Months since origination at k. */
  readonly age: Uint16Array;
  /** Months since the loan entered the pool, at k: curves by period read monthsInPool + j in month j. */
  readonly monthsInPool: Uint16Array;
  /** Performing balance at k. */
  readonly balance: Float64Array;
  /** Receivables the entry stood for when it entered the pool (the expected count now is count × share). */
  readonly count: Float64Array;
  /** The contractual schedule's recurrence state (see the module comment). */
  readonly schedule: Float64Array;
  /** Performing share: PERF / the contractual balance, as the product of the months' survival. */
  readonly share: Float64Array;
  /** Contractual balance (no default, no prepayment) since entry; a CNL loan's fee and count divide by it. */
  readonly contractual: Float64Array;
  /** CNL budget: the balance at entry that the timing curve is a share of. */
  readonly entryBalance: Float64Array;
  /** CNL budget re-timed inside the loan's life: factor on each month's share (1 when not re-timed). */
  readonly cnlScale: Float64Array;
  /** CNL budget falling due at maturity when the curve put none of it inside the life, and that month (entry months; 0: none). */
  readonly lump: Float64Array;
  readonly lumpMonth: Uint16Array;
}

/** Defaults awaiting liquidation for one recovery lag: index i defaulted in period k − lag + 1 + i. */
export interface PipelineGroup {
  readonly lag: number;
  readonly defaults: Float64Array;
  /** Severity × those defaults: the loss their liquidation realises. */
  readonly losses: Float64Array;
}

/**
 * Servicer advancing: balances that defaulted and keep amortising (scheduled principal and interest advanced)
 * until liquidation, per loan, in loan order then month order. `month` counts from the loan's entry into the
 * pool, as monthsInPool does; `balance` is the amortised balance at the state's period; `loss` is severity × the
 * balance at default, the loss the liquidation will realise (capped at what is left).
 */
export interface AdvancedDefaults {
  readonly loan: Uint32Array;
  readonly month: Uint16Array;
  readonly balance: Float64Array;
  readonly loss: Float64Array;
}

/**
 * One part of the pool, projected on its own and added to the others in order: a shard of a large loan-level
 * pool, a (segment, product) slice that concentration limits watch, or a cohort bought while revolving (a unit
 * projection of a profile line scaled by `scale`, as ../structure/poolLedger.ts adds it).
 */
export interface PoolStatePart {
  /** The slice's segment and product, for the composition concentration limits read; absent when unsliced. */
  readonly slice?: { readonly segment: string; readonly product: string };
  /** Flows are the loans' flows × scale (a cohort: par bought / the profile line's balance; else 1). */
  readonly scale: number;
  /** Period the part entered the pool (0: the cut-off; a cohort: its purchase period). */
  readonly enteredPeriod: number;
  readonly loans: LoanState;
  /** Per recovery lag, in the order the projection adds them. */
  readonly pipeline: readonly PipelineGroup[];
  /** Defaulted balance awaiting liquidation: the projection's running sum, carried as is. */
  readonly pending: number;
  /** Servicer advancing: defaulted balances still amortising towards liquidation (absent without advancing). */
  readonly advanced?: AdvancedDefaults;
  /** CNL budgets of the part's loans: stated at entry, realised so far (see PoolProjection.cnlBudget). */
  readonly cnl: { stated: number; realised: number; retimed: number; balance: number };
}

/** The pool as of the end of period `period` (since the deal's cut-off). */
export interface PoolState {
  readonly period: number;
  readonly parts: readonly PoolStatePart[];
}

/** A pool state that cannot be built or restarted, with a coded message. */
export class RestartError extends Error {
  constructor(readonly problem: CoreMessage) {
    super(problem.message);
    this.name = 'RestartError';
  }
}

export { scheduleState } from './loanMonths';

function emptyLoans(n: number, segmentNames: readonly string[]): LoanState {
  return {
    size: n,
    segmentNames,
    product: new Uint8Array(n),
    segment: new Uint16Array(n),
    rate: new Float64Array(n),
    monthlyFeeRate: new Float64Array(n),
    originalBalance: new Float64Array(n),
    paymentRate: new Float64Array(n),
    originalTerm: new Uint16Array(n),
    remainingTerm: new Uint16Array(n),
    age: new Uint16Array(n),
    monthsInPool: new Uint16Array(n),
    balance: new Float64Array(n),
    count: new Float64Array(n),
    schedule: new Float64Array(n),
    share: new Float64Array(n),
    contractual: new Float64Array(n),
    entryBalance: new Float64Array(n),
    cnlScale: new Float64Array(n),
    lump: new Float64Array(n),
    lumpMonth: new Uint16Array(n),
  };
}

/** A deep copy, for a run that advances the state without touching its input. */
function copyLoans(l: LoanState): LoanState {
  return {
    size: l.size,
    segmentNames: l.segmentNames,
    product: l.product.slice(),
    segment: l.segment.slice(),
    rate: l.rate.slice(),
    monthlyFeeRate: l.monthlyFeeRate.slice(),
    originalBalance: l.originalBalance.slice(),
    paymentRate: l.paymentRate.slice(),
    originalTerm: l.originalTerm.slice(),
    remainingTerm: l.remainingTerm.slice(),
    age: l.age.slice(),
    monthsInPool: l.monthsInPool.slice(),
    balance: l.balance.slice(),
    count: l.count.slice(),
    schedule: l.schedule.slice(),
    share: l.share.slice(),
    contractual: l.contractual.slice(),
    entryBalance: l.entryBalance.slice(),
    cnlScale: l.cnlScale.slice(),
    lump: l.lump.slice(),
    lumpMonth: l.lumpMonth.slice(),
  };
}

/**
 * Loans entering the pool at their cut-off (monthsInPool 0), as ./runoff.ts sets them up; `horizon` is the run's,
 * which decides whether a CNL curve longer than a loan's life is re-timed inside it.
 */
export function enterPart(
  a: LoanArrays,
  scenario: ResolvedScenario,
  horizonMonths: number,
  opts: { scale?: number; enteredPeriod?: number; slice?: PoolStatePart['slice'] } = {},
): PoolStatePart {
  const n = a.size;
  const l = emptyLoans(n, a.segmentNames);
  const segs = a.segmentNames.map((s) => scenario.segment(s));
  const cnl = { stated: 0, realised: 0, retimed: 0, balance: 0 };
  for (let i = 0; i < n; i++) {
    const prod = a.product[i]!;
    const seg = a.segment[i]!;
    const b0 = a.balance[i]!;
    // A tape may carry a loan already at maturity (0 months left): its balance is due in the first month.
    const rem = a.remainingTerm[i]! || 1;
    const im = prod === INTEREST_FREE_FEE ? 0 : a.rate[i]! / 12;
    l.product[i] = prod;
    l.segment[i] = seg;
    l.rate[i] = a.rate[i]!;
    l.monthlyFeeRate[i] = a.monthlyFeeRate[i]!;
    l.originalBalance[i] = a.originalBalance[i]!;
    l.paymentRate[i] = a.paymentRate[i]!;
    l.originalTerm[i] = a.originalTerm[i]!;
    l.remainingTerm[i] = rem;
    l.age[i] = Math.max(0, a.originalTerm[i]! - rem);
    l.balance[i] = b0;
    l.count[i] = a.count === null ? 1 : a.count[i]!;
    l.schedule[i] = scheduleState(prod, im, rem, rem);
    l.share[i] = 1;
    l.contractual[i] = b0;
    l.entryBalance[i] = b0;
    l.cnlScale[i] = 1;
    const s = segs[seg];
    if (s === undefined) throw new RangeError(`loan ${i}: segment index ${seg} has no name in segmentNames`);
    if (!(b0 > 0) || s.defaultModel !== 'CNL') continue;
    const t = s.tables(l.age[i]!);
    if (prod !== REVOLVING && rem <= horizonMonths) {
      const total = t.cnlTimingTotal;
      const within = t.cnlTimingCum[rem]!;
      if (within < total * (1 - 1e-12)) {
        cnl.retimed++;
        if (within > 0) l.cnlScale[i] = total / within;
        else {
          const sev = t.severity[rem]!;
          l.lumpMonth[i] = rem;
          l.lump[i] = (b0 * t.cnlNetLoss) / (sev > 0 ? sev : 1);
        }
      }
    }
    cnl.stated += b0 * t.cnlNetLoss;
    cnl.balance += b0;
  }
  return {
    ...(opts.slice ? { slice: opts.slice } : {}),
    scale: opts.scale ?? 1,
    enteredPeriod: opts.enteredPeriod ?? 0,
    loans: l,
    pipeline: [],
    pending: 0,
    cnl,
  };
}

function emptyProjection(periods: number): { -readonly [K in keyof PoolProjection]: PoolProjection[K] } {
  const n = periods + 1;
  return {
    periods,
    beginBalance: new Float64Array(n),
    defaults: new Float64Array(n),
    interest: new Float64Array(n),
    fees: new Float64Array(n),
    scheduledPrincipal: new Float64Array(n),
    prepayment: new Float64Array(n),
    loss: new Float64Array(n),
    recovery: new Float64Array(n),
    endBalance: new Float64Array(n),
    pendingDefaults: new Float64Array(n),
    count: new Float64Array(n),
  };
}

/** Tables covering every month a run from this part reads (monthsInPool + periods at most). */
function resolvedFor(scenario: Scenario, parts: readonly PoolStatePart[], periods: number): ResolvedScenario {
  let most = 0;
  for (const p of parts)
    for (let i = 0; i < p.loans.size; i++) most = Math.max(most, p.loans.monthsInPool[i]!);
  return resolveScenario(scenario, most + periods);
}

/**
 * Runs one part `periods` months on from its state: its flows (unscaled; index 0 the state) and its state after.
 * Each month is ./loanMonths.ts's, as ./runoff.ts runs it, into the same accumulators in the same loan order, so
 * the same loans give the same bits.
 */
function runPart(
  part: PoolStatePart,
  scenario: ResolvedScenario,
  periods: number,
): { flows: PoolProjection; after: PoolStatePart } {
  const P = periods;
  const advancing = scenario.servicerAdvancing;
  const n1 = P + 1;
  const out = emptyProjection(P);
  const loans = copyLoans(part.loans);
  const { product, segment, rate, monthlyFeeRate, originalBalance, paymentRate } = loans;
  const { remainingTerm, age, monthsInPool, balance, count, schedule, share, contractual } = loans;
  const { entryBalance, cnlScale, lump, lumpMonth } = loans;
  const segs = loans.segmentNames.map((s) => scenario.segment(s));
  const lagValues = [...new Set(segs.map((s) => s.recoveryLagMonths))];
  const lagGroup = segs.map((s) => lagValues.indexOf(s.recoveryLagMonths));
  // Defaults and severity × defaults by period of default, per recovery lag (as runoff's byLag).
  const byLag = new Float64Array(lagValues.length * n1 * 2);
  // Period totals interleaved as runoff's (restarted month j at j × STRIDE), read out after the loans.
  const acc = new Float64Array(n1 * STRIDE);
  const form = newScheduleForm();
  const D = out.defaults;
  const I = out.interest;
  const Fe = out.fees;
  const S = out.scheduledPrincipal;
  const PR = out.prepayment;
  const E = out.endBalance;
  const C = out.count;
  let start = 0;
  let startCount = 0;
  let realised = 0;
  // Servicer advancing (runoff's advance()): the loan's ratios and new defaults by month, the advanced flows, the
  // carried entries (a cursor over them) and the entries still awaiting liquidation after the run.
  const ratioJ = new Float64Array(n1 + 1);
  const defaultedJ = new Float64Array(n1 + 1);
  const advInterest = new Float64Array(n1);
  const advSched = new Float64Array(n1);
  const advPending = new Float64Array(n1);
  const carriedAdv = part.advanced;
  let ci = 0;
  const kept: { loan: number[]; month: number[]; balance: number[]; loss: number[] } = {
    loan: [],
    month: [],
    balance: [],
    loss: [],
  };

  for (let i = 0; i < loans.size; i++) {
    let perf = balance[i]!;
    const prod = product[i]!;
    const m = monthsInPool[i]!;
    const remK = remainingTerm[i]!;
    const hasCarried = carriedAdv !== undefined && ci < carriedAdv.loan.length && carriedAdv.loan[ci] === i;
    if ((!(perf > 0) || (prod !== REVOLVING && remK === 0)) && !hasCarried) {
      // Nothing left to project; the clock still runs.
      monthsInPool[i] = m + P;
      age[i] = age[i]! + P;
      if (prod !== REVOLVING) remainingTerm[i] = Math.max(0, remK - P);
      continue;
    }
    if (prod >= PRODUCT_CODES.length)
      throw new RestartError(coreMessage('restart.unknownProduct', { code: prod, index: i }));
    const seg = segment[i]!;
    const sa = segs[seg]!;
    start += perf;
    const cnt0 = count[i]!;
    startCount += cnt0 * share[i]!;
    // The loan in its entry coordinates: month p since it entered, rem0 months left then.
    const rem0 = remK + m;
    const season0 = age[i]! - m;
    const t: PeriodTables = sa.tables(season0);
    const { smm, mdr, severity } = t;
    const group = lagGroup[seg]!;
    const last = prod === REVOLVING ? m + P : rem0 < m + P ? rem0 : m + P;
    const lastDefault = prod === REVOLVING ? last : Math.min(last, rem0 - sa.noDefaultMonths);
    const im = prod === INTEREST_FREE_FEE ? 0 : rate[i]! / 12;
    const imPay = prod === SINGLE_PAYMENT ? 0 : im;
    const imAccrued = prod === SINGLE_PAYMENT ? im : 0;
    const accruedMonths0 = season0;
    const fee = prod === REVOLVING ? 0 : originalBalance[i]! * monthlyFeeRate[i]!;
    const balanceFee = prod === REVOLVING ? monthlyFeeRate[i]! : 0;
    const isCnl = sa.defaultModel === 'CNL';
    let x = schedule[i]!;
    let sh = share[i]!;
    let contract = contractual[i]!;

    if (!isCnl && !advancing) {
      // The contractual ratio in runoff's one form, chosen by the months left at entry as runoff chose it.
      scheduleForm(form, prod, im, rem0, paymentRate[i]!);
      const { A, B, C: Cc, u, w } = form;
      const matures = prod === REVOLVING ? -1 : rem0;
      for (let p = m + 1; p <= last; p++) {
        const r = p === matures ? 0 : A - B / (Cc - x);
        x = x * u + w;
        const s = smm[p]!;
        // Past the default stop: runoff's zero-default rows (MDR 0, survival 1 − SMM).
        let mr = 0;
        let g: number;
        if (p <= lastDefault) {
          mr = mdr[p]!;
          const g0 = 1 - mr - s;
          g = g0 > 0 ? g0 : 0;
        } else {
          g = 1 - s;
        }
        const next = sh * g;
        perf = rateMonth(
          acc,
          p - m,
          perf,
          r,
          mr,
          s,
          severity[p]!,
          sh,
          next,
          imPay,
          imAccrued,
          accruedMonths0 + p,
          fee,
          balanceFee,
          cnt0,
          byLag,
          group,
          n1,
        );
        sh = next;
        contract *= r;
      }
    } else {
      x = fillRatios(ratioJ, prod, im, rem0, paymentRate[i]!, x, m + 1, last, m);
      const cnl = t.cnl;
      const b0 = entryBalance[i]!;
      const scale = cnlScale[i]!;
      const lumpAt = lumpMonth[i]!;
      const lumpAmount = lump[i]!;
      for (let p = m + 1; p <= last; p++) {
        const j = p - m;
        const r = ratioJ[j]!;
        let def = 0;
        if (p <= lastDefault) {
          def = perf * mdr[p]! + b0 * cnl[p]! * scale;
          if (p === lumpAt) def += lumpAmount;
          if (def > perf) def = perf;
        }
        const sevDef = severity[p]! * def;
        if (isCnl) realised += sevDef;
        const after = contract * r;
        perf = generalMonth(
          acc,
          j,
          perf,
          def,
          r,
          smm[p]!,
          sevDef,
          contract,
          after,
          imPay,
          imAccrued,
          accruedMonths0 + p,
          fee,
          balanceFee,
          cnt0,
          byLag,
          group,
          n1,
          advancing ? defaultedJ : null,
        );
        contract = after;
        sh = contract > 0 ? perf / contract : 0;
      }
    }
    if (advancing) {
      // Past maturity the advanced balance has nothing left to amortise against: ratio 0, as runoff sets it.
      for (let j = last - m + 1; j <= P; j++) ratioJ[j] = 0;
      const lagM = sa.recoveryLagMonths;
      const end = m + P;
      // One defaulted balance from month `from` (its month of default when fresh, else m) to liquidation or the end.
      const follow = (p: number, d0: number, sevD0: number, fresh: boolean): void => {
        let d = d0;
        const q = p + lagM;
        let k0 = m + 1;
        if (fresh) {
          k0 = p + 1;
          if (q > p || q > end) {
            const rp = ratioJ[p - m]!;
            advSched[p - m] += d * (1 - rp);
            d *= rp;
            advPending[p - m] += d;
          }
        }
        const stop = q > end ? end : q - 1;
        for (let k = k0; k <= stop; k++) {
          const j = k - m;
          advInterest[j] += d * imPay;
          const rk = ratioJ[j]!;
          advSched[j] += d * (1 - rk);
          d *= rk;
          advPending[j] += d;
        }
        if (q > end) {
          kept.loan.push(i);
          kept.month.push(p);
          kept.balance.push(d);
          kept.loss.push(sevD0);
          return;
        }
        const l = sevD0 < d ? sevD0 : d;
        out.loss[q - m] += l;
        out.recovery[q - m] += d - l;
      };
      while (carriedAdv !== undefined && ci < carriedAdv.loan.length && carriedAdv.loan[ci] === i) {
        follow(carriedAdv.month[ci]!, carriedAdv.balance[ci]!, carriedAdv.loss[ci]!, false);
        ci++;
      }
      for (let p = m + 1; p <= last; p++) {
        const d0 = defaultedJ[p - m]!;
        if (d0 > 0) follow(p, d0, severity[p]! * d0, true);
      }
    }
    balance[i] = perf;
    schedule[i] = x;
    share[i] = sh;
    contractual[i] = contract;
    monthsInPool[i] = m + P;
    age[i] = age[i]! + P;
    if (prod !== REVOLVING) remainingTerm[i] = Math.max(0, remK - P);
  }

  for (let j = 1; j <= P; j++) {
    const a = j * STRIDE;
    D[j] = acc[a + F_DEF]!;
    I[j] = acc[a + F_INT]!;
    Fe[j] = acc[a + F_FEE]!;
    S[j] = acc[a + F_SCHED]!;
    PR[j] = acc[a + F_PRE]!;
    E[j] = acc[a + F_END]!;
    C[j] = acc[a + F_COUNT]!;
  }
  out.beginBalance[0] = start;
  E[0] = start;
  C[0] = startCount;
  for (let j = 1; j <= P; j++) out.beginBalance[j] = E[j - 1]!;
  if (advancing) {
    // runoff adds the advanced interest and principal first and the performing loans' after.
    for (let j = 1; j <= P; j++) {
      I[j] = advInterest[j]! + I[j]!;
      S[j] = advSched[j]! + S[j]!;
    }
  }

  // Liquidation, lag by lag in the kernel's order; the defaults of months up to k come from the pipeline.
  const carried = new Map(part.pipeline.map((g) => [g.lag, g]));
  const lags = [...lagValues, ...part.pipeline.map((g) => g.lag).filter((l) => !lagValues.includes(l))];
  const liquidated = new Float64Array(n1);
  const liquidatedLoss = new Float64Array(n1);
  const defaultsAt = (lag: number, j: number): [number, number] => {
    // Defaults of restarted month j (≤ 0: month k + j, from the pipeline) in the group of `lag`.
    if (j >= 1) {
      const g = lagValues.indexOf(lag);
      if (g < 0) return [0, 0];
      const b = (g * n1 + j) * 2;
      return [byLag[b]!, byLag[b + 1]!];
    }
    const c = carried.get(lag);
    const idx = j + lag - 1;
    if (!c || idx < 0 || idx >= c.defaults.length) return [0, 0];
    return [c.defaults[idx]!, c.losses[idx]!];
  };
  for (const lag of lags) {
    for (let q = 1; q <= P; q++) {
      const [d, sd] = defaultsAt(lag, q - lag);
      liquidated[q] += d;
      liquidatedLoss[q] += sd;
    }
  }
  // Under advancing the charge-off pipeline is empty (unless the state was projected without advancing): the
  // advanced balances are their own pipeline.
  let pending = part.pending;
  let advancedAtStart = 0;
  for (let c = 0; carriedAdv !== undefined && c < carriedAdv.balance.length; c++)
    advancedAtStart += carriedAdv.balance[c]!;
  out.pendingDefaults[0] = (pending > 0 ? pending : 0) + advancedAtStart;
  for (let j = 1; j <= P; j++) {
    out.loss[j] += liquidatedLoss[j]!;
    out.recovery[j] += liquidated[j]! - liquidatedLoss[j]!;
    pending += (advancing ? 0 : D[j]!) - liquidated[j]!;
    out.pendingDefaults[j] = (pending > 0 ? pending : 0) + advPending[j]!;
  }
  const pipeline: PipelineGroup[] = lags
    .filter((lag) => lag > 0)
    .map((lag) => {
      const defaults = new Float64Array(lag);
      const losses = new Float64Array(lag);
      for (let i = 0; i < lag; i++) {
        const [d, sd] = defaultsAt(lag, P - lag + 1 + i);
        defaults[i] = d;
        losses[i] = sd;
      }
      return { lag, defaults, losses };
    });
  return {
    flows: out,
    after: {
      ...part,
      loans,
      pipeline,
      pending,
      cnl: { ...part.cnl, realised: part.cnl.realised + realised },
      ...(kept.loan.length > 0
        ? {
            advanced: {
              loan: Uint32Array.from(kept.loan),
              month: Uint16Array.from(kept.month),
              balance: Float64Array.from(kept.balance),
              loss: Float64Array.from(kept.loss),
            },
          }
        : { advanced: undefined }),
    },
  };
}

/** The parts a projection of `a` is added from: one, or the shards ./project.ts projects a large pool in. */
function shards(a: LoanArrays): LoanArrays[] {
  return shardRanges(a.size).length <= 1 ? [a] : shardRanges(a.size).map(([s, e]) => sliceArrays(a, s, e));
}

/** Every part `months` further on (each from its own state). */
export function advancePool(state: PoolState, scenario: Scenario, months: number): PoolState {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be ≥ 0, got ${months}`);
  const resolved = resolvedFor(scenario, state.parts, months);
  return {
    period: state.period + months,
    parts: state.parts.map((p) => runPart(p, resolved, months).after),
  };
}

/** A part's flows × its scale, as PoolLedger.addCohort scales a unit projection. */
function scaled(flows: PoolProjection, scale: number): PoolProjection {
  if (scale === 1) return flows;
  const out = emptyProjection(flows.periods);
  for (const f of PROJECTION_SERIES) {
    const src = flows[f];
    const dst = out[f];
    for (let t = 0; t <= flows.periods; t++) dst[t] = src[t]! * scale;
  }
  return out;
}

/**
 * The projection from the state on, index 0 the state (its performing balance, pending defaults and expected
 * count), index j period state.period + j; and the pool by slice for concentration limits: each (segment,
 * product) slice of the closing pool, then each cohort bought so far, in the order ../structure/poolLedger.ts
 * adds them, so a waterfall restarted on them sees the same pool to the bit.
 */
export function projectPartsFrom(
  state: PoolState,
  scenario: Scenario,
  periods: number,
): { projection: PoolProjection; composition: PoolGroup[] } {
  if (!Number.isInteger(periods) || periods < 0)
    throw new RangeError(`periods must be a whole number ≥ 0, got ${periods}`);
  const resolved = resolvedFor(scenario, state.parts, periods);
  const runs = state.parts.map((p) => ({ part: p, ...runPart(p, resolved, periods) }));
  const flows = runs.map((r) => scaled(r.flows, r.part.scale));
  const summed = sumProjections(flows, periods);
  const composition: PoolGroup[] = [];
  let i = 0;
  while (i < runs.length) {
    const first = runs[i]!.part;
    const slice = first.slice;
    if (!slice) {
      i++;
      continue;
    }
    // The closing pool's slice is its shards added; a cohort stands alone.
    let j = i + 1;
    if (first.enteredPeriod === 0) {
      while (
        j < runs.length &&
        runs[j]!.part.enteredPeriod === 0 &&
        runs[j]!.part.slice?.segment === slice.segment &&
        runs[j]!.part.slice?.product === slice.product
      )
        j++;
    }
    const endBalance =
      j - i === 1 ? flows[i]!.endBalance : sumProjections(flows.slice(i, j), periods).endBalance;
    composition.push({ segment: slice.segment, product: slice.product, endBalance });
    i = j;
  }
  const budgets = runs.map((r) => r.after.cnl).filter((c) => c.balance > 0);
  if (budgets.length === 0) return { projection: summed, composition };
  const total = (k: 'stated' | 'realised' | 'retimed' | 'balance'): number =>
    budgets.reduce((s, b) => s + b[k], 0);
  return {
    projection: {
      ...summed,
      cnlBudget: {
        stated: total('stated'),
        realised: total('realised'),
        retimed: total('retimed'),
        balance: total('balance'),
      },
    },
    composition,
  };
}

/** The pool's projection from the state on (index 0 the state, index j period state.period + j). */
export function projectFrom(state: PoolState, scenario: Scenario, periods: number): PoolProjection {
  return projectPartsFrom(state, scenario, periods).projection;
}

/** The closing pool as the parts runDeal projects it in: slices when concentration limits watch it, then shards. */
function closingParts(
  input: PoolInput,
  resolved: ResolvedScenario,
  horizonMonths: number,
  sliced: boolean,
): PoolStatePart[] {
  const bases = sliced
    ? slices(input).map((s) => ({ slice: { segment: s.segment, product: s.product }, a: s.arrays }))
    : [{ slice: undefined, a: arrays(input) }];
  return bases.flatMap((b) =>
    shards(b.a).map((a) => enterPart(a, resolved, horizonMonths, b.slice ? { slice: b.slice } : {})),
  );
}

/**
 * A pool's state at the end of period k of its projection over `horizonMonths` (projectPool's), without a deal:
 * no slices, no purchases.
 */
export function poolStateOf(
  pool: PoolInput,
  scenario: Scenario,
  k: number,
  horizonMonths: number,
): PoolState {
  if (!Number.isInteger(k) || k < 0 || k > horizonMonths)
    throw new RestartError(coreMessage('restart.badPeriod', { period: k, horizon: horizonMonths }));
  const resolved = resolveScenario(scenario, horizonMonths);
  const parts = closingParts(pool, resolved, horizonMonths, false);
  return { period: k, parts: parts.map((p) => runPart(p, resolved, k).after) };
}

/** The deal's own pool (inline rep lines); a loan-level pool file must be loaded by the caller. */
function dealPool(deal: Deal): PoolInput {
  if (deal.pool.kind === 'repLines') return { kind: 'repLines', lines: deal.pool.lines };
  throw new RestartError(coreMessage('restart.poolFileNotLoaded', { path: deal.pool.path }));
}

/**
 * The pool as the deal's own projection has it at the end of period k under `scenario`: the closing pool in the
 * parts runDeal projects it in (slices when concentration limits watch the pool, shards of a large loan-level
 * pool), then each cohort bought while revolving up to and including period k (from the deal's run: a cohort
 * bought in k is in the pool at the end of k and pays from k + 1). `pool` is the deal's loan-level pool when
 * the deal names a pool file.
 */
export function poolStateAt(deal: Deal, scenario: Scenario, k: number, pool?: PoolInput): PoolState {
  const input = pool ?? dealPool(deal);
  const H = horizon(deal, input, scenario);
  if (!Number.isInteger(k) || k < 0 || k > H)
    throw new RestartError(coreMessage('restart.badPeriod', { period: k, horizon: H }));
  const resolved = resolveScenario(scenario, H);
  const rev = deal.structure.revolving;
  const sliced = rev !== undefined && rev.concentrationLimits.length > 0;
  const parts = closingParts(input, resolved, H, sliced);
  if (rev) {
    const run = runDeal(deal, input, { scenario, periods: H, analytics: false });
    for (const buy of run.revolving?.purchases ?? []) {
      if (buy.period > k) continue;
      for (const bought of buy.lines ?? []) {
        const line = rev.profile[bought.index]!;
        if (!(line.balance > 0)) continue;
        parts.push(
          enterPart(repLineArrays([line]), resolved, H, {
            scale: bought.par / line.balance,
            enteredPeriod: buy.period,
            ...(sliced ? { slice: { segment: line.segment, product: line.product } } : {}),
          }),
        );
      }
    }
  }
  return {
    period: k,
    parts: parts.map((p) => runPart(p, resolved, k - p.enteredPeriod).after),
  };
}

/** What a servicer report says of the pool at the end of period `period` and the defaults of recent months. */
export interface ReportedPool {
  readonly period: number;
  /** The pool's end balance as reported (performing receivables, purchases included). */
  readonly endBalance: number;
  /** Defaults the reports give by period (charged off in that month); months not given keep the projection's. */
  readonly defaults?: ReadonlyMap<number, number>;
}

/**
 * The report of period k and the defaults of every report, as rollForward reads them. Report period k is the
 * run's collection month k (core/surveillance/compare.ts's convention).
 */
export function reportedPoolAt(reports: readonly ServicerReport[], k: number): ReportedPool {
  const at = reports.find((r) => r.period === k);
  if (!at) throw new RestartError(coreMessage('restart.noReport', { period: k }));
  return {
    period: k,
    endBalance: at.pool.endBalance,
    defaults: new Map(reports.filter((r) => r.period <= k).map((r) => [r.period, r.pool.defaults])),
  };
}

/** Performing balance of the state (each part's loans × its scale). */
export function performingBalance(state: PoolState): number {
  let total = 0;
  for (const p of state.parts) {
    let part = 0;
    for (let i = 0; i < p.loans.size; i++) part += p.loans.balance[i]!;
    total += part * p.scale;
  }
  return total;
}

/**
 * Rep lines (or loans) rolled forward to a servicer report: the projection's state at the report's period,
 * scaled so the performing total equals the reported end balance. The rule, stated:
 * - proportional by line: every line's performing balance × f, f = reported end balance / projected performing
 *   balance, and with it what is proportional to the balance (the performing share, which carries the expected
 *   count and the instalment fee; a CNL budget's base and lump); ages, months left and the schedule are the
 *   projection's at k (k months on from the cut-off), untouched;
 * - the recovery pipeline from the reports' defaults: each month still awaiting liquidation whose defaults the
 *   reports give is scaled to the reported amount (the split between parts, recovery lags and severities stays
 *   the projection's); a month the projection has no defaults for goes to the first part's first lag group still
 *   holding it, at the scenario's severity then; months the reports do not give keep the projection's;
 * - under servicer advancing the defaulted balances still amortising are the loans' own, so they scale with
 *   their loans by f (the reports give defaults at face, not as amortised since).
 */
export function rollForward(state: PoolState, reported: ReportedPool, scenario: Scenario): PoolState {
  if (reported.period !== state.period)
    throw new RestartError(
      coreMessage('restart.badPeriod', { period: reported.period, horizon: state.period }),
    );
  const projected = performingBalance(state);
  if (!(projected > 0) && reported.endBalance > 0)
    throw new RestartError(
      coreMessage('restart.nothingToScale', {
        period: state.period,
        balance: reported.endBalance.toFixed(2),
      }),
    );
  const f = projected > 0 ? reported.endBalance / projected : 0;
  const k = state.period;
  // The pipeline's defaults of period q across the pool, to scale each month to the reported amount.
  const projectedDefaults = new Map<number, number>();
  for (const p of state.parts)
    for (const g of p.pipeline)
      g.defaults.forEach((d, i) => {
        const q = k - g.lag + 1 + i;
        projectedDefaults.set(q, (projectedDefaults.get(q) ?? 0) + d * p.scale);
      });
  const monthFactor = (q: number): number | null => {
    const r = reported.defaults?.get(q);
    const d = projectedDefaults.get(q) ?? 0;
    return r === undefined || !(d > 0) ? null : r / d;
  };
  const parts = state.parts.map((p): PoolStatePart => {
    const loans = copyLoans(p.loans);
    for (let i = 0; i < loans.size; i++) {
      loans.balance[i] = loans.balance[i]! * f;
      loans.share[i] = loans.share[i]! * f;
      loans.entryBalance[i] = loans.entryBalance[i]! * f;
      loans.lump[i] = loans.lump[i]! * f;
    }
    let pending = p.pending;
    const pipeline = p.pipeline.map((g) => {
      const defaults = g.defaults.slice();
      const losses = g.losses.slice();
      for (let i = 0; i < g.lag; i++) {
        const factor = monthFactor(k - g.lag + 1 + i);
        if (factor === null) continue;
        pending += defaults[i]! * factor - defaults[i]!;
        defaults[i] = defaults[i]! * factor;
        losses[i] = losses[i]! * factor;
      }
      return { lag: g.lag, defaults, losses };
    });
    const adv = p.advanced;
    const advanced = adv && {
      loan: adv.loan,
      month: adv.month,
      balance: adv.balance.map((b) => b * f),
      loss: adv.loss.map((l) => l * f),
    };
    return { ...p, loans, pipeline, pending, ...(advanced ? { advanced } : {}) };
  });
  placeUnprojectedDefaults(parts, reported, projectedDefaults, scenario, k);
  return { period: k, parts };
}

/** Reported defaults of a month the projection has none for: into the first part's first lag group holding it. */
function placeUnprojectedDefaults(
  parts: PoolStatePart[],
  reported: ReportedPool,
  projectedDefaults: ReadonlyMap<number, number>,
  scenario: Scenario,
  k: number,
): void {
  const first = parts[0];
  if (!first || !reported.defaults) return;
  const resolved = resolveScenario(scenario, k + 1);
  const segmentName = first.loans.segmentNames[0] ?? 'all';
  const sa = resolved.segment(segmentName);
  let pipeline = first.pipeline;
  let pending = first.pending;
  for (const [q, amount] of reported.defaults) {
    if (!(amount > 0) || (projectedDefaults.get(q) ?? 0) > 0) continue;
    const lag = sa.recoveryLagMonths;
    const i = q - (k - lag + 1);
    // Already liquidated under the scenario's lag, or not a month of the past: nothing awaits.
    if (lag === 0 || i < 0 || i >= lag) continue;
    const severity = sa.tables(0).severity[Math.max(1, Math.min(k, q - first.enteredPeriod))]!;
    if (!pipeline.some((g) => g.lag === lag))
      pipeline = [...pipeline, { lag, defaults: new Float64Array(lag), losses: new Float64Array(lag) }];
    const g = pipeline.find((x) => x.lag === lag)!;
    // Amounts are the pool's; the part's flows are × scale.
    g.defaults[i] = g.defaults[i]! + amount / first.scale;
    g.losses[i] = g.losses[i]! + (amount * severity) / first.scale;
    pending += amount / first.scale;
  }
  parts[0] = { ...first, pipeline, pending };
}

/**
 * A new tape as of the report date as the pool's state at period k: each loan's balance, months left and age
 * are the tape's (its cut-off is the report date). Convention for the period clock: a loan at least k months old
 * has been in the pool since the deal's cut-off, so curves by period read k + j; a younger one was bought while
 * revolving and reads from its origination (as purchased cohorts read from their purchase). Its schedule starts
 * afresh from the months left; its performing share is 1 and its count 1 (the tape lists receivables as they
 * are). A CNL budget applies its remaining timing shares to the tape balance (no re-timing: the tape does not
 * say what was budgeted at entry). Defaults awaiting liquidation are not on a tape (it lists performing loans):
 * `pipelineFrom` lends its recovery pipeline (a rolled-forward state, say), advanced defaults included.
 */
export function stateFromTape(pool: LoanPool, k: number, pipelineFrom?: PoolState): PoolState {
  if (!Number.isInteger(k) || k < 0)
    throw new RestartError(coreMessage('restart.notWholePeriod', { period: k }));
  const parts: PoolStatePart[] = shards(loanPoolArrays(pool)).map((a) => {
    const l = emptyLoans(a.size, a.segmentNames);
    for (let i = 0; i < a.size; i++) {
      const prod = a.product[i]!;
      const rem = a.remainingTerm[i]! || 1;
      const age = Math.max(0, a.originalTerm[i]! - rem);
      const m = Math.min(k, age);
      const im = prod === INTEREST_FREE_FEE ? 0 : a.rate[i]! / 12;
      l.product[i] = prod;
      l.segment[i] = a.segment[i]!;
      l.rate[i] = a.rate[i]!;
      l.monthlyFeeRate[i] = a.monthlyFeeRate[i]!;
      l.originalBalance[i] = a.originalBalance[i]!;
      l.paymentRate[i] = a.paymentRate[i]!;
      l.originalTerm[i] = a.originalTerm[i]!;
      l.remainingTerm[i] = rem;
      l.age[i] = age;
      l.monthsInPool[i] = m;
      l.balance[i] = a.balance[i]!;
      l.count[i] = 1;
      l.schedule[i] = scheduleState(prod, im, rem + m, rem);
      l.share[i] = 1;
      l.contractual[i] = a.balance[i]!;
      l.entryBalance[i] = a.balance[i]!;
      l.cnlScale[i] = 1;
    }
    return {
      scale: 1,
      enteredPeriod: 0,
      loans: l,
      pipeline: [],
      pending: 0,
      cnl: { stated: 0, realised: 0, retimed: 0, balance: 0 },
    };
  });
  // The lender's parts without their performing balances (an advanced default amortises with its loan's
  // schedule, so those loans stay, at zero balance).
  const pipelines = (pipelineFrom?.parts ?? [])
    .filter((p) => p.pipeline.length > 0 || p.pending !== 0 || p.advanced !== undefined)
    .map((p) => {
      const loans = p.advanced ? copyLoans(p.loans) : emptyLoans(0, p.loans.segmentNames);
      loans.balance.fill(0);
      return { ...p, loans, cnl: { stated: 0, realised: 0, retimed: 0, balance: 0 } };
    });
  return { period: k, parts: [...parts, ...pipelines] };
}
