/**
 * Break-even stresses per class, by bisection on a lattice so the answer is exact to the stated step:
 * - `cdr`: constant CDR replacing the base default model, step 0.0001 (0.01% CDR), searched over [0, 100%];
 * - `lossMultiple`: multiple of the base case's default curve (or CNL), step 0.01, searched over [0, 100]
 *   (the schema's largest defaultMultiple, so the product stays valid).
 * Prepayment stays the scenario's unless the caller gives one.
 *
 * Two answers per class and stress:
 * - `breakeven`: the largest lattice value at which the class still receives all interest and all principal;
 * - `firstPrincipalLoss`: the smallest lattice value at which it loses at least a cent of principal.
 * The bisection keeps "lo passes, hi fails" as its invariant and stops at hi = lo + 1 step, so by construction
 * the class is whole at `breakeven` and not whole one step above — even where the deal is not monotone
 * (a trigger can make more loss help a class), in which case the answer is one crossing, not necessarily the last.
 */
import type { PrepaymentAssumption, Scenario } from '../deal/schema';
import type { RunResult } from '../result';
import { applyAxis } from './axis';
import { trancheIsWhole, type StressEngine } from './engine';

export type BreakevenMode = 'cdr' | 'lossMultiple';

export const BREAKEVEN_STEP: Record<BreakevenMode, number> = { cdr: 0.0001, lossMultiple: 0.01 };
export const BREAKEVEN_MAX: Record<BreakevenMode, number> = { cdr: 1, lossMultiple: 100 };

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
  /** Largest value at which the class gets all interest and principal; null when it is not whole even at 0. */
  breakeven: number | null;
  /** Smallest value at which the class loses ≥ 1 cent of principal; null when it loses none up to `max`. */
  firstPrincipalLoss: number | null;
  /** Lifetime pool loss (share of the initial pool) at the break-even: the "break-even loss" agencies quote. */
  poolLossAtBreakeven: number | null;
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

/** Integer bisection: the largest k in [0, n] with pass(k), given pass is decreasing; −1 if pass(0) fails. */
function lastPassing(n: number, pass: (k: number) => boolean): { last: number; passesAtMax: boolean } {
  if (!pass(0)) return { last: -1, passesAtMax: false };
  if (pass(n)) return { last: n, passesAtMax: true };
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (pass(mid)) lo = mid;
    else hi = mid;
  }
  return { last: lo, passesAtMax: false };
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
    at(0);
    for (const id of ids!) {
      if (!at(0).whole.has(id)) {
        throw new RangeError(`no tranche '${id}' (the deal has: ${[...at(0).whole.keys()].join(', ')})`);
      }
      const whole = lastPassing(n, (k) => at(k).whole.get(id)!);
      const noLoss = lastPassing(n, (k) => !at(k).principalLoss.get(id)!);
      const list = answers.get(id) ?? [];
      const breakeven = whole.last < 0 ? null : roundToStep(whole.last, step);
      list.push({
        mode,
        step,
        breakeven,
        poolLossAtBreakeven:
          breakeven === null ? null : engine.poolLoss(breakevenScenario(base, mode, breakeven, opts)),
        firstPrincipalLoss: noLoss.passesAtMax ? null : roundToStep(noLoss.last + 1, step),
        wholeAtMax: whole.passesAtMax,
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
