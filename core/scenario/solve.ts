/**
 * Solvers beyond the break-even CDR, on the break-even machinery (./breakeven.ts): the search variable lives on a
 * lattice, a coarse scan of the whole range (every 2% of the value, never closer than a minimum) finds every
 * change of state, and bisection inside each bracket pins it to one lattice step. An objective need not be
 * monotone in its variable (a bigger senior class can trip a trigger that turbo-pays it; a harsher stress can end
 * revolving sooner), so each answer lists every crossing and says `monotone: false` when there is more than one,
 * rather than returning whichever crossing a plain bisection meets. A change narrower than the scan spacing can go
 * unseen: the scan's resolution is the limit of the claim.
 *
 * - `solveSize`: the largest size of a class (moving the difference to the next junior class in the deal's order,
 *   so the pool and the total of notes do not change) at which it still meets an objective under a stress: whole
 *   (all interest and principal), a principal loss no larger than a share, or a yield at its price at least a target.
 * - `solveParCoupon`: the coupon (a fixed class's rate, a floating class's spread over its index) at which the
 *   class prices at par: its yield at 100 equals a target, or its price off a curve plus a Z-spread is 100.
 * - `solveTargetYield`: the largest stress (constant CDR or multiple of the base default curve) at which the class
 *   still yields at least a target at its price (its IRR, bond-equivalent).
 */
import { priceClass, sifmaFlows } from '../analytics/classPricing';
import type { CurveCompounding, DiscountCurve } from '../analytics/curve';
import { pricePar } from '../analytics/par';
import { priceFromYield, yieldFromPrice } from '../analytics/yield';
import type { Deal, Scenario, Tranche } from '../deal/schema';
import type { TrancheResult } from '../result';
import { accruedAtSettlement } from '../run';
import {
  BREAKEVEN_MAX,
  BREAKEVEN_SCAN_MIN,
  BREAKEVEN_STEP,
  breakevenScenario,
  passProfile,
  scanIndices,
  type BreakevenMode,
} from './breakeven';
import { findTranche, trancheIsWhole, type StressEngine } from './engine';

/**
 * The engine of a deal as a solver changes it: `(d) => dealEngine(d, pool)` for a real deal; a test may wrap it.
 */
export type EngineFor = (deal: Deal) => StressEngine;

/** Where the objective changes state: the last lattice value on one side and the first on the other. */
export interface Crossing {
  from: number;
  to: number;
  /** True when the objective is met at `to` (it starts being met there), false when it stops being met. */
  becomesMet: boolean;
}

export interface LatticeAnswer {
  /** Lattice step the answer is exact to. */
  step: number;
  /** Searched range. */
  min: number;
  max: number;
  crossings: Crossing[];
  /** At most one crossing over the scan. */
  monotone: boolean;
  runs: number;
}

/** Every change of `met` over the lattice x = min + k × step, k ∈ [0, n], from the scan plus bisection. */
export function latticeCrossings(
  min: number,
  step: number,
  n: number,
  minScan: number,
  met: (x: number) => boolean,
): Crossing[] {
  const x = (k: number): number => Number((min + k * step).toFixed(10));
  const cache = new Map<number, boolean>();
  const at = (k: number): boolean => {
    let v = cache.get(k);
    if (v === undefined) {
      v = met(x(k));
      cache.set(k, v);
    }
    return v;
  };
  const ks = scanIndices(n, Math.max(1, Math.round(minScan / step)));
  // passProfile reads "pass" as the state at k = 0: every change of state is its first failure or a window edge.
  const start = at(0);
  const profile = passProfile(ks, (k) => at(k) === start);
  const changes: number[] = [];
  if (profile.firstFail !== null) changes.push(profile.firstFail);
  for (const w of profile.windows) {
    changes.push(w.from);
    if (w.to < n) changes.push(w.to + 1);
  }
  return changes.map((k) => ({ from: x(k - 1), to: x(k), becomesMet: at(k) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Sizing

export type SizingObjective =
  { kind: 'whole' } | { kind: 'maxLoss'; share: number } | { kind: 'minYield'; yield: number };

export interface SizingOptions {
  tranche: string;
  stress: Scenario;
  objective?: SizingObjective;
  /** Lattice step in money (default: a power of ten near a thousandth of the class plus its junior). */
  step?: number;
}

export interface SizingAnswer extends LatticeAnswer {
  trancheId: string;
  /** The class that takes the difference. */
  absorbedBy: string;
  currentSize: number;
  /** The class plus the one absorbing: the most the class can be. */
  combined: number;
  objective: SizingObjective;
  /** Largest size up to which the objective is met at every tested size; null when not met even at the step. */
  largestSize: number | null;
  /** Whether the objective is met at today's size (the run at the deal as written). */
  metAtCurrent: boolean;
}

function resized(deal: Deal, id: string, junior: string, size: number, combined: number): Deal {
  const tranches = deal.structure.tranches.map((t): Tranche => {
    if (t.id === id) return { ...t, balance: size };
    if (t.id === junior) return { ...t, balance: Number((combined - size).toFixed(2)) };
    return t;
  });
  return { ...deal, structure: { ...deal.structure, tranches } };
}

function meets(objective: SizingObjective, tr: TrancheResult, deal: Deal): boolean {
  if (objective.kind === 'whole') return trancheIsWhole(tr);
  if (objective.kind === 'maxLoss') {
    return tr.originalBalance <= 0 || tr.principalLoss <= objective.share * tr.originalBalance + 0.005;
  }
  if (!(tr.originalBalance > 0)) return true;
  const y = yieldFromPrice(sifmaFlows(deal, tr), tr.originalBalance, tr.price, accruedAtSettlement(tr, deal));
  return y !== null && y.bey >= objective.yield;
}

export function defaultSizingStep(combined: number): number {
  return Math.max(0.01, 10 ** Math.floor(Math.log10(Math.max(combined, 1) / 1000)));
}

export function solveSize(deal: Deal, engineFor: EngineFor, opts: SizingOptions): SizingAnswer {
  const list = deal.structure.tranches;
  const i = list.findIndex((t) => t.id === opts.tranche);
  if (i < 0)
    throw new RangeError(`no tranche '${opts.tranche}' (the deal has: ${list.map((t) => t.id).join(', ')})`);
  const junior = list[i + 1];
  if (!junior)
    throw new RangeError(`class '${opts.tranche}' is the most junior: no class to take the difference`);
  const objective = opts.objective ?? { kind: 'whole' };
  const combined = Number((list[i]!.balance + junior.balance).toFixed(2));
  const step = opts.step ?? defaultSizingStep(combined);
  if (!(step > 0)) throw new RangeError('the sizing step must be positive');
  const n = Math.floor(combined / step + 1e-9);
  let runs = 0;
  const metAt = (size: number): boolean => {
    runs++;
    const d = resized(deal, opts.tranche, junior.id, size, combined);
    const result = engineFor(d).run(opts.stress, { analytics: false });
    return meets(objective, findTranche(result, opts.tranche), d);
  };
  // Size 0 is trivially met; the lattice starts one step up so the answer is a class that exists.
  const crossings = latticeCrossings(step, step, n - 1, step, metAt);
  const firstMet = metAt(step);
  const firstStop = crossings.find((c) => !c.becomesMet);
  let largestSize: number | null;
  if (!firstMet) largestSize = null;
  else largestSize = firstStop ? firstStop.from : Number((n * step).toFixed(2));
  return {
    trancheId: opts.tranche,
    absorbedBy: junior.id,
    currentSize: list[i]!.balance,
    combined,
    objective,
    step,
    min: step,
    max: Number((n * step).toFixed(2)),
    largestSize,
    metAtCurrent: metAt(list[i]!.balance),
    crossings,
    monotone: crossings.length <= 1,
    runs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Par coupon

export type ParTarget =
  | { kind: 'yield'; yield: number }
  | { kind: 'curve'; curve: DiscountCurve; spread: number; compounding?: CurveCompounding };

export interface ParCouponOptions {
  tranche: string;
  scenario: Scenario;
  target: ParTarget;
  /** Range of the coupon (fixed rate or floating spread) searched: default 0 to 30%. */
  min?: number;
  max?: number;
  /** Default 0.0001% (0.01bp). */
  step?: number;
}

export interface ParCouponAnswer extends LatticeAnswer {
  trancheId: string;
  /** `rate` for a fixed class, `spread` (over its index) for a floating one. */
  varies: 'rate' | 'spread';
  /** The smallest coupon found at which the class is worth at least par; null when none in the range is. */
  coupon: number | null;
  /** Clean price at `coupon`. */
  priceAtCoupon: number | null;
}

function withCoupon(deal: Deal, id: string, c: number): Deal {
  const tranches = deal.structure.tranches.map((t): Tranche => {
    if (t.id !== id) return t;
    return t.coupon.type === 'fixed'
      ? { ...t, coupon: { ...t.coupon, rate: c } }
      : { ...t, coupon: { ...t.coupon, spread: c } };
  });
  return { ...deal, structure: { ...deal.structure, tranches } };
}

export function solveParCoupon(deal: Deal, engineFor: EngineFor, opts: ParCouponOptions): ParCouponAnswer {
  const tranche = deal.structure.tranches.find((t) => t.id === opts.tranche);
  if (!tranche) {
    throw new RangeError(
      `no tranche '${opts.tranche}' (the deal has: ${deal.structure.tranches.map((t) => t.id).join(', ')})`,
    );
  }
  const min = opts.min ?? 0;
  const max = opts.max ?? 0.3;
  const step = opts.step ?? 0.000001;
  if (!(max > min) || !(step > 0))
    throw new RangeError('the coupon range needs min < max and a positive step');
  let runs = 0;
  const cleanAt = (c: number): number | null => {
    runs++;
    const d = withCoupon(deal, opts.tranche, c);
    const tr = findTranche(engineFor(d).run(opts.scenario, { analytics: false }), opts.tranche);
    if (!(tr.originalBalance > 0)) return null;
    const t = opts.target;
    if (t.kind === 'yield') {
      return priceFromYield(sifmaFlows(d, tr), tr.originalBalance, t.yield, accruedAtSettlement(tr, d));
    }
    const p = priceClass(
      d,
      opts.scenario,
      tr,
      t.curve,
      { kind: 'spread', spread: t.spread },
      {
        ...(t.compounding ? { compounding: t.compounding } : {}),
      },
    );
    return p.cleanPrice;
  };
  const n = Math.round((max - min) / step);
  const crossings = latticeCrossings(min, step, n, 0.0025, (c) => (cleanAt(c) ?? -Infinity) >= 100);
  const first = crossings.find((c) => c.becomesMet);
  const atMin = (cleanAt(min) ?? -Infinity) >= 100;
  const coupon = atMin ? min : first ? first.to : null;
  return {
    trancheId: opts.tranche,
    varies: tranche.coupon.type === 'fixed' ? 'rate' : 'spread',
    coupon,
    priceAtCoupon: coupon === null ? null : cleanAt(coupon),
    step,
    min,
    max,
    crossings,
    monotone: crossings.length <= 1,
    runs,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Stress at a target yield

export interface TargetYieldOptions {
  tranche: string;
  scenario: Scenario;
  /** Bond-equivalent yield the class must earn at its price. */
  target: number;
  mode: BreakevenMode;
  /** Clean price in % of par (default: the class's price in the deal). */
  price?: number;
  max?: number;
}

export interface TargetYieldAnswer extends LatticeAnswer {
  trancheId: string;
  mode: BreakevenMode;
  target: number;
  /** Largest stress up to which the yield is at least the target at every tested stress; null when not at 0. */
  stress: number | null;
  /** The class yields at least the target even at the top of the range. */
  metAtMax: boolean;
  /** Yield at `stress`. */
  yieldAtStress: number | null;
}

export function solveTargetYield(
  deal: Deal,
  engineFor: EngineFor,
  opts: TargetYieldOptions,
): TargetYieldAnswer {
  const engine = engineFor(deal);
  if (!engine.trancheIds.includes(opts.tranche)) {
    throw new RangeError(`no tranche '${opts.tranche}' (the deal has: ${engine.trancheIds.join(', ')})`);
  }
  const step = BREAKEVEN_STEP[opts.mode];
  const max = opts.max ?? BREAKEVEN_MAX[opts.mode];
  const n = Math.max(1, Math.round(max / step));
  let runs = 0;
  const yieldAt = (v: number): number | null => {
    runs++;
    const tr = findTranche(
      engine.run(breakevenScenario(opts.scenario, opts.mode, v), { analytics: false }),
      opts.tranche,
    );
    const par = pricePar(tr);
    if (!(par > 0)) return null;
    const y = yieldFromPrice(
      sifmaFlows(deal, tr),
      par,
      opts.price ?? tr.price,
      accruedAtSettlement(tr, deal),
    );
    return y ? y.bey : null;
  };
  const crossings = latticeCrossings(
    0,
    step,
    n,
    BREAKEVEN_SCAN_MIN[opts.mode],
    (v) => (yieldAt(v) ?? -Infinity) >= opts.target,
  );
  const atZero = (yieldAt(0) ?? -Infinity) >= opts.target;
  const firstStop = crossings.find((c) => !c.becomesMet);
  const stress = !atZero ? null : firstStop ? firstStop.from : Number((n * step).toFixed(10));
  return {
    trancheId: opts.tranche,
    mode: opts.mode,
    target: opts.target,
    stress,
    metAtMax: atZero && !firstStop,
    yieldAtStress: stress === null ? null : yieldAt(stress),
    step,
    min: 0,
    max: Number((n * step).toFixed(10)),
    crossings,
    monotone: crossings.length <= 1,
    runs,
  };
}
