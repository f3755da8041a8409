import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../core/deal/schema';
import { applyAxis, axisValues, shiftCurve } from '../../../core/scenario/axis';

const base = Scenario.parse({
  name: 'base',
  prepayment: { model: 'ABS', curve: 0.015 },
  default: { model: 'CNL', lifetimeNetLoss: 0.083, timing: [0.5, 0.5] },
  severity: 0.9,
  recoveryLagMonths: 3,
  defaultMultiple: 1.5,
  overrides: [{ segment: 'D', default: { model: 'CDR', curve: 0.2 }, severity: 0.95 }],
  indexCurves: { SOFR: 0.043, LPR: { vector: [0.031, 0.03] } },
});

describe('grid axes', () => {
  it('lists points inclusive of both ends without float drift', () => {
    expect(axisValues({ kind: 'cdr', from: 0, to: 0.2, step: 0.01 })).toHaveLength(21);
    expect(axisValues({ kind: 'cdr', from: 0, to: 0.2, step: 0.01 })[7]).toBe(0.07);
    expect(axisValues({ kind: 'lossMultiple', from: 1, to: 2, step: 0.3 })).toEqual([1, 1.3, 1.6, 1.9]);
    expect(axisValues({ kind: 'cpr', from: 0.1, to: 0.1, step: 0 })).toEqual([0.1]);
    expect(() => axisValues({ kind: 'cpr', from: 0.2, to: 0.1, step: 0.01 })).toThrow(/below/);
    expect(() => axisValues({ kind: 'cpr', from: 0, to: 1, step: 0.001 })).toThrow(/at most/);
  });

  it('a CDR axis replaces the default model for every segment and resets the multiple', () => {
    const s = applyAxis(base, 'cdr', 0.07);
    expect(s.default).toEqual({ model: 'CDR', curve: 0.07 });
    expect(s.defaultMultiple).toBe(1);
    expect(s.overrides[0]).toEqual({ segment: 'D', severity: 0.95 });
    expect(base.default.model).toBe('CNL'); // not mutated
  });

  it('a loss-multiple axis keeps the curve and multiplies the base multiple', () => {
    const s = applyAxis(base, 'lossMultiple', 2);
    expect(s.default).toBe(base.default);
    expect(s.defaultMultiple).toBe(3);
  });

  it('prepayment, severity and lag axes', () => {
    expect(applyAxis(base, 'cpr', 0.2).prepayment).toEqual({ model: 'CPR', curve: 0.2 });
    expect(applyAxis(base, 'absSpeed', 0.02).prepayment).toEqual({ model: 'ABS', curve: 0.02 });
    expect(applyAxis(base, 'prepaymentMultiple', 0.5).prepaymentMultiple).toBe(0.5);
    const sev = applyAxis(base, 'severity', 0.6);
    expect(sev.severity).toBe(0.6);
    expect(sev.overrides[0]!.severity).toBeUndefined();
    expect(applyAxis(base, 'lagMonths', 5.6).recoveryLagMonths).toBe(6);
    expect(() => applyAxis(base, 'cdr', 1.5)).toThrow(/between 0 and 1/);
  });

  it('a rate shift moves every index curve in parallel, keeping its form', () => {
    const s = applyAxis(base, 'rateShift', 0.01);
    expect(s.indexCurves.SOFR).toBeCloseTo(0.053, 12);
    const lpr = s.indexCurves.LPR as { vector: number[]; by: string };
    expect(lpr.by).toBe('period');
    expect(lpr.vector[0]).toBeCloseTo(0.041, 12);
    expect(lpr.vector[1]).toBeCloseTo(0.04, 12);
    expect(shiftCurve({ formula: 'period / 1000' }, -0.005)).toEqual({
      formula: '(period / 1000) + (-0.005)',
    });
  });
});
