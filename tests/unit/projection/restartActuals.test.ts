/**
 * The pool as of a report date from actuals: (a) the projection's rep lines rolled forward to the reported end
 * balance and defaults, (b) a new tape whose cut-off is the report date.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LoanPool } from '../../../core/pool/loanPool';
import { projectPool, type PoolInput } from '../../../core/projection/project';
import {
  performingBalance,
  poolStateAt,
  poolStateOf,
  projectFrom,
  reportedPoolAt,
  RestartError,
  rollForward,
  stateFromTape,
  type PoolState,
} from '../../../core/projection/restart';
import { PROJECTION_SERIES } from '../../../core/projection/types';
import { ServicerReport } from '../../../core/surveillance/servicerReport';
import { reportsOf, sampleDeal, sampleRun } from '../surveillance/fixtures';
import { asLoanPool, line, scenario } from './fixtures';

const cents = (x: number): number => Math.round(x * 100);

describe('rep lines rolled forward to a servicer report', () => {
  // The hand-worked line of restart.test.ts: equal principal 1,200 over 12 months at 12%, MDR 1%, SMM 2%,
  // severity 50%, lag 2. At month 2 the projection has 940.90 performing and 12 (month 1) and 10.67 (month 2)
  // awaiting liquidation.
  const s = scenario({
    prepayment: { model: 'SMM', curve: 0.02 },
    default: { model: 'MDR', curve: 0.01 },
    severity: 0.5,
    recoveryLagMonths: 2,
  });
  const pool: PoolInput = {
    kind: 'repLines',
    lines: [line({ product: 'equal-principal', balance: 1200, originalTerm: 12, remainingTerm: 12 })],
  };
  const state = poolStateOf(pool, s, 2, 12);

  it('scales the line to the reported balance and the pipeline to the reported defaults (month 3 on paper)', () => {
    // The report says 846.81 performing (90% of 940.90) and defaults of 15 in month 1 and 10 in month 2. f = 0.9:
    // month 3 is 0.9 × the projected month (r = 9/10): defaults 8.4681, prepayment 846.81 × 0.9 × 2% = 15.24258,
    // amortisation (846.81 − 8.4681) × 0.1 = 83.83419, interest 8.383419, end 739.26513. Month 1's reported 15 is
    // liquidated: loss 7.50, recovery 7.50; 10 + 8.4681 = 18.4681 still awaits liquidation.
    const rolled = rollForward(
      state,
      {
        period: 2,
        endBalance: 846.81,
        defaults: new Map([
          [1, 15],
          [2, 10],
        ]),
      },
      s,
    );
    const l = rolled.parts[0]!.loans;
    expect([l.age[0], l.remainingTerm[0], l.monthsInPool[0]]).toEqual([2, 10, 2]);
    expect(performingBalance(rolled)).toBeCloseTo(846.81, 9);
    const p = projectFrom(rolled, s, 1);
    const got = {
      defaults: p.defaults[1],
      prepayment: p.prepayment[1],
      scheduledPrincipal: p.scheduledPrincipal[1],
      interest: p.interest[1],
      endBalance: p.endBalance[1],
      loss: p.loss[1],
      recovery: p.recovery[1],
      pendingDefaults: p.pendingDefaults[1],
    };
    const paper = {
      defaults: 8.4681,
      prepayment: 15.24258,
      scheduledPrincipal: 83.83419,
      interest: 8.383419,
      endBalance: 739.26513,
      loss: 7.5,
      recovery: 7.5,
      pendingDefaults: 18.4681,
    };
    for (const [k, v] of Object.entries(paper))
      expect([k, got[k as keyof typeof got]]).toEqual([k, expect.closeTo(v, 9)]);
  });

  it('rolled forward to the projection’s own figures, the state is unchanged to the bit', () => {
    const full = projectPool(pool, s, 12);
    const rolled = rollForward(
      state,
      {
        period: 2,
        endBalance: full.endBalance[2]!,
        defaults: new Map([
          [1, full.defaults[1]!],
          [2, full.defaults[2]!],
        ]),
      },
      s,
    );
    const a = projectFrom(rolled, s, 10);
    for (const f of PROJECTION_SERIES)
      expect([f, Array.from(a[f].subarray(1))]).toEqual([f, Array.from(full[f].subarray(3))]);
  });

  it('puts reported defaults the projection did not expect into the pipeline, at the scenario’s severity', () => {
    const clean = scenario({ severity: 0.6, recoveryLagMonths: 3 });
    const at2 = poolStateOf(pool, clean, 2, 12);
    const rolled = rollForward(at2, { period: 2, endBalance: 1000, defaults: new Map([[2, 50]]) }, clean);
    // Defaulted in month 2, liquidated in month 5 (restarted month 3): loss 60% × 50 = 30, recovery 20.
    const p = projectFrom(rolled, clean, 3);
    expect(Array.from(p.loss)).toEqual([0, 0, 0, 30]);
    expect(p.recovery[3]).toBeCloseTo(20, 12);
    expect(Array.from(p.pendingDefaults)).toEqual([50, 50, 50, 0]);
  });

  it('refuses a report for another period, or a balance with nothing performing to scale', () => {
    expect(() => rollForward(state, { period: 3, endBalance: 900 }, s)).toThrow(RestartError);
    const gone = poolStateOf(pool, s, 12, 12);
    try {
      rollForward(gone, { period: 12, endBalance: 5 }, s);
      expect.unreachable();
    } catch (e) {
      expect((e as RestartError).problem.code).toBe('restart.nothingToScale');
    }
  });
});

describe('a new tape as of the report date', () => {
  // Seasoned level-pay and equal-principal loans; prepayment by period since cut-off, defaults by loan age: a
  // tape taken at k must read period k + j and age + j, or the flows move.
  const lines = Array.from({ length: 12 }, (_, i) =>
    line({
      id: `L${i}`,
      segment: i % 2 === 0 ? 'A' : 'B',
      product: i % 3 === 0 ? 'equal-principal' : 'level-pay',
      balance: 10_000 + 1_000 * i,
      rate: 0.08 + i / 100,
      originalTerm: 24,
      remainingTerm: 24 - i,
    }),
  );
  const s = scenario({
    prepayment: { model: 'CPR', curve: { vector: [0.02, 0.05, 0.08, 0.12, 0.2, 0.3], by: 'period' } },
    default: { model: 'CDR', curve: { vector: [0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12], by: 'age' } },
    severity: 0.75,
    recoveryLagMonths: 3,
    overrides: [{ segment: 'B', recoveryLagMonths: 1 }],
  });
  const pool: PoolInput = { kind: 'loans', pool: asLoanPool(lines, ['A', 'B']) };
  const H = 26;
  const full = projectPool(pool, s, H);

  /** The tape a servicer would send at k: the loans still performing, with the projection's balances. */
  function tapeAt(state: PoolState): LoanPool {
    const l = state.parts[0]!.loans;
    const keep = Array.from({ length: l.size }, (_, i) => i).filter((i) => l.balance[i]! > 0);
    const src = asLoanPool(lines, ['A', 'B']);
    return {
      ...src,
      size: keep.length,
      ids: keep.map((i) => src.ids[i]!),
      product: Uint8Array.from(keep, (i) => src.product[i]!),
      segment: Uint16Array.from(keep, (i) => src.segment[i]!),
      balance: Float64Array.from(keep, (i) => l.balance[i]!),
      originalBalance: Float64Array.from(keep, (i) => src.originalBalance[i]!),
      rate: Float64Array.from(keep, (i) => src.rate[i]!),
      monthlyFeeRate: Float64Array.from(keep, (i) => src.monthlyFeeRate[i]!),
      originalTerm: Uint16Array.from(keep, (i) => src.originalTerm[i]!),
      remainingTerm: Uint16Array.from(keep, (i) => l.remainingTerm[i]!),
      paymentRate: Float64Array.from(keep, (i) => src.paymentRate[i]!),
    };
  }

  for (const k of [1, 4, 9]) {
    it(`plugs in at k = ${k}: balances, defaults, recoveries and interest as projected, to the cent`, () => {
      const state = poolStateOf(pool, s, k, H);
      const tape = stateFromTape(tapeAt(state), k, state);
      const l = tape.parts[0]!.loans;
      expect(Array.from(l.monthsInPool)).toEqual(Array.from({ length: l.size }, () => k));
      const p = projectFrom(tape, s, H - k);
      // The tape knows no performing share (fees, count): every other series, to the cent.
      for (const f of PROJECTION_SERIES.filter((x) => x !== 'count' && x !== 'fees')) {
        const want = Array.from(full[f].subarray(k + 1), cents);
        expect([f, Array.from(p[f].subarray(1), cents)]).toEqual([f, want]);
      }
    });
  }

  it('reads curves by period from origination for loans younger than k (bought while revolving)', () => {
    const young = asLoanPool([line({ balance: 5000, originalTerm: 12, remainingTerm: 10 })], ['all']);
    const state = stateFromTape(young, 6, undefined);
    expect([state.parts[0]!.loans.age[0], state.parts[0]!.loans.monthsInPool[0]]).toEqual([2, 2]);
    // Entered at origination: the same flows as the line projected from its own cut-off two months after origination.
    const period = scenario({
      prepayment: { model: 'SMM', curve: { vector: [0, 0, 0.1, 0.2], by: 'period' } },
    });
    const fresh = projectPool(
      { kind: 'repLines', lines: [line({ balance: 5000, originalTerm: 12, remainingTerm: 12 })] },
      period,
      12,
    );
    const p = projectFrom(state, period, 10);
    // Month 3 since origination: SMM 10% on both (at 0% had the tape's loan read period 1).
    expect(p.prepayment[1]! / p.beginBalance[1]!).toBeCloseTo(
      fresh.prepayment[3]! / fresh.beginBalance[3]!,
      12,
    );
    expect(p.prepayment[1]!).toBeGreaterThan(0);
  });
});

describe('rolled forward to the sample deal’s servicer reports', () => {
  const file = 'level-pay-consumer.deal.json';
  const deal = sampleDeal(file);
  const s = deal.scenarios[0]!;

  // The reports are in cents, so the rolled state differs from the projection's by under half a cent a figure
  // (the month-7 defaults of 1,239,939.849… are published as 1,239,939.85; their 90% loss moves by 0.0009 and lands
  // on a half cent): the run comes back within a cent, not to the bit.
  it('reports that say what the run projected give back the run from k+1, within a cent', () => {
    const run = sampleRun(file);
    const k = 9;
    const rolled = rollForward(poolStateAt(deal, s, k), reportedPoolAt(reportsOf(run, k), k), s);
    const last = run.cleanUpCallPeriod ?? run.pool.periods.length;
    const p = projectFrom(rolled, s, last - k);
    for (const row of run.pool.periods.filter((r) => r.period > k && r.period < last)) {
      const j = row.period - k;
      const got = {
        beginBalance: p.beginBalance[j]!,
        scheduledPrincipal: p.scheduledPrincipal[j]!,
        prepayment: p.prepayment[j]!,
        default: p.defaults[j]!,
        loss: p.loss[j]!,
        recovery: p.recovery[j]!,
        interest: p.interest[j]!,
      };
      for (const [f, v] of Object.entries(got)) {
        const gap = Math.abs(cents(v) - cents(row[f as keyof typeof got]));
        expect([row.period, f, gap <= 1]).toEqual([row.period, f, true]);
      }
    }
  });

  it('takes the performing balance and the pipeline from the sample’s published reports', () => {
    const dir = fileURLToPath(new URL('../../../samples/surveillance/level-pay-consumer/', import.meta.url));
    const reports = [1, 2, 3, 4, 5, 6, 7, 8].map((n) =>
      ServicerReport.parse(JSON.parse(readFileSync(`${dir}report-0${n}.json`, 'utf8'))),
    );
    const k = 8;
    const rolled = rollForward(poolStateAt(deal, s, k), reportedPoolAt(reports, k), s);
    expect(cents(performingBalance(rolled))).toBe(cents(reports[7]!.pool.endBalance));
    // Awaiting liquidation at 8: the reported defaults of the last `lag` months.
    const lag = s.recoveryLagMonths;
    const awaiting = reports.filter((r) => r.period > k - lag).reduce((a, r) => a + r.pool.defaults, 0);
    const pipeline = rolled.parts.flatMap((part) => part.pipeline.flatMap((g) => Array.from(g.defaults)));
    expect(cents(pipeline.reduce((a, b) => a + b, 0))).toBe(cents(awaiting));
    expect(cents(rolled.parts.reduce((a, part) => a + part.pending, 0))).toBe(cents(awaiting));
    expect(() => reportedPoolAt(reports, 9)).toThrow(RestartError);
  });
});
