/**
 * Rating-agency style stresses: the base case's loss multiplied by a level's multiple, under stressed
 * prepayment speeds and with the loss front- or back-loaded (same lifetime loss, different timing), as the
 * agencies run consumer ABS. A class "passes" a level when it receives all interest and principal in every
 * combination run at that level.
 *
 * Conventions:
 * - a level's multiple scales the base case's default assumption; a timing case is matched to the same
 *   lifetime loss of the original pool (no purchases, no clean-up call), which rises with the multiple. The
 *   loss a revolving deal realises (purchases included) saw-tooths with the stress, because a harsher stress
 *   can trip the loss trigger and end revolving sooner, so it cannot serve as the target;
 * - the reshape moves loss over the pool's whole life; losses the reshape places after a clean-up call are
 *   not realised inside the deal (the call buys the remaining pool back);
 * - "highest level passed" is the harshest level such that the class passes it and every milder level; a
 *   harsher level passed above a failed milder one is reported in `passesAboveFailure`, not counted.
 */
import type { Curve, DefaultAssumption, Scenario } from '../deal/schema';
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { trancheIsWhole, runPoolLoss, type StressEngine } from './engine';

export interface RatingLevel {
  rating: string;
  /** Multiple of the base-case loss. */
  multiple: number;
  /** Where the multiple comes from (../shared/DOMAIN.md). */
  source: string;
}

export const DEFAULT_RATING_LEVELS: readonly RatingLevel[] = [
  {
    rating: 'AAA',
    multiple: 5.0,
    source: 'S&P SoFi 2019-2: base-case CNL 8.3%, break-even support AAA 41–42% (≥ 5.0×)',
  },
  { rating: 'AA', multiple: 4.4, source: 'S&P SoFi 2019-2: break-even support AA 36–37% (4.4×)' },
  { rating: 'A', multiple: 2.9, source: 'S&P SoFi 2019-2: break-even support A 24–28% (2.9×)' },
  { rating: 'BBB', multiple: 1.4, source: 'S&P subprime auto reference: BBB 1.40× on a high base case' },
  { rating: 'BB', multiple: 1.25, source: 'S&P subprime auto reference: BB 1.25× on a high base case' },
];

export type LossTiming = 'base' | 'front' | 'back';

export interface RatingStressOptions {
  levels?: readonly RatingLevel[];
  /** Multiples of the scenario's prepayment speed (default 0.5, 1, 1.5). */
  prepaymentMultiples?: number[];
  timings?: LossTiming[];
  /** Periods over which rate-model default curves are reshaped (default: the base run's length). */
  horizon?: number;
}

export interface RatingStressCase {
  prepaymentMultiple: number;
  timing: LossTiming;
  defaultMultiple: number;
  /** Loss realised inside the deal (purchases included, up to any clean-up call) over the initial pool. */
  poolLossPct: number;
  /** Lifetime loss of the original pool alone: what the timing cases are matched to. */
  lifetimeLossPct: number;
  tranches: { id: string; pass: boolean; principalLoss: number; interestShortfall: number }[];
}

export interface RatingStressLevelResult extends RatingLevel {
  cases: RatingStressCase[];
  /** Class id → passes every case at this level. */
  passes: Record<string, boolean>;
}

export interface RatingStressResult {
  scenarioName: string;
  baseLossPct: number;
  levels: RatingStressLevelResult[];
  /**
   * Class id → the harshest level (by multiple) that it passes together with every milder level; null if it
   * fails the mildest.
   */
  highestPassing: Record<string, string | null>;
  /**
   * Class id → harsher levels it passes although a milder level fails (empty when pass/fail is monotone).
   * On a revolving deal a harsher stress can trip the loss trigger sooner, end revolving and realise less.
   */
  passesAboveFailure: Record<string, string[]>;
}

/** Share of the reshaping at the first and last period: loss weight runs linearly from one to the other. */
const TILT = { front: [1.6, 0.4], back: [0.4, 1.6] } as const;
/** Exponent on the cumulative CNL timing curve: C(t)^p with p < 1 pulls loss forward, p > 1 pushes it back. */
const CNL_POWER = { front: 0.6, back: 1.6 } as const;

function tilt(shape: 'front' | 'back', period: number, horizon: number): number {
  const [a, b] = TILT[shape];
  if (horizon <= 1) return 1;
  return a + ((b - a) * (period - 1)) / (horizon - 1);
}

/** Reshapes a CNL timing vector through its cumulative curve; the sum (lifetime share) stays exactly 1. */
export function reshapeCnlTiming(timing: readonly number[], shape: 'front' | 'back'): number[] {
  const total = timing.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return [...timing];
  const p = CNL_POWER[shape];
  const out: number[] = [];
  let cum = 0;
  let prev = 0;
  for (const w of timing) {
    cum += w;
    const next = Math.min(1, cum / total) ** p;
    out.push((next - prev) * total);
    prev = next;
  }
  return out;
}

function tiltCurve(curve: Curve, shape: 'front' | 'back', horizon: number): Curve {
  if (typeof curve === 'number') {
    return {
      vector: Array.from({ length: horizon }, (_, i) => curve * tilt(shape, i + 1, horizon)),
      by: 'period',
    };
  }
  if ('vector' in curve) {
    if (curve.by === 'age') {
      throw new RangeError(
        'loss-timing stress: an age-indexed default vector cannot be reshaped by period; use a formula',
      );
    }
    const v = curve.vector;
    return {
      vector: Array.from(
        { length: Math.max(horizon, v.length) },
        (_, i) => v[Math.min(i, v.length - 1)]! * tilt(shape, i + 1, horizon),
      ),
      by: 'period',
    };
  }
  const [a, b] = TILT[shape];
  const slope = horizon <= 1 ? 0 : (b - a) / (horizon - 1);
  return { formula: `(${curve.formula}) * max(0, ${a} + ${slope} * (period - 1))` };
}

/** The default assumption with its loss pulled forward or pushed back (before matching the lifetime loss). */
export function reshapeDefault(
  d: DefaultAssumption,
  shape: 'front' | 'back',
  horizon: number,
): DefaultAssumption {
  if (d.model === 'CNL') return { ...d, timing: reshapeCnlTiming(d.timing, shape) };
  return { model: d.model, curve: tiltCurve(d.curve, shape, horizon) };
}

/**
 * The scenario with loss timing reshaped and its default multiple rescaled so the original pool's lifetime
 * loss equals the unreshaped scenario's (bisection on the multiple to 1e-7 of the loss). CNL timing keeps the
 * lifetime share by construction; rate models need the rescale because the same CDR earlier meets a larger
 * balance. The target is the original pool's lifetime loss, not the loss a revolving deal realises: that one
 * is not monotone in the multiple, so bisection on it could land on a much milder stress.
 */
export function reshapeLossTiming(
  engine: Pick<StressEngine, 'lifetimeLoss'>,
  scenario: Scenario,
  shape: LossTiming,
  horizon: number,
): Scenario {
  if (shape === 'base') return scenario;
  const reshaped: Scenario = {
    ...scenario,
    name: `${scenario.name} (${shape}-loaded)`,
    default: reshapeDefault(scenario.default, shape, horizon),
    overrides: scenario.overrides.map((o) =>
      o.default ? { ...o, default: reshapeDefault(o.default, shape, horizon) } : o,
    ),
  };
  const target = engine.lifetimeLoss(scenario);
  if (!(target > 0)) return reshaped;
  const m0 = scenario.defaultMultiple;
  const lossAt = (m: number): number => engine.lifetimeLoss({ ...reshaped, defaultMultiple: m });
  let lo = 0;
  let hi = Math.max(m0, 1e-9);
  for (let i = 0; i < 40 && lossAt(hi) < target; i++) hi = Math.min(hi * 2, 100);
  if (lossAt(hi) < target) return { ...reshaped, defaultMultiple: hi };
  for (let i = 0; i < 60 && hi - lo > 1e-9 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (lossAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return { ...reshaped, defaultMultiple: (lo + hi) / 2 };
}

export function runRatingStresses(
  engine: StressEngine,
  base: Scenario,
  opts: RatingStressOptions = {},
): RatingStressResult {
  const levels = opts.levels ?? DEFAULT_RATING_LEVELS;
  const prepay = opts.prepaymentMultiples ?? [0.5, 1, 1.5];
  const timings = opts.timings ?? ['base', 'front', 'back'];
  const baseRun = engine.run(base, { analytics: false });
  const horizon = opts.horizon ?? Math.max(1, baseRun.pool.periods.length - 1);
  const ids = baseRun.tranches.map((t) => t.id);
  const out: RatingStressLevelResult[] = [];
  for (const level of levels) {
    const cases: RatingStressCase[] = [];
    const passes: Record<string, boolean> = Object.fromEntries(ids.map((id) => [id, true]));
    for (const pm of prepay) {
      for (const timing of timings) {
        const stressed: Scenario = {
          ...base,
          name: `${base.name} ${level.rating} ${level.multiple}x, prepay ${pm}x, ${timing}`,
          defaultMultiple: base.defaultMultiple * level.multiple,
          prepaymentMultiple: base.prepaymentMultiple * pm,
        };
        const s = reshapeLossTiming(engine, stressed, timing, horizon);
        const r = engine.run(s, { analytics: false });
        const tranches = r.tranches.map((t) => ({
          id: t.id,
          pass: trancheIsWhole(t),
          principalLoss: t.principalLoss,
          interestShortfall: t.interestShortfall,
        }));
        for (const t of tranches) if (!t.pass) passes[t.id] = false;
        cases.push({
          prepaymentMultiple: pm,
          timing,
          defaultMultiple: s.defaultMultiple,
          poolLossPct: runPoolLoss(r),
          lifetimeLossPct: engine.lifetimeLoss(s),
          tranches,
        });
      }
    }
    out.push({ ...level, cases, passes });
  }
  const mildestFirst = [...out].sort((a, b) => a.multiple - b.multiple);
  const highestPassing: Record<string, string | null> = {};
  const passesAboveFailure: Record<string, string[]> = {};
  for (const id of ids) {
    const firstFail = mildestFirst.findIndex((l) => !l.passes[id]);
    const passedInOrder = firstFail < 0 ? mildestFirst : mildestFirst.slice(0, firstFail);
    highestPassing[id] = passedInOrder[passedInOrder.length - 1]?.rating ?? null;
    passesAboveFailure[id] =
      firstFail < 0
        ? []
        : mildestFirst
            .slice(firstFail)
            .filter((l) => l.passes[id])
            .map((l) => l.rating);
  }
  return {
    scenarioName: base.name,
    baseLossPct: runPoolLoss(baseRun),
    levels: out,
    highestPassing,
    passesAboveFailure,
  };
}

const worstRealised = (l: RatingStressLevelResult): number => Math.max(...l.cases.map((c) => c.poolLossPct));
const pctText = (v: number): string => `${(v * 100).toFixed(2)}%`;

/**
 * Coded notes (`coreText` says them in a host's language), one per class with a harsher level passed above a
 * failed milder one, with the reason
 * the run shows: a harsher level that realised less loss (a revolving deal ending revolving sooner, or a
 * clean-up call cutting losses off), or otherwise a trigger changing the cash flows.
 */
export function ratingStressNoteMessages(r: RatingStressResult): Record<string, CoreMessage> {
  const notes: Record<string, CoreMessage> = {};
  for (const [id, above] of Object.entries(r.passesAboveFailure)) {
    if (above.length === 0) continue;
    const mildestFirst = [...r.levels].sort((a, b) => a.multiple - b.multiple);
    const failed = mildestFirst.find((l) => !l.passes[id]);
    const harsher = r.levels.find((l) => l.rating === above[0]);
    if (!failed || !harsher) continue;
    const lessLoss = worstRealised(harsher) < worstRealised(failed) - 1e-9;
    const why = lessLoss
      ? coreMessage('rating.lessLoss', {
          harsher: pctText(worstRealised(harsher)),
          milder: pctText(worstRealised(failed)),
        })
      : coreMessage('rating.triggerHelps');
    notes[id] = {
      ...coreMessage('rating.passAboveFailure', {
        id,
        above: above.join(', '),
        failed: failed.rating,
        multiple: failed.multiple.toFixed(2),
        why: why.message,
      }),
      nested: { why },
    };
  }
  return notes;
}

/** The same notes in English. */
export function ratingStressNotes(r: RatingStressResult): Record<string, string> {
  return Object.fromEntries(Object.entries(ratingStressNoteMessages(r)).map(([id, m]) => [id, m.message]));
}
