/**
 * Break-even stresses per class on a lattice, exact to the stated step:
 * - `cdr`: constant CDR replacing the base default model, step 0.0001 (0.01% CDR), searched over [0, 100%];
 * - `lossMultiple`: multiple of the base case's default curve (or CNL), step 0.01, searched over [0, 100]
 *   (the schema's largest defaultMultiple, so the product stays valid).
 * Prepayment stays the scenario's unless the caller gives one.
 *
 * Pass/fail need not be monotone in the stress: on a revolving deal a harsher stress can trip the loss trigger
 * sooner, end revolving and realise less, so a class that loses at 38% CDR can be whole again at 40%. A plain
 * bisection then lands on whichever crossing it meets. So every answer comes from a coarse scan of the whole
 * range (every 2% of the value, at least 0.25% CDR / 0.05×) followed by bisection inside the
 * first failing bracket:
 * - `breakeven`: one step below the first failure, so the class is whole at every tested stress up to it;
 * - `firstFailure` / `firstPrincipalLoss`: the smallest lattice value found not whole / losing ≥ 1 cent;
 * - `wholeAgain`: windows above the first failure where the class is whole again (edges bisected to the step);
 *   `monotone` is false when there is one. A window narrower than the scan spacing can go unseen: the scan's
 *   resolution is the stated limit of the claim.
 */
import type { PrepaymentAssumption, Scenario } from '../deal/schema';
import type { RunResult } from '../result';
import { applyAxis } from './axis';
import { trancheIsWhole, type StressEngine } from './engine';

export type BreakevenMode = 'cdr' | 'lossMultiple';

export const BREAKEVEN_STEP: Record<BreakevenMode, number> = { cdr: 0.0001, lossMultiple: 0.01 };
export const BREAKEVEN_MAX: Record<BreakevenMode, number> = { cdr: 1, lossMultiple: 100 };
/** The coarse scan: points every `BREAKEVEN_SCAN_RELATIVE` of the value, never closer than the minimum. */
export const BREAKEVEN_SCAN_RELATIVE = 0.02;
export const BREAKEVEN_SCAN_MIN: Record<BreakevenMode, number> = { cdr: 0.0025, lossMultiple: 0.05 };

export interface BreakevenOptions {
  /** Classes to solve for (default: all). */
  tranches?: string[];
  modes?: BreakevenMode[];
  /** Prepayment to hold while defaults rise (default: the scenario's). */
  prepayment?: PrepaymentAssumption;
  prepaymentMultiple?: number;
  /** Upper end of the search per mode (defaults BREAKEVEN_MAX). */
  max?: Partial<Record<BreakevenMode, number>>;
}

export interface BreakevenAnswer {
  mode: BreakevenMode;
  /** Lattice step the answer is exact to. */
  step: number;
  /**
   * Largest value up to which the class gets all interest and principal at every tested stress (one step below
   * `firstFailure`); null when it is not whole even at 0.
   */
  breakeven: number | null;
  /** Smallest value found at which the class is not whole; null when it is whole at every tested value. */
  firstFailure: number | null;
  /** Smallest value found at which the class loses ≥ 1 cent of principal; null when it loses none up to `max`. */
  firstPrincipalLoss: number | null;
  /**
   * Realised pool loss (share of the initial pool) at the break-even, as the deal's run books it: for a static
   * pool its lifetime loss, for a revolving deal including the receivables bought while revolving.
   */
  poolLossAtBreakeven: number | null;
  /**
   * Lifetime loss of the original pool alone at the break-even (no purchases, no clean-up call): the figure
   * that rises with the stress, and the one to compare with a base-case CNL.
   */
  lifetimeLossAtBreakeven: number | null;
  /** Ranges above the first failure where the class is whole again (lattice values, both ends whole). */
  wholeAgain: { from: number; to: number }[];
  /** Pass/fail was monotone over the scan: no `wholeAgain` window and no principal loss that comes and goes. */
  monotone: boolean;
  /** The class is whole even at the top of the search range (break-even is "at least max"). */
  wholeAtMax: boolean;
  max: number;
}

export interface BreakevenResult {
  trancheId: string;
  scenarioName: string;
  answers: BreakevenAnswer[];
  /** Deal runs spent (shared across classes: one run answers every class at that point). */
  runs: number;
}

interface PointOutcome {
  whole: Map<string, boolean>;
  principalLoss: Map<string, boolean>;
}

/** The scenario at lattice point k of a mode. */
export function breakevenScenario(
  base: Scenario,
  mode: BreakevenMode,
  value: number,
  opts: BreakevenOptions = {},
): Scenario {
  let s = mode === 'cdr' ? applyAxis(base, 'cdr', value) : applyAxis(base, 'lossMultiple', value);
  if (opts.prepayment) {
    s = { ...s, prepayment: opts.prepayment, overrides: s.overrides.map(({ prepayment: _p, ...o }) => o) };
  }
  if (opts.prepaymentMultiple !== undefined) s = { ...s, prepaymentMultiple: opts.prepaymentMultiple };
  return s;
}

function outcome(result: RunResult): PointOutcome {
  const whole = new Map<string, boolean>();
  const principalLoss = new Map<string, boolean>();
  for (const t of result.tranches) {
    whole.set(t.id, trancheIsWhole(t));
    principalLoss.set(t.id, t.principalLoss >= 0.005);
  }
  return { whole, principalLoss };
}

/**
 * The scan's lattice indices over [0, n]: spacing 2% of the value, at least `minK`, always 0 and n.
 * Dense where break-evens usually sit (low stresses): about 150–250 points over a full range.
 */
export function scanIndices(n: number, minK: number): number[] {
  const ks = [0];
  let k = 0;
  while (k < n) {
    k = Math.min(n, Math.max(k + Math.max(1, minK), Math.ceil(k * (1 + BREAKEVEN_SCAN_RELATIVE))));
    ks.push(k);
  }
  return ks;
}

/** The smallest k in (lo, hi] where `pass` differs from `pass(lo)`, given it differs at hi. */
function crossing(lo: number, hi: number, pass: (k: number) => boolean): number {
  const at = pass(lo);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (pass(mid) === at) lo = mid;
    else hi = mid;
  }
  return hi;
}

interface PassProfile {
  /** First lattice index found failing; null when every tested index passes. */
  firstFail: number | null;
  /** Windows of passing indices above the first failure. */
  windows: { from: number; to: number }[];
}

/**
 * Where `pass` first fails and where it passes again, from the scan plus bisection at each change of state.
 * Within one scan bracket the state is taken to change once (the bisection finds that change exactly).
 */
export function passProfile(ks: readonly number[], pass: (k: number) => boolean): PassProfile {
  const i = ks.findIndex((k) => !pass(k));
  if (i < 0) return { firstFail: null, windows: [] };
  const firstFail = i === 0 ? ks[0]! : crossing(ks[i - 1]!, ks[i]!, pass);
  const windows: { from: number; to: number }[] = [];
  let from: number | null = null;
  for (let j = i + 1; j < ks.length; j++) {
    const k = ks[j]!;
    const ok = pass(k);
    if (ok && from === null) from = crossing(ks[j - 1]!, k, pass);
    if (!ok && from !== null) {
      windows.push({ from, to: crossing(ks[j - 1]!, k, pass) - 1 });
      from = null;
    }
  }
  if (from !== null) windows.push({ from, to: ks[ks.length - 1]! });
  return { firstFail, windows };
}

function roundToStep(k: number, step: number): number {
  return Number((k * step).toFixed(10));
}

/**
 * Break-evens of every requested class under each mode. Runs are cached per lattice point and shared
 * by all classes, so `--tranche all` costs little more than one class.
 */
export function solveBreakevens(
  engine: StressEngine,
  base: Scenario,
  opts: BreakevenOptions = {},
): BreakevenResult[] {
  const modes = opts.modes ?? ['cdr', 'lossMultiple'];
  let runs = 0;
  const answers = new Map<string, BreakevenAnswer[]>();
  let ids = opts.tranches;
  for (const mode of modes) {
    const step = BREAKEVEN_STEP[mode];
    const max = opts.max?.[mode] ?? BREAKEVEN_MAX[mode];
    if (!(max > 0)) throw new RangeError(`break-even ${mode}: max must be above 0`);
    const n = Math.max(1, Math.round(max / step));
    const cache = new Map<number, PointOutcome>();
    const at = (k: number): PointOutcome => {
      let o = cache.get(k);
      if (!o) {
        runs++;
        const result = engine.run(breakevenScenario(base, mode, roundToStep(k, step), opts), {
          analytics: false,
        });
        o = outcome(result);
        if (!ids) ids = result.tranches.map((t) => t.id);
        cache.set(k, o);
      }
      return o;
    };
    const known = [...at(0).whole.keys()];
    const ks = scanIndices(n, Math.round(BREAKEVEN_SCAN_MIN[mode] / step));
    for (const id of ids ?? known) {
      if (!known.includes(id)) {
        throw new RangeError(`no tranche '${id}' (the deal has: ${known.join(', ')})`);
      }
      const whole = passProfile(ks, (k) => at(k).whole.get(id) === true);
      const noLoss = passProfile(ks, (k) => at(k).principalLoss.get(id) !== true);
      const list = answers.get(id) ?? [];
      const breakeven =
        whole.firstFail === null
          ? roundToStep(n, step)
          : whole.firstFail === 0
            ? null
            : roundToStep(whole.firstFail - 1, step);
      const stressAt = (v: number): Scenario => breakevenScenario(base, mode, v, opts);
      list.push({
        mode,
        step,
        breakeven,
        firstFailure: whole.firstFail === null ? null : roundToStep(whole.firstFail, step),
        poolLossAtBreakeven: breakeven === null ? null : engine.poolLoss(stressAt(breakeven)),
        lifetimeLossAtBreakeven: breakeven === null ? null : engine.lifetimeLoss(stressAt(breakeven)),
        firstPrincipalLoss: noLoss.firstFail === null ? null : roundToStep(noLoss.firstFail, step),
        wholeAgain: whole.windows.map((w) => ({
          from: roundToStep(w.from, step),
          to: roundToStep(w.to, step),
        })),
        monotone: whole.windows.length === 0 && noLoss.windows.length === 0,
        wholeAtMax: whole.firstFail === null,
        max: roundToStep(n, step),
      });
      answers.set(id, list);
    }
  }
  return (ids ?? []).map((id) => ({
    trancheId: id,
    scenarioName: base.name,
    answers: answers.get(id) ?? [],
    runs,
  }));
}
