/**
 * Invariants of the waterfall over random structures and random collections (hand-made, no projection):
 * cash is conserved to the cent every period, balances never go negative, no class is paid more principal than
 * it owes (balance plus uncured write-down), principal plus net write-downs give back each class's balance once
 * the deal ends, a class's principal loss is what it did not receive, and no cash reaches the seller while a
 * class carries unpaid interest, an uncured write-down or notes above the collateral.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../core/structure/waterfall';
import { collections, dates, flatScenario, structure, type PeriodFlows } from '../unit/structure/fixtures';

const money = (min: number, max: number) =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((c) => c / 100);
const share = fc.double({ min: 0, max: 1, noNaN: true });

const poolArb = fc
  .record({
    balance: money(10_000, 50_000_000),
    rate: fc.double({ min: 0, max: 0.4, noNaN: true }),
    periods: fc.array(
      fc.record({ sched: share, prepay: share, def: share, rec: share, lossy: fc.boolean() }),
      { minLength: 1, maxLength: 18 },
    ),
    runOff: fc.boolean(),
    severity: fc.double({ min: 0.3, max: 1, noNaN: true }),
  })
  .map(({ balance, rate, periods, runOff, severity }) => {
    let bal = balance;
    let pendingDefaults = 0;
    const flows: PeriodFlows[] = periods.map((p, k) => {
      const last = k === periods.length - 1;
      // Shares of the balance, scaled so the three removals never exceed it; the last period may clear it.
      const scale = Math.max(1, p.sched + p.prepay + p.def) * 3;
      let scheduledPrincipal = (bal * p.sched) / scale;
      const prepayment = (bal * p.prepay) / scale;
      const defaults = p.lossy ? (bal * p.def) / scale : 0;
      if (last && runOff) scheduledPrincipal = bal - prepayment - defaults;
      // Earlier defaults are liquidated (all of them on a run-off's last period) at the pool's severity; what is not
      // liquidated yet stays pending, part of the collateral the notes are measured against.
      const liquidated = last && runOff ? pendingDefaults : pendingDefaults * p.rec;
      pendingDefaults += defaults - liquidated;
      const out: PeriodFlows = {
        interest: bal * (rate / 12),
        scheduledPrincipal,
        prepayment,
        defaults,
        loss: liquidated * severity,
        recovery: liquidated * (1 - severity),
        pendingDefaults,
      };
      bal -= scheduledPrincipal + prepayment + defaults;
      return out;
    });
    return { pool: collections(balance, flows), runOff };
  });

const structureArb = (poolBalance: number) =>
  fc
    .record({
      shares: fc.array(fc.double({ min: 0.02, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
      advance: fc.double({ min: 0.5, max: 1.05, noNaN: true }),
      coupons: fc.array(fc.double({ min: 0, max: 0.15, noNaN: true }), { minLength: 4, maxLength: 4 }),
      fees: fc.array(
        fc.record({
          kind: fc.constantFrom('fixed', 'percentOfPool', 'percentOfTranche'),
          amount: money(0, 5000),
          rate: fc.double({ min: 0, max: 0.03, noNaN: true }),
          cap: fc.option(money(0, 3000), { nil: undefined }),
          carry: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
      reserve: fc.option(
        fc.record({ initial: money(0, 100_000), pctCurrent: fc.double({ min: 0, max: 0.05, noNaN: true }) }),
        { nil: undefined },
      ),
      oc: fc.option(fc.double({ min: 0, max: 0.1, noNaN: true }), { nil: undefined }),
      rule: fc.constantFrom('sequential', 'proRata'),
      trigger: fc.option(
        fc.record({
          threshold: fc.double({ min: 0, max: 0.05, noNaN: true }),
          effects: fc.subarray(['sequential', 'trapCash'] as const, { minLength: 1 }),
          curable: fc.boolean(),
        }),
        { nil: undefined },
      ),
      call: fc.option(fc.double({ min: 0.01, max: 0.2, noNaN: true }), { nil: undefined }),
      interestTogether: fc.boolean(),
      principalSeparately: fc.boolean(),
      residual: fc.boolean(),
      principalFromPrincipalOnly: fc.boolean(),
      lossAllocation: fc.constantFrom('writeDown', 'none'),
      interestOnShortfall: fc.boolean(),
      reserveCoversPrincipal: fc.boolean(),
      firstPriority: fc.boolean(),
      capExcessStep: fc.boolean(),
      residualFromInterestOnly: fc.boolean(),
    })
    .map((r) => {
      const total = r.shares.reduce((a, b) => a + b, 0);
      const ids = r.shares.map((_, i) => `T${i}`);
      const seniority = ['senior', 'mezzanine', 'subordinated', 'subordinated'] as const;
      const tranches = r.shares.map((sh, i) => ({
        id: ids[i],
        seniority: seniority[i],
        balance: Math.round(((poolBalance * r.advance * sh) / total) * 100) / 100,
        coupon: { type: 'fixed', rate: r.coupons[i] },
        interestOnShortfall: r.interestOnShortfall,
      }));
      const fees = r.fees.map((f, i) => ({
        id: `F${i}`,
        basis:
          f.kind === 'fixed'
            ? { type: 'fixed', amount: f.amount }
            : f.kind === 'percentOfPool'
              ? { type: 'percentOfPool', rate: f.rate }
              : { type: 'percentOfTranche', tranche: ids[0], rate: f.rate },
        ...(f.cap !== undefined ? { capPerPeriod: f.cap } : {}),
        carryUnpaid: f.carry,
      }));
      const waterfall: unknown[] = fees.map((f) => ({ pay: 'fee', fee: f.id }));
      if (r.interestTogether) waterfall.push({ pay: 'interest', tranches: ids });
      else {
        ids.forEach((id, i) => {
          waterfall.push({ pay: 'interest', tranches: [id] });
          // US auto layout: each class's first-priority principal after its interest, for it and those above.
          if (r.firstPriority && i < ids.length - 1) {
            waterfall.push({ pay: 'principal', tranches: ids.slice(0, i + 1), amount: 'firstPriority' });
          }
        });
      }
      if (r.reserve) waterfall.push({ pay: 'reserveDeposit' });
      const from = r.principalFromPrincipalOnly ? { from: ['principal'] } : {};
      if (r.principalSeparately)
        for (const id of ids) waterfall.push({ pay: 'principal', tranches: [id], ...from });
      else waterfall.push({ pay: 'principal', tranches: ids, ...from });
      if (r.capExcessStep) for (const f of fees) waterfall.push({ pay: 'fee', fee: f.id, part: 'capExcess' });
      if (r.residual)
        waterfall.push({ pay: 'residual', ...(r.residualFromInterestOnly ? { from: ['interest'] } : {}) });
      return structure({
        tranches,
        fees,
        ...(r.reserve
          ? {
              reserve: {
                initialBalance: r.reserve.initial,
                target: { percentOfCurrentPool: r.reserve.pctCurrent, floor: r.reserve.initial / 2 },
                coversPrincipalAtMaturity: r.reserveCoversPrincipal,
              },
            }
          : {}),
        ...(r.oc !== undefined ? { ocTarget: { percentOfCurrentPool: r.oc } } : {}),
        principalRule: { normal: { type: r.rule } },
        triggers: r.trigger
          ? [
              {
                id: 'cnl',
                test: {
                  type: 'cumulativeNetLoss',
                  schedule: [{ fromPeriod: 1, threshold: r.trigger.threshold }],
                },
                effects: r.trigger.effects,
                curable: r.trigger.curable,
              },
            ]
          : [],
        ...(r.call !== undefined ? { cleanUpCall: { poolShare: r.call } } : {}),
        lossAllocation: r.lossAllocation,
        waterfall,
      });
    });

const caseArb = poolArb.chain((p) => structureArb(p.pool.endBalance[0]).map((s) => ({ ...p, structure: s })));

const isCents = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;

describe('waterfall invariants (random deals and collections)', () => {
  it('conserves cash to the cent, keeps balances non-negative, never overpays principal', () => {
    fc.assert(
      fc.property(caseArb, ({ pool, structure: s }) => {
        const r = runWaterfall({ structure: s, scenario: flatScenario(), dates: dates(pool.periods), pool });
        expect(r.checks.failures).toEqual([]);
        expect(r.checks.cashConserved).toBe(true);
        for (const w of r.waterfall) {
          expect(w.difference).toBe(0);
          expect(w.reserve.end).toBeGreaterThanOrEqual(0);
          for (const st of w.steps) {
            expect(st.paid).toBeGreaterThanOrEqual(0);
            expect(st.paid).toBeLessThanOrEqual(st.due + 1e-9);
            expect(isCents(st.paid)).toBe(true);
          }
        }
        for (const tr of r.tranches) {
          let uncured = 0;
          for (const c of tr.cashflows) {
            expect(c.balance).toBeGreaterThanOrEqual(0);
            expect(c.principal).toBeGreaterThanOrEqual(0);
            expect(c.principal).toBeLessThanOrEqual(c.beginBalance + uncured + 1e-6);
            uncured += c.writedown;
            expect(uncured).toBeGreaterThanOrEqual(-1e-6);
            expect(c.interest).toBeLessThanOrEqual(c.interestDue);
            expect(c.balance).toBeCloseTo(c.beginBalance - c.principal - c.writedown, 6);
            expect(isCents(c.principal) && isCents(c.interest) && isCents(c.balance)).toBe(true);
          }
        }
        // Every run ends on its final period (legal final): what a class did not receive is its loss.
        for (const tr of r.tranches) {
          const received = tr.cashflows.reduce((a, c) => a + c.principal, 0);
          expect(tr.principalLoss).toBeCloseTo(tr.originalBalance - received, 6);
          const last = tr.cashflows[tr.cashflows.length - 1].balance;
          if (s.lossAllocation === 'none') expect(last).toBeCloseTo(tr.principalLoss, 6);
          else {
            expect(last).toBe(0);
            const back = tr.cashflows.reduce((a, c) => a + c.principal + c.writedown, 0);
            expect(back).toBeCloseTo(tr.originalBalance, 6);
          }
        }
        expect(r.waterfall[r.waterfall.length - 1].reserve.end).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('pays nothing to the seller while a class has unpaid interest, an uncured write-down or notes above the collateral', () => {
    fc.assert(
      fc.property(caseArb, ({ pool, structure: s }) => {
        const r = runWaterfall({ structure: s, scenario: flatScenario(), dates: dates(pool.periods), pool });
        const uncured = r.tranches.map(() => 0);
        r.waterfall.forEach((w, k) => {
          r.tranches.forEach((tr, i) => (uncured[i] += tr.cashflows[k].writedown));
          // Cash to the seller: the residual (trapped or not) and cash no step took. A reserve that does not
          // cover principal at maturity is returned to the seller by the deal's terms, so it is not counted.
          const toSeller = w.steps
            .filter((st) => st.label.startsWith('residual') || st.label === 'unallocated funds to the seller')
            .reduce((a, st) => a + st.paid, 0);
          if (toSeller === 0) return;
          const final = k === r.waterfall.length - 1;
          const called = r.cleanUpCallPeriod === w.period;
          const collateral =
            (called ? 0 : r.poolPeriods[k].endBalance) + pool.pendingDefaults[k + 1] + w.reserve.end;
          let notes = 0;
          r.tranches.forEach((tr, i) => {
            const c = tr.cashflows[k];
            expect(c.interestShortfall, `period ${w.period} ${tr.id} unpaid interest`).toBe(0);
            expect(Math.abs(uncured[i]), `period ${w.period} ${tr.id} uncured loss`).toBeLessThan(0.005);
            notes += c.balance;
          });
          if (final) expect(notes).toBeLessThan(0.005);
          else expect(notes).toBeLessThanOrEqual(collateral + 0.005);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('does pay the seller in some cases (so the property above is not vacuous)', () => {
    const pool = collections(100000, [{ interest: 5000, scheduledPrincipal: 100000 }]);
    const r = runWaterfall({
      structure: structure({
        tranches: [{ id: 'A', seniority: 'senior', balance: 90000, coupon: { type: 'fixed', rate: 0 } }],
        principalRule: { normal: { type: 'sequential' } },
        waterfall: [{ pay: 'principal', tranches: ['A'] }, { pay: 'residual' }],
      }),
      scenario: flatScenario(),
      dates: dates(1),
      pool,
    });
    // 105,000 collected, A's 90,000 paid: 15,000 to the seller.
    expect(r.waterfall[0].steps[1].paid).toBe(15000);
  });
});
