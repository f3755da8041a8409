/**
 * The Surveillance screen's engine jobs (renderer/engine/surveillanceAdapter.ts): the actuals are set against the
 * scenario asked for, every scenario runs for the projected breaches, and a re-fit refused by the core comes back
 * coded for the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CodedRangeError } from '../../../core/i18n/codedError';
import { ServicerReport } from '../../../core/surveillance/servicerReport';
import { compareToProjection, refit } from '../../../renderer/engine/surveillanceAdapter';
import { reportsOf, sampleDeal, sampleRun } from '../surveillance/fixtures';

const DIR = 'samples/surveillance/level-pay-consumer';
const monthJson = (k: number): ServicerReport =>
  ServicerReport.parse(JSON.parse(readFileSync(`${DIR}/report-0${k}.json`, 'utf8')));

describe('comparing against the projection', () => {
  it('sets the reports against the scenario asked for: a servicer that did exactly the stress run matches it', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    const reports = reportsOf(sampleRun('level-pay-consumer.deal.json', 'stress'), 6);
    const withReports = { ...deal, surveillance: { reports } };
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const stress = compareToProjection(withReports, pool, 'stress');
    expect(stress.scenario).toBe('stress');
    // The reports roll the pool forward in cents, the run in floating point: equal to within a few cents.
    for (const r of stress.rows)
      expect(Math.abs(r.actual.poolEndBalance - r.projected!.poolEndBalance)).toBeLessThan(0.05);
    const base = compareToProjection(withReports, pool, 'base');
    expect(base.rows.some((r) => Math.abs(r.actual.poolEndBalance - r.projected!.poolEndBalance) > 1)).toBe(
      true,
    );
    // Every scenario's run is there for the projected breaches, one row per scenario and trigger.
    expect(base.breaches.map((b) => b.scenario)).toEqual(deal.scenarios.map((s) => s.name));
    expect(base.headroom).toHaveLength(deal.structure.triggers.length * reports.length);
  });
});

describe('re-fitting the assumptions on the reports', () => {
  const deal = sampleDeal('level-pay-consumer.deal.json');
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  const pool = { kind: 'repLines' as const, lines: deal.pool.lines };

  it('observes month 1 as SIFMA annualises it: CDR = 1 − (1 − defaults / begin)^12', () => {
    const reports = [1, 2, 3, 4, 5, 6, 7, 8].map(monthJson);
    const r = refit(
      {
        deal: { ...deal, surveillance: { reports } },
        loans: null,
        baseScenario: 'base',
        name: 'refit',
        date: '2025-12-01',
      },
      pool,
    );
    // Report 1: defaults 587,110.21 on a 500,000,000.00 pool → MDR 0.0011742204, CDR 1 − (1 − MDR)^12, which is
    // the sample's 1.4 × the pricing case's 1% (to the cent's rounding).
    expect(r.observed[0]!.cdr).toBeCloseTo(1 - Math.pow(1 - 587110.21 / 500000000, 12), 12);
    expect(r.observed[0]!.cdr).toBeCloseTo(0.014, 9);
    expect(r.observed.map((o) => o.period)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.scenario.name).toBe('refit');
    expect(r.scenario.provenance?.source).toBe('servicer-reports');
  });

  it('a deal without reports is refused with a coded message the page words in its language', () => {
    const call = () =>
      refit({ deal, loans: null, baseScenario: 'base', name: 'refit', date: '2025-12-01' }, pool);
    expect(call).toThrow(CodedRangeError);
    try {
      call();
    } catch (e) {
      expect((e as CodedRangeError).problem.code).toBe('surveillance.noReportToFit');
    }
  });
});
