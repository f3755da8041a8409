import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import { validatedDeal } from '../../../renderer/project/dealEdit';
import {
  addFee,
  feeValueProblem,
  firstPeriodFee,
  removeFee,
  setFeeBasisType,
  setFeeCap,
  setFeeCarry,
  setFeeName,
  setFeeValue,
} from '../../../renderer/project/feeEdit';

/** Level-pay sample: pool 500,000,000; class A 374,250,000; servicing 1% a year of the pool. */
const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));
const POOL = 500_000_000;

const run = (d: Deal) =>
  runDeal(
    d,
    { kind: 'repLines', lines: d.pool.kind === 'repLines' ? d.pool.lines : [] },
    { analytics: false },
  );

function servicingPaid(deal: Deal): number[] {
  const step = deal.structure.waterfall.findIndex((w) => w.pay === 'fee' && w.fee === 'servicing');
  const r = run(deal);
  expect(r.checks.cashConserved).toBe(true);
  return r.waterfall.map((p) => p.steps.find((s) => s.step === step)!.paid);
}

describe('fee edits', () => {
  it('re-expresses a pool fee as a fixed amount that charges the same in period 1', () => {
    const base = sample();
    const fixed = setFeeBasisType(base, 'servicing', 'fixed', POOL);
    // 1% × 500,000,000 / 12 = 416,666.666… → 416,666.67
    expect(fixed.structure.fees[1]!.basis).toEqual({ type: 'fixed', amount: 416_666.67 });
    const before = servicingPaid(base);
    const after = servicingPaid(fixed);
    expect(before[0]).toBe(416_666.67);
    expect(after[0]).toBe(416_666.67);
    // From period 2 the pool fee follows the amortising pool and the fixed one does not.
    expect(after[1]).toBe(416_666.67);
    const pool2 = run(base).pool.periods[1]!.beginBalance;
    expect(before[1]).toBeCloseTo((pool2 * 0.01) / 12, 2);
    expect(before[1]!).toBeLessThan(after[1]!);
  });

  it('re-expresses it on class A: the rate scales by pool / class and period 1 is unchanged', () => {
    const onA = setFeeBasisType(sample(), 'servicing', 'percentOfTranche', POOL, 'A');
    const b = onA.structure.fees[1]!.basis;
    expect(b.type).toBe('percentOfTranche');
    if (b.type !== 'percentOfTranche') return;
    expect(b.tranche).toBe('A');
    expect(b.rate).toBeCloseTo((0.01 * POOL) / 374_250_000, 12);
    const paid = servicingPaid(onA);
    expect(paid[0]).toBe(416_666.67);
    const a2 = run(onA).tranches[0]!.cashflows[0]!.balance;
    expect(paid[1]).toBeCloseTo((a2 * b.rate) / 12, 2);
    // And back to the pool: the original 1%.
    const back = setFeeBasisType(onA, 'servicing', 'percentOfPool', POOL);
    const r = back.structure.fees[1]!.basis;
    expect(r.type === 'percentOfPool' && r.rate).toBeCloseTo(0.01, 12);
  });

  it('caps a fee and drops what is above the cap when it does not carry', () => {
    let d = setFeeCap(sample(), 'servicing', 300_000);
    d = setFeeCarry(d, 'servicing', false);
    const paid = servicingPaid(d);
    expect(paid.every((p) => p <= 300_000)).toBe(true);
    expect(paid[0]).toBe(300_000);
    expect(setFeeCap(d, 'servicing', undefined).structure.fees[1]!.capPerPeriod).toBeUndefined();
  });

  it('adds a fee paid first, names it, and removes it with its step', () => {
    const base = sample();
    const added = setFeeName(addFee(base, 'fixed'), 'fee3', '  Backup servicer ');
    expect(added.structure.fees[2]).toEqual({
      id: 'fee3',
      name: 'Backup servicer',
      basis: { type: 'fixed', amount: 0 },
      carryUnpaid: true,
    });
    expect(added.structure.waterfall[0]).toEqual({ pay: 'fee', fee: 'fee3' });
    expect(setFeeName(added, 'fee3', ' ').structure.fees[2]!.name).toBeUndefined();
    const charged = setFeeValue(added, 'fee3', 10_000);
    expect(firstPeriodFee(charged, charged.structure.fees[2]!, POOL)).toBe(10_000);
    expect(removeFee(charged, 'fee3')).toEqual(base);
  });

  it('refuses negative amounts and rates above 100% a year', () => {
    const [trustee, servicing] = sample().structure.fees;
    expect(feeValueProblem(trustee!, -1)).not.toBeNull();
    expect(feeValueProblem(servicing!, 1.5)).not.toBeNull();
    expect(feeValueProblem(servicing!, 0.02)).toBeNull();
  });

  it('any basis change keeps the period-1 charge to the cent and a valid deal (property)', () => {
    const types = ['fixed', 'percentOfPool', 'A', 'B', 'C', 'D'] as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 5 }), (path) => {
        let d = sample();
        for (const t of path) {
          d =
            t === 'fixed' || t === 'percentOfPool'
              ? setFeeBasisType(d, 'servicing', t, POOL)
              : setFeeBasisType(d, 'servicing', 'percentOfTranche', POOL, t);
        }
        const fee = d.structure.fees[1]!;
        expect(Math.abs(firstPeriodFee(d, fee, POOL) - 416_666.67)).toBeLessThan(0.01);
        expect('deal' in validatedDeal(d, (x) => x)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
