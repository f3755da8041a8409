/**
 * An assumption curve (constant, vector by period or by age, or formula) resolved once into a lookup. The
 * lookup is only called while building the per-period tables in ./scenarioTables.ts, never in the hot loop.
 */
import type { Curve } from '../deal/schema';
import { compileFormula } from '../formula';

export interface CurveLookup {
  /** Value in `period` (months since the line entered the pool, 1-based) at loan `age` (months since origination). */
  at(period: number, age: number): number;
  readonly usesPeriod: boolean;
  readonly usesAge: boolean;
}

/** Vector semantics: value i applies to period (or age) i + 1; the last value holds after the vector ends. */
function vectorValue(v: readonly number[], index1: number): number {
  const i = index1 < 1 ? 0 : index1 > v.length ? v.length - 1 : index1 - 1;
  return v[i] as number;
}

export function resolveCurve(curve: Curve): CurveLookup {
  if (typeof curve === 'number') {
    return { at: () => curve, usesPeriod: false, usesAge: false };
  }
  if ('vector' in curve) {
    const v = curve.vector.slice();
    const byAge = curve.by === 'age';
    return byAge
      ? { at: (_p, age) => vectorValue(v, age), usesPeriod: false, usesAge: true }
      : { at: (period) => vectorValue(v, period), usesPeriod: true, usesAge: false };
  }
  const f = compileFormula(curve.formula);
  return {
    at: (period, age) => f({ period, age }),
    usesPeriod: f.uses.period,
    usesAge: f.uses.age,
  };
}
