/** Stresses only ever take funding away: availability falls monotonically with their severity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioTerms } from '../../../core/funding/analyse';
import { evaluateAllocation } from '../../../core/funding/evaluate';
import type { FundingCase } from '../../../core/funding/schema';
import { simulateMix } from '../../../core/funding/simulate';
import type { ScenarioTerms } from '../../../core/funding/terms';
import { equity, fundingCase } from './fixtures';

const terms = (c: FundingCase) =>
  scenarioTerms({
    fundingCase: c,
    poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
    scenario: c.scenario!,
    deals: {},
  });

function stressedCase(outflows: number[], start: number, cut: number, closed: number, lossMultiple: number) {
  return fundingCase({
    horizonMonths: 12,
    indexCurves: { SOFR: 0.04 },
    scenario: {
      name: 'base',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0.05 },
      severity: 0.9,
      recoveryLagMonths: 2,
    },
    book: {
      currentPool: {
        kind: 'repLines',
        lines: [
          {
            id: 'a',
            product: 'level-pay',
            balance: 1_000_000,
            rate: 0.2,
            originalTerm: 12,
            remainingTerm: 12,
          },
        ],
      },
      origination: [
        {
          id: 'n',
          line: { id: 'n', product: 'level-pay', balance: 0, rate: 0.2, originalTerm: 6, remainingTerm: 6 },
          monthlyVolume: 150_000,
        },
      ],
    },
    fundingSources: [
      {
        id: 'bank',
        type: 'bankLine',
        commitment: 600_000,
        advanceRate: 0.9,
        index: 'SOFR',
        margin: 0.03,
        tenorMonths: 3,
      },
      {
        id: 'retail',
        type: 'retail',
        rate: 0.12,
        termMonths: 6,
        monthlyRaiseCapacity: 80_000,
        rolloverRate: 0.9,
        initialBalance: 300_000,
      },
      {
        id: 'abs',
        type: 'securitization',
        classes: [{ id: 'A', poolShare: 0.9, coupon: { type: 'fixed', rate: 0.06 } }],
        leadTimeMonths: 2,
        issueEveryMonths: 2,
      },
      equity({ maximumAmount: 400_000, initialAmount: 200_000, maxRaisePerMonth: 50_000 }),
    ],
    mixes: [
      { name: 'rules', kind: 'rules', order: ['abs', 'bank', 'retail', 'eq'], securitiseAbove: 200_000 },
    ],
    stresses: outflows.map((o, i) => ({
      name: `s${i}`,
      startMonth: start,
      lossMultiple: i === 0 ? 1 : lossMultiple,
      bankLinesNotRenewed: i > 0 && cut > 0,
      advanceRateCut: i > 0 ? cut : 0,
      retailRun: { outflowPerMonth: o },
      securitizationClosedMonths: i > 0 ? closed : 0,
    })),
  });
}

/** What each source could provide on its own terms, month by month. */
function capacity(sc: ScenarioTerms): number[] {
  const out: number[] = [];
  for (const s of sc.sources) {
    for (let t = 1; t <= sc.book.months; t++) {
      if (s.type === 'bankLine') out.push((s.open[t] ?? 0) * (s.advance[t] ?? 0));
      if (s.type === 'retail') out.push(s.keep[t] ?? 0, s.raiseCapacity[t] ?? 0);
      if (s.type === 'securitization') out.push(s.issueAllowed[t] ?? 0);
      if (s.type === 'equity') out.push(s.maximum[t] ?? 0, -(s.erosion[t] ?? 0));
    }
  }
  return out;
}

describe('stress', () => {
  it('each term a stress touches is at most its base value, and more severe stresses give less', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 30 }),
        (a, b, start, cut, closed, loss) => {
          const mild = Math.min(a, b) / 100;
          const severe = Math.max(a, b) / 100;
          const c = stressedCase([mild, severe], start, cut / 100, closed, 1 + loss / 10);
          const [base, s0, s1] = terms(c) as [ScenarioTerms, ScenarioTerms, ScenarioTerms];
          const cb = capacity(base);
          const c0 = capacity(s0);
          const c1 = capacity(s1);
          cb.forEach((x, i) => {
            expect(c0[i]!).toBeLessThanOrEqual(x + 1e-12);
            expect(c1[i]!).toBeLessThanOrEqual(c0[i]! + 1e-12);
          });
        },
      ),
      { numRuns: 40, seed: 606 },
    );
  });

  it('a worse retail run leaves less retail money in a rules mix, month by month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 10 }),
        (a, b, start) => {
          const c = stressedCase([Math.min(a, b) / 100, Math.max(a, b) / 100], start, 0, 0, 1);
          const sc = terms(c);
          const bal = sc.map((s) =>
            evaluateAllocation(s, simulateMix(c.mixes[0]!, s)).months.map(
              (m) => m.bySource.retail!.available,
            ),
          );
          for (let t = 0; t < 12; t++) {
            expect(bal[1]![t]!).toBeLessThanOrEqual(bal[0]![t]! + 1e-6);
            expect(bal[2]![t]!).toBeLessThanOrEqual(bal[1]![t]! + 1e-6);
          }
        },
      ),
      { numRuns: 40, seed: 607 },
    );
  });

  it('a bank line not renewed at its month-3 maturity stops at 3 and the mix leans on retail and equity', () => {
    const c = stressedCase([0, 0], 2, 0.03, 0, 1);
    const [base, , cut] = terms(c) as [ScenarioTerms, ScenarioTerms, ScenarioTerms];
    const bank = cut.sources[0]!;
    if (bank.type !== 'bankLine') throw new Error('bank first');
    expect(Array.from(bank.open).slice(0, 5)).toEqual([1, 1, 1, 0, 0]);
    expect(bank.advance[1]).toBeCloseTo(0.9, 12);
    expect(bank.advance[2]).toBeCloseTo(0.87, 12);
    const eb = evaluateAllocation(base, simulateMix(c.mixes[0]!, base));
    const ec = evaluateAllocation(cut, simulateMix(c.mixes[0]!, cut));
    expect(ec.months[3]!.bySource.bank!.balance).toBe(0);
    expect(ec.months[3]!.committedAvailable).toBeLessThan(eb.months[3]!.committedAvailable);
    // The line matures at month 3: what was drawn at month 2 is the maturity.
    expect(ec.months[2]!.bySource.bank!.maturing).toBeCloseTo(ec.months[1]!.bySource.bank!.balance, 6);
  });
});

describe('losses beyond the base case eat equity', () => {
  it('the equity maximum falls by the cumulative excess loss, by hand from the two books', () => {
    const c = stressedCase([0, 0], 1, 0, 0, 3);
    const [base, , hit] = terms(c) as [ScenarioTerms, ScenarioTerms, ScenarioTerms];
    const eq = hit.sources[3]!;
    if (eq.type !== 'equity') throw new Error('equity last');
    let cum = 0;
    for (let t = 0; t <= 12; t++) {
      cum += hit.book.losses[t]! - base.book.losses[t]!;
      expect(eq.maximum[t]).toBeCloseTo(400_000 - Math.max(0, cum), 6);
    }
    expect(cum).toBeGreaterThan(0);
    const b = base.sources[3]!;
    if (b.type !== 'equity') throw new Error('equity last');
    expect(Array.from(b.maximum).every((x) => x === 400_000)).toBe(true);
  });
});
