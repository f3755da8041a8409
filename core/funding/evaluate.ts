/**
 * Cost and liquidity of an allocation. Cost convention: the funding outstanding in month t (balance[t]) is
 * drawn at the start of the month and pays a month's interest (annual rate / 12) in arrears at its end; fees
 * on new money fall in the month it comes in; upfront fees of lines and issue costs of notes are amortised
 * over what they buy (the tenor, the notes' expected life) and only the part inside the horizon is counted.
 *
 * Rates are nominal annual, monthly × 12, throughout: the costs (12 × cost / balance) and the IRRs (12 × the
 * monthly IRR) are on the same basis, so a source whose only costs are its rate has an IRR equal to it.
 */
import { assetsUsed, equityRequired, pledgeable, type Allocation, type SourcePath } from './allocation';
import {
  isCommitted,
  notesCoupon,
  type ScenarioTerms,
  type SecuritizationTerms,
  type SourceTerms,
} from './terms';
import type { SourceType } from './schema';

const TOL = 1e-6;

export interface SourceMonth {
  balance: number;
  available: number;
  cost: number;
  maturing: number;
}

export interface MonthRow {
  month: number;
  receivables: number;
  need: number;
  funded: number;
  /** need − funded (never negative): what the mix leaves unfunded. */
  gap: number;
  /** Equity the haircuts and retained notes need, beyond the equity there is. */
  equityShortfall: number;
  committedAvailable: number;
  uncommittedAvailable: number;
  /** need − committed availability (never negative): the gap if uncommitted money walks away. */
  committedGap: number;
  /**
   * Undrawn committed bank capacity: within each line's commitment and within the eligible collateral not yet
   * pledged, securitised or sold, shared out among the committed lines (one pool backs them all).
   */
  headroom: number;
  /** The same for lines marked uncommitted, from the collateral the committed lines leave. */
  uncommittedHeadroom: number;
  /** Receivables pledged, securitised or sold beyond the eligible pool (0 in a sound allocation). */
  overPledged: number;
  /** Funding above receivables, held as cash. */
  cash: number;
  /** Cash plus headroom. */
  liquidity: number;
  maturing: number;
  cost: number;
  bySource: Record<string, SourceMonth>;
}

export interface SourceSummary {
  id: string;
  name: string;
  type: SourceType;
  committed: boolean;
  averageBalance: number;
  maxBalance: number;
  /** Average share of total funding. */
  averageShare: number;
  maxShare: number;
  totalCost: number;
  /** Cost over the average balance, annualised. */
  annualCost: number | null;
  /** Nominal annual IRR (monthly × 12) of the source's flows: draws in at the start of a month, interest and fees out at its end, the balance repaid at the horizon. */
  irr: number | null;
}

export interface MixEvaluation {
  mix: string;
  scenario: string;
  startMonth: number;
  /** No gap, no equity shortfall and no receivables pledged twice in any month. */
  feasible: boolean;
  firstGapMonth: number | null;
  /** Months from the stress start to the first gap at or after it; null when funded to the horizon, or in the base case. */
  runwayMonths: number | null;
  totalCost: number;
  /** 12 × total cost / Σ monthly funding outstanding. */
  weightedAverageCost: number | null;
  /** Nominal annual IRR of all the flows, the cash yield credited as in the cost. */
  irr: number | null;
  /** 12 × total cost / Σ monthly receivables: annual cost per unit of receivables funded. */
  costPerReceivable: number | null;
  maxGap: number;
  totalGap: number;
  /** Largest need − committed availability: the gap if every uncommitted source walked away. */
  maxCommittedGap: number;
  /** Least committed headroom in any month (uncommitted lines are reported apart). */
  minHeadroom: number;
  minUncommittedHeadroom: number;
  /** Most receivables pledged, securitised or sold beyond the eligible pool in any month. */
  maxOverPledged: number;
  minLiquidity: number;
  /** Remaining life of the funding (equity aside), balance-weighted over the months: a maturity ladder. */
  fundingWalYears: number;
  assetWalYears: number;
  /** Funding WAL − asset WAL: negative when funding is shorter than the assets. */
  maturityMismatchYears: number;
  /** Most funding maturing in any three consecutive months. */
  refinancingWall: { amount: number; fromMonth: number };
  /** Herfindahl index of average funding shares (1 = one source). */
  concentrationHhi: number;
  sources: SourceSummary[];
  months: MonthRow[];
}

/** Monthly IRR of a cash-flow vector (index = month), as a nominal annual rate 12 × r; null if none. */
export function annualIrr(flows: readonly number[]): number | null {
  if (!flows.some((f) => Math.abs(f) > TOL)) return null;
  const npv = (r: number): number => {
    let v = 0;
    let d = 1;
    for (const f of flows) {
      v += f / d;
      d *= 1 + r;
    }
    return v;
  };
  let lo = -0.5;
  let hi = 1;
  let flo = npv(lo);
  const fhi = npv(hi);
  if (flo * fhi > 0) return null;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const fm = npv(mid);
    if (fm * flo <= 0) hi = mid;
    else {
      lo = mid;
      flo = fm;
    }
    if (hi - lo < 1e-14) break;
  }
  return 12 * ((lo + hi) / 2);
}

/** Fixed and percent costs of an issue of `pool` securitised (before amortisation). */
export function issueCost(terms: SecuritizationTerms, pool: number): number {
  return pool > 0 ? terms.source.fixedCost + pool * terms.soldShare * terms.upfrontPerNote : 0;
}

/** Cost of one source in each month 0..H. */
export function sourceCosts(sc: ScenarioTerms, terms: SourceTerms, path: SourcePath): Float64Array {
  const H = sc.book.months;
  const cost = new Float64Array(H + 1);
  for (let t = 0; t <= H; t++) {
    const b = t > 0 ? (path.balance[t] ?? 0) : 0;
    let c = 0;
    switch (terms.type) {
      case 'bankLine': {
        const open = terms.open[t] ?? 0;
        const undrawn = Math.max(0, terms.source.commitment * open - b);
        // A minimum utilisation charges interest on the minimum even when less is drawn.
        const charged = Math.max(b, terms.source.minimumUtilisation * open);
        c =
          t > 0
            ? (charged * (terms.drawnRate[t] ?? 0)) / 12 + (undrawn * terms.source.commitmentFee) / 12
            : 0;
        c += terms.upfront[t] ?? 0;
        break;
      }
      case 'retail':
        c = (b * terms.source.rate) / 12 + (path.added[t] ?? 0) * terms.source.channelFee;
        break;
      case 'securitization': {
        c = 0;
        for (let m = 1; m <= t; m++)
          c += ((path.added[m] ?? 0) * terms.soldShare * notesCoupon(terms, t, t - m)) / 12;
        for (let m = 1; m <= t; m++)
          c += issueCost(terms, path.added[m] ?? 0) * (terms.issueCostWeight[t - m] ?? 0);
        break;
      }
      case 'forwardFlow':
        c = (b * terms.source.costRate) / 12 + (path.added[t] ?? 0) * (1 - terms.source.price / 100);
        break;
      case 'equity':
        c = (b * terms.source.costOfEquity) / 12;
        break;
    }
    cost[t] = c;
  }
  return cost;
}

/**
 * Undrawn capacity of each bank line in month t. The eligible collateral nobody uses yet is one pool: it is
 * shared out line by line, committed lines first (in case order), each taking what its commitment and advance
 * rate allow, so the headroom of several lines is never more than the free collateral × advance rate.
 */
export function lineHeadroom(sc: ScenarioTerms, paths: readonly SourcePath[], t: number): Float64Array {
  const out = new Float64Array(sc.sources.length);
  const used = sc.sources.reduce((a, s, j) => a + assetsUsed(s, paths[j] as SourcePath, t), 0);
  let free = Math.max(0, pledgeable(sc, t) - used);
  const lines = sc.sources
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.type === 'bankLine')
    .sort((a, b) => Number(isCommitted(b.s.source)) - Number(isCommitted(a.s.source)));
  for (const { s, i } of lines) {
    if (s.type !== 'bankLine') continue;
    const adv = s.advance[t] ?? 0;
    const undrawn = Math.max(0, s.source.commitment * (s.open[t] ?? 0) - (paths[i]?.balance[t] ?? 0));
    const h = Math.min(undrawn, adv * free);
    out[i] = h;
    if (adv > 0) free -= h / adv;
  }
  return out;
}

/** What a source could provide in month t, given the rest of the allocation. */
function available(
  sc: ScenarioTerms,
  i: number,
  paths: readonly SourcePath[],
  t: number,
  headroom: Float64Array,
): number {
  const terms = sc.sources[i];
  const p = paths[i];
  if (!terms || !p) return 0;
  switch (terms.type) {
    case 'bankLine':
      return (p.balance[t] ?? 0) + (headroom[i] ?? 0);
    case 'retail':
      return (terms.keep[t] ?? 0) * (p.balance[t - 1] ?? 0) + (terms.raiseCapacity[t] ?? 0);
    case 'securitization':
      return p.balance[t] ?? 0;
    case 'forwardFlow':
      return (p.balance[t] ?? 0) - (p.added[t] ?? 0) + (terms.saleCapacity[t] ?? 0);
    case 'equity':
      return Math.min(
        terms.maximum[t] ?? 0,
        (p.balance[t - 1] ?? 0) - (terms.erosion[t] ?? 0) + terms.source.maxRaisePerMonth,
      );
  }
}

function maturing(terms: SourceTerms, p: SourcePath, t: number): number {
  switch (terms.type) {
    case 'bankLine':
      return t % terms.source.tenorMonths === 0 ? (p.balance[t - 1] ?? 0) : 0;
    case 'retail':
      return (p.balance[t - 1] ?? 0) / terms.source.termMonths;
    case 'securitization':
      return Math.max(0, (p.balance[t - 1] ?? 0) + (p.added[t] ?? 0) * terms.soldShare - (p.balance[t] ?? 0));
    default:
      return 0;
  }
}

/** Σ profile[a..]: months a unit outstanding at age `a` has still to run, this month included. */
function monthsLeft(profile: Float64Array, a: number): number {
  let m = 0;
  for (let b = a; b < profile.length; b++) m += profile[b] ?? 0;
  return m;
}

/**
 * Balance × remaining life (years) of a source in month t, on a maturity ladder: a line has until its next
 * maturity (renewal is not assured), retail notes of equal term half their term on average, notes and sold
 * receivables what their issue or sale still has to run. Equity has no maturity (null).
 */
function balanceYearsLeft(terms: SourceTerms, p: SourcePath, t: number): number | null {
  const b = p.balance[t] ?? 0;
  switch (terms.type) {
    case 'bankLine': {
      const tenor = terms.source.tenorMonths;
      return (b * (Math.ceil(t / tenor) * tenor - (t - 1))) / 12;
    }
    case 'retail':
      // A ladder of notes of equal term has on average half its term (plus a month) left.
      return (b * (terms.source.termMonths + 1)) / 2 / 12;
    case 'securitization': {
      let x = 0;
      for (let m = 1; m <= t; m++)
        x += (p.added[m] ?? 0) * terms.soldShare * monthsLeft(terms.notesLife, t - m);
      return x / 12;
    }
    case 'forwardFlow': {
      let x = 0;
      for (let m = 1; m <= t; m++) x += (p.added[m] ?? 0) * monthsLeft(terms.soldLife, t - m);
      return x / 12;
    }
    case 'equity':
      return null;
  }
}

export function evaluateAllocation(sc: ScenarioTerms, alloc: Allocation): MixEvaluation {
  const H = sc.book.months;
  const costs = sc.sources.map((s, i) => sourceCosts(sc, s, alloc.paths[i] as SourcePath));
  const months: MonthRow[] = [];
  let totalFunding = 0;
  let totalReceivables = 0;
  let firstGap: number | null = null;
  for (let t = 1; t <= H; t++) {
    const need = sc.book.need[t] ?? 0;
    const receivables = sc.book.receivables[t] ?? 0;
    const bySource: Record<string, SourceMonth> = {};
    let funded = 0;
    let committed = 0;
    let uncommitted = 0;
    let headroom = 0;
    let uncommittedHeadroom = 0;
    let mat = 0;
    let cost = 0;
    const lines = lineHeadroom(sc, alloc.paths, t);
    sc.sources.forEach((s, i) => {
      const p = alloc.paths[i] as SourcePath;
      const b = p.balance[t] ?? 0;
      const a = available(sc, i, alloc.paths, t, lines);
      const c = (costs[i]?.[t] ?? 0) + (t === 1 ? (costs[i]?.[0] ?? 0) : 0);
      const m = maturing(s, p, t);
      funded += b;
      if (isCommitted(s.source)) committed += a;
      else uncommitted += a;
      if (s.type === 'bankLine') {
        if (isCommitted(s.source)) headroom += lines[i] ?? 0;
        else uncommittedHeadroom += lines[i] ?? 0;
      }
      mat += m;
      cost += c;
      bySource[s.source.id] = { balance: b, available: a, cost: c, maturing: m };
    });
    const cash = Math.max(0, funded - receivables);
    cost -= (cash * sc.cashYield) / 12;
    const gap = Math.max(0, need - funded);
    const eq = sc.sources.findIndex((s) => s.type === 'equity');
    const equityShortfall = Math.max(
      0,
      equityRequired(sc, alloc.paths, t) - (alloc.paths[eq]?.balance[t] ?? 0),
    );
    const used = sc.sources.reduce((a, s, i) => a + assetsUsed(s, alloc.paths[i] as SourcePath, t), 0);
    const overPledged = Math.max(0, used - pledgeable(sc, t));
    const scale = Math.max(1, need);
    if (
      firstGap === null &&
      (gap > TOL * scale || equityShortfall > TOL * scale || overPledged > TOL * scale)
    )
      firstGap = t;
    totalFunding += funded;
    totalReceivables += receivables;
    months.push({
      month: t,
      receivables,
      need,
      funded,
      gap,
      equityShortfall,
      committedAvailable: committed,
      uncommittedAvailable: uncommitted,
      committedGap: Math.max(0, need - committed),
      headroom,
      uncommittedHeadroom,
      overPledged,
      cash,
      liquidity: cash + headroom,
      maturing: mat,
      cost,
      bySource,
    });
  }

  const totalCost = months.reduce((a, m) => a + m.cost, 0);
  // Month t's balance comes in at the start of the month (time t − 1) and its interest goes out at the end
  // (time t); what is outstanding at the horizon is repaid then. The funding in place at the start counts as
  // raised at time 0.
  const flows = (pick: (i: number) => boolean, cashCredit: boolean): number[] => {
    const f = new Array<number>(H + 1).fill(0);
    sc.sources.forEach((_, i) => {
      if (!pick(i)) return;
      const p = alloc.paths[i] as SourcePath;
      const c = costs[i] as Float64Array;
      f[0] = (f[0] ?? 0) - (c[0] ?? 0);
      for (let t = 1; t <= H; t++) {
        const prev = t === 1 ? 0 : (p.balance[t - 1] ?? 0);
        f[t - 1] = (f[t - 1] ?? 0) + (p.balance[t] ?? 0) - prev;
        f[t] = (f[t] ?? 0) - (c[t] ?? 0);
      }
      f[H] = (f[H] ?? 0) - (p.balance[H] ?? 0);
    });
    if (cashCredit) for (const m of months) f[m.month] = (f[m.month] ?? 0) + (m.cash * sc.cashYield) / 12;
    return f;
  };

  const sources: SourceSummary[] = sc.sources.map((s, i) => {
    const bal = months.map((m) => m.bySource[s.source.id]?.balance ?? 0);
    const shares = months.map((m, k) => (m.funded > 0 ? (bal[k] ?? 0) / m.funded : 0));
    const avg = bal.reduce((a, b) => a + b, 0) / Math.max(1, H);
    const total = months.reduce((a, m) => a + (m.bySource[s.source.id]?.cost ?? 0), 0);
    return {
      id: s.source.id,
      name: s.source.name ?? s.source.id,
      type: s.type,
      committed: isCommitted(s.source),
      averageBalance: avg,
      maxBalance: Math.max(0, ...bal),
      averageShare: shares.reduce((a, b) => a + b, 0) / Math.max(1, H),
      maxShare: Math.max(0, ...shares),
      totalCost: total,
      annualCost: avg > TOL ? (12 * total) / (avg * H) : null,
      irr: annualIrr(flows((j) => j === i, false)),
    };
  });

  // Funding WAL on a maturity ladder: balance-weighted remaining life over every month of the horizon.
  let walNum = 0;
  let walDen = 0;
  sc.sources.forEach((s, i) => {
    const p = alloc.paths[i] as SourcePath;
    for (let t = 1; t <= H; t++) {
      const x = balanceYearsLeft(s, p, t);
      if (x === null) continue;
      walNum += x;
      walDen += p.balance[t] ?? 0;
    }
  });
  const fundingWal = walDen > 0 ? walNum / walDen : 0;

  let wall = { amount: 0, fromMonth: 1 };
  for (let t = 0; t < months.length; t++) {
    const sum = months.slice(t, t + 3).reduce((a, m) => a + m.maturing, 0);
    if (sum > wall.amount + TOL) wall = { amount: sum, fromMonth: months[t]?.month ?? t + 1 };
  }
  const start = sc.startMonth;
  const firstGapAfterStart = months.find(
    (m) =>
      m.month >= start &&
      (m.gap > TOL * Math.max(1, m.need) ||
        m.equityShortfall > TOL * Math.max(1, m.need) ||
        m.overPledged > TOL * Math.max(1, m.need)),
  );
  return {
    mix: alloc.mix,
    scenario: alloc.scenario,
    startMonth: start,
    feasible: firstGap === null,
    firstGapMonth: firstGap,
    // Runway measures a stress: months from its start to its first gap (gaps before the start are the base
    // case's, not the stress's). The base case has no stress and so no runway.
    runwayMonths: sc.stress && firstGapAfterStart ? firstGapAfterStart.month - start : null,
    totalCost,
    weightedAverageCost: totalFunding > 0 ? (12 * totalCost) / totalFunding : null,
    irr: annualIrr(flows(() => true, true)),
    costPerReceivable: totalReceivables > 0 ? (12 * totalCost) / totalReceivables : null,
    maxGap: Math.max(0, ...months.map((m) => m.gap)),
    totalGap: months.reduce((a, m) => a + m.gap, 0),
    maxCommittedGap: Math.max(0, ...months.map((m) => m.committedGap)),
    minHeadroom: Math.min(...months.map((m) => m.headroom)),
    minUncommittedHeadroom: Math.min(...months.map((m) => m.uncommittedHeadroom)),
    maxOverPledged: Math.max(0, ...months.map((m) => m.overPledged)),
    minLiquidity: Math.min(...months.map((m) => m.liquidity)),
    fundingWalYears: fundingWal,
    assetWalYears: sc.book.assetWalYears,
    maturityMismatchYears: fundingWal - sc.book.assetWalYears,
    refinancingWall: wall,
    concentrationHhi: sources.reduce((a, s) => a + s.averageShare * s.averageShare, 0),
    sources,
    months,
  };
}
