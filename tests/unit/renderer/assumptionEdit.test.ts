import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal, type RepLine, type Scenario } from '../../../core/deal/schema';
import type { LoanPool } from '../../../core/pool/loanPool';
import { projectPool } from '../../../core/projection/project';
import { PROJECTION_SERIES } from '../../../core/projection/types';
import { runDeal } from '../../../core/run';
import {
  addOverride,
  effectiveAssumptions,
  OVERRIDE_PARTS,
  overriddenParts,
  parseVectorText,
  poolSegments,
  removeOverride,
  setOverridePart,
  setOverrideSegment,
  setVector,
  updateOverride,
  vectorOf,
  withDefaultModel,
  withPrepaymentModel,
} from '../../../renderer/project/assumptionEdit';
import { validatedDeal } from '../../../renderer/project/dealEdit';
import { i18n, initI18n } from '../../../renderer/i18n';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

const load = (name: string): Deal =>
  Deal.parse(JSON.parse(readFileSync(`samples/deals/${name}.deal.json`, 'utf8')));

/** Level-pay consumer loans: prime (150m + 100m) and near-prime (100m + 90m + 60m) rep lines, base CDR 1% in period 1. */
const levelPay = (): Deal => load('level-pay-consumer');
const lines = (d: Deal): RepLine[] => (d.pool.kind === 'repLines' ? d.pool.lines : []);
const repLines = (d: Deal) => ({ kind: 'repLines' as const, lines: lines(d) });
const segmentLines = (d: Deal, segment: string) => ({
  kind: 'repLines' as const,
  lines: lines(d).filter((l) => l.segment === segment),
});

/** Applies an edit the way the screen does: through the schema, failing the test when it is refused. */
function valid(d: Deal, update: (x: Deal) => Deal): Deal {
  const r = validatedDeal(d, update);
  if ('error' in r) throw new Error(r.error);
  return r.deal;
}

const mdr = (cdr: number): number => 1 - Math.pow(1 - cdr, 1 / 12);

describe('segments', () => {
  it('lists the rep lines’ segments, then the revolving profile’s', () => {
    expect(poolSegments(levelPay(), null)).toEqual(['prime', 'near-prime']);
    expect(poolSegments(load('revolving-installment'), null)).toEqual([
      'ifee-3m',
      'ifee-6m',
      'ifee-12m',
      'level-pay',
    ]);
  });

  it('an imported tape’s segments replace the rep lines’, leaving out names no loan carries', () => {
    const loans = {
      size: 2,
      segment: new Uint16Array([2, 0]),
      segmentNames: ['A', 'B', 'C'],
    } as unknown as LoanPool;
    expect(poolSegments(levelPay(), loans)).toEqual(['A', 'C']);
  });
});

describe('override edits', () => {
  it('a new override replaces the default assumption with the scenario’s own, so nothing changes yet', () => {
    const d = valid(levelPay(), (x) => addOverride(x, 1, 'prime'));
    const s = d.scenarios[1] as Scenario;
    expect(s.overrides).toEqual([{ segment: 'prime', default: s.default }]);
    expect(overriddenParts(s.overrides[0]!)).toEqual(['default']);
    expect(levelPay().scenarios[1]?.overrides).toEqual([]);
  });

  it('switching a part on copies what the segment runs under now; off hands it back to the scenario', () => {
    let d = valid(levelPay(), (x) => addOverride(x, 0, 'prime'));
    d = valid(d, (x) => updateOverride(x, 0, 0, (o) => ({ ...o, severity: 0.5, recoveryLagMonths: 6 })));
    // A second override for the same segment starts from the first one's values (later overrides win).
    d = valid(d, (x) => ({
      ...x,
      scenarios: x.scenarios.map((s, i) =>
        i === 0 ? { ...s, overrides: [...s.overrides, { segment: 'prime' }] } : s,
      ),
    }));
    d = valid(d, (x) => setOverridePart(x, 0, 1, 'severity', true));
    d = valid(d, (x) => setOverridePart(x, 0, 1, 'prepayment', true));
    const o = d.scenarios[0]!.overrides[1]!;
    expect(o.severity).toBe(0.5);
    expect(o.prepayment).toEqual({ model: 'CPR', curve: 0.12 });
    expect(overriddenParts(o)).toEqual(['prepayment', 'severity']);

    d = valid(d, (x) => setOverridePart(x, 0, 0, 'recoveryLagMonths', false));
    expect(d.scenarios[0]!.overrides[0]).not.toHaveProperty('recoveryLagMonths');
    expect(effectiveAssumptions(d.scenarios[0]!, 'prime').recoveryLagMonths).toBe(3);
    expect(effectiveAssumptions(d.scenarios[0]!, 'near-prime').severity).toBe(0.9);
  });

  it('moves an override to another segment and removes it', () => {
    let d = valid(levelPay(), (x) => addOverride(x, 0, 'prime'));
    d = valid(d, (x) => setOverrideSegment(x, 0, 0, 'near-prime'));
    expect(d.scenarios[0]!.overrides.map((o) => o.segment)).toEqual(['near-prime']);
    d = valid(d, (x) => removeOverride(x, 0, 0));
    expect(d.scenarios[0]!.overrides).toEqual([]);
  });

  it('the vector editor writes an override’s curve, keeping its indexing, and the CNL timing', () => {
    let d = valid(levelPay(), (x) => addOverride(x, 0, 'prime'));
    // The override starts from the base CDR vector (16 periods, by period).
    d = valid(d, (x) => setVector(x, { scenario: 0, override: 0, curve: 'default' }, [0.02, 0.04]));
    expect(d.scenarios[0]!.overrides[0]!.default).toEqual({
      model: 'CDR',
      curve: { vector: [0.02, 0.04], by: 'period' },
    });
    // The scenario's own curve is untouched.
    expect(d.scenarios[0]!.default.model === 'CDR' && d.scenarios[0]!.default.curve).toMatchObject({
      vector: expect.arrayContaining([0.01, 0.1]),
    });
    // No prepayment override: nothing to write.
    expect(setVector(d, { scenario: 0, override: 0, curve: 'prepayment' }, [0.3])).toEqual(d);
    d = valid(d, (x) =>
      updateOverride(x, 0, 0, (o) => ({ ...o, default: withDefaultModel(o.default!, 'CNL') })),
    );
    d = valid(d, (x) => setVector(x, { scenario: 0, override: 0, curve: 'default' }, [0.5, 0.5]));
    expect(d.scenarios[0]!.overrides[0]!.default).toEqual({
      model: 'CNL',
      lifetimeNetLoss: 0.06,
      timing: [0.5, 0.5],
    });
    expect(withDefaultModel(d.scenarios[0]!.overrides[0]!.default!, 'SDA')).toEqual({
      model: 'SDA',
      curve: 100,
    });
    expect(withDefaultModel({ model: 'CDR', curve: 0.06 }, 'MDR')).toEqual({ model: 'MDR', curve: 0.005 });
    // A 10% CPR read as PSA would be a speed of 0.1%: the new model starts at 100% PSA instead.
    expect(withPrepaymentModel({ model: 'CPR', curve: 0.1 }, 'PSA')).toEqual({ model: 'PSA', curve: 100 });
    expect(withPrepaymentModel({ model: 'PSA', curve: 150 }, 'ABS')).toEqual({ model: 'ABS', curve: 0.015 });
    const same = { model: 'CPR' as const, curve: { vector: [0.1, 0.2], by: 'period' as const } };
    expect(withPrepaymentModel(same, 'CPR')).toBe(same);
  });

  it('switching parts on never changes a run: the copied value is what the segment already ran under', () => {
    const base = levelPay();
    const before = projectPool(repLines(base), base.scenarios[0]!, 70);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            segment: fc.constantFrom('prime', 'near-prime'),
            part: fc.constantFrom(...OVERRIDE_PARTS),
          }),
          { maxLength: 8 },
        ),
        (ops) => {
          let d = base;
          for (const { segment, part } of ops) {
            let j = d.scenarios[0]!.overrides.findIndex((o) => o.segment === segment);
            if (j < 0) {
              d = valid(d, (x) => addOverride(x, 0, segment));
              j = d.scenarios[0]!.overrides.length - 1;
            }
            d = valid(d, (x) => setOverridePart(x, 0, j, part, true));
          }
          const after = projectPool(repLines(d), d.scenarios[0]!, 70);
          for (const k of PROJECTION_SERIES) expect(after[k]).toEqual(before[k]);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('vector values', () => {
  it('opens a constant as twelve periods of it, a vector as itself, CNL as its timing, a missing part as nothing', () => {
    expect(vectorOf({ severity: 0.9 }, 'severity')).toEqual({
      values: Array.from({ length: 12 }, () => 0.9),
      unit: 'rate',
      by: 'period',
      timing: false,
    });
    expect(
      vectorOf({ prepayment: { model: 'PSA', curve: { vector: [100, 150], by: 'age' } } }, 'prepayment'),
    ).toEqual({ values: [100, 150], unit: 'speed', by: 'age', timing: false });
    expect(
      vectorOf({ prepayment: { model: 'CPR', curve: { formula: '0.01 * period' } } }, 'prepayment')
        ?.values[0],
    ).toBe(0.01);
    expect(
      vectorOf({ default: { model: 'CNL', lifetimeNetLoss: 0.02, timing: [0.25, 0.45, 0.3] } }, 'default'),
    ).toEqual({ values: [0.25, 0.45, 0.3], unit: 'rate', by: 'period', timing: true });
    expect(vectorOf({ severity: 0.9 }, 'default')).toBeNull();
  });

  it('reads a pasted Excel column in percent for rates and as is for speeds, and says what it cannot read', () => {
    expect(parseVectorText('1.5%\t2\n2.25', 'rate', en)).toEqual([0.015, 0.02, 0.0225]);
    expect(parseVectorText('100, 150; 200', 'speed', en)).toEqual([100, 150, 200]);
    expect(parseVectorText('1 two 3', 'rate', en)).toBe('“two” is not a number');
    expect(parseVectorText('  ', 'rate', en)).toBe('Paste at least one value');
  });

  it('says in Chinese what it cannot read, and reads values a Chinese keyboard separates', () => {
    expect(parseVectorText('1 二 3', 'rate', zh)).toBe('“二”不是数字');
    expect(parseVectorText('  ', 'rate', zh)).toBe('请至少粘贴一个数值');
    // Full-width comma, enumeration comma and percent sign, as a Chinese input method types them.
    expect(parseVectorText('1.5％，2、2.25', 'rate', zh)).toEqual([0.015, 0.02, 0.0225]);
  });
});

describe('an edited override in a deal run', () => {
  const base = levelPay();
  // The screen's path: add an override for prime, then set its default curve to a constant CDR of 12%.
  const edited = valid(
    valid(base, (x) => addOverride(x, 0, 'prime')),
    (x) => updateOverride(x, 0, 0, (o) => ({ ...o, default: { model: 'CDR', curve: 0.12 } })),
  );
  const runBase = runDeal(base, repLines(base));
  const runEdited = runDeal(edited, repLines(edited));

  it('period 1 defaults: 250m prime at MDR(12%) plus 250m near-prime at MDR(1%), as before', () => {
    // 250,000,000 × (1 − 0.88^(1/12)) = 2,649,060.26; 250,000,000 × (1 − 0.99^(1/12)) = 209,294.34.
    expect(250e6 * mdr(0.12)).toBeCloseTo(2_649_060.26, 2);
    expect(runBase.pool.periods[0]!.default).toBeCloseTo(250e6 * mdr(0.01) * 2, 2);
    expect(runEdited.pool.periods[0]!.default).toBeCloseTo(2_649_060.26 + 209_294.34, 2);
    // Prepayment is taken on the balance before new defaults, so period 1 prepayment does not move.
    expect(runEdited.pool.periods[0]!.prepayment).toBe(runBase.pool.periods[0]!.prepayment);
  });

  it('near-prime projects exactly as before; the whole change in pool defaults is prime’s', () => {
    const s0 = base.scenarios[0]!;
    const s1 = edited.scenarios[0]!;
    const nearBefore = projectPool(segmentLines(base, 'near-prime'), s0, 70);
    const nearAfter = projectPool(segmentLines(edited, 'near-prime'), s1, 70);
    for (const k of PROJECTION_SERIES) expect(nearAfter[k]).toEqual(nearBefore[k]);

    const primeBefore = projectPool(segmentLines(base, 'prime'), s0, 70);
    const primeAfter = projectPool(segmentLines(edited, 'prime'), s1, 70);
    const n = Math.min(runBase.pool.periods.length, runEdited.pool.periods.length, 24);
    for (let t = 1; t <= n; t++) {
      const change = runEdited.pool.periods[t - 1]!.default - runBase.pool.periods[t - 1]!.default;
      expect(change).toBeCloseTo((primeAfter.defaults[t] ?? 0) - (primeBefore.defaults[t] ?? 0), 1);
    }
    // Base CDR 1% rising to 6% over the year, so a flat 12% adds defaults in every one of the first 16 months.
    expect(primeAfter.defaults[12]!).toBeGreaterThan(primeBefore.defaults[12]!);
  });

  it('the scenario’s default multiple scales the override: the stress scenario (2×) runs prime at CDR 24%', () => {
    const stressed = valid(
      valid(base, (x) => addOverride(x, 1, 'prime')),
      (x) => updateOverride(x, 1, 0, (o) => ({ ...o, default: { model: 'CDR', curve: 0.12 } })),
    );
    const p = projectPool(segmentLines(stressed, 'prime'), stressed.scenarios[1]!, 70);
    // 250,000,000 × (1 − 0.76^(1/12)) = 5,652,551.73
    expect(p.defaults[1]).toBeCloseTo(5_652_551.73, 2);
  });

  it('a prepayment override on near-prime moves only near-prime’s prepayment, by SMM(30%) / SMM(12%)', () => {
    const fast = valid(
      valid(base, (x) => addOverride(x, 0, 'near-prime')),
      (x) =>
        updateOverride(x, 0, 0, ({ default: _d, ...o }) => ({
          ...o,
          prepayment: { model: 'CPR', curve: 0.3 },
        })),
    );
    expect(overriddenParts(fast.scenarios[0]!.overrides[0]!)).toEqual(['prepayment']);
    const before = projectPool(segmentLines(base, 'near-prime'), base.scenarios[0]!, 70);
    const after = projectPool(segmentLines(fast, 'near-prime'), fast.scenarios[0]!, 70);
    // Period 1 prepayment = PERF × r × SMM with PERF and r unchanged: the ratio is 0.029288 / 0.010596 = 2.76377.
    expect(after.prepayment[1]! / before.prepayment[1]!).toBeCloseTo(2.76377, 4);
    const run = runDeal(fast, repLines(fast));
    const prime = projectPool(segmentLines(base, 'prime'), base.scenarios[0]!, 70);
    expect(run.pool.periods[0]!.prepayment).toBeCloseTo(after.prepayment[1]! + prime.prepayment[1]!, 2);
    expect(run.pool.periods[0]!.default).toBe(runBase.pool.periods[0]!.default);
  });
});
