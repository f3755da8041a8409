/**
 * One unit convention for every curve editor: a rate is typed in percent whether it is a constant, a vector or a
 * formula (a CDR of 6% is "6" in each), a speed (PSA, SDA) in its own units. The deal file keeps annual decimals
 * (DESIGN: "Rates are annual decimals"), so a rate formula typed in percent is stored divided by 100, and the
 * values any curve produces get the same range check a constant gets, with the period where it fails.
 */
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
 * The first value a curve produces out of range, in the editor's words, or null when every period is in range.
 * A formula is checked at each period with the loan age equal to it (a fresh pool), the same values the curve
 * preview draws.
 */
export function curveRangeProblem(curve: Curve, unit: Unit, periods = CHECKED_PERIODS): string | null {
  let lookup;
  try {
    lookup = resolveCurve(curve);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  for (let p = 1; p <= periods; p++) {
    const v = lookup.at(p, p);
    if (!Number.isFinite(v)) return `gives no number at period ${p}`;
    if (unit === 'rate' && (v < 0 || v > 1)) {
      return `gives ${trimPercent(v)}% at period ${p}; a rate must be between 0% and 100%`;
    }
    if (unit === 'speed' && v < 0) return `gives ${round(v)} at period ${p}; a speed cannot be negative`;
  }
  return null;
}

/** The problem with a formula typed in the editor's unit, or null when it compiles and stays in range. */
export function editorFormulaProblem(text: string, unit: Unit): string | null {
  try {
    compileFormula(text);
  } catch (err) {
    return err instanceof Error ? err.message.replace(/^formula "[^"]*": /, '') : String(err);
  }
  return curveRangeProblem({ formula: formulaFromEditor(text, unit) }, unit);
}

const round = (v: number): string => String(Math.round(v * 1e6) / 1e6);
const trimPercent = (v: number): string => round(v * 100);
