/**
 * An interest-only class priced by yield (SIFMA, as every other class): the market quotes an IO per 100 of its
 * notional at closing, so a buyer at price P pays P × notional / 100 for the interest alone, and the yield is the
 * bond-equivalent rate Y at which that interest, discounted at (1 + Y/2)^(2T) with T in 30/360 years from
 * settlement, is worth the outlay.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal, type DealInput } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { runDeal } from '../../../core/run';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { solveTargetYield } from '../../../core/scenario/solve';

const NOTIONAL = 1_000_000;

/**
 * Bullet loans (interest monthly, principal at maturity) with no default or prepayment keep the pool level for its
 * 12 months, so an IO on the pool at 6% receives 1,000,000 × 6% × 30/360 = 5,000.00 on each of 12 payment dates.
 * Cut-off, settlement and payment day all on the 15th, no delay: the k-th payment is k/12 years out.
 */
function ioDeal(price: number): Deal {
  const input: DealInput = {
    schemaVersion: 1,
    name: 'Level IO',
    cutoffDate: '2026-01-15',
    paymentDay: 15,
    pool: {
      kind: 'repLines',
      lines: [
        { id: 'L', product: 'bullet', balance: NOTIONAL, rate: 0.12, originalTerm: 12, remainingTerm: 12 },
      ],
    },
    scenarios: [
      {
        name: 'flat',
        prepayment: { model: 'CPR', curve: 0 },
        default: { model: 'CDR', curve: 0 },
        severity: 0,
        recoveryLagMonths: 0,
      },
    ],
    structure: {
      tranches: [
        { id: 'A', seniority: 'senior', balance: 800_000, coupon: { type: 'fixed', rate: 0.03 } },
        { id: 'B', seniority: 'subordinated', balance: 200_000, coupon: { type: 'fixed', rate: 0.05 } },
        {
          id: 'X',
          seniority: 'senior',
          balance: 0,
          coupon: { type: 'fixed', rate: 0.06 },
          price,
          interestOnly: { notional: { type: 'pool' } },
        },
        {
          id: 'XB',
          seniority: 'subordinated',
          balance: 0,
          coupon: { type: 'fixed', rate: 0.01 },
          interestOnly: { notional: { type: 'tranche', tranche: 'B' } },
        },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [
        { pay: 'interest', tranches: ['A', 'X'] },
        { pay: 'interest', tranches: ['B', 'XB'] },
        { pay: 'principal', tranches: ['A', 'B'] },
        { pay: 'residual' },
      ],
    },
  };
  return Deal.parse(input);
}

function io(price: number, id = 'X'): ReturnType<typeof runDeal>['tranches'][number] {
  const deal = ioDeal(price);
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  const r = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines });
  const tr = r.tranches.find((t) => t.id === id);
  if (!tr) throw new Error(`no class ${id}`);
  return tr;
}

describe('yield of an interest-only class', () => {
  it('receives the level interest the hand computation assumes', () => {
    const x = io(5);
    expect(x.originalBalance).toBe(0);
    expect(x.notional).toBe(NOTIONAL);
    expect(x.cashflows).toHaveLength(12);
    for (const c of x.cashflows) expect([c.interest, c.principal]).toEqual([5_000, 0]);
  });

  it('yields 8% at the price 12 payments of 5,000 are worth at 8% bond-equivalent', () => {
    // v = 1.04^(−1/6) = 0.993484533 a month; Σ v^k (k = 1..12) = v(1 − v¹²)/(1 − v) = 11.50373917;
    // PV = 5,000 × 11.50373917 = 57,518.70, which is 5.751870 per 100 of the 1,000,000 notional.
    const v = 1.04 ** (-1 / 6);
    const price = (100 * 5_000 * ((v * (1 - v ** 12)) / (1 - v))) / NOTIONAL;
    expect(price).toBeCloseTo(5.75187, 5);
    const x = io(price);
    expect(x.yield).toBeCloseTo(0.08, 9);
    // The monthly mortgage yield with the same growth: 12 × (1.04^(1/6) − 1).
    expect(x.mortgageYield).toBeCloseTo(12 * (1.04 ** (1 / 6) - 1), 9);
    // No principal: no average life, but a duration (the interest's PV-weighted time).
    expect(x.wal).toBeNull();
    expect(x.macaulayDuration).toBeGreaterThan(0);
    expect(x.macaulayDuration).toBeLessThan(1);
  });

  it('prices an IO on a class off that class’s original balance', () => {
    // XB: 1% on B's 200,000, level while A amortises first: 166.67 a month (200,000 × 1% / 12).
    const xb = io(5, 'XB');
    expect(xb.notional).toBe(200_000);
    expect(xb.cashflows[0]?.interest).toBe(166.67);
    expect(xb.yield).not.toBeNull();
  });

  it('gives other classes no notional and prices them off their own balance', () => {
    const deal = ioDeal(5);
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const a = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines }).tranches.find((t) => t.id === 'A');
    expect(a?.notional).toBeUndefined();
    // A at par pays 3% monthly and its principal at month 12: a par bond's mortgage yield is its coupon.
    expect(a?.mortgageYield).toBeCloseTo(0.03, 9);
  });

  it('yields less the more is paid for it (property)', () => {
    // From 2 (a yield near 560%) up: far cheaper and the yield leaves the range a price is solved in (< 5000%).
    fc.assert(
      fc.property(
        fc.double({ min: 2, max: 5.7, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (low, step) => {
          const cheap = io(low).yield;
          const dear = io(low + step).yield;
          expect(cheap).not.toBeNull();
          expect(dear).not.toBeNull();
          expect(dear as number).toBeLessThan(cheap as number);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('shows its yield in the report’s tranche table like any other class', async () => {
    const deal = ioDeal(5);
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const result = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines });
    const x = result.tranches.find((t) => t.id === 'X');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildTrancheReport({ deal, result })) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('Summary');
    if (!summary || !x) throw new Error('no Summary sheet or class X');
    let yieldColumn = 0;
    let shown: unknown;
    summary.eachRow((row) => {
      row.eachCell((cell, c) => {
        if (cell.value === 'Yield (bond-equivalent)') yieldColumn = c;
      });
      if (yieldColumn > 0 && row.getCell(1).value === 'X') shown = row.getCell(yieldColumn).value;
    });
    expect(typeof shown).toBe('number');
    expect(shown).toBeCloseTo(x.yield as number, 12);
  });

  it('finds the default rate at which its yield falls to a target (an IO investor’s stress)', () => {
    // Defaults shrink the pool the IO accrues on: at 5.75 (about 8% unstressed) a 6% target holds up to some CDR
    // between 0 and 100%, and the yield there still meets it.
    const deal = ioDeal(5.75);
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const scenario = deal.scenarios[0];
    if (!scenario) throw new Error('no scenario');
    const a = solveTargetYield(deal, (d) => dealEngine(d, pool), {
      tranche: 'X',
      scenario,
      target: 0.06,
      mode: 'cdr',
    });
    expect(a.stress).not.toBeNull();
    expect(a.stress as number).toBeGreaterThan(0);
    expect(a.metAtMax).toBe(false);
    expect(a.yieldAtStress as number).toBeGreaterThanOrEqual(0.06);
  });
});
