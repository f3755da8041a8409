/**
 * The pool run-off kernel: every loan (or rep line) projected month by month under the Standard Formulas, its
 * flows summed into period totals. Written for a million loans: loans stay in their arrays (no objects), the
 * assumption rows are looked up once per loan, monthly rates are table reads, and the level-pay schedule
 * ratio comes from a recurrence rather than a power per month.
 *
 * One month for one loan is ./loanMonths.ts's (shared with the restart, ./restart.ts, so the two give the same
 * bits).
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
import type { ResolvedScenario } from '../assumptions/scenarioTables';
import {
  F_COUNT,
  F_DEF,
  F_END,
  F_FEE,
  F_INT,
  F_PRE,
  F_SCHED,
  F_SEV_DEF,
  fillRatios,
  gatherRows,
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

export { powInt, powMinusOne } from './loanMonths';

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

export function runoff(loans: LoanArrays, scenario: ResolvedScenario, periods: number): PoolProjection {
  const H = periods;
  // What the loan loop imports, as locals: V8 loads an imported binding from its module cell at every use, which
  // cost the million-loan loop 5–25% when measured (best of 20 interleaved runs), where a local stays in a register.
  const rev = REVOLVING;
  const iff = INTEREST_FREE_FEE;
  const single = SINGLE_PAYMENT;
  const month = rateMonth;
  const formOf = scheduleForm;
  const stateOf = scheduleState;
  const h1 = H + 1;
  const out = emptyProjection(H);
  const { product, segment, balance, originalBalance, rate, monthlyFeeRate, originalTerm, remainingTerm } =
    loans;
  const rows = gatherRows(loans, scenario, h1);
  const { rowStart, seasonStride, tail, smm, mdr, cnl, severity, survive } = rows;
  const { lag: lagOf, lagGroup, noDefaultMonths, cnlSegment, cnlCum, cnlTotal, cnlNet } = rows;
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
  // The contractual ratio's coefficients of the loan at hand (scheduleForm), reused for every loan.
  const form = newScheduleForm();

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
    const last = prod === rev ? H : rem < H ? rem : H;
    // Rate-model defaults stop `noDefaultMonths` before maturity; a revolving balance has no maturity.
    const lastDefault = prod === rev ? last : Math.min(last, rem - (noDefaultMonths[seg] as number));
    const im = prod === iff ? 0 : (rate[i] as number) / 12;
    // Single payment: nothing is paid monthly; principal repaid in month p (at maturity, or prepaid) brings its
    // simple interest since origination, season + p months of it. A default loses it.
    const imPay = prod === single ? 0 : im;
    const imAccrued = prod === single ? im : 0;
    const accruedMonths0 = (originalTerm[i] as number) - rem;
    // Instalment plans pay their fee on original principal; a revolving line on its current balance.
    const fee = prod === rev ? 0 : (originalBalance[i] as number) * (monthlyFeeRate[i] as number);
    const balanceFee = prod === rev ? (monthlyFeeRate[i] as number) : 0;
    const group = lagGroup[seg] as number;
    const x0 = stateOf(prod, im, rem, rem);
    let perf = b0;

    if (defaulted === null && cnlSegment[seg] === 0) {
      // Rate models, charge-off view: the hot loop. The contractual ratio in its one form (scheduleForm), so the
      // month needs no scratch array or product branch.
      formOf(form, prod, im, rem, paymentRate[i] as number);
      const { A, B, C, u, w } = form;
      const matures = prod === rev ? -1 : rem;
      let x = x0;
      let share = 1;
      for (let p = 1; p <= last; p++) {
        const r = p === matures ? 0 : A - B / (C - x);
        x = x * u + w;
        const k = (p <= lastDefault ? row : row + tail) + p;
        const next = share * (survive[k] as number);
        perf = month(
          acc,
          p,
          perf,
          r,
          mdr[k] as number,
          smm[k] as number,
          severity[k] as number,
          share,
          next,
          imPay,
          imAccrued,
          accruedMonths0 + p,
          fee,
          balanceFee,
          cnt0,
          byLag,
          group,
          h1,
        );
        share = next;
      }
      continue;
    }

    fillRatios(ratio, prod, im, rem, paymentRate[i] as number, x0, 1, last, 0);
    // General month: CNL budgets (capped at PERF) and servicer advancing.
    // A CNL curve longer than the loan's remaining life is re-timed within it (each month's share scaled by
    // whole curve / share inside the life), so a short loan still carries its whole budget; when the curve puts
    // nothing inside the life, the budget falls due at maturity. Past the horizon nothing is re-timed: the
    // horizon cuts every flow alike.
    const isCnl = cnlSegment[seg] === 1;
    let cnlScale = 1;
    let lumpMonth = 0;
    let lump = 0;
    if (isCnl && prod !== rev && rem <= H) {
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
    // Contractual balance as if nothing defaulted or prepaid: the performing share of loans = PERF / it.
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
      const sevDef = (severity[k] as number) * def;
      if (isCnl) cnlRealised += sevDef;
      const after = contractual * r;
      perf = generalMonth(
        acc,
        p,
        perf,
        def,
        r,
        smm[k] as number,
        sevDef,
        contractual,
        after,
        imPay,
        imAccrued,
        accruedMonths0 + p,
        fee,
        balanceFee,
        cnt0,
        byLag,
        group,
        h1,
        defaulted,
      );
      contractual = after;
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
