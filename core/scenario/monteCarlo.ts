/**
 * Monte Carlo pool losses from the one-factor Gaussian copula (./vasicek.ts), each path run through the deal.
 *
 * Calibration: PD = mean loss / LGD (LGD 1 by default: the copula then draws the lifetime net loss itself);
 * ρ is given, or solved from a target loss volatility. Path i draws Z from its own PRNG stream (seed, i), so a
 * path's numbers never depend on which worker runs it or in which order: any worker count gives identical
 * results. A path's loss L is turned into a scenario by setting the default multiple k at which the original
 * pool's lifetime loss equals L: k comes from a table of that loss against k (built once from projections,
 * linear interpolation between 257 points), so a path costs one deal run. Losses above what k = 100 (the
 * schema's cap) can produce are capped there and counted.
 *
 * Conventions (stated to users beside the results):
 * - the copula is calibrated to, and maps by, the original pool's lifetime loss (no purchases, no clean-up
 *   call). That loss rises with k on every deal; the loss a revolving deal realises (purchases included) does
 *   not, since a harsher stress can end revolving sooner, so mapping by it sent near-equal draws to far-apart
 *   multiples. `MONTE_CARLO_MAPPING_TOLERANCE` bounds how far a path's lifetime loss may sit from its draw;
 * - LGD defaults to 1: the copula then draws the lifetime net loss itself (defaults net of recoveries). With
 *   `lossGivenDefault` set (e.g. to the scenario's severity) it draws a default fraction and loss = LGD × it.
 *
 * Two pool-loss distributions come back: `pool`, the drawn lifetime loss of the original pool (up to the cap —
 * what the copula was calibrated to), and `dealPool`, the loss realised inside the deal's run, which includes
 * purchases on a revolving deal and stops at the clean-up call or the horizon.
 */
import type { Scenario } from '../deal/schema';
import { normalInv } from './normal';
import { Xoshiro128 } from './prng';
import { vasicekLoss, vasicekRhoForVolatility, vasicekVariance } from './vasicek';
import type { StressEngine } from './engine';

export interface MonteCarloSpec {
  paths: number;
  seed: number;
  /** Mean lifetime pool loss as a share of the initial pool (default: the base scenario's). */
  meanLoss?: number;
  /** Asset correlation ρ; give this or `lossVolatility`. */
  correlation?: number;
  /** Standard deviation of the pool loss (share of pool); ρ is solved from it. */
  lossVolatility?: number;
  /** Loss given default: the copula draws the default fraction and loss = LGD × it (default 1). */
  lossGivenDefault?: number;
  /** Histogram bins (default 40). */
  bins?: number;
  /**
   * `exact` (default): one deal run per path. `interpolated`: deal runs at `nodes` multiples spread over the
   * paths' multiples (by quantile) plus, per class, the two multiples bracketing its first principal loss (to
   * 1e-7 of the range); each path's class losses are interpolated linearly between neighbouring runs. A class's
   * loss is zero left of its bracket, so the probability of loss is exact to the bracket; between brackets the
   * functions are smooth and the interpolation error is far under the sampling error (tested against exact).
   */
  method?: 'exact' | 'interpolated';
  /** Quantile nodes of the interpolated method (default 512). */
  nodes?: number;
}

export interface MonteCarloPlan {
  paths: number;
  seed: number;
  scenarioName: string;
  meanLoss: number;
  lossGivenDefault: number;
  pd: number;
  rho: number;
  /** Original pool's lifetime loss (share) at each tabulated default multiple, increasing. */
  table: { multiples: number[]; losses: number[] };
  /** Table points the monotonicity guard had to raise (float noise only: it should be 0 or a handful). */
  guardedPoints: number;
  bins: number;
  method: 'exact' | 'interpolated';
  nodes: number;
}

export interface MonteCarloPath {
  index: number;
  z: number;
  /** Loss the copula drew for the path (the original pool's lifetime loss it stands for). */
  targetLoss: number;
  multiple: number;
  /** The draw exceeded what the largest multiple produces. */
  capped: boolean;
  /** Drawn lifetime loss of the original pool (share of pool): the draw, or the cap. */
  poolLoss: number;
  /** Pool loss realised inside the deal's run (purchases included, to the clean-up call or horizon). */
  dealPoolLoss: number;
  /** Per class (deal order): principal loss / original balance. */
  trancheLoss: number[];
  /** Per class: unpaid interest at the end (money). */
  trancheShortfall: number[];
}

export interface Histogram {
  /** Bin edges, length bins + 1. */
  edges: number[];
  counts: number[];
}

export interface DistributionSummary {
  mean: number;
  stdDev: number;
  /** Standard error of the mean. */
  standardError: number;
  percentiles: { p: number; value: number }[];
  histogram: Histogram;
}

export interface MonteCarloTrancheSummary extends DistributionSummary {
  id: string;
  /** Mean principal loss / original balance. */
  expectedLoss: number;
  /** Share of paths losing at least a cent of principal. */
  probabilityOfLoss: number;
  /** Share of paths with unpaid interest at the end. */
  probabilityOfShortfall: number;
}

export interface MonteCarloResult {
  plan: MonteCarloPlan;
  trancheIds: string[];
  /** Drawn lifetime loss of the original pool (what the copula is calibrated to). */
  pool: DistributionSummary & {
    /** The copula's own mean and standard deviation, for comparison with the sample. */
    modelMean: number;
    modelStdDev: number;
  };
  /** Pool loss realised inside the deal's runs (purchases included, to the clean-up call or horizon). */
  dealPool: DistributionSummary;
  tranches: MonteCarloTrancheSummary[];
  cappedPaths: number;
  /** The interpolated method's error, measured against one exact run at each of a sample of paths. */
  interpolation?: InterpolationCheck;
}

export interface InterpolationCheck {
  /** Node runs the interpolation used (quantile nodes plus brackets where a class or the call changes state). */
  nodes: number;
  /** Paths re-run exactly (evenly spread over the paths' multiples, extremes included). */
  checkedPaths: number;
  /** Per class: largest |interpolated − exact| class loss (share of original balance) over the checked paths. */
  maxAbsError: number[];
  /** Per class: mean (interpolated − exact) over the checked paths: the bias it puts in the expected loss. */
  meanError: number[];
}

export const PERCENTILES = [0.5, 0.75, 0.9, 0.95, 0.99, 0.999];
/**
 * Largest gap allowed between a path's drawn loss and the lifetime loss its multiple gives the original pool:
 * 0.1% of the pool, or 1% of the loss where that is larger (linear interpolation between 257 table points of a
 * smooth, increasing curve stays well inside it).
 */
export const MONTE_CARLO_MAPPING_TOLERANCE = { absolute: 0.001, relative: 0.01 } as const;
const TABLE_POINTS = 257;
const MAX_MULTIPLE = 100;

/**
 * The scenario's severity as a Monte Carlo LGD, when it is one number (a curve has no single LGD); the
 * copula then draws default fractions and loss = severity × draw, instead of drawing the net loss (LGD 1).
 */
export function severityAsLgd(scenario: Scenario): number {
  const sev = scenario.severity;
  if (typeof sev !== 'number') {
    throw new RangeError(
      `scenario '${scenario.name}': severity is a curve, so it has no single LGD; give the LGD as a number`,
    );
  }
  if (!(sev > 0 && sev <= 1)) {
    throw new RangeError(`scenario '${scenario.name}': severity ${sev} cannot serve as LGD (needs (0, 1])`);
  }
  return sev;
}

/** The copula's draw for path i: depends only on (seed, i). */
export function pathFactor(seed: number, index: number): number {
  return normalInv(new Xoshiro128(seed, index).nextUniform());
}

export function pathTargetLoss(
  plan: Pick<MonteCarloPlan, 'seed' | 'pd' | 'rho' | 'lossGivenDefault'>,
  index: number,
): number {
  return plan.lossGivenDefault * vasicekLoss(plan.pd, plan.rho, pathFactor(plan.seed, index));
}

/** The default multiple whose pool loss is `loss`, by linear interpolation in the table. */
export function multipleForLoss(
  table: MonteCarloPlan['table'],
  loss: number,
): { multiple: number; capped: boolean } {
  const { multiples: k, losses: l } = table;
  const n = l.length;
  if (loss <= l[0]!) return { multiple: k[0]!, capped: false };
  if (loss >= l[n - 1]!) return { multiple: k[n - 1]!, capped: loss > l[n - 1]! + 1e-12 };
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (l[mid]! <= loss) lo = mid;
    else hi = mid;
  }
  const span = l[hi]! - l[lo]!;
  const w = span > 0 ? (loss - l[lo]!) / span : 0;
  return { multiple: k[lo]! + w * (k[hi]! - k[lo]!), capped: false };
}

/** Solves PD and ρ and tabulates the original pool's lifetime loss against the default multiple. */
export function planMonteCarlo(
  engine: Pick<StressEngine, 'lifetimeLoss'>,
  base: Scenario,
  spec: MonteCarloSpec,
): MonteCarloPlan {
  if (!Number.isInteger(spec.paths) || spec.paths < 1 || spec.paths > 10_000_000) {
    throw new RangeError(`paths must be a whole number from 1 to 10,000,000, got ${spec.paths}`);
  }
  if (!Number.isInteger(spec.seed)) throw new RangeError(`seed must be a whole number, got ${spec.seed}`);
  const lgd = spec.lossGivenDefault ?? 1;
  if (!(lgd > 0 && lgd <= 1)) throw new RangeError(`lossGivenDefault must be in (0, 1], got ${lgd}`);
  const lossAt = (k: number): number => engine.lifetimeLoss({ ...base, defaultMultiple: k });
  const meanLoss = spec.meanLoss ?? lossAt(base.defaultMultiple);
  if (!(meanLoss > 0 && meanLoss < lgd)) {
    throw new RangeError(`mean loss must be above 0 and below LGD (${lgd}), got ${meanLoss}`);
  }
  const pd = meanLoss / lgd;
  let rho: number;
  if (spec.lossVolatility !== undefined && spec.correlation !== undefined) {
    throw new RangeError('give correlation or lossVolatility, not both');
  } else if (spec.lossVolatility !== undefined) {
    rho = vasicekRhoForVolatility(pd, spec.lossVolatility / lgd);
  } else if (spec.correlation !== undefined) {
    if (!(spec.correlation >= 0 && spec.correlation < 1)) {
      throw new RangeError(`correlation must be in [0, 1), got ${spec.correlation}`);
    }
    rho = spec.correlation;
  } else {
    throw new RangeError('give a correlation or a loss volatility');
  }
  // The table must reach the largest loss any path draws.
  let maxTarget = 0;
  for (let i = 0; i < spec.paths; i++) {
    maxTarget = Math.max(maxTarget, pathTargetLoss({ seed: spec.seed, pd, rho, lossGivenDefault: lgd }, i));
  }
  let top = Math.max(base.defaultMultiple, 1e-6);
  while (top < MAX_MULTIPLE && lossAt(top) < maxTarget) top = Math.min(MAX_MULTIPLE, top * 2);
  const multiples: number[] = [];
  const losses: number[] = [];
  let guardedPoints = 0;
  for (let j = 0; j < TABLE_POINTS; j++) {
    const k = (top * j) / (TABLE_POINTS - 1);
    multiples.push(k);
    // Guard monotonicity against float noise so interpolation stays well defined.
    const l = lossAt(k);
    const prev = losses.length ? losses[losses.length - 1]! : 0;
    if (l < prev) guardedPoints++;
    losses.push(Math.max(l, prev));
  }
  return {
    paths: spec.paths,
    seed: spec.seed,
    scenarioName: base.name,
    meanLoss,
    lossGivenDefault: lgd,
    pd,
    rho,
    table: { multiples, losses },
    guardedPoints,
    bins: spec.bins ?? 40,
    method: spec.method ?? 'exact',
    nodes: spec.nodes ?? 512,
  };
}

export function runMonteCarloPath(
  engine: StressEngine,
  base: Scenario,
  plan: MonteCarloPlan,
  index: number,
): MonteCarloPath {
  const z = pathFactor(plan.seed, index);
  const targetLoss = plan.lossGivenDefault * vasicekLoss(plan.pd, plan.rho, z);
  const { multiple, capped } = multipleForLoss(plan.table, targetLoss);
  const r = engine.outcome({ ...base, defaultMultiple: multiple });
  return {
    index,
    z,
    targetLoss,
    multiple,
    capped,
    poolLoss: capped ? plan.table.losses[plan.table.losses.length - 1]! : targetLoss,
    dealPoolLoss: r.poolLoss,
    trancheLoss: r.tranches.map((t) => (t.originalBalance > 0 ? t.principalLoss / t.originalBalance : 0)),
    trancheShortfall: r.tranches.map((t) => t.interestShortfall),
  };
}

/** Type-7 (linear) sample quantile of sorted values. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function histogram(values: ArrayLike<number>, bins: number, min: number, max: number): Histogram {
  const width = max > min ? (max - min) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => min + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor((values[i]! - min) / width)));
    counts[b]!++;
  }
  return { edges, counts };
}

export function summarize(values: Float64Array, bins: number, range?: [number, number]): DistributionSummary {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = n ? sum / n : NaN;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  const stdDev = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const sorted = Float64Array.from(values).sort();
  const [min, max] = range ?? [0, Math.max(sorted[n - 1] ?? 0, 1e-12)];
  return {
    mean,
    stdDev,
    standardError: n ? stdDev / Math.sqrt(n) : NaN,
    percentiles: PERCENTILES.map((p) => ({ p, value: quantileSorted(sorted, p) })),
    histogram: histogram(values, bins, min, max),
  };
}

/** Distributions from the paths (any order; they are sorted by index first so sums are order-independent). */
export function summarizeMonteCarlo(
  plan: MonteCarloPlan,
  trancheIds: string[],
  paths: readonly MonteCarloPath[],
): MonteCarloResult {
  let ordered = true;
  for (let i = 1; i < paths.length && ordered; i++) ordered = paths[i - 1]!.index < paths[i]!.index;
  const sorted = ordered ? paths : [...paths].sort((a, b) => a.index - b.index);
  const n = sorted.length;
  // One indexed pass over the paths for every distribution: the summary runs while the other threads wait, and
  // seven mapped copies (Float64Array.from with a callback walks an iterator) were most of it.
  const nT = trancheIds.length;
  const pool = new Float64Array(n);
  const dealPool = new Float64Array(n);
  const classLoss = trancheIds.map(() => new Float64Array(n));
  const lossCount = new Array<number>(nT).fill(0);
  const shortCount = new Array<number>(nT).fill(0);
  for (let i = 0; i < n; i++) {
    const p = sorted[i]!;
    pool[i] = p.poolLoss;
    dealPool[i] = p.dealPoolLoss;
    for (let j = 0; j < nT; j++) {
      const loss = p.trancheLoss[j]!;
      classLoss[j]![i] = loss;
      if (loss > 0) lossCount[j]!++;
      if (p.trancheShortfall[j]! >= 0.005) shortCount[j]!++;
    }
  }
  const tranches = trancheIds.map((id, j) => {
    const s = summarize(classLoss[j]!, plan.bins, [0, 1]);
    return {
      id,
      ...s,
      expectedLoss: s.mean,
      probabilityOfLoss: n ? lossCount[j]! / n : 0,
      probabilityOfShortfall: n ? shortCount[j]! / n : 0,
    };
  });
  const lgd = plan.lossGivenDefault;
  return {
    plan,
    trancheIds,
    pool: {
      ...summarize(pool, plan.bins),
      modelMean: plan.meanLoss,
      modelStdDev: lgd * Math.sqrt(vasicekVariance(plan.pd, plan.rho)),
    },
    dealPool: summarize(dealPool, plan.bins),
    tranches,
    cappedPaths: sorted.filter((p) => p.capped).length,
  };
}

/** A deal run at one default multiple (a node of the interpolated method). */
export interface MonteCarloNode {
  multiple: number;
  /**
   * Per class W (whole), S (interest shortfall only) or L (principal loss), then C when the clean-up call is
   * exercised: the outcomes change state, and so jump, where this changes.
   */
  state: string;
  dealPoolLoss: number;
  trancheLoss: number[];
  trancheShortfall: number[];
}

export function runMonteCarloNode(engine: StressEngine, base: Scenario, multiple: number): MonteCarloNode {
  const r = engine.outcome({ ...base, defaultMultiple: multiple });
  const state =
    r.tranches
      .map((t) => (t.principalLoss >= 0.005 ? 'L' : t.interestShortfall >= 0.005 ? 'S' : 'W'))
      .join('') + (r.cleanUpCallPeriod !== null ? 'C' : '');
  return {
    multiple,
    state,
    dealPoolLoss: r.poolLoss,
    trancheLoss: r.tranches.map((t) => (t.originalBalance > 0 ? t.principalLoss / t.originalBalance : 0)),
    trancheShortfall: r.tranches.map((t) => t.interestShortfall),
  };
}

/** Every path's factor, drawn loss and multiple (cheap: no deal runs). */
export function pathDraws(
  plan: MonteCarloPlan,
): { z: number; targetLoss: number; multiple: number; capped: boolean }[] {
  const out = [];
  for (let i = 0; i < plan.paths; i++) {
    const z = pathFactor(plan.seed, i);
    const targetLoss = plan.lossGivenDefault * vasicekLoss(plan.pd, plan.rho, z);
    out.push({ z, targetLoss, ...multipleForLoss(plan.table, targetLoss) });
  }
  return out;
}

/**
 * Node multiples of the interpolated method: quantiles of the paths' multiples, their ends, and per class the
 * two multiples bracketing its first principal loss (found by bisection, the runs done here).
 */
export function monteCarloNodeMultiples(
  engine: StressEngine,
  base: Scenario,
  plan: MonteCarloPlan,
): number[] {
  const ks = pathDraws(plan)
    .map((d) => d.multiple)
    .sort((a, b) => a - b);
  const lo = ks[0]!;
  const hi = ks[ks.length - 1]!;
  const set = new Set<number>();
  const q = Math.max(2, Math.min(plan.nodes, ks.length));
  for (let j = 0; j < q; j++) set.add(ks[Math.round((j * (ks.length - 1)) / (q - 1))]!);
  if (hi > lo) {
    const losses = (k: number): number[] => runMonteCarloNode(engine, base, k).trancheLoss;
    const atLo = losses(lo);
    const atHi = losses(hi);
    atLo.forEach((l0, j) => {
      if (l0 > 0 || !(atHi[j]! > 0)) return;
      let a = lo;
      let b = hi;
      while (b - a > 1e-7 * (hi - lo)) {
        const mid = (a + b) / 2;
        if (losses(mid)[j]! > 0) b = mid;
        else a = mid;
      }
      set.add(a);
      set.add(b);
    });
  }
  return [...set].sort((a, b) => a - b);
}

/** Paths from node runs: each path's outcomes interpolated linearly in its multiple. */
export function interpolatePaths(plan: MonteCarloPlan, nodes: readonly MonteCarloNode[]): MonteCarloPath[] {
  const sorted = [...nodes].sort((a, b) => a.multiple - b.multiple);
  const ks = sorted.map((n) => n.multiple);
  const lerp = (a: number, b: number, w: number): number => (w === 0 ? a : a + w * (b - a));
  return pathDraws(plan).map((d, index) => {
    let j = 0;
    let hiIdx = ks.length - 1;
    while (hiIdx - j > 1) {
      const mid = (j + hiIdx) >> 1;
      if (ks[mid]! <= d.multiple) j = mid;
      else hiIdx = mid;
    }
    const a = sorted[j]!;
    const b = sorted[Math.min(j + 1, sorted.length - 1)]!;
    const span = b.multiple - a.multiple;
    const w = span > 0 ? Math.min(1, Math.max(0, (d.multiple - a.multiple) / span)) : 0;
    return {
      index,
      z: d.z,
      targetLoss: d.targetLoss,
      multiple: d.multiple,
      capped: d.capped,
      poolLoss: d.capped ? plan.table.losses[plan.table.losses.length - 1]! : d.targetLoss,
      dealPoolLoss: lerp(a.dealPoolLoss, b.dealPoolLoss, w),
      trancheLoss: a.trancheLoss.map((x, t) => lerp(x, b.trancheLoss[t]!, w)),
      trancheShortfall: a.trancheShortfall.map((x, t) => lerp(x, b.trancheShortfall[t]!, w)),
    };
  });
}

/** Most extra runs `refineMonteCarloNodes` may spend. */
const MAX_REFINE_RUNS = 600;

/**
 * Adds nodes where the outcomes jump: between neighbouring nodes whose state differs (a class turns whole or
 * not, starts losing principal, the clean-up call starts or stops being exercised) it bisects to 1e-6 of the
 * range and keeps both sides, so no path is interpolated across a jump wider than that. Between nodes of one
 * state the outcomes are continuous and linear interpolation converges as nodes are added.
 */
export function refineMonteCarloNodes(
  engine: StressEngine,
  base: Scenario,
  nodes: readonly MonteCarloNode[],
): MonteCarloNode[] {
  const out = [...nodes].sort((a, b) => a.multiple - b.multiple);
  if (out.length < 2) return out;
  const width = 1e-6 * (out[out.length - 1]!.multiple - out[0]!.multiple);
  const extra: MonteCarloNode[] = [];
  let budget = MAX_REFINE_RUNS;
  for (let i = 0; i + 1 < out.length && budget > 0; i++) {
    let a = out[i]!;
    let b = out[i + 1]!;
    if (a.state === b.state) continue;
    while (b.multiple - a.multiple > width && budget > 0) {
      budget--;
      const mid = runMonteCarloNode(engine, base, (a.multiple + b.multiple) / 2);
      extra.push(mid);
      // Keep the half where the state changes next to a; another change in the other half is refined when its
      // own pair comes round (both halves stay as nodes).
      if (mid.state !== a.state) b = mid;
      else a = mid;
    }
  }
  return [...out, ...extra].sort((x, y) => x.multiple - y.multiple);
}

/**
 * The interpolated method's error against the exact one: `sample` paths spread evenly over the paths'
 * multiples (smallest and largest included) are re-run exactly and compared class by class.
 */
export function checkInterpolation(
  engine: StressEngine,
  base: Scenario,
  plan: MonteCarloPlan,
  paths: readonly MonteCarloPath[],
  nodes: number,
  sample = 32,
): InterpolationCheck {
  const byMultiple = [...paths].sort((a, b) => a.multiple - b.multiple || a.index - b.index);
  const picks = new Set<number>();
  const m = Math.min(sample, byMultiple.length);
  for (let j = 0; j < m; j++) picks.add(Math.round((j * (byMultiple.length - 1)) / Math.max(1, m - 1)));
  const classes = byMultiple[0]?.trancheLoss.length ?? 0;
  const maxAbsError = new Array<number>(classes).fill(0);
  const sum = new Array<number>(classes).fill(0);
  for (const k of picks) {
    const p = byMultiple[k]!;
    const exact = runMonteCarloPath(engine, base, plan, p.index);
    p.trancheLoss.forEach((v, j) => {
      const e = v - exact.trancheLoss[j]!;
      maxAbsError[j] = Math.max(maxAbsError[j]!, Math.abs(e));
      sum[j]! += e;
    });
  }
  return {
    nodes,
    checkedPaths: picks.size,
    maxAbsError,
    meanError: sum.map((x) => (picks.size ? x / picks.size : 0)),
  };
}

/** Runs every path in-line (tests, a browser Web Worker); Node hosts spread paths over workers. */
export function runMonteCarloInline(
  engine: StressEngine,
  base: Scenario,
  spec: MonteCarloSpec,
  onProgress?: (done: number, total: number) => void,
): MonteCarloResult {
  const plan = planMonteCarlo(engine, base, spec);
  if (plan.method === 'interpolated') {
    const ks = monteCarloNodeMultiples(engine, base, plan);
    const first = ks.map((k, i) => {
      const n = runMonteCarloNode(engine, base, k);
      onProgress?.(i + 1, ks.length);
      return n;
    });
    const nodes = refineMonteCarloNodes(engine, base, first);
    const paths = interpolatePaths(plan, nodes);
    return {
      ...summarizeMonteCarlo(plan, [...engine.trancheIds], paths),
      interpolation: checkInterpolation(engine, base, plan, paths, nodes.length),
    };
  }
  const paths: MonteCarloPath[] = [];
  for (let i = 0; i < plan.paths; i++) {
    paths.push(runMonteCarloPath(engine, base, plan, i));
    onProgress?.(i + 1, plan.paths);
  }
  return summarizeMonteCarlo(plan, [...engine.trancheIds], paths);
}
