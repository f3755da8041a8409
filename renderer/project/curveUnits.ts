/**
 * One unit convention for every curve editor: a rate is typed in percent whether it is a constant, a vector or a
 * formula (a CDR of 6% is "6" in each), a speed (PSA, SDA) in its own units. The deal file keeps annual decimals
 * (DESIGN: "Rates are annual decimals"), so a rate formula typed in percent is stored divided by 100, and the
 * values any curve produces get the same range check a constant gets, with the period where it fails.
 */
import type { TFunction } from 'i18next';
import { resolveCurve } from '../../core/assumptions/curve';
import type { Curve } from '../../core/deal/schema';
import { compileFormula } from '../../core/formula';
import type { Unit } from './assumptionEdit';

/** A stored rate formula the editor wrote: `(<what the user typed in percent>) / 100`. */
const PERCENT_FORMULA = /^\((.*)\) \/ 100$/s;

/** The formula as the editor shows it: in percent for a rate, as stored for a speed. */
export function formulaForEditor(stored: string, unit: Unit): string {
  if (unit === 'speed') return stored;
  const typed = PERCENT_FORMULA.exec(stored)?.[1];
  return typed !== undefined ? typed : `100 * (${stored})`;
}

/** The formula as the deal stores it, from what the user typed in the editor's unit. */
export function formulaFromEditor(text: string, unit: Unit): string {
  return unit === 'speed' ? text.trim() : `(${text.trim()}) / 100`;
}

/** How far the range check looks: the longest term a deal's loans may have (30 years of months). */
export const CHECKED_PERIODS = 360;

/**
 * The first value a curve produces out of range, in the editor's words (`t`: the screen's language), or null when
 * every period is in range. A formula is checked at each period with the loan age equal to it (a fresh pool), the
 * same values the curve preview draws.
 */
export function curveRangeProblem(
  curve: Curve,
  unit: Unit,
  t: TFunction,
  periods = CHECKED_PERIODS,
): string | null {
  let lookup;
  try {
    lookup = resolveCurve(curve);
  } catch (err) {
    return t('assumptions:check.formula', { reason: reason(err) });
  }
  for (let p = 1; p <= periods; p++) {
    const v = lookup.at(p, p);
    if (!Number.isFinite(v)) return t('assumptions:check.noNumber', { period: p });
    if (unit === 'rate' && (v < 0 || v > 1)) {
      return t('assumptions:check.rate', { value: trimPercent(v), period: p });
    }
    if (unit === 'speed' && v < 0) return t('assumptions:check.speed', { value: round(v), period: p });
  }
  return null;
}

/**
 * The formula parser's own reason (it names the token and the column, in English: the parser is core's) without
 * its prefix, which repeats the formula the user is looking at.
 */
function reason(err: unknown): string {
  return err instanceof Error ? err.message.replace(/^formula "[^"]*": /, '') : String(err);
}

/** The problem with a formula typed in the editor's unit, or null when it compiles and stays in range. */
export function editorFormulaProblem(text: string, unit: Unit, t: TFunction): string | null {
  try {
    compileFormula(text);
  } catch (err) {
    return t('assumptions:check.formula', { reason: reason(err) });
  }
  return curveRangeProblem({ formula: formulaFromEditor(text, unit) }, unit, t);
}

const round = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const trimPercent = (v: number): string => round(v * 100);
