/**
 * Single-source mixes whose cost is worked out by hand. The book is one bullet line of 1,000,000 with no
 * defaults or prepayment, so receivables stay at 1,000,000 for the three months of the horizon.
 */
import { describe, expect, it } from 'vitest';
import { scenarioTerms } from '../../../core/funding/analyse';
import { annualIrr, evaluateAllocation } from '../../../core/funding/evaluate';
import type { FundingCase } from '../../../core/funding/schema';
import { simulateMix } from '../../../core/funding/simulate';
import { soldShareOf } from '../../../core/funding/terms';
import { equity, fundingCase } from './fixtures';

function run(c: FundingCase, scenario = 0) {
  const sc = scenarioTerms({
    fundingCase: c,
    poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
    scenario: c.scenario!,
    deals: {},
  });
  const s = sc[scenario]!;
  return evaluateAllocation(s, simulateMix(c.mixes[0]!, s));
}

const bank = {
  id: 'bank',
  type: 'bankLine' as const,
  commitment: 1_200_000,
  advanceRate: 0.9,
  index: 'SOFR',
  margin: 0.03,
  commitmentFee: 0.005,
  upfrontFee: 0.0025,
  tenorMonths: 12,
};

describe('bank line with equity carrying the haircut', () => {
  const c = fundingCase({
    indexCurves: { SOFR: 0.05 },
    fundingSources: [bank, equity()],
    mixes: [{ name: 'bank', kind: 'rules', order: ['bank', 'eq'] }],
  });
  const e = run(c);

  it('draws the advance on eligible receivables and funds the 10% haircut with equity', () => {
    for (const m of e.months) {
      expect(m.bySource.bank!.balance).toBeCloseTo(900_000, 6);
      expect(m.bySource.eq!.balance).toBeCloseTo(100_000, 6);
      expect(m.gap).toBe(0);
      // Headroom: min(commitment, 90% × 1,000,000) − drawn = 0.
      expect(m.headroom).toBeCloseTo(0, 6);
    }
    expect(e.feasible).toBe(true);
  });

  it('costs drawn × (SOFR + margin) / 12 + fee on undrawn, plus the upfront fee amortised over the tenor, by hand', () => {
    // Month: 900,000 × 8% / 12 = 6,000 interest; 300,000 undrawn × 0.5% / 12 = 125 fee. Upfront 0.25% × 1.2m =
    // 3,000 buys a 12-month tenor: 250 a month, of which the 3-month horizon holds 750.
    const bankCost = e.sources.find((s) => s.id === 'bank')!.totalCost;
    expect(bankCost).toBeCloseTo(3 * (6_000 + 125 + 250), 6);
    // Equity: 100,000 × 15% / 12 = 1,250 a month.
    expect(e.sources.find((s) => s.id === 'eq')!.totalCost).toBeCloseTo(3 * 1_250, 6);
    expect(e.totalCost).toBeCloseTo(22_875, 6);
    expect(e.months[0]!.cost).toBeCloseTo(6_125 + 1_250 + 250, 6);
    expect(e.months[1]!.cost).toBeCloseTo(6_125 + 1_250 + 250, 6);
    // 12 × 22,875 / (3 × 1,000,000 funded).
    expect(e.weightedAverageCost).toBeCloseTo(0.0915, 10);
    expect(e.costPerReceivable).toBeCloseTo(0.0915, 10);
  });

  it('IRR of the line without its upfront fee is its drawn rate (interest in arrears, nominal)', () => {
    const c2 = fundingCase({
      indexCurves: { SOFR: 0.05 },
      fundingSources: [{ ...bank, upfrontFee: 0, commitmentFee: 0 }, equity()],
      mixes: [{ name: 'bank', kind: 'rules', order: ['bank', 'eq'] }],
    });
    const irr = run(c2).sources.find((s) => s.id === 'bank')!.irr!;
    // Flows: +900,000 at 0 (drawn at the start of month 1), −6,000 at 1 and 2, −906,000 at 3: a loan paying
    // 6,000 / 900,000 a month in arrears, so the monthly IRR is 0.6667% and the nominal annual 8% = SOFR + margin.
    expect(irr).toBeCloseTo(0.08, 9);
  });
});

describe('bank line minimum utilisation', () => {
  it('charges interest on the minimum when less is drawn', () => {
    const c = fundingCase({
      indexCurves: { SOFR: 0.05 },
      fundingSources: [{ ...bank, minimumUtilisation: 950_000 }, equity()],
      mixes: [{ name: 'bank', kind: 'rules', order: ['bank', 'eq'] }],
    });
    const e = run(c);
    // Drawn 900,000, charged on 950,000: 950,000 × 8% / 12 = 6,333.33; fee on 300,000 undrawn = 125; the
    // 3,000 upfront fee over its 12-month tenor = 250.
    expect(e.months[1]!.bySource.bank!.cost).toBeCloseTo((950_000 * 0.08) / 12 + 125 + 250, 6);
  });
});

describe('retail capital', () => {
  const retail = {
    id: 'retail',
    type: 'retail' as const,
    rate: 0.12,
    termMonths: 4,
    channelFee: 0.01,
    monthlyRaiseCapacity: 50_000,
    rolloverRate: 0.5,
    initialBalance: 800_000,
  };
  it('rolls half of what matures, raises up to capacity, pays the channel fee on new money', () => {
    const c = fundingCase({
      fundingSources: [retail, equity()],
      mixes: [{ name: 'retail', kind: 'rules', order: ['retail', 'eq'] }],
    });
    const e = run(c);
    // Keep 1 − 0.5 / 4 = 87.5% of last month, plus 50,000 new.
    const p1 = 0.875 * 800_000 + 50_000;
    const p2 = 0.875 * p1 + 50_000;
    expect(e.months[0]!.bySource.retail!.balance).toBeCloseTo(p1, 6);
    expect(e.months[1]!.bySource.retail!.balance).toBeCloseTo(p2, 6);
    expect(e.months[0]!.bySource.eq!.balance).toBeCloseTo(1_000_000 - p1, 6);
    // 750,000 × 1% + 50,000 × 1% = 8,000 in month 1.
    expect(e.months[0]!.bySource.retail!.cost).toBeCloseTo(7_500 + 500, 6);
    expect(e.months[0]!.maturing).toBeCloseTo(800_000 / 4, 6);
    expect(e.months[0]!.uncommittedAvailable).toBeCloseTo(p1, 6);
  });

  it('retail is uncommitted: with equity capped at 300,000 the committed-only gap is 700,000', () => {
    const c = fundingCase({
      fundingSources: [retail, equity({ maximumAmount: 300_000 })],
      mixes: [{ name: 'retail', kind: 'rules', order: ['retail', 'eq'] }],
    });
    const e = run(c);
    for (const m of e.months) {
      expect(m.committedAvailable).toBeCloseTo(300_000, 6);
      expect(m.committedGap).toBeCloseTo(700_000, 6);
    }
    expect(e.maxCommittedGap).toBeCloseTo(700_000, 6);
  });

  it('in a run from month 2, 30% leaves each month and nothing new comes in', () => {
    const c = fundingCase({
      fundingSources: [retail, equity()],
      mixes: [{ name: 'retail', kind: 'rules', order: ['retail', 'eq'] }],
      stresses: [{ name: 'run', startMonth: 2, retailRun: { outflowPerMonth: 0.3 } }],
    });
    const e = run(c, 1);
    const p1 = 750_000;
    expect(e.months[1]!.bySource.retail!.balance).toBeCloseTo(0.7 * p1, 6);
    expect(e.months[2]!.bySource.retail!.balance).toBeCloseTo(0.49 * p1, 6);
    expect(e.months[2]!.bySource.eq!.balance).toBeCloseTo(1_000_000 - 0.49 * p1, 6);
  });
});

describe('securitization', () => {
  it('issues once, keeps the notes level while revolving and pays coupon, discount and costs by hand', () => {
    const c = fundingCase({
      fundingSources: [
        {
          id: 'abs',
          type: 'securitization',
          classes: [
            { id: 'A', poolShare: 0.85, coupon: { type: 'fixed', rate: 0.06 }, price: 99 },
            { id: 'E', poolShare: 0.15, coupon: { type: 'fixed', rate: 0.1 }, retained: true },
          ],
          riskRetention: { rule: 'vertical', share: 0.05 },
          fixedCost: 10_000,
          percentCost: 0.004,
          leadTimeMonths: 1,
          issueEveryMonths: 12,
          revolvingMonths: 12,
        },
        equity(),
      ],
      mixes: [{ name: 'abs', kind: 'rules', order: ['abs', 'eq'], securitiseShare: 1 }],
    });
    const e = run(c);
    // Sold: 85% × (1 − 5% vertical retention) = 80.75% of the pool.
    const notes = 807_500;
    for (const m of e.months) {
      expect(m.bySource.abs!.balance).toBeCloseTo(notes, 6);
      expect(m.bySource.eq!.balance).toBeCloseTo(1_000_000 - notes, 6);
      expect(m.gap).toBe(0);
    }
    // Coupon 807,500 × 6% / 12 = 4,037.50 a month; issue: 10,000 + 807,500 × (0.4% + 1% discount) = 21,305,
    // amortised over the notes' life in proportion to what is outstanding: level for the 12 revolving months,
    // then the pool's 12-month bullets (no new business) run off with it: 1 at ages 0..23, 24 months. The
    // horizon holds ages 0..2 of the month-1 issue: 3/24 of 21,305 = 2,663.125.
    const abs = e.sources.find((s) => s.id === 'abs')!;
    expect(abs.totalCost).toBeCloseTo(3 * 4_037.5 + (3 / 24) * 21_305, 6);
    expect(e.sources.find((s) => s.id === 'eq')!.totalCost).toBeCloseTo((3 * 192_500 * 0.15) / 12, 6);
  });

  it('risk retention rules: vertical, horizontal, whole subordinated', () => {
    const classes = [
      {
        id: 'A',
        poolShare: 0.75,
        coupon: { type: 'fixed' as const, rate: 0.051 },
        price: 100,
        retained: false,
      },
      {
        id: 'B',
        poolShare: 0.15,
        coupon: { type: 'fixed' as const, rate: 0.073 },
        price: 100,
        retained: false,
      },
      { id: 'S', poolShare: 0.1, coupon: { type: 'fixed' as const, rate: 0 }, price: 100, retained: true },
    ];
    expect(soldShareOf(classes, { rule: 'none', share: 0 })).toBeCloseTo(0.9, 12);
    expect(soldShareOf(classes, { rule: 'vertical', share: 0.05 })).toBeCloseTo(0.855, 12);
    // The 10% subordinated class already exceeds a 5% first loss; a 12% one takes 2% more from B.
    expect(soldShareOf(classes, { rule: 'horizontal', share: 0.05 })).toBeCloseTo(0.9, 12);
    expect(soldShareOf(classes, { rule: 'horizontal', share: 0.12 })).toBeCloseTo(0.88, 12);
    // China: the originator keeps every class below the senior when the subordinated class is retained.
    const mezzRetained = classes.map((k) => (k.id === 'B' ? { ...k, retained: true } : k));
    expect(soldShareOf(mezzRetained, { rule: 'wholeSubordinated', share: 0.05 })).toBeCloseTo(0.75, 12);
    expect(soldShareOf(classes, { rule: 'wholeSubordinated', share: 0.05 })).toBeCloseTo(0.9, 12);
  });
});

describe('annualIrr', () => {
  it('is the monthly rate × 12, nominal like the costs: borrow 100, repay 101 a month later → 12%', () => {
    expect(annualIrr([100, -101])).toBeCloseTo(0.12, 10);
    expect(annualIrr([0, 0])).toBeNull();
  });
});
