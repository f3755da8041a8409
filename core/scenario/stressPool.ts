/**
 * An exact shortcut for projecting one loan-level pool under many scenarios (grid cells, Monte Carlo paths).
 *
 * Under rate default models without servicer advancing, one month of one loan is PERF' = PERF × r × g with
 * g = max(0, 1 − MDR − SMM) (DESIGN.md's month: defaults PERF·MDR, prepayment PERF·r·SMM, amortisation
 * (PERF − defaults)(1 − r)). So PERF(p) = B₀ · S(p) · G(p): S(p), the product of the loan's contractual ratios r,
 * depends only on the loan (rate, product, term), and G(p), the product of g, only on the scenario row the loan
 * reads — its segment, its seasoning (age-based curves) and its remaining term (the no-default months before
 * maturity). Loans sharing (segment, seasoning, remaining term) therefore share G, and every flow of the group
 * is G times a scenario-free sum over its loans: A(p) = Σ B₀S(p), the interest, fee and count bases. Those sums
 * are read off one unstressed projection of each group (CDR 0, CPR 0: G ≡ 1) by the engine's own projectPool,
 * so schedules (annuities, equal principal, fees) are never re-implemented here; a cell then costs groups ×
 * months instead of loans × months. Matches projectPool to float rounding (tested); scenarios or pools it does
 * not cover (CNL budgets, servicer advancing, revolving balances, single-payment loans) return null and the
 * caller projects normally.
 */
import type { Scenario } from '../deal/schema';
import { PRODUCT_CODES, type LoanPool } from '../pool/loanPool';
import { projectPool } from '../projection/project';
import type { PoolProjection } from '../projection/types';
import { resolveScenario } from '../assumptions/scenarioTables';

interface Group {
  seg: number;
  season: number;
  rem: number;
  /** Σ B₀·S(p) for p = 0..rem. */
  base: Float64Array;
  /** Unstressed interest in period p (index 1..rem). */
  interest: Float64Array;
  /** Unstressed fee income in period p. */
  fees: Float64Array;
  /** Unstressed count in period p (loans whose schedule has not ended). */
  count: Float64Array;
}

export interface StressPool {
  readonly segmentNames: readonly string[];
  readonly groups: readonly Group[];
  readonly cutoffBalance: number;
  readonly cutoffCount: number;
  /** False when the pool holds revolving balances (their horizon and schedule are open-ended). */
  readonly supported: boolean;
}

const UNSTRESSED: Scenario = {
  name: 'unstressed',
  prepayment: { model: 'CPR', curve: 0 },
  default: { model: 'CDR', curve: 0 },
  severity: 0,
  recoveryLagMonths: 0,
  defaultMultiple: 1,
  prepaymentMultiple: 1,
  servicerAdvancing: false,
  defaultStop: 'maturity',
  overrides: [],
  indexCurves: {},
};

function subset(p: LoanPool, idx: readonly number[]): LoanPool {
  const take = <A extends Float64Array | Uint16Array | Uint8Array>(a: A, out: A): A => {
    idx.forEach((i, k) => (out[k] = a[i]!));
    return out;
  };
  const n = idx.length;
  return {
    size: n,
    ids: idx.map((i) => p.ids[i] ?? String(i)),
    product: take(p.product, new Uint8Array(n)),
    segment: take(p.segment, new Uint16Array(n)),
    segmentNames: p.segmentNames,
    balance: take(p.balance, new Float64Array(n)),
    originalBalance: take(p.originalBalance, new Float64Array(n)),
    rate: take(p.rate, new Float64Array(n)),
    monthlyFeeRate: take(p.monthlyFeeRate, new Float64Array(n)),
    originalTerm: take(p.originalTerm, new Uint16Array(n)),
    remainingTerm: take(p.remainingTerm, new Uint16Array(n)),
    paymentRate: take(p.paymentRate, new Float64Array(n)),
  };
}

/** Groups the loans and reads each group's scenario-free sums off one unstressed projection. */
export function buildStressPool(pool: LoanPool): StressPool {
  const revolving = PRODUCT_CODES.indexOf('revolving');
  // A single-payment loan pays its accrued interest when it prepays, so its interest is not G × an unstressed sum.
  const singlePayment = PRODUCT_CODES.indexOf('single-payment');
  let supported = true;
  const byKey = new Map<number, number[]>();
  let cutoffCount = 0;
  for (let i = 0; i < pool.size; i++) {
    cutoffCount++;
    if (pool.product[i] === revolving || pool.product[i] === singlePayment) supported = false;
    const rem = pool.remainingTerm[i]!;
    const season = Math.max(0, pool.originalTerm[i]! - rem);
    const key = (pool.segment[i]! * 2048 + season) * 2048 + rem;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(i);
  }
  const groups: Group[] = [];
  let cutoffBalance = 0;
  if (supported) {
    for (const [key, idx] of byKey) {
      const rem = key % 2048;
      const season = Math.floor(key / 2048) % 2048;
      const seg = Math.floor(key / (2048 * 2048));
      const p = projectPool({ kind: 'loans', pool: subset(pool, idx) }, UNSTRESSED, rem);
      cutoffBalance += p.endBalance[0]!;
      groups.push({
        seg,
        season,
        rem,
        base: p.endBalance,
        interest: p.interest,
        fees: p.fees,
        count: p.count,
      });
    }
  }
  return { segmentNames: pool.segmentNames, groups, cutoffBalance, cutoffCount, supported };
}

/** Months projectPool's defaultHorizon would pick: longest remaining term plus its segment's recovery lag. */
export function stressPoolHorizon(sp: StressPool, scenario: Scenario): number {
  const resolved = resolveScenario(scenario, 0);
  const lags = sp.segmentNames.map((s) => resolved.segment(s).recoveryLagMonths);
  let h = 0;
  for (const g of sp.groups) h = Math.max(h, g.rem + lags[g.seg]!);
  return h;
}

/** The pool's projection under `scenario`, or null when the shortcut does not apply to it. */
export function projectStressPool(
  sp: StressPool,
  scenario: Scenario,
  periods: number,
): PoolProjection | null {
  if (!sp.supported || scenario.servicerAdvancing) return null;
  const H = periods;
  const h1 = H + 1;
  const resolved = resolveScenario(scenario, H);
  const segs = sp.segmentNames.map((s) => resolved.segment(s));
  for (const g of sp.groups) if (segs[g.seg]!.defaultModel === 'CNL') return null;

  const defaults = new Float64Array(h1);
  const interest = new Float64Array(h1);
  const fees = new Float64Array(h1);
  const scheduledPrincipal = new Float64Array(h1);
  const prepayment = new Float64Array(h1);
  const endBalance = new Float64Array(h1);
  const count = new Float64Array(h1);
  const loss = new Float64Array(h1);
  const liquidated = new Float64Array(h1);

  for (const g of sp.groups) {
    const sa = segs[g.seg]!;
    const t = sa.tables(sa.usesAge ? g.season : 0);
    const lag = sa.recoveryLagMonths;
    const last = g.rem < H ? g.rem : H;
    const lastDefault = Math.min(last, g.rem - sa.noDefaultMonths);
    const { base, interest: gi, fees: gf, count: gc } = g;
    let G = 1;
    for (let p = 1; p <= last; p++) {
      const s = t.smm[p]!;
      let m = 0;
      let gp: number;
      if (p <= lastDefault) {
        m = t.mdr[p]!;
        gp = 1 - m - s;
        if (gp < 0) gp = 0;
      } else {
        gp = 1 - s;
      }
      const begin = G * base[p - 1]!;
      const def = begin * m;
      const net = begin - def;
      const keptShare = (1 - m) * G;
      const kept = keptShare * base[p]!;
      const end = gp * G * base[p]!;
      defaults[p] += def;
      interest[p] += keptShare * gi[p]!;
      fees[p] += keptShare * gf[p]!;
      scheduledPrincipal[p] += net - kept;
      prepayment[p] += kept - end;
      endBalance[p] += end;
      G *= gp;
      count[p] += G * gc[p]!;
      const q = p + lag;
      if (q <= H && def !== 0) {
        loss[q] += t.severity[p]! * def;
        liquidated[q] += def;
      }
    }
  }

  const beginBalance = new Float64Array(h1);
  const recovery = new Float64Array(h1);
  const pendingDefaults = new Float64Array(h1);
  endBalance[0] = sp.cutoffBalance;
  beginBalance[0] = sp.cutoffBalance;
  count[0] = sp.cutoffCount;
  let pending = 0;
  for (let p = 1; p <= H; p++) {
    beginBalance[p] = endBalance[p - 1]!;
    recovery[p] = liquidated[p]! - loss[p]!;
    pending += defaults[p]! - liquidated[p]!;
    pendingDefaults[p] = pending > 0 ? pending : 0;
  }
  return {
    periods: H,
    beginBalance,
    defaults,
    interest,
    fees,
    scheduledPrincipal,
    prepayment,
    loss,
    recovery,
    endBalance,
    pendingDefaults,
    count,
  };
}
