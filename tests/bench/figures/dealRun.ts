/**
 * One deal run (DESIGN budget: projection + waterfall + analytics on a rep-line pool, 360 periods, 5 tranches,
 * under 10 ms), beside a plain reference: the same projection followed by a bare float64 typed-array waterfall
 * (fees, five coupons, pro-rata principal to the pool, no rounding, no rows, no analytics) in the same process.
 */
import { Deal } from '../../../core/deal/schema';
import { projectPool, type PoolInput } from '../../../core/projection/project';
import { runDeal } from '../../../core/run';
import { fiveClassDeal } from '../../unit/run/dealFixture';
import { bestOf, figure, type Figure } from '../harness';

const PERIODS = 360;

function referenceLoop(deal: Deal, pool: PoolInput): number {
  const p = projectPool(pool, deal.scenarios[0], PERIODS);
  const tr = deal.structure.tranches;
  const n = tr.length;
  const bal = new Float64Array(n);
  const rate = new Float64Array(n);
  tr.forEach((t, i) => {
    bal[i] = t.balance;
    rate[i] = t.coupon.type === 'fixed' ? t.coupon.rate / 12 : 0;
  });
  let residual = 0;
  for (let t = 1; t <= PERIODS; t++) {
    let cash = p.interest[t] + p.fees[t] + p.scheduledPrincipal[t] + p.prepayment[t] + p.recovery[t];
    cash -= Math.min(cash, 5000 + (p.beginBalance[t] * 0.01) / 12);
    for (let i = 0; i < n; i++) cash -= Math.min(cash, bal[i] * rate[i]);
    let notes = 0;
    for (let i = 0; i < n; i++) notes += bal[i];
    const due = Math.min(cash, Math.max(0, notes - p.endBalance[t]));
    for (let i = 0; i < n; i++) bal[i] -= notes > 0 ? (due * bal[i]) / notes : 0;
    residual += cash - due;
  }
  return residual;
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const base = fiveClassDeal({ term: PERIODS });
  // No clean-up call, so the run goes the full 360 periods.
  const deal: Deal = { ...base, structure: { ...base.structure, cleanUpCall: undefined } };
  if (deal.pool.kind !== 'repLines') throw new Error('rep-line pool expected');
  const pool: PoolInput = { kind: 'repLines', lines: deal.pool.lines };
  // Best of many short runs: on a shared machine most runs are interrupted by other processes.
  const n = quick ? 10 : 100;

  const check = runDeal(deal, pool, { periods: PERIODS });
  if (!check.checks.cashConserved || check.waterfall.length !== PERIODS)
    throw new Error('deal run failed its checks');
  // The waterfall is one large function: the JIT needs a few dozen runs before it is fully optimised.
  for (let i = 0; i < (quick ? 30 : 60); i++) {
    runDeal(deal, pool, { periods: PERIODS });
    referenceLoop(deal, pool);
  }
  const ms = await bestOf(n, () => runDeal(deal, pool, { periods: PERIODS }));
  const fast = await bestOf(n, () => runDeal(deal, pool, { periods: PERIODS, analytics: false }));
  const ref = await bestOf(n, () => referenceLoop(deal, pool));
  return [
    figure({
      name: 'deal run: rep-line pool, 360 periods, 5 tranches (projection + waterfall + analytics)',
      value: ms,
      unit: 'ms',
      reference: ref,
      budget: { limit: 10, better: 'lower' },
      referenceLeavesOut:
        'cent rounding, dates and day counts, the structure rules beyond fees, coupons and pro-rata principal, the cash checks, every report row and the analytics',
      notes: { withoutAnalyticsMs: Number(fast.toFixed(3)), runs: n },
    }),
  ];
}
