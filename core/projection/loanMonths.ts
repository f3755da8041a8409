/**
 * One loan's months under the Standard Formulas, shared by the run-off kernel (./runoff.ts, from the cut-off) and
 * the restart (./restart.ts, from a loan's state at period k), so a restarted projection continues the run's
 * arithmetic operation for operation and gives its bits.
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
 * Months are counted from the loan's ENTRY into the pool (p = 1 its first month in the pool); a caller restarting
 * at month m of the loan runs p = m + 1 … and adds into period j = p − m. The flows go into period accumulators
 * interleaved one cache line per period (STRIDE) so the loop writes through one base pointer. The month functions
 * are small enough for V8 to inline into the callers' loops (the run-off's million-loan loop among them), and
 * the loops around them (the schedule's recurrence, each caller's table lookup) stay the callers'.
 */
import type { ResolvedScenario, SegmentAssumptions } from '../assumptions/scenarioTables';

// Indexes into ../pool/loanPool.ts PRODUCT_CODES, written out so the projection workers do not load the deal
// schema with it (tests/unit/projection/loanMonths.test.ts holds them to it); equal-principal (1) is the
// fall-through case of the ratio below.
export const LEVEL_PAY = 0;
export const INTEREST_FREE_FEE = 2;
export const BULLET = 3;
export const REVOLVING = 4;
export const SINGLE_PAYMENT = 5;

// Per-period accumulators, interleaved: period j's at j × STRIDE. The month functions use the unexported names:
// V8 folds a module's own constants into the hot loop, where an exported binding is loaded from its cell each time.
const DEF = 0;
const INT = 1;
const FEE = 2;
const SCHED = 3;
const PRE = 4;
const END = 5;
const COUNT = 6;
const SEV_DEF = 7;
const WIDTH = 8;
export const F_DEF = DEF;
export const F_INT = INT;
export const F_FEE = FEE;
export const F_SCHED = SCHED;
export const F_PRE = PRE;
export const F_END = END;
export const F_COUNT = COUNT;
/** Severity × defaults by period of DEFAULT; shifted by the recovery lag into losses by the caller. */
export const F_SEV_DEF = SEV_DEF;
export const STRIDE = WIDTH;

/**
 * The assumption rows a pool needs, flat. Each row exists twice: at `rowStart` as resolved, and `tail` further
 * on with defaults zeroed, for a loan's last months where rate-model defaults stop; the loop picks one by
 * offset instead of branching on the month.
 */
export interface Rows {
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

/**
 * Gathers the table rows the loans need, one per (segment, seasoning at entry) that occurs, into flat arrays of
 * h1 months each; a loan's seasoning at entry is its original less its remaining term, read from the arrays (it
 * was a callback, called twice per loan, and a new closure every projection).
 */
export function gatherRows(
  loans: {
    readonly size: number;
    readonly segment: ArrayLike<number>;
    readonly segmentNames: readonly string[];
    readonly originalTerm: ArrayLike<number>;
    readonly remainingTerm: ArrayLike<number>;
  },
  scenario: ResolvedScenario,
  h1: number,
): Rows {
  const nSeg = loans.segmentNames.length;
  const segs: SegmentAssumptions[] = loans.segmentNames.map((s) => scenario.segment(s));
  const { segment, size, originalTerm, remainingTerm } = loans;
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
 * The contractual schedule's recurrence state x of a loan with `monthsLeft` to run (level pay: (1 + i)^−months
 * left; level pay at a rate near zero: −annuity factor; equal instalments: −months left; else 0). The form
 * depends on the months left at ENTRY (as the kernel chose it then), so a restarted loan continues in it.
 */
export function scheduleState(prod: number, im: number, entryRemaining: number, monthsLeft: number): number {
  if (prod === LEVEL_PAY && im * entryRemaining > 1e-3) return 1 / powInt(1 + im, monthsLeft);
  if (prod === LEVEL_PAY && im > 1e-15) {
    const d = powMinusOne(im, monthsLeft);
    return -d / ((1 + d) * im);
  }
  if (prod === REVOLVING || prod === BULLET || prod === SINGLE_PAYMENT) return 0;
  return -monthsLeft;
}

/**
 * Coefficients of the contractual ratio in one form (see scheduleForm), written into a caller's scratch object
 * once per loan. An object, not a typed array: once scheduleForm is inlined the compiler can forward the fields
 * to their loads; the typed array's five stores and five checked loads per loan were part of the kernel's
 * slowdown against its reference loop when the month step moved here (README, Budgets).
 */
export interface ScheduleForm {
  A: number;
  B: number;
  C: number;
  u: number;
  w: number;
}

export function newScheduleForm(): ScheduleForm {
  return { A: 1, B: 0, C: 1, u: 1, w: 0 };
}

/** fillRatios' scratch: it runs once per loan, and an object per loan would be a million allocations. */
const FORM = newScheduleForm();

/**
 * The contractual ratio in one form, r = A − B / (C − x) then x ← x × u + w, so the month loop needs no product
 * branch; chosen by the months left at entry (as scheduleState's x is):
 *   level pay:        A = 1 + i, B = i, C = 1, x = (1 + i)^−m   (x × (1 + i) each month)
 *   level pay, i ≈ 0: A = 1 + i, B = 1, C = 0, x = −a_m        (annuity factor, a ← a (1 + i) − 1)
 *   equal instalments and zero-rate level pay: A = 1, B = 1, C = 0, x = −m   (x + 1 each month)
 *   revolving: A = 1 − payment rate, B = 0;  bullet: A = 1, B = 0;  and r = 0 in the maturity month.
 */
export function scheduleForm(
  out: ScheduleForm,
  prod: number,
  im: number,
  entryRemaining: number,
  paymentRate: number,
): void {
  let A = 1;
  let B = 0;
  let C = 1;
  let u = 1;
  let w = 0;
  if (prod === LEVEL_PAY && im * entryRemaining > 1e-3) {
    A = 1 + im;
    B = im;
    u = A;
  } else if (prod === LEVEL_PAY && im > 1e-15) {
    A = 1 + im;
    B = 1;
    C = 0;
    u = A;
    w = 1;
  } else if (prod === REVOLVING) {
    A = 1 - paymentRate;
  } else if (prod !== BULLET && prod !== SINGLE_PAYMENT) {
    B = 1;
    C = 0;
    w = 1;
  }
  out.A = A;
  out.B = B;
  out.C = C;
  out.u = u;
  out.w = w;
}

/**
 * The contractual ratios r of months from … last into ratio[month − shift], each product's own form of the ratio
 * (the general loop's; the same bits as scheduleForm's), from the recurrence state x; returns x advanced.
 * `matures`: the maturity month, where r = 0 (−1: none).
 */
export function fillRatios(
  ratio: Float64Array,
  prod: number,
  im: number,
  entryRemaining: number,
  paymentRate: number,
  x0: number,
  from: number,
  last: number,
  shift: number,
): number {
  scheduleForm(FORM, prod, im, entryRemaining, paymentRate);
  const u = FORM.u;
  const w = FORM.w;
  const matures = prod === REVOLVING ? -1 : entryRemaining;
  let x = x0;
  for (let p = from; p <= last; p++) {
    let r: number;
    if (prod === LEVEL_PAY && im * entryRemaining > 1e-3) r = 1 + im - im / (1 - x);
    else if (prod === LEVEL_PAY && im > 1e-15) {
      // a_{m−1} = a_m (1 + i) − 1, r = a_{m−1} / a_m, with a = −x.
      const a = -x;
      r = (a * (1 + im) - 1) / a;
    } else if (prod === REVOLVING) r = 1 - paymentRate;
    else if (prod === BULLET || prod === SINGLE_PAYMENT) r = 1;
    else {
      // Equal principal, interest-free-fee instalments and zero-rate level pay: balance / months left.
      const mm = entryRemaining - p + 1;
      r = (mm - 1) / mm;
    }
    // The final instalment clears the balance exactly, whatever rounding the recurrence left.
    if (p === matures) r = 0;
    x = x * u + w;
    ratio[p - shift] = r;
  }
  return x;
}

/**
 * One month of a rate-model loan in the charge-off view, its flows added into period j's accumulators; returns
 * PERF at the end. `share` is the performing share of loans at the start and `shareAfter` = share × max(0, 1 −
 * MDR − SMM) at the end (PERF' = PERF × r × that, the prepayment cap being the max), which counts the
 * receivables still paying. The instalment fee on original principal is paid by the share still performing net
 * of the month's defaults. `accruedMonths`: months since origination at the month's end (single-payment
 * interest). `byLag` (defaults and severity × defaults per recovery lag group, h1 periods each) is null when one
 * lag serves the pool.
 */
export function rateMonth(
  acc: Float64Array,
  j: number,
  perf: number,
  r: number,
  mdr: number,
  smm: number,
  severity: number,
  share: number,
  shareAfter: number,
  imPay: number,
  imAccrued: number,
  accruedMonths: number,
  fee: number,
  balanceFee: number,
  count: number,
  byLag: Float64Array | null,
  group: number,
  h1: number,
): number {
  const def = perf * mdr;
  const net = perf - def;
  const kept = net * r;
  let pre = perf * r * smm;
  if (pre > kept) pre = kept;
  const end = kept - pre;
  const a = j * WIDTH;
  acc[a + DEF] += def;
  acc[a + INT] += net * imPay;
  if (imAccrued > 0) acc[a + INT] += (net - end) * imAccrued * accruedMonths;
  if (fee > 0) acc[a + FEE] += fee * share * (1 - mdr);
  if (balanceFee > 0) acc[a + FEE] += net * balanceFee;
  acc[a + SCHED] += net - kept;
  acc[a + PRE] += pre;
  acc[a + END] += end;
  if (r > 0) acc[a + COUNT] += count * shareAfter;
  const sevDef = severity * def;
  acc[a + SEV_DEF] += sevDef;
  if (byLag !== null) {
    const b = (group * h1 + j) * 2;
    byLag[b] += def;
    byLag[b + 1] += sevDef;
  }
  return end;
}

/**
 * One general month (CNL budgets, servicer advancing): `def` the month's defaults as the caller capped them at
 * PERF, r from fillRatios; flows added into period j's accumulators; returns PERF at the end. The performing
 * share of loans is PERF / the contractual balance (`contract` at the start, `contractAfter` = contract × r at
 * the end); the instalment fee is charged on original principal by every plan still paying, fee × (PERF −
 * defaults) / contract. With `defaulted` (servicer advancing) the defaults go to defaulted[j], for the caller to
 * amortise to liquidation, instead of into the charge-off pipeline (severity × defaults, and byLag).
 */
export function generalMonth(
  acc: Float64Array,
  j: number,
  perf: number,
  def: number,
  r: number,
  smm: number,
  sevDef: number,
  contract: number,
  contractAfter: number,
  imPay: number,
  imAccrued: number,
  accruedMonths: number,
  fee: number,
  balanceFee: number,
  count: number,
  byLag: Float64Array | null,
  group: number,
  h1: number,
  defaulted: Float64Array | null,
): number {
  const net = perf - def;
  const kept = net * r;
  let pre = perf * r * smm;
  if (pre > kept) pre = kept;
  const end = kept - pre;
  const a = j * WIDTH;
  acc[a + DEF] += def;
  acc[a + INT] += net * imPay;
  if (imAccrued > 0) acc[a + INT] += (net - end) * imAccrued * accruedMonths;
  if (fee > 0) acc[a + FEE] += (fee * net) / contract;
  if (balanceFee > 0) acc[a + FEE] += net * balanceFee;
  acc[a + SCHED] += net - kept;
  acc[a + PRE] += pre;
  acc[a + END] += end;
  if (contractAfter > 0) acc[a + COUNT] += (count * end) / contractAfter;
  if (defaulted !== null) {
    defaulted[j] = def;
  } else {
    acc[a + SEV_DEF] += sevDef;
    if (byLag !== null) {
      const b = (group * h1 + j) * 2;
      byLag[b] += def;
      byLag[b + 1] += sevDef;
    }
  }
  return end;
}
