/**
 * Deals the app can start from: the bundled samples (samples/deals, included at build time) and a blank
 * template for New Project.
 */
import { Deal, type DealInput } from '../../core/deal/schema';

const bundled = import.meta.glob<unknown>('../../samples/deals/*.deal.json', {
  eager: true,
  import: 'default',
});

/** The deal the app opens on first launch. */
export const FIRST_LAUNCH_SAMPLE = 'revolving-installment';

export interface SampleDeal {
  key: string;
  deal: Deal;
}

export function sampleDeals(): SampleDeal[] {
  const out: SampleDeal[] = [];
  for (const [path, json] of Object.entries(bundled)) {
    const parsed = Deal.safeParse(json);
    const key = path.replace(/^.*\//, '').replace(/\.deal\.json$/, '');
    if (parsed.success) out.push({ key, deal: parsed.data });
  }
  return out.sort((a, b) => (a.key === FIRST_LAUNCH_SAMPLE ? -1 : b.key === FIRST_LAUNCH_SAMPLE ? 1 : 0));
}

/**
 * New Project: a plain static pool of level-pay installment loans with a senior/mezzanine/subordinated split
 * of 75:15:10 at 5.1% and 7.3% (the JD Baitiao 2015 exchange ABS, ../shared/DOMAIN.md "Deal structures").
 */
const BLANK: DealInput = {
  schemaVersion: 1,
  name: 'New deal',
  currency: 'USD',
  cutoffDate: '2026-01-31',
  paymentDay: 15,
  sources: ['Tranche split and coupons: JD Baitiao exchange ABS, Oct 2015 (DOMAIN.md, Deal structures)'],
  pool: {
    kind: 'repLines',
    lines: [
      {
        id: 'L1',
        product: 'level-pay',
        balance: 100_000_000,
        rate: 0.18,
        originalTerm: 12,
        remainingTerm: 12,
        count: 50_000,
      },
    ],
  },
  scenarios: [
    {
      name: 'Base',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0.05 },
      severity: 0.9,
      recoveryLagMonths: 3,
    },
  ],
  structure: {
    tranches: [
      { id: 'A', seniority: 'senior', balance: 75_000_000, coupon: { type: 'fixed', rate: 0.051 } },
      { id: 'B', seniority: 'mezzanine', balance: 15_000_000, coupon: { type: 'fixed', rate: 0.073 } },
      { id: 'Sub', seniority: 'subordinated', balance: 10_000_000, coupon: { type: 'fixed', rate: 0 } },
    ],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [
      { pay: 'interest', tranches: ['A'] },
      { pay: 'interest', tranches: ['B'] },
      { pay: 'principal', tranches: ['A', 'B', 'Sub'] },
      { pay: 'residual' },
    ],
  },
};

export function blankDeal(): Deal {
  return Deal.parse(BLANK);
}
