import { describe, expect, it } from 'vitest';
import { resolveCurve } from '../../../core/assumptions/curve';
import { recoveryLagMonths, resolveScenario } from '../../../core/assumptions/scenarioTables';
import { absSmm, cdrToMdr, cprToSmm, psaCpr, sdaCdr } from '../../../core/rates';
import { defaultHorizon, projectPool } from '../../../core/projection/project';
import { line, scenario, sum } from '../projection/fixtures';

describe('curves', () => {
  it('vector: value i applies to period i + 1; the last value holds after the vector ends', () => {
    const c = resolveCurve({ vector: [0.1, 0.2, 0.3], by: 'period' });
    expect([1, 2, 3, 4, 50].map((p) => c.at(p, 99))).toEqual([0.1, 0.2, 0.3, 0.3, 0.3]);
    expect(c.usesAge).toBe(false);
    const a = resolveCurve({ vector: [0.1, 0.2, 0.3], by: 'age' });
    expect([1, 2, 7].map((age) => a.at(1, age))).toEqual([0.1, 0.2, 0.3]);
    expect(a.usesAge).toBe(true);
  });

  it('constant and formula', () => {
    expect(resolveCurve(0.07).at(5, 9)).toBe(0.07);
    const f = resolveCurve({ formula: 'period * 0.01 + age * 0.001' });
    expect(f.at(2, 3)).toBeCloseTo(0.023, 15);
    expect([f.usesPeriod, f.usesAge]).toEqual([true, true]);
  });
});

describe('scenario tables', () => {
  it('converts each model to monthly rates at loan age = seasoning + period, with the multiples applied', () => {
    const r = resolveScenario(
      scenario({
        prepayment: { model: 'PSA', curve: 100 },
        default: { model: 'CDR', curve: 0.05 },
        prepaymentMultiple: 1.5,
        defaultMultiple: 2,
        severity: { vector: [0.4, 0.6], by: 'period' },
      }),
      5,
    );
    const t = r.segment('all').tables(10);
    expect(t.smm[1]).toBeCloseTo(cprToSmm(psaCpr(150, 11)), 15);
    expect(t.smm[5]).toBeCloseTo(cprToSmm(psaCpr(150, 15)), 15);
    expect(t.mdr[3]).toBeCloseTo(cdrToMdr(0.1), 15);
    expect(Array.from(t.severity)).toEqual([0, 0.4, 0.6, 0.6, 0.6, 0.6]);
    expect(r.segment('all').usesAge).toBe(true);
  });

  it('ABS and SDA read loan age; SDA multiples scale the ramp', () => {
    const r = resolveScenario(
      scenario({ prepayment: { model: 'ABS', curve: 0.02 }, default: { model: 'SDA', curve: 200 } }),
      3,
    );
    const t = r.segment('x').tables(10);
    expect(t.smm[1]).toBeCloseTo(0.025, 15); // SF-13: ABS 2% at age 11
    expect(t.mdr[1]).toBeCloseTo(cdrToMdr(2 * 0.0002 * 11), 15);
    expect(t.smm[2]).toBeCloseTo(absSmm(0.02, 12), 15);
  });

  it('per-segment overrides replace only what they name; later overrides win', () => {
    const r = resolveScenario(
      scenario({
        prepayment: { model: 'CPR', curve: 0.1 },
        default: { model: 'CDR', curve: 0.02 },
        severity: 0.5,
        recoveryLagMonths: 3,
        overrides: [
          { segment: 'subprime', default: { model: 'CDR', curve: 0.12 }, recoveryLagMonths: 6 },
          { segment: 'subprime', severity: 0.9 },
        ],
      }),
      2,
    );
    const prime = r.segment('prime');
    const sub = r.segment('subprime');
    expect(prime.tables(0).mdr[1]).toBeCloseTo(cdrToMdr(0.02), 15);
    expect(sub.tables(0).mdr[1]).toBeCloseTo(cdrToMdr(0.12), 15);
    expect(sub.tables(0).smm[1]).toBeCloseTo(cprToSmm(0.1), 15);
    expect(sub.tables(0).severity[1]).toBe(0.9);
    expect([prime.recoveryLagMonths, sub.recoveryLagMonths]).toEqual([3, 6]);
    expect(prime.usesAge).toBe(false);
    expect(prime.tables(0)).toBe(prime.tables(7)); // ageless: one row serves every seasoning
  });

  it('CNL: gross defaults = entry balance × lifetime loss × multiple × timing / severity', () => {
    const sc = scenario({
      default: { model: 'CNL', lifetimeNetLoss: 0.1, timing: [0.5, 0.5] },
      severity: 0.5,
      defaultMultiple: 1.5,
      recoveryLagMonths: 1,
    });
    const t = resolveScenario(sc, 3).segment('all').tables(0);
    expect(Array.from(t.cnl, (x) => Math.round(x * 1e12) / 1e12)).toEqual([0, 0.15, 0.15, 0]);
    const p = projectPool({ kind: 'repLines', lines: [line()] }, sc, 13);
    expect(p.defaults[1]).toBeCloseTo(150, 10);
    expect(p.defaults[2]).toBeCloseTo(150, 10);
    expect(sum(p.loss)).toBeCloseTo(1000 * 0.1 * 1.5, 10); // net loss = lifetime loss × multiple
  });

  it('CNL with severity 0 reads the timing as gross defaults (no division by zero)', () => {
    const sc = scenario({ default: { model: 'CNL', lifetimeNetLoss: 0.1, timing: [1] }, severity: 0 });
    const p = projectPool({ kind: 'repLines', lines: [line()] }, sc, 12);
    expect(p.defaults[1]).toBeCloseTo(100, 10);
    expect(sum(p.loss)).toBe(0);
  });

  it('CNL gross defaults are capped at the performing balance', () => {
    const sc = scenario({ default: { model: 'CNL', lifetimeNetLoss: 1, timing: [1] }, severity: 0.5 });
    const p = projectPool({ kind: 'repLines', lines: [line()] }, sc, 12);
    expect(p.defaults[1]).toBe(1000);
    expect(p.endBalance[1]).toBe(0);
  });
});

describe('rates', () => {
  it('SDA ramp: 0.02%/month to 0.60% at 30, flat to 60, down 0.0095%/month to 0.03% at 120', () => {
    const at = (age: number) => sdaCdr(100, age, 1000, 0);
    expect(at(1)).toBeCloseTo(0.0002, 15);
    expect(at(15)).toBeCloseTo(0.003, 15);
    expect(at(30)).toBeCloseTo(0.006, 15);
    expect(at(60)).toBeCloseTo(0.006, 15);
    expect(at(61)).toBeCloseTo(0.006 - 0.000095, 15);
    expect(at(120)).toBeCloseTo(0.0003, 15);
    expect(at(300)).toBeCloseTo(0.0003, 15);
    expect(sdaCdr(250, 30, 1000, 0)).toBeCloseTo(0.015, 15);
    expect(sdaCdr(100, 30, 12, 12)).toBe(0);
    expect(sdaCdr(100, 30, 13, 12)).toBeCloseTo(0.006, 15);
  });

  it('ABS speed past its exhaustion prepays whatever is left; rates are clamped to [0, 1]', () => {
    expect(absSmm(0.05, 21)).toBe(1); // 1 − 0.05 × 20 = 0
    expect(absSmm(0.05, 30)).toBe(1);
    expect(absSmm(0, 5)).toBe(0);
    expect(cprToSmm(1.5)).toBe(1);
    expect(cprToSmm(-0.1)).toBe(0);
    expect(psaCpr(100000, 30)).toBe(1);
  });
});

describe('recovery lag by segment', () => {
  it("is the scenario's unless an override for the segment sets one; the last such override wins", () => {
    const s = scenario({
      recoveryLagMonths: 6,
      overrides: [
        { segment: 'prime', recoveryLagMonths: 3 },
        { segment: 'near-prime', severity: 0.7 },
        { segment: 'prime', recoveryLagMonths: 9 },
      ],
    });
    expect(['prime', 'near-prime', 'other'].map((g) => recoveryLagMonths(s, g))).toEqual([9, 6, 6]);
    expect(['prime', 'near-prime'].map((g) => resolveScenario(s, 12).segment(g).recoveryLagMonths)).toEqual([
      9, 6,
    ]);
    // The horizon sees every flow: the longest remaining term plus its own segment's lag (24 + 6 beats 12 + 9).
    const pool = {
      kind: 'repLines' as const,
      lines: [
        line({ id: 'a', segment: 'prime', remainingTerm: 12 }),
        line({ id: 'b', segment: 'near-prime', originalTerm: 24, remainingTerm: 24 }),
      ],
    };
    expect(defaultHorizon(pool, s)).toBe(30);
    expect(defaultHorizon({ kind: 'repLines', lines: [pool.lines[0]!] }, s)).toBe(21);
  });
});
