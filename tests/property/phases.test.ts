/**
 * Invariants of deal phases over random structures and collections (hand-made, no projection): separate revenue
 * and redemption lists, a principal deficiency ledger, events of default and step limits. Cash is conserved to
 * the cent every period; balances and ledgers never go negative and a ledger never exceeds its class's balance;
 * every ledger is zero when the deal pays in full; acceleration, once it happens, lasts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from '../unit/structure/fixtures';

// Whole per-mille steps: fc.double favours extreme values (1e-300), which would leave every deal without interest.
const ratio = (max: number) => fc.integer({ min: 0, max: Math.round(max * 1000) }).map((x) => x / 1000);
const share = ratio(1);

const poolArb = fc
  .record({
    balance: fc.integer({ min: 10_000_00, max: 50_000_000_00 }).map((c) => c / 100),
    rate: ratio(0.4),
    periods: fc.array(fc.record({ sched: share, def: share, severity: share }), {
      minLength: 1,
      maxLength: 15,
    }),
  })
  .map(({ balance, rate, periods }) => {
    let bal = balance;
    const flows: PeriodFlows[] = periods.map((p, k) => {
      const last = k === periods.length - 1;
      const defaults = (bal * p.def) / 4;
      // The last period runs the pool off, so a deal that loses nothing pays in full.
      const scheduledPrincipal = last ? bal - defaults : ((bal - defaults) * p.sched) / 2;
      const out: PeriodFlows = {
        interest: bal * (rate / 12),
        scheduledPrincipal,
        defaults,
        loss: defaults * p.severity,
        recovery: defaults * (1 - p.severity),
      };
      bal -= scheduledPrincipal + defaults;
      return out;
    });
    return collections(balance, flows);
  });

const structureArb = (poolBalance: number) =>
  fc
    .record({
      shares: fc.array(
        ratio(1).map((x) => 0.05 + x),
        { minLength: 1, maxLength: 3 },
      ),
      advance: ratio(0.55).map((x) => 0.5 + x),
      coupons: fc.array(ratio(0.2), { minLength: 3, maxLength: 3 }),
      fee: ratio(0.03),
      split: fc.boolean(),
      cure: fc.boolean(),
      p2i: fc.boolean(),
      eod: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      targetShare: fc.option(share, { nil: undefined }),
      feeShare: fc.option(share, { nil: undefined }),
      rule: fc.constantFrom('sequential', 'proRata'),
    })
    .map((o) => {
      const total = o.shares.reduce((a, b) => a + b, 0);
      const seniorities = ['senior', 'mezzanine', 'subordinated'] as const;
      const tranches = o.shares.map((x, i) => ({
        id: `T${i}`,
        seniority: seniorities[i],
        balance: Math.round(((poolBalance * o.advance * x) / total) * 100) / 100,
        coupon: { type: 'fixed', rate: o.coupons[i] },
      }));
      const ids = tranches.map((t) => t.id);
      const fee = {
        pay: 'fee',
        fee: 'svc',
        ...(o.feeShare !== undefined ? { limit: { shareOfDue: o.feeShare } } : {}),
      };
      const principal = {
        pay: 'principal',
        tranches: [ids[0]],
        ...(o.targetShare !== undefined
          ? { limit: { toTargetBalance: { percentOfPool: o.targetShare } } }
          : {}),
      };
      const rest = ids.length > 1 ? [{ pay: 'principal', tranches: ids.slice(1) }] : [];
      const combined = [fee, { pay: 'interest', tranches: ids }, principal, ...rest, { pay: 'residual' }];
      const amortising = o.split
        ? {
            interest: [
              fee,
              { pay: 'interest', tranches: ids },
              ...(o.cure ? [{ pay: 'pdlCure', tranches: ids }] : []),
              { pay: 'residual' },
            ],
            principal: [
              ...(o.p2i ? [{ pay: 'interest', tranches: [ids[0]] }] : []),
              principal,
              ...rest,
              { pay: 'residual' },
            ],
          }
        : combined;
      return {
        tranches,
        fees: [{ id: 'svc', basis: { type: 'percentOfPool', rate: o.fee } }],
        principalRule: { normal: { type: o.rule } },
        waterfall: combined,
        principalDeficiencyLedger: true,
        phases: {
          waterfalls: { amortising },
          eventsOfDefault:
            o.eod === undefined ? [] : [{ type: 'interestShortfall', tranches: [ids[0]], periods: o.eod }],
        },
      };
    });

describe('deal phases and principal deficiency ledgers', () => {
  it('conserve cash, keep balances and ledgers within bounds, close every ledger on a deal paid in full', () => {
    fc.assert(
      fc.property(
        poolArb.chain((pool) => fc.tuple(fc.constant(pool), structureArb(pool.endBalance[0]))),
        ([pool, s]) => {
          const r = runWaterfall({
            structure: structure(s),
            scenario: flatScenario(),
            dates: dates(pool.periods),
            pool,
          });
          expect(r.checks.failures).toEqual([]);
          for (const tr of r.tranches) {
            for (const c of tr.cashflows) {
              expect(c.balance).toBeGreaterThanOrEqual(0);
              expect(c.principalDeficiency ?? 0).toBeGreaterThanOrEqual(0);
              expect(c.principalDeficiency ?? 0).toBeLessThanOrEqual(c.balance);
            }
            const paid = tr.cashflows.reduce((a, c) => a + Math.round(c.principal * 100), 0);
            expect(paid).toBeLessThanOrEqual(Math.round(tr.originalBalance * 100));
          }
          if (r.tranches.every((t) => t.principalLoss === 0)) {
            for (const t of r.tranches)
              expect(t.cashflows[t.cashflows.length - 1].principalDeficiency).toBe(0);
          }
          const phases = r.waterfall.map((p) => p.phase);
          const first = phases.indexOf('accelerated');
          if (first >= 0) expect(phases.slice(first).every((p) => p === 'accelerated')).toBe(true);
          expect(first >= 0).toBe(
            r.acceleration !== null && r.acceleration !== undefined && r.acceleration.period <= phases.length,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
