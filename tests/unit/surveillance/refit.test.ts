/**
 * Assumptions re-fitted on a deal's servicer reports. Three months worked on paper (scheduled principal 40,000
 * each month):
 *   month 1: begin 1,000,000; defaults 10,000 → MDR 1%; prepaid 19,200 of 960,000 after scheduled → SMM 2%;
 *            end 1,000,000 − 59,200 − 10,000 = 930,800.
 *   month 2: begin 930,800; defaults 18,616 → MDR 2%; prepaid 17,816 of 890,800 → SMM 2%; end 854,368.
 *   month 3: begin 854,368; defaults 25,631.04 → MDR 3%; prepaid 8,143.68 of 814,368 → SMM 1%; end 780,593.28;
 *            recoveries 1,000.
 *   CDR = 1 − (1 − MDR)^12: 11.3615 %, 21.5283 %, 30.6158 %; CPR: 21.5283 %, 21.5283 %, 11.3615 %.
 * The reference run (the pricing case: MDR 1 %, SMM 2 % every month) expected defaults 10,000 + 9,308 + 8,636.76
 * = 27,944.76 and prepayments 19,200 + 17,816 + 16,473.52 = 53,489.52; the reports show 54,247.04 and
 * 45,159.68, so A/E = 1.94122 for defaults and 0.84427 for prepayments, and months 4 on run at MDR 1.94122 % and
 * SMM 1.68854 %: CDR 20.9617 %, CPR 18.4827 %. With a 2-month recovery lag only month 1's 10,000 of defaults
 * can have been recovered on: 1,000 recovered → severity 90 %.
 */
import { describe, expect, it } from 'vitest';
import { Scenario, type ScenarioInput } from '../../../core/deal/schema';
import fc from 'fast-check';
import { analyseHistory, DEFAULT_VINTAGE_OPTIONS, historyScenario } from '../../../core/history/analyse';
import { readHistoryText } from '../../../core/history/reader';
import { runDeal } from '../../../core/run';
import { ServicerReport, type ServicerReportInput } from '../../../core/surveillance/servicerReport';
import {
  observedRates,
  refitFromReports,
  refitScenario,
  type Refit,
  type ReferencePeriod,
} from '../../../core/surveillance/refit';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { servicerReportsFromRun } from '../../../samples/generator/servicerReports';
import { reportsOf, sampleDeal, sampleRun } from './fixtures';

const month = (
  period: number,
  begin: number,
  prepaid: number,
  defaults: number,
  end: number,
  recoveries = 0,
): ServicerReport => {
  const input: ServicerReportInput = {
    period,
    paymentDate: `2025-0${period + 1}-15`,
    pool: {
      beginBalance: begin,
      principalCollections: 40_000 + prepaid,
      prepayments: prepaid,
      interestCollections: 10_000,
      defaults,
      recoveries,
      endBalance: end,
    },
    classes: [{ id: 'A', beginBalance: 1, interestPaid: 0, principalPaid: 0, endBalance: 1 }],
  };
  return ServicerReport.parse(input);
};
const REPORTS = [
  month(1, 1_000_000, 19_200, 10_000, 930_800),
  month(2, 930_800, 17_816, 18_616, 854_368),
  month(3, 854_368, 8_143.68, 25_631.04, 780_593.28, 1_000),
];
const PRICING: ScenarioInput = {
  name: 'pricing',
  prepayment: { model: 'SMM', curve: 0.02 },
  default: { model: 'MDR', curve: 0.01 },
  severity: 0.8,
  recoveryLagMonths: 2,
};
const REFERENCE: ReferencePeriod[] = [
  { period: 1, beginBalance: 1_000_000, scheduledPrincipal: 40_000, prepayment: 19_200, default: 10_000 },
  { period: 2, beginBalance: 930_800, scheduledPrincipal: 40_000, prepayment: 17_816, default: 9_308 },
  { period: 3, beginBalance: 863_676, scheduledPrincipal: 40_000, prepayment: 16_473.52, default: 8_636.76 },
  {
    period: 4,
    beginBalance: 798_565.72,
    scheduledPrincipal: 40_000,
    prepayment: 15_171.3144,
    default: 7_985.6572,
  },
  { period: 5, beginBalance: 700_000, scheduledPrincipal: 50_000, prepayment: 13_000, default: 7_000 },
];
const annual = (monthly: number): number => 1 - Math.pow(1 - monthly, 12);

function fitted(r: Refit | { error: unknown }): Refit {
  if ('error' in r) throw new Error('no fit');
  return r;
}

describe('assumptions re-fitted from servicer reports', () => {
  it('observed CDR and CPR by month, by the SIFMA definitions', () => {
    const o = observedRates(REPORTS);
    expect(o.map((m) => m.mdr)).toEqual([0.01, 0.02, 0.03].map((x) => expect.closeTo(x, 12) as number));
    expect(o.map((m) => m.smm)).toEqual([0.02, 0.02, 0.01].map((x) => expect.closeTo(x, 12) as number));
    expect(o[0]!.cdr).toBeCloseTo(0.1136151283, 9);
    expect(o[1]!.cdr).toBeCloseTo(0.2152832763, 9);
    expect(o[2]!.cdr).toBeCloseTo(0.306157639, 9);
    expect(o[2]!.cpr).toBeCloseTo(0.1136151283, 9);
  });

  it('observed months first, then the pricing run scaled by actual / expected to date; severity observed', () => {
    const f = fitted(
      refitFromReports(
        'refit',
        REPORTS,
        {
          scenario: Scenario.parse(PRICING),
          periods: REFERENCE,
          extension: 'pricing-scenario',
          baseScenario: 'pricing',
        },
        '2025-05-01',
      ),
    );
    expect(f.defaultRatio).toBeCloseTo(54_247.04 / 27_944.76, 12);
    expect(f.prepaymentRatio).toBeCloseTo(45_159.68 / 53_489.52, 12);
    expect(f.defaultRatio).toBeCloseTo(1.94122, 5);
    const s = Scenario.parse(f.scenario);
    if (s.default.model !== 'CDR' || typeof s.default.curve !== 'object' || !('vector' in s.default.curve))
      throw new Error('CDR vector expected');
    if (typeof s.prepayment.curve !== 'object' || !('vector' in s.prepayment.curve))
      throw new Error('CPR vector expected');
    const cdr = s.default.curve.vector;
    const cpr = s.prepayment.curve.vector;
    expect(s.default.curve.by).toBe('period');
    expect(cdr).toHaveLength(5);
    expect(cdr.slice(0, 3)).toEqual([0.01, 0.02, 0.03].map((x) => expect.closeTo(annual(x), 12) as number));
    // Months 4 and 5 of the reference run at MDR 1 % (7,985.6572 / 798,565.72; 7,000 / 700,000) and SMM 2 %.
    expect(cdr[3]).toBeCloseTo(0.2096169592, 9);
    expect(cdr[4]).toBeCloseTo(0.2096169592, 9);
    expect(cpr[3]).toBeCloseTo(0.1848273791, 9);
    expect(cpr[4]).toBeCloseTo(annual(f.prepaymentRatio * (13_000 / 650_000)), 12);
    expect(s.severity).toBeCloseTo(0.9, 12);
    expect(f.severity.source).toBe('observed');
    expect(s.recoveryLagMonths).toBe(2);
    expect(s.provenance).toEqual({
      source: 'servicer-reports',
      reports: [1, 2, 3],
      through: '2025-04-15',
      method: 'actual-to-expected',
      extension: 'pricing-scenario',
      baseScenario: 'pricing',
      defaultRatio: f.defaultRatio,
      prepaymentRatio: f.prepaymentRatio,
      severity: 'observed',
      date: '2025-05-01',
    });
  });

  it('with a lag longer than the reports, no default can have been recovered on: the pricing severity stays', () => {
    const f = fitted(
      refitFromReports(
        'refit',
        REPORTS,
        {
          scenario: Scenario.parse({ ...PRICING, recoveryLagMonths: 3 }),
          periods: REFERENCE,
          extension: 'pricing-scenario',
          baseScenario: 'pricing',
        },
        '2025-05-01',
      ),
    );
    expect(f.severity).toEqual({ value: 0.8, source: 'scenario' });
  });

  it('a servicer reporting exactly the pricing run: A/E is 1 and the scenario reproduces the run’s rates', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const run = sampleRun('level-pay-consumer.deal.json');
    const f = fitted(refitScenario(deal, pool, reportsOf(run, 6), { name: 'refit', date: '2025-10-01' }));
    expect(f.defaultRatio).toBeCloseTo(1, 6);
    expect(f.prepaymentRatio).toBeCloseTo(1, 6);
    const s = Scenario.parse(f.scenario);
    if (s.default.model !== 'CDR' || typeof s.default.curve !== 'object' || !('vector' in s.default.curve))
      throw new Error('CDR vector expected');
    const rows = run.pool.periods;
    s.default.curve.vector.forEach((c, i) => {
      const r = rows[i]!;
      // The reports' defaults are in cents: their CDR matches the run's to the cent's rounding.
      expect(c).toBeCloseTo(r.beginBalance > 0 ? annual(r.default / r.beginBalance) : 0, 6);
    });
    // Re-run under the fitted scenario: the pool's first six months are the reports' to within cents.
    const again = runDeal(deal, pool, { scenario: s, analytics: false });
    // (Not to the cent: the SIFMA SMM is on begin − scheduled, the engine's on the balance before new defaults.)
    for (let k = 0; k < 6; k++)
      expect(Math.abs(again.pool.periods[k]!.default - rows[k]!.default)).toBeLessThan(
        1e-5 * rows[k]!.default,
      );
  });

  it('a pool defaulting at 1.4 × the pricing CDR: A/E is actual / expected to date, and the months to come at A/E × the pricing MDR', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const run = sampleRun('level-pay-consumer.deal.json');
    // The reports of the surveillance sample: pool and notes from one run at 1.4 × the pricing CDR.
    const base = deal.scenarios.find((s) => s.name === 'base')!;
    const worse = runDeal(deal, pool, { scenario: { ...base, defaultMultiple: 1.4 }, analytics: false });
    const reports = servicerReportsFromRun(worse, { periods: 9 });
    const f = fitted(refitScenario(deal, pool, reports, { name: 'refit', date: '2025-12-20' }));
    // Actual / expected to date, months 1–9: the reported amounts over the pricing run's.
    const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
    const months = run.pool.periods.slice(0, 9);
    expect(f.defaultRatio).toBeCloseTo(
      sum(reports.map((r) => r.pool.defaults)) / sum(months.map((r) => r.default)),
      12,
    );
    // The annual rate is × 1.4, so the monthly rate a little more (1 − (1 − CDR)^(1/12) is convex), on a balance
    // that shrinks faster than the pricing pool's: the amounts run near 1.4 ×, not at it.
    expect(f.defaultRatio).toBeCloseTo(1.4, 1);
    expect(f.defaultRatio).not.toBeCloseTo(1.4, 4);
    expect(f.prepaymentRatio).toBeCloseTo(
      sum(reports.map((r) => r.pool.prepayments)) / sum(months.map((r) => r.prepayment)),
      12,
    );
    // A pool with less left to prepay prepays less at the same CPR.
    expect(f.prepaymentRatio).toBeLessThan(1);
    const s = Scenario.parse(f.scenario);
    if (s.default.model !== 'CDR' || typeof s.default.curve !== 'object' || !('vector' in s.default.curve))
      throw new Error('CDR vector expected');
    const r = run.pool.periods[11]!;
    expect(s.default.curve.vector[11]).toBeCloseTo(annual((f.defaultRatio * r.default) / r.beginBalance), 12);
    expect(s.default.curve.vector).toHaveLength(run.pool.periods.length);
  });

  it('extended by the timing curve fitted on the platform history: provenance names the file', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const text = readFileSync(
      fileURLToPath(new URL('../../../samples/history/consumer-history.csv', import.meta.url)),
      'utf8',
    );
    const acc = readHistoryText(text);
    const analysis = analyseHistory(acc, DEFAULT_VINTAGE_OPTIONS, { rowsRead: 0, blankLines: 0 });
    const f = fitted(
      refitScenario(deal, pool, reportsOf(sampleRun('level-pay-consumer.deal.json'), 4), {
        name: 'refit',
        date: '2025-10-01',
        history: { analysis, file: 'consumer-history.csv' },
      }),
    );
    expect(f.scenario.provenance).toMatchObject({
      source: 'servicer-reports',
      extension: 'history-timing-curve',
      historyFile: 'consumer-history.csv',
      baseScenario: 'base',
    });
    expect(f.months).toBeGreaterThan(4);
    // The months to come: the run under the history's scenario (the deal's lag), its MDR × A/E.
    const made = historyScenario(analysis, { name: 'base', historyFile: 'h', date: '2025-10-01' })!;
    const ref = runDeal(deal, pool, {
      scenario: Scenario.parse({ ...made.scenario, recoveryLagMonths: 3 }),
      analytics: false,
    });
    const s = Scenario.parse(f.scenario);
    if (s.default.model !== 'CDR' || typeof s.default.curve !== 'object' || !('vector' in s.default.curve))
      throw new Error('CDR vector expected');
    expect(s.default.curve.vector).toHaveLength(ref.pool.periods.length);
    for (const k of [4, 10, 20]) {
      const r = ref.pool.periods[k]!;
      expect(s.default.curve.vector[k]).toBeCloseTo(
        annual((f.defaultRatio * r.default) / r.beginBalance),
        12,
      );
    }
    expect(s.recoveryLagMonths).toBe(3);
  });

  it('property: rates stay within [0, 1], the observed months come first, and the vectors span the run', () => {
    const money = fc.integer({ min: 0, max: 1_000_000 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(money, money, money), { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(money, money, money), { minLength: 1, maxLength: 12 }),
        (months, runRows) => {
          let begin = 5_000_000;
          const reports = months.map(([sched, prepaid, defaults], i) => {
            const s = Math.min(sched, begin);
            const p = Math.min(prepaid, begin - s);
            const d = Math.min(defaults, begin - s - p);
            const r = ServicerReport.parse({
              period: i + 1,
              paymentDate: `2025-${String(i + 1).padStart(2, '0')}-15`,
              pool: {
                beginBalance: begin,
                principalCollections: s + p,
                prepayments: p,
                interestCollections: 0,
                defaults: d,
                endBalance: begin - s - p - d,
              },
              classes: [{ id: 'A', beginBalance: 1, interestPaid: 0, principalPaid: 0, endBalance: 1 }],
            });
            begin -= s + p + d;
            return r;
          });
          const periods = runRows.map(([sched, prepaid, defaults], i) => ({
            period: i + 1,
            beginBalance: 2_000_000,
            scheduledPrincipal: Math.min(sched, 2_000_000),
            prepayment: Math.min(prepaid, 2_000_000 - Math.min(sched, 2_000_000)),
            default: defaults,
          }));
          const f = fitted(
            refitFromReports(
              'p',
              reports,
              {
                scenario: Scenario.parse(PRICING),
                periods,
                extension: 'pricing-scenario',
                baseScenario: 'pricing',
              },
              '2025-12-31',
            ),
          );
          const s = Scenario.parse(f.scenario);
          if (
            s.default.model !== 'CDR' ||
            typeof s.default.curve !== 'object' ||
            !('vector' in s.default.curve)
          )
            throw new Error('CDR vector expected');
          if (typeof s.prepayment.curve !== 'object' || !('vector' in s.prepayment.curve))
            throw new Error('CPR vector expected');
          const cdr = s.default.curve.vector;
          const cpr = s.prepayment.curve.vector;
          expect(cdr).toHaveLength(Math.max(months.length, runRows.length));
          expect(cpr).toHaveLength(cdr.length);
          for (const x of [...cdr, ...cpr]) expect(x >= 0 && x <= 1).toBe(true);
          expect(cdr.slice(0, months.length)).toEqual(f.observed.map((o) => o.cdr));
          expect(f.defaultRatio).toBeGreaterThanOrEqual(0);
          expect(f.prepaymentRatio).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
