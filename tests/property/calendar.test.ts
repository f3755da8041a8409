/**
 * Invariants of the deal calendar on the five-class deal (fees, reserve, OC target, triggers, clean-up call), for
 * any payment frequency per phase, first payment date, closing date, holiday calendar and rolling rule:
 * - every period reconciles to the cent with the collection account (sources = uses + Δreserve + Δaccount);
 * - notes are paid only on payment dates, and nothing waits in the account after the last period run;
 * - accrual periods are contiguous: each starts where the previous payment's ended, the first at closing;
 * - ACT/360 accrual days over the run add up to the days from closing to the last accrual end.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../core/deal/schema';
import { runDeal } from '../../core/run';
import { addDays, daysBetween } from '../../core/time';
import { fiveClassDeal } from '../unit/run/dealFixture';

describe('deal calendar invariants', () => {
  const base = fiveClassDeal({ term: 24, cdr: 0.06 });
  const pool = { kind: 'repLines' as const, lines: base.pool.kind === 'repLines' ? base.pool.lines : [] };
  const frequency = fc.constantFrom('monthly', 'quarterly', 'semiAnnual');

  it('reconciles, pays on payment dates only and accrues over contiguous periods', () => {
    fc.assert(
      fc.property(
        frequency,
        frequency,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 20 }),
        fc.constantFrom(undefined, 'CN-SSE', 'CN-IB', 'US-SIFMA'),
        fc.constantFrom('following', 'modifiedFollowing', 'preceding') as fc.Arbitrary<
          'following' | 'modifiedFollowing' | 'preceding'
        >,
        fc.constantFrom('collectionMonths', 'paymentDates') as fc.Arbitrary<
          'collectionMonths' | 'paymentDates'
        >,
        (revolving, amortising, firstMonth, closingLag, holidays, rule, triggerTests) => {
          const closing = addDays(base.cutoffDate, closingLag);
          const first = `2026-${String(1 + firstMonth).padStart(2, '0')}-15`;
          const deal = Deal.parse({
            ...base,
            closingDate: closing,
            firstPaymentDate: first,
            calendar: {
              paymentFrequency: { revolving, amortising },
              ...(holidays ? { holidays } : {}),
              businessDayRule: rule,
              triggerTests,
              reinvestmentRate: 0.015,
            },
            structure: {
              ...base.structure,
              tranches: base.structure.tranches.map((t) => ({ ...t, dayCount: 'ACT/360' })),
            },
          });
          const r = runDeal(deal, pool, { analytics: false });
          expect(r.checks).toEqual({ cashConserved: true, failures: [] });
          const last = r.waterfall[r.waterfall.length - 1]!;
          expect(last.paymentDate).toBe(true);
          expect(last.collectionAccount?.end ?? 0).toBe(0);
          for (const p of r.waterfall) {
            if (p.paymentDate === false) expect(p.uses.total).toBe(0);
          }
          for (const t of r.tranches) {
            let start = closing;
            let days = 0;
            for (const c of t.cashflows) {
              if (c.accrualStart == null) {
                expect(c.interest + c.principal).toBe(0);
                continue;
              }
              expect(c.accrualStart).toBe(start);
              start = c.accrualEnd!;
              days += c.accrualDays ?? 0;
            }
            expect(days).toBe(daysBetween(closing, start));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
