/**
 * The bundled surveillance sample (samples/surveillance/level-pay-consumer) is a report a trustee could publish:
 * its notes are paid from the collections its pool reports. A noteholder report whose class payments do not
 * follow from the pool's collections (the pool of a worse case, the notes of the pricing case) would make every
 * figure surveillance derives from it wrong. Read from the files as the CLI reads them (JSON and the Chinese
 * CSV), each month is checked against the priority of payments' own identity, to the cent:
 *   principal collections + interest collections + recoveries
 *     = class interest + class principal + senior fees + reserve movement + residual.
 * The reserve movement and the residual are not on the report: they come from the run under the sample's
 * stated assumptions (the pricing case with defaults at 1.4 × its CDR).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDeal } from '../../../core/run';
import { sampleDeal, sampleReports } from './fixtures';

const DIR = fileURLToPath(new URL('../../../samples/surveillance/level-pay-consumer/', import.meta.url));
const cents = (x: number): number => Math.round(x * 100);
/** CDR from a month's defaults over its opening performing balance (MDR), annualised: 1 − (1 − MDR)^12. */
const cdrOf = (defaults: number, begin: number): number => 1 - Math.pow(1 - defaults / begin, 12);

describe('the surveillance sample: pool and notes from one run', () => {
  const deal = sampleDeal('level-pay-consumer.deal.json');
  if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
  const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
  const base = deal.scenarios.find((s) => s.name === 'base')!;
  const reports = sampleReports();
  const actual = runDeal(deal, pool, { scenario: { ...base, defaultMultiple: 1.4 }, analytics: false });

  it('nine monthly reports, the last the Chinese CSV', () => {
    expect(reports.map((r) => r.period)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(readdirSync(DIR).filter((n) => n.endsWith('.csv'))).toEqual(['report-09.csv']);
  });

  it('every class is paid down by exactly its principal paid, every month', () => {
    for (const r of reports)
      for (const c of r.classes) {
        expect([r.period, c.id, cents(c.beginBalance) - cents(c.endBalance)]).toEqual([
          r.period,
          c.id,
          cents(c.principalPaid) + cents(c.writeDown),
        ]);
        expect(c.writeDown).toBe(0);
      }
  });

  it('the notes, fees, reserve and residual are paid from the collections the pool reports, to the cent', () => {
    for (const r of reports) {
      const w = actual.waterfall[r.period - 1]!;
      // Nothing else pays out: a step outside these would be a use the identity below leaves out.
      const kinds = w.steps.filter((s) => s.paid !== 0).map((s) => s.label.split(' ')[0]);
      expect(kinds.every((k) => ['fee', 'interest', 'principal', 'residual'].includes(k!))).toBe(true);
      const residual = w.steps.filter((s) => s.label === 'residual').reduce((a, s) => a + cents(s.paid), 0);
      const toClasses = r.classes.reduce((a, c) => a + cents(c.interestPaid) + cents(c.principalPaid), 0);
      const reserveMovement = cents(w.reserve.end) - cents(w.reserve.begin);
      const collected =
        cents(r.pool.principalCollections) + cents(r.pool.interestCollections) + cents(r.pool.recoveries);
      expect([r.period, toClasses + cents(r.feesPaid) + reserveMovement + residual]).toEqual([
        r.period,
        collected,
      ]);
    }
  });

  it('defaults run at 1.4 × the pricing case’s CDR every month (a multiple of the rate, not of the amount)', () => {
    // The multiple scales the annual rate (CDR × 1.4, then MDR = 1 − (1 − CDR)^(1/12)), and applies to a pool
    // that has lost more already, so the amounts are not 1.4 × the pricing run's after month 1.
    // Month 1 by hand: CDR 1% × 1.4 = 1.4%; MDR = 1 − 0.986^(1/12) = 0.00117422…; × 500,000,000.00 = 587,110.21.
    expect(reports[0]!.pool.beginBalance).toBe(500_000_000);
    expect(reports[0]!.pool.defaults).toBe(587_110.21);
    if (
      base.default.model !== 'CDR' ||
      typeof base.default.curve !== 'object' ||
      !('vector' in base.default.curve)
    )
      throw new Error('a CDR vector expected');
    const vector = base.default.curve.vector;
    const pricing = runDeal(deal, pool, { scenario: 'base', analytics: false });
    for (const r of reports) {
      const p = pricing.pool.periods[r.period - 1]!;
      // Cents on both sides move the ratio by ~1e-8 of the rate: 9 decimals of the CDR hold.
      expect(cdrOf(r.pool.defaults, r.pool.beginBalance)).toBeCloseTo(1.4 * vector[r.period - 1]!, 9);
      expect(cdrOf(r.pool.defaults, r.pool.beginBalance)).toBeCloseTo(
        1.4 * cdrOf(p.default, p.beginBalance),
        9,
      );
    }
  });
});
