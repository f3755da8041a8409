/**
 * A small hand-made run for the report tests, until real runs are available: a two-class deal (coupons from
 * ../../../../shared/DOMAIN.md, JD Baitiao exchange ABS: senior AAA 5.1%, mezzanine 7.3%) over a 1,000,000 pool,
 * four periods. Every figure is computed here in whole cents with a plain sequential waterfall, so each period
 * reconciles exactly (sources = uses + change in reserve) and the totals are known to the cent.
 */
import { Deal, type DealInput } from '../../../core/deal/schema';
import type { PoolPeriodRow, RunResult, TrancheCashflowRow, WaterfallPeriod } from '../../../core/result';

export const DEAL_INPUT: DealInput = {
  schemaVersion: 1,
  name: 'Baitiao-style two-class test deal',
  sources: [
    'DOMAIN.md, Deal structures: JD Baitiao exchange ABS (Oct 2015), senior AAA 5.1%, mezzanine AA- 7.3%',
  ],
  currency: 'CNY',
  cutoffDate: '2024-01-31',
  settlementDate: '2024-02-01',
  paymentDay: 15,
  pool: {
    kind: 'repLines',
    lines: [
      {
        id: 'installment',
        segment: 'prime',
        product: 'level-pay',
        balance: 600_000,
        rate: 0.18,
        originalTerm: 12,
        remainingTerm: 10,
        count: 1200,
      },
      {
        id: 'fee-free',
        segment: 'near-prime',
        product: 'interest-free-fee',
        balance: 400_000,
        rate: 0,
        monthlyFeeRate: 0.005,
        originalTerm: 12,
        remainingTerm: 12,
        count: 800,
      },
    ],
  },
  scenarios: [
    {
      name: 'Base',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: { vector: [0.02, 0.03, 0.04] } },
      severity: 0.8,
      recoveryLagMonths: 2,
      overrides: [{ segment: 'near-prime', severity: 0.9 }],
      indexCurves: { SOFR: { formula: '0.05 + 0.001 * period' } },
    },
  ],
  structure: {
    tranches: [
      {
        id: 'A',
        name: 'Senior',
        seniority: 'senior',
        rating: 'AAA',
        balance: 800_000,
        coupon: { type: 'fixed', rate: 0.051 },
      },
      { id: 'B', seniority: 'subordinated', balance: 200_000, coupon: { type: 'fixed', rate: 0.073 } },
    ],
    fees: [{ id: 'servicing', basis: { type: 'percentOfPool', rate: 0.01 } }],
    reserve: { initialBalance: 10_000, target: { floor: 10_000 } },
    principalRule: { normal: { type: 'sequential' } },
    triggers: [
      {
        id: 'cnl',
        test: { type: 'cumulativeNetLoss', schedule: [{ fromPeriod: 1, threshold: 0.001 }] },
        effects: ['sequential'],
      },
    ],
    cleanUpCall: { poolShare: 0.1 },
    waterfall: [
      { pay: 'fee', fee: 'servicing' },
      { pay: 'interest', tranches: ['A'] },
      { pay: 'interest', tranches: ['B'] },
      { pay: 'reserveDeposit' },
      { pay: 'principal', tranches: ['A', 'B'] },
      { pay: 'residual' },
    ],
  },
};

export const PERIODS = 4;
const DATES = ['2024-02-15', '2024-03-15', '2024-04-15', '2024-05-15'];
const RESERVE = 1_000_000; // cents

/** Builds the run; `deal` lets a test rename things (names flow into the result the way the engine copies them). */
export function fixtureRun(deal: Deal = Deal.parse(DEAL_INPUT)): RunResult {
  const c = (cents: number): number => cents / 100;
  const initial = 100_000_000;
  let pool = initial;
  let count = 2000;
  let a = 80_000_000;
  let b = 20_000_000;
  const defaults: number[] = [];
  let cumDefault = 0;
  let cumRecovery = 0;
  const poolRows: PoolPeriodRow[] = [];
  const waterfall: WaterfallPeriod[] = [];
  const aRows: TrancheCashflowRow[] = [];
  const bRows: TrancheCashflowRow[] = [];
  const spread: { period: number; annualised: number }[] = [];

  for (let t = 1; t <= PERIODS; t++) {
    const date = DATES[t - 1] as string;
    const begin = pool;
    const interest = Math.round(begin * 0.009);
    const fees = 200_000;
    const scheduled = Math.round(begin * 0.08);
    const prepayment = Math.round((begin - scheduled) * 0.0087);
    const dflt = Math.round(begin * 0.0025);
    defaults.push(dflt);
    const liquidated = t > 2 ? (defaults[t - 3] as number) : 0;
    const loss = Math.round(liquidated * 0.8);
    const recovery = liquidated - loss;
    pool = begin - scheduled - prepayment - dflt;
    count -= 150;
    cumDefault += dflt;
    cumRecovery += recovery;
    poolRows.push({
      period: t,
      date,
      beginBalance: c(begin),
      scheduledPrincipal: c(scheduled),
      prepayment: c(prepayment),
      default: c(dflt),
      loss: c(loss),
      recovery: c(recovery),
      interest: c(interest),
      fees: c(fees),
      purchases: 0,
      endBalance: c(pool),
      cumulativeNetLossPct: (cumDefault - cumRecovery) / initial,
      count,
    });

    const interestCollections = interest + fees;
    const principalCollections = scheduled + prepayment;
    const total = interestCollections + principalCollections + recovery;
    const servicing = Math.round((begin * 0.01) / 12);
    const aInterest = Math.round((a * 0.051) / 12);
    const bInterest = Math.round((b * 0.073) / 12);
    let available = total - servicing - aInterest - bInterest;
    const principalDue = a + b - pool;
    if (available < principalDue) throw new Error('fixture: not enough cash for turbo principal');
    const aPrincipal = Math.min(a, principalDue);
    const bPrincipal = principalDue - aPrincipal;
    available -= principalDue;
    const aBegin = a;
    const bBegin = b;
    a -= aPrincipal;
    b -= bPrincipal;
    const residual = available;
    const stepPaid = [servicing, aInterest, bInterest, 0, principalDue, residual];
    const labels = [
      'fee servicing',
      'interest A',
      'interest B',
      'reserve deposit',
      'principal A, B',
      'residual',
    ];
    waterfall.push({
      period: t,
      date,
      sources: {
        interestCollections: c(interestCollections),
        principalCollections: c(principalCollections),
        recoveries: c(recovery),
        reserveDraw: 0,
        cleanUpCallProceeds: 0,
        total: c(total),
      },
      steps: stepPaid.map((paid, step) => ({
        step,
        label: labels[step] as string,
        due: c(paid),
        paid: c(paid),
        fromInterest: step < 3 ? c(paid) : 0,
        fromPrincipal: step >= 3 ? c(paid) : 0,
        fromReserve: 0,
      })),
      uses: { total: c(stepPaid.reduce((s, x) => s + x, 0)) },
      reserve: { begin: c(RESERVE), deposit: 0, draw: 0, end: c(RESERVE), target: c(RESERVE) },
      difference: 0,
      revolving: false,
      triggersBreached: ['cnl'],
    });
    const ce = (senior: number): number => (pool + RESERVE - senior) / pool;
    aRows.push({
      period: t,
      date,
      beginBalance: c(aBegin),
      interestDue: c(aInterest),
      interest: c(aInterest),
      interestShortfall: 0,
      principal: c(aPrincipal),
      writedown: 0,
      balance: c(a),
      creditEnhancement: ce(a),
    });
    bRows.push({
      period: t,
      date,
      beginBalance: c(bBegin),
      interestDue: c(bInterest),
      interest: c(bInterest),
      interestShortfall: 0,
      principal: c(bPrincipal),
      writedown: 0,
      balance: c(b),
      creditEnhancement: ce(a + b),
    });
    spread.push({
      period: t,
      annualised: ((interestCollections - servicing - aInterest - bInterest) * 12) / begin,
    });
  }

  const scenario = deal.scenarios[0];
  if (!scenario) throw new Error('fixture: no scenario');
  return {
    engineVersion: 'fixture-1',
    runAt: '2026-11-25T09:00:00.000Z',
    deal: {
      name: deal.name,
      currency: deal.currency,
      cutoffDate: deal.cutoffDate,
      settlementDate: '2024-02-01',
    },
    scenario,
    pool: { initialBalance: c(initial), periods: poolRows },
    tranches: [
      {
        id: 'A',
        seniority: 'senior',
        rating: 'AAA',
        originalBalance: 800_000,
        poolShare: 0.8,
        couponDescription: 'fixed 5.10%',
        price: 100,
        paymentDelayDays: 0,
        wal: 0.2146,
        principalWindow: { first: 1, last: 4 },
        yield: 0.05155,
        mortgageYield: 0.05144,
        macaulayDuration: 0.2135,
        modifiedDuration: 0.2081,
        convexity: 0.0712,
        principalLoss: 0,
        interestShortfall: 0,
        cashflows: aRows,
      },
      {
        id: deal.structure.tranches[1]?.id ?? 'B',
        seniority: 'subordinated',
        originalBalance: 200_000,
        poolShare: 0.2,
        couponDescription: 'fixed 7.30%',
        price: 100,
        paymentDelayDays: 0,
        wal: null,
        principalWindow: null,
        yield: 0.07411,
        mortgageYield: 0.0739,
        macaulayDuration: 0.3291,
        modifiedDuration: 0.3173,
        convexity: 0.1502,
        principalLoss: 0,
        interestShortfall: 0,
        cashflows: bRows,
      },
    ],
    waterfall,
    triggerEvents: [
      {
        id: 'cnl',
        period: 1,
        date: DATES[0] as string,
        value: poolRows[0]?.cumulativeNetLossPct ?? 0,
        threshold: 0.001,
        kind: 'breached',
      },
    ],
    cleanUpCallPeriod: null,
    revolvingEndPeriod: null,
    excessSpread: spread,
    checks: { cashConserved: true, failures: [] },
  };
}
