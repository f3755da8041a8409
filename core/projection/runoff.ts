/**
 * The pool run-off kernel: every loan (or rep line) projected month by month under the Standard Formulas, its
 * flows summed into period totals. Written for a million loans: loans stay in their arrays (no objects), the
 * assumption rows are looked up once per loan, monthly rates are table reads, and the level-pay schedule
 * ratio comes from a recurrence rather than a power per month.
 *
 * One month for one loan, PERF the performing balance at the start and r the contractual (no-prepayment)
 * balance ratio end/start of the month:
 *   defaults     = PERF × MDR                     (CNL: balance at entry × CNL factor), at most PERF
 *   prepayment   = PERF × r × SMM                 (the prior balance after scheduled amortisation —
 *                                                  deliberately NOT net of defaults, SIFMA SF)
 *   amortisation = (PERF − defaults) × (1 − r)
 *   interest     = (PERF − defaults) × rate / 12
 *   PERF'        = PERF − defaults − prepayment − amortisation (prepayment capped so PERF' ≥ 0)
 *
 * Loans still performing: the contractual balance C (no defaults, no prepayment) tracks what a loan that
 * never missed or prepaid would owe, so PERF / C is the expected share of the receivables still performing;
 * `count` = receivables × PERF' / C'. The monthly fee of interest-free-fee plans is charged on ORIGINAL
 * principal by every plan still paying in the month: fee = original × fee rate × (PERF − defaults) / C. (Scaling
 * by PERF / cut-off balance instead would shrink the fee as plans amortise, and halve a 12-month plan's fee
 * income; DOMAIN.md's 0.5% a month ≈ 11% APR on a 12-month plan assumes the full fee every month.) A plan
 * that prepays in the month still pays that month's fee. A revolving line's fee is charged on its balance net of
 * the month's defaults, as card and Huabei-style fees are: on original balance it would never stop.
 */
import type { PoolProjection } from './types';
import type { LoanArrays } from './loanArrays';
import type { ResolvedScenario, SegmentAssumptions } from '../assumptions/scenarioTables';

// Indexes into PRODUCT_CODES; equal-principal (1) is the fall-through case of the ratio below.
const LEVEL_PAY = 0;
const INTEREST_FREE_FEE = 2;
const BULLET = 3;
const REVOLVING = 4;
const SINGLE_PAYMENT = 5;

/**
 * The assumption rows a pool needs, flat. Each row exists twice: at `rowStart` as resolved, and `tail` further
 * on with defaults zeroed, for a loan's last months where rate-model defaults stop; the loop picks one by
 * offset instead of branching on the month.
 */
interface Rows {
  rowStart: Int32Array;
  seasonStride: number;
  tail: number;
  smm: Float64Array;
  mdr: Float64Array;
  cnl: Float64Array;
  severity: Float64Array;
  /** Rate models: share of PERF still performing after the month relative to r, max(0, 1 − MDR − SMM). */
  survive: Float64Array;
  lag: Int32Array;
  /** Distinct recovery lags, and each segment's index into them. */
  lagValues: number[];
  lagGroup: Int32Array;
  noDefaultMonths: Int32Array;
  /** Segments whose defaults are a CNL budget (not a rate): they take the general loop. */
  cnlSegment: Uint8Array;
  /** CNL rows: cumulative timing share by period (laid out as `cnl`), the whole curve's share, net loss per unit. */
  cnlCum: Float64Array;
  cnlTotal: Float64Array;
  cnlNet: Float64Array;
}

/** Gathers the table rows the pool needs, one per (segment, seasoning) that occurs, into flat arrays. */
function gatherRows(loans: LoanArrays, scenario: ResolvedScenario, h1: number): Rows {
  const nSeg = loans.segmentNames.length;
  const segs: SegmentAssumptions[] = loans.segmentNames.map((s) => scenario.segment(s));
  const { originalTerm, remainingTerm, segment, size } = loans;
  const segUsesAge = Uint8Array.from(segs, (s) => (s.usesAge ? 1 : 0));
  let maxSeason = 0;
  for (let i = 0; i < size; i++) {
    const s = (originalTerm[i] as number) - (remainingTerm[i] as number);
    if (s > maxSeason) maxSeason = s;
  }
  const seasonStride = maxSeason + 1;
  const rowOf = new Int32Array(nSeg * seasonStride).fill(-1);
  const keys: number[] = [];
  for (let i = 0; i < size; i++) {
    const seg = segment[i] as number;
    if (!(seg < nSeg)) throw new RangeError(`loan ${i}: segment index ${seg} has no name in segmentNames`);
    const s = (originalTerm[i] as number) - (remainingTerm[i] as number);
    const key = seg * seasonStride + (segUsesAge[seg] === 1 && s > 0 ? s : 0);
    if (rowOf[key] === -1) {
      rowOf[key] = keys.length;
      keys.push(key);
    }
  }
  const rows = keys.length;
  const tail = rows * h1;
  const smm = new Float64Array(2 * tail);
  const mdr = new Float64Array(2 * tail);
  const cnl = new Float64Array(2 * tail);
  const severity = new Float64Array(2 * tail);
  const survive = new Float64Array(2 * tail);
  const cnlCum = new Float64Array(tail);
  const cnlTotal = new Float64Array(rows);
  const cnlNet = new Float64Array(rows);
  keys.forEach((key, row) => {
    const seg = Math.floor(key / seasonStride);
    const t = (segs[seg] as SegmentAssumptions).tables(key - seg * seasonStride);
    const at = row * h1;
    smm.set(t.smm, at);
    smm.set(t.smm, tail + at);
    mdr.set(t.mdr, at);
    cnl.set(t.cnl, at);
    cnlCum.set(t.cnlTimingCum, at);
    cnlTotal[row] = t.cnlTimingTotal;
    cnlNet[row] = t.cnlNetLoss;
    severity.set(t.severity, at);
    severity.set(t.severity, tail + at);
    for (let p = 0; p < h1; p++) {
      const s = t.smm[p] as number;
      const g = 1 - (t.mdr[p] as number) - s;
      survive[at + p] = g > 0 ? g : 0;
      survive[tail + at + p] = 1 - s;
    }
  });
  // rowStart: offset of the row in the flat tables, per (segment, seasoning) key (seasoning 0 when ageless).
  const rowStart = new Int32Array(rowOf.length);
  for (let k = 0; k < rowOf.length; k++) rowStart[k] = (rowOf[k] as number) * h1;
  const lag = Int32Array.from(segs, (s) => s.recoveryLagMonths);
  const lagValues = [...new Set(lag)];
  const lagGroup = Int32Array.from(lag, (l) => lagValues.indexOf(l));
  const noDefaultMonths = Int32Array.from(segs, (s) => s.noDefaultMonths);
  return {
    // Ageless segments always read their seasoning-0 row.
    rowStart: segUsesAge.every((u) => u === 1) ? rowStart : remapAgeless(rowStart, segUsesAge, seasonStride),
    seasonStride,
    tail,
    smm,
    mdr,
    cnl,
    severity,
    survive,
    lag,
    lagValues,
    lagGroup,
    noDefaultMonths,
    cnlSegment: Uint8Array.from(segs, (s) => (s.defaultModel === 'CNL' ? 1 : 0)),
    cnlCum,
    cnlTotal,
    cnlNet,
  };
}

/** For ageless segments every seasoning points at the seasoning-0 row, so the loop needs no branch. */
function remapAgeless(rowStart: Int32Array, usesAge: Uint8Array, stride: number): Int32Array {
  const out = rowStart.slice();
  for (let seg = 0; seg < usesAge.length; seg++) {
    if (usesAge[seg] === 1) continue;
    const r0 = rowStart[seg * stride] as number;
    for (let s = 1; s < stride; s++) out[seg * stride + s] = r0;
  }
  return out;
}

function emptyProjection(periods: number): PoolProjection {
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

// Per-period accumulators interleaved (one cache line per period) so the loop writes through one base pointer.
const F_DEF = 0;
const F_INT = 1;
const F_FEE = 2;
const F_SCHED = 3;
const F_PRE = 4;
const F_END = 5;
const F_COUNT = 6;
/** Severity × defaults by period of DEFAULT; shifted by the recovery lag into losses after the loop. */
const F_SEV_DEF = 7;
const STRIDE = 8;

/** x^n for a whole n ≥ 0 by squaring: a few multiplies, where Math.pow costs more than a loan's whole run-off. */
export function powInt(x: number, n: number): number {
  let result = 1;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>>= 1;
  }
  return result;
}

/** (1 + x)^n − 1 for a whole n ≥ 0, by squaring on the "minus one" values so small x loses no digits. */
export function powMinusOne(x: number, n: number): number {
  let result = 0;
  let base = x;
  let e = n;
  while (e > 0) {
    if (e & 1) result = result + base + result * base;
    base = base * (2 + base);
    e >>>= 1;
  }
  return result;
}

/**
 * Contractual balance ratios r (end/start of month, no prepayment) for months 1..last of one loan into
 * `ratio`; m = months left at the start of the month.
 */
function scheduleRatios(
  ratio: Float64Array,
  prod: number,
  rem: number,
  last: number,
  im: number,
  keep: number,
): void {
  if (prod === LEVEL_PAY && im * rem > 1e-3) {
    // Annuity: r = 1 + i − i / (1 − (1 + i)^−m); (1 + i)^−m by recurrence, one power per loan, not per month.
    const growth = 1 + im;
    let vm = 1 / powInt(growth, rem);
    for (let p = 1; p <= last; p++) {
      ratio[p] = 1 + im - im / (1 - vm);
      vm *= growth;
    }
  } else if (prod === LEVEL_PAY && im > 1e-15) {
    // Near-zero rates: 1 − (1 + i)^−m would cancel, so run the annuity factor a_m = (1 − (1 + i)^−m) / i
    // down from an exact start (a_{m−1} = a_m (1 + i) − 1; r = a_{m−1} / a_m). The recurrence magnifies
    // errors by (1 + i) a month, harmless while i × m is this small.
    const growth = 1 + im;
    const d = powMinusOne(im, rem);
    let a = d / ((1 + d) * im);
    for (let p = 1; p <= last; p++) {
      const next = a * growth - 1;
      ratio[p] = next / a;
      a = next;
    }
  } else if (prod === REVOLVING) {
    for (let p = 1; p <= last; p++) ratio[p] = keep;
  } else if (prod === BULLET || prod === SINGLE_PAYMENT) {
    for (let p = 1; p <= last; p++) ratio[p] = 1;
  } else {
    // Equal principal, interest-free-fee instalments and zero-rate level pay: balance / months left.
    for (let p = 1; p <= last; p++) {
      const m = rem - p + 1;
      ratio[p] = (m - 1) / m;
    }
  }
  // The final instalment clears the balance exactly, whatever rounding the recurrence left.
  if (prod !== REVOLVING && last === rem) ratio[last] = 0;
}

export function runoff(loans: LoanArrays, scenario: ResolvedScenario, periods: number): PoolProjection {
  const H = periods;
  const h1 = H + 1;
  const out = emptyProjection(H);
  const rows = gatherRows(loans, scenario, h1);
  const { rowStart, seasonStride, tail, smm, mdr, cnl, severity, survive } = rows;
  const { lag: lagOf, lagGroup, noDefaultMonths, cnlSegment, cnlCum, cnlTotal, cnlNet } = rows;
  const { product, segment, balance, originalBalance, rate, monthlyFeeRate, originalTerm, remainingTerm } =
    loans;
  const paymentRate = loans.paymentRate;
  const counts = loans.count;
  const advancing = scenario.servicerAdvancing;
  const acc = new Float64Array(h1 * STRIDE);
  // Defaults and severity × defaults by period of default, per recovery lag, when segments' lags differ
  // (one lag: the totals in `acc` are enough). Liquidation is the shift by the lag, done once at the end.
  const lags = rows.lagValues;
  const byLag = lags.length > 1 ? new Float64Array(lags.length * h1 * 2) : null;
  const ratio = new Float64Array(h1 + 1);
  // Servicer advancing: each loan's defaults, replayed after its months are projected.
  const defaulted = advancing ? new Float64Array(h1 + 1) : null;

  let cutoffBalance = 0;
  let cutoffCount = 0;
  // CNL budgets: net loss the scenario states for the CNL loans, net loss their defaults will realise.
  let cnlStated = 0;
  let cnlRealised = 0;
  let cnlRetimed = 0;
  let cnlBalance = 0;
  for (let i = 0; i < loans.size; i++) {
    const b0 = balance[i] as number;
    const cnt0 = counts === null ? 1 : (counts[i] as number);
    cutoffCount += cnt0;
    if (!(b0 > 0)) continue;
    cutoffBalance += b0;
    const prod = product[i] as number;
    const seg = segment[i] as number;
    // A tape may carry a loan already at maturity (0 months left): its balance is due in the first month.
    const rem = (remainingTerm[i] as number) || 1;
    const season = (originalTerm[i] as number) - rem;
    const row = rowStart[seg * seasonStride + (season > 0 ? season : 0)] as number;
    const lag = lagOf[seg] as number;
    const group = lagGroup[seg] as number;
    const last = prod === REVOLVING ? H : rem < H ? rem : H;
    // Rate-model defaults stop `noDefaultMonths` before maturity; a revolving balance has no maturity.
    const lastDefault = prod === REVOLVING ? last : Math.min(last, rem - (noDefaultMonths[seg] as number));
    const im = prod === INTEREST_FREE_FEE ? 0 : (rate[i] as number) / 12;
    // Single payment: nothing is paid monthly; principal repaid in month p (at maturity, or prepaid) brings its
    // simple interest since origination, season + p months of it. A default loses it.
    const imPay = prod === SINGLE_PAYMENT ? 0 : im;
    const imAccrued = prod === SINGLE_PAYMENT ? im : 0;
    const accruedMonths0 = (originalTerm[i] as number) - rem;
    // Instalment plans pay their fee on original principal; a revolving line on its current balance.
    const fee = prod === REVOLVING ? 0 : (originalBalance[i] as number) * (monthlyFeeRate[i] as number);
    const balanceFee = prod === REVOLVING ? (monthlyFeeRate[i] as number) : 0;
    let perf = b0;

    if (defaulted === null && cnlSegment[seg] === 0) {
      // Rate models, charge-off view. The month is the general one without the CNL cap; and since
      // PERF' = PERF × r × g with g = max(0, 1 − MDR − SMM) (the prepayment cap is the max), the share of
      // loans still performing (PERF / contractual balance) is the running product of g, where the general
      // loop needs a division.
      // The contractual ratio inline (scheduleRatios, folded into one form so the month loop needs no
      // scratch array or product branch): r = A − B / (C − x), then x ← x × u + w.
      //   level pay:        A = 1 + i, B = i, C = 1, x = (1 + i)^−m   (x × (1 + i) each month)
      //   level pay, i ≈ 0: A = 1 + i, B = 1, C = 0, x = −a_m        (annuity factor, a ← a (1 + i) − 1)
      //   equal instalments and zero-rate level pay: A = 1, B = 1, C = 0, x = −m   (x + 1 each month)
      //   revolving: A = 1 − payment rate, B = 0;  bullet: A = 1, B = 0;  and r = 0 in the maturity month.
      let A = 1;
      let B = 0;
      let C = 1;
      let x = 0;
      let u = 1;
      let w = 0;
      if (prod === LEVEL_PAY && im * rem > 1e-3) {
        A = 1 + im;
        B = im;
        x = 1 / powInt(A, rem);
        u = A;
      } else if (prod === LEVEL_PAY && im > 1e-15) {
        const d = powMinusOne(im, rem);
        A = 1 + im;
        B = 1;
        C = 0;
        x = -d / ((1 + d) * im);
        u = A;
        w = 1;
      } else if (prod === REVOLVING) {
        A = 1 - (paymentRate[i] as number);
      } else if (prod !== BULLET && prod !== SINGLE_PAYMENT) {
        B = 1;
        C = 0;
        x = -rem;
        w = 1;
      }
      const matures = prod === REVOLVING ? -1 : rem;
      let share = 1;
      for (let p = 1; p <= last; p++) {
        const r = p === matures ? 0 : A - B / (C - x);
        x = x * u + w;
        const k = (p <= lastDefault ? row : row + tail) + p;
        const g = survive[k] as number;
        const m = mdr[k] as number;
        const def = perf * m;
        const net = perf - def;
        const kept = net * r;
        let pre = perf * r * (smm[k] as number);
        if (pre > kept) pre = kept;
        const end = kept - pre;
        const a = p * STRIDE;
        acc[a + F_DEF] += def;
        acc[a + F_INT] += net * imPay;
        if (imAccrued > 0) acc[a + F_INT] += (net - end) * imAccrued * (accruedMonths0 + p);
        if (fee > 0) acc[a + F_FEE] += fee * share * (1 - m);
        if (balanceFee > 0) acc[a + F_FEE] += net * balanceFee;
        acc[a + F_SCHED] += net - kept;
        acc[a + F_PRE] += pre;
        acc[a + F_END] += end;
        share *= g;
        if (r > 0) acc[a + F_COUNT] += cnt0 * share;
        const sevDef = (severity[k] as number) * def;
        acc[a + F_SEV_DEF] += sevDef;
        if (byLag !== null) {
          const b = (group * h1 + p) * 2;
          byLag[b] += def;
          byLag[b + 1] += sevDef;
        }
        perf = end;
      }
      continue;
    }

    scheduleRatios(ratio, prod, rem, last, im, 1 - (paymentRate[i] as number));
    // General month: CNL budgets (capped at PERF) and servicer advancing.
    // Contractual balance as if nothing defaulted or prepaid: the performing share of loans = PERF / it.
    // A CNL curve longer than the loan's remaining life is re-timed within it (each month's share scaled by
    // whole curve / share inside the life), so a short loan still carries its whole budget; when the curve puts
    // nothing inside the life, the budget falls due at maturity. Past the horizon nothing is re-timed: the
    // horizon cuts every flow alike.
    const isCnl = cnlSegment[seg] === 1;
    let cnlScale = 1;
    let lumpMonth = 0;
    let lump = 0;
    if (isCnl && prod !== REVOLVING && rem <= H) {
      const r0 = row / h1;
      const total = cnlTotal[r0] as number;
      const within = cnlCum[row + rem] as number;
      if (within < total * (1 - 1e-12)) {
        cnlRetimed++;
        if (within > 0) cnlScale = total / within;
        else {
          const sev = severity[row + rem] as number;
          lumpMonth = rem;
          lump = (b0 * (cnlNet[r0] as number)) / (sev > 0 ? sev : 1);
        }
      }
    }
    if (isCnl) {
      cnlStated += b0 * (cnlNet[row / h1] as number);
      cnlBalance += b0;
    }
    let contractual = b0;
    for (let p = 1; p <= last; p++) {
      const r = ratio[p] as number;
      const k = row + p;
      let def = 0;
      if (p <= lastDefault) {
        def = perf * (mdr[k] as number) + b0 * (cnl[k] as number) * cnlScale;
        if (p === lumpMonth) def += lump;
        if (def > perf) def = perf;
      }
      if (isCnl) cnlRealised += (severity[k] as number) * def;
      const net = perf - def;
      const kept = net * r;
      let pre = perf * r * (smm[k] as number);
      if (pre > kept) pre = kept;
      const end = kept - pre;
      const a = p * STRIDE;
      acc[a + F_DEF] += def;
      acc[a + F_INT] += net * imPay;
      if (imAccrued > 0) acc[a + F_INT] += (net - end) * imAccrued * (accruedMonths0 + p);
      if (fee > 0) acc[a + F_FEE] += (fee * net) / contractual;
      if (balanceFee > 0) acc[a + F_FEE] += net * balanceFee;
      acc[a + F_SCHED] += net - kept;
      acc[a + F_PRE] += pre;
      acc[a + F_END] += end;
      contractual *= r;
      if (contractual > 0) acc[a + F_COUNT] += (cnt0 * end) / contractual;
      if (defaulted !== null) {
        defaulted[p] = def;
      } else {
        const sevDef = (severity[k] as number) * def;
        acc[a + F_SEV_DEF] += sevDef;
        if (byLag !== null) {
          const b = (group * h1 + p) * 2;
          byLag[b] += def;
          byLag[b + 1] += sevDef;
        }
      }
      perf = end;
    }
    // Advancing pays scheduled interest; a single-payment loan has none before maturity.
    if (defaulted !== null) advance(out, ratio, defaulted, last, lag, imPay, row, severity);
  }

  const { defaults, interest, fees, scheduledPrincipal, prepayment, endBalance, count } = out;
  for (let p = 1; p <= H; p++) {
    const a = p * STRIDE;
    defaults[p] = acc[a + F_DEF] as number;
    // Advancing adds the interest and principal advanced on defaulted balances to these totals.
    interest[p] += acc[a + F_INT] as number;
    fees[p] = acc[a + F_FEE] as number;
    scheduledPrincipal[p] += acc[a + F_SCHED] as number;
    prepayment[p] = acc[a + F_PRE] as number;
    endBalance[p] = acc[a + F_END] as number;
    count[p] = acc[a + F_COUNT] as number;
  }
  out.beginBalance[0] = cutoffBalance;
  endBalance[0] = cutoffBalance;
  count[0] = cutoffCount;
  for (let p = 1; p <= H; p++) out.beginBalance[p] = endBalance[p - 1] as number;
  if (!advancing) {
    // Charge-off view: what defaulted in p is liquidated in p + lag: loss = severity × it, recovery the rest.
    const liquidated = new Float64Array(h1);
    lags.forEach((lag, g) => {
      for (let p = 1; p + lag <= H; p++) {
        const d = byLag === null ? (acc[p * STRIDE + F_DEF] as number) : (byLag[(g * h1 + p) * 2] as number);
        const sd =
          byLag === null ? (acc[p * STRIDE + F_SEV_DEF] as number) : (byLag[(g * h1 + p) * 2 + 1] as number);
        liquidated[p + lag] += d;
        out.loss[p + lag] += sd;
      }
    });
    let pending = 0;
    for (let p = 1; p <= H; p++) {
      out.recovery[p] = (liquidated[p] as number) - (out.loss[p] as number);
      pending += (defaults[p] as number) - (liquidated[p] as number);
      out.pendingDefaults[p] = pending > 0 ? pending : 0;
    }
  }
  if (cnlBalance > 0) {
    return {
      ...out,
      cnlBudget: {
        stated: cnlStated,
        realised: cnlRealised,
        retimed: cnlRetimed,
        balance: cnlBalance,
      },
    };
  }
  return out;
}

/**
 * Servicer advancing: a loan defaulting in month p stops paying that month; the servicer advances its scheduled
 * principal from month p itself (the Standard Formulas' amortization from defaults starts in the month of
 * default) and its interest in months p+1 … p+lag−1, and it is liquidated in month p+lag. Loss is
 * severity × the balance at default (SF); recovery is the AMORTISED balance less that loss, not face less
 * loss. The zero-default months before maturity (= lag) ensure the loan still has a balance at liquidation;
 * if it has amortised below the loss anyway (CNL near maturity), the loss is capped at what is left so
 * principal is neither created nor lost.
 */
function advance(
  out: PoolProjection,
  ratios: Float64Array,
  defaulted: Float64Array,
  last: number,
  lag: number,
  im: number,
  row: number,
  severity: Float64Array,
): void {
  const H = out.periods;
  for (let p = last + 1; p <= H; p++) ratios[p] = 0;
  for (let p = 1; p <= last; p++) {
    const d0 = defaulted[p] as number;
    if (!(d0 > 0)) continue;
    let d = d0;
    const q = p + lag;
    if (q > H) {
      // Not liquidated within the horizon: it stays pending, amortising, to the end.
      d = amortiseInDefaultMonth(out, ratios, p, d);
      out.pendingDefaults[p] += d;
      for (let k = p + 1; k <= H; k++) {
        out.interest[k] += d * im;
        const rk = ratios[k] as number;
        out.scheduledPrincipal[k] += d * (1 - rk);
        d *= rk;
        out.pendingDefaults[k] += d;
      }
      continue;
    }
    if (q > p) {
      d = amortiseInDefaultMonth(out, ratios, p, d);
      out.pendingDefaults[p] += d;
    }
    for (let k = p + 1; k < q; k++) {
      out.interest[k] += d * im;
      const rk = ratios[k] as number;
      out.scheduledPrincipal[k] += d * (1 - rk);
      d *= rk;
      out.pendingDefaults[k] += d;
    }
    const sev = (severity[row + p] as number) * d0;
    const l = sev < d ? sev : d;
    out.loss[q] += l;
    out.recovery[q] += d - l;
  }
}

/** The advanced scheduled principal of a balance defaulting in month p, in month p; returns what is left. */
function amortiseInDefaultMonth(out: PoolProjection, ratios: Float64Array, p: number, d: number): number {
  const rp = ratios[p] as number;
  out.scheduledPrincipal[p] += d * (1 - rp);
  return d * rp;
}
