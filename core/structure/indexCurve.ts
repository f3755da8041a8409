/**
 * Index curves (SOFR, LPR, …) for floating coupons: annual rates by period. A constant or a vector (value for
 * period 1, 2, …; the last value holds after it ends) is read here; formula curves go through the scenario's
 * curve evaluator when one is supplied, because formulas need the sandboxed expression engine.
 */
import type { Curve } from '../deal/schema';

export type FormulaEvaluator = (formula: string, vars: { period: number; age: number }) => number;

export function curveValue(curve: Curve, period: number, evaluate?: FormulaEvaluator): number {
  if (typeof curve === 'number') return curve;
  if ('vector' in curve) {
    const v = curve.vector;
    const i = Math.min(Math.max(period, 1), v.length) - 1;
    return v[i];
  }
  if (!evaluate) throw new Error(`formula index curves need a formula evaluator: '${curve.formula}'`);
  const x = evaluate(curve.formula, { period, age: period });
  if (!Number.isFinite(x)) throw new Error(`index formula '${curve.formula}' gave ${x} in period ${period}`);
  return x;
}
