/**
 * Golden: ../shared/reference/waterfall_sequential.json, every figure to the cent. The reference gives the
 * collections (no projection); its structure is built in our schema: trustee fee 500 fixed, servicing 1% a year
 * of the beginning pool, A 4% and B 8% (30/360 over whole months), sequential principal to pool end − 50,000
 * (a floor of 5% of the 1,000,000 initial pool), residual to the seller, and no write-downs (the reference keeps
 * class B at 150,000 after the period-4 loss).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../core/structure/waterfall';
import { collections, dates, flatScenario, structure } from '../unit/structure/fixtures';

interface RefPeriod {
  period: number;
  poolBegin: number;
  interestCollections: number;
  principalCollections: number;
  losses: number;
  poolEnd: number;
  trusteeFee: string;
  servicingFee: string;
  classAInterestPaid: string;
  classAInterestShortfall: string;
  classBInterestPaid: string;
  classBInterestShortfall: string;
  classAPrincipal: string;
  classBPrincipal: string;
  classABalance: string;
  classBBalance: string;
  residual: string;
}

const ref = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../shared/reference/waterfall_sequential.json', import.meta.url)),
    'utf8',
  ),
) as { tranches: { id: string; balance: number; coupon: number }[]; periods: RefPeriod[] };

const deal = structure({
  tranches: ref.tranches.map((t, i) => ({
    id: t.id,
    seniority: i === 0 ? 'senior' : 'mezzanine',
    balance: t.balance,
    coupon: { type: 'fixed', rate: t.coupon },
  })),
  fees: [
    { id: 'trustee', basis: { type: 'fixed', amount: 500 } },
    { id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } },
  ],
  ocTarget: { floorPercentOfInitialPool: 0.05 },
  principalRule: { normal: { type: 'sequential' } },
  lossAllocation: 'none',
  waterfall: [
    { pay: 'fee', fee: 'trustee' },
    { pay: 'fee', fee: 'servicing' },
    { pay: 'interest', tranches: ['A'] },
    { pay: 'interest', tranches: ['B'] },
    { pay: 'principal', tranches: ['A', 'B'] },
    { pay: 'residual' },
  ],
});

const pool = collections(
  ref.periods[0].poolBegin,
  ref.periods.map((p) => ({
    interest: p.interestCollections,
    scheduledPrincipal: p.principalCollections,
    defaults: p.losses,
    loss: p.losses,
  })),
);

describe('golden: reference sequential waterfall', () => {
  const run = runWaterfall({ structure: deal, scenario: flatScenario(), dates: dates(pool.periods), pool });
  const cents = (x: number): string => x.toFixed(2);

  it('reads the reference pool balances back', () => {
    ref.periods.forEach((p, k) => {
      expect(run.poolPeriods[k].beginBalance).toBe(p.poolBegin);
      expect(run.poolPeriods[k].endBalance).toBe(p.poolEnd);
    });
  });

  it.each(ref.periods.map((p) => [p.period, p] as const))('period %i matches to the cent', (t, p) => {
    const w = run.waterfall[t - 1];
    const [a, b] = run.tranches.map((tr) => tr.cashflows[t - 1]);
    const paid = w.steps.map((s) => cents(s.paid));
    expect(paid).toEqual([
      p.trusteeFee,
      p.servicingFee,
      p.classAInterestPaid,
      p.classBInterestPaid,
      cents(Number(p.classAPrincipal) + Number(p.classBPrincipal)),
      p.residual,
    ]);
    expect(cents(a.interest)).toBe(p.classAInterestPaid);
    expect(cents(a.interestShortfall)).toBe(p.classAInterestShortfall);
    expect(cents(b.interest)).toBe(p.classBInterestPaid);
    expect(cents(b.interestShortfall)).toBe(p.classBInterestShortfall);
    expect(cents(a.principal)).toBe(p.classAPrincipal);
    expect(cents(b.principal)).toBe(p.classBPrincipal);
    expect(cents(a.balance)).toBe(p.classABalance);
    expect(cents(b.balance)).toBe(p.classBBalance);
    expect(w.difference).toBe(0);
  });

  it('pays out exactly the available funds every period', () => {
    ref.periods.forEach((p, k) => {
      const w = run.waterfall[k];
      expect(w.uses.total).toBeCloseTo(p.interestCollections + p.principalCollections, 2);
      expect(w.sources.total).toBe(p.interestCollections + p.principalCollections);
    });
    expect(run.checks).toEqual({ cashConserved: true, failures: [] });
  });

  it('writes class B down when write-downs are on (same collections)', () => {
    const withWd = runWaterfall({
      structure: { ...deal, lossAllocation: 'writeDown' },
      scenario: flatScenario(),
      dates: dates(pool.periods),
      pool,
    });
    // Period 4: notes 710,000 − 21,000 paid = 689,000 against a 440,000 pool: 249,000 written off, B first.
    const b4 = withWd.tranches[1].cashflows[3];
    const a4 = withWd.tranches[0].cashflows[3];
    expect(b4.writedown).toBe(150000);
    expect(a4.writedown).toBe(99000);
    expect(a4.balance).toBe(440000);
    expect(withWd.checks.cashConserved).toBe(true);
  });
});
