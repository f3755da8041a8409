/**
 * Monte Carlo (DESIGN: one deal run per path; target 10,000 paths of a 5-tranche rep-line deal under 10 s on
 * 2 cores). The deal is the level-pay consumer sample's pool, fees, reserve, trigger and OC with its notes split
 * into classes A–E as Affirm Asset Securitization Trust 2023-B (79.0/6.6/5.6/4.3/4.4% of notes, DBRS
 * Morningstar) at Affirm 2024-A coupons (5.61/5.93/6.16/6.89/9.17%) — DOMAIN.md. One-factor copula, ρ = 0.1,
 * mean loss the base case's. Timed in this thread alone and with one worker helping (the calling thread
 * computes while the worker starts). A second figure times the interpolated method (deal runs at 512 quantile
 * nodes plus each class's first-loss bracket, paths interpolated) and reports its largest difference from the
 * exact run. Beside both, a plain reference loop: the same paths' losses written down junior-first over the
 * same periods in float, no waterfall.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bestOf, figure, type Figure } from '../harness';
import { parseDeal } from '../../../core/deal/load';
import type { Deal } from '../../../core/deal/schema';
import type { PoolInput } from '../../../core/projection/project';
import { runMonteCarlo } from '../../../core/node/workers/stress';
import { Xoshiro128 } from '../../../core/scenario/prng';

const SAMPLE = fileURLToPath(new URL('../../../samples/deals/level-pay-consumer.deal.json', import.meta.url));
const CLASSES = [
  { id: 'A', share: 0.79, coupon: 0.0561, seniority: 'senior' as const, rating: 'AAA' },
  { id: 'B', share: 0.066, coupon: 0.0593, seniority: 'mezzanine' as const, rating: 'AA' },
  { id: 'C', share: 0.056, coupon: 0.0616, seniority: 'mezzanine' as const, rating: 'A' },
  { id: 'D', share: 0.043, coupon: 0.0689, seniority: 'mezzanine' as const, rating: 'BBB' },
  { id: 'E', share: 0.045, coupon: 0.0917, seniority: 'subordinated' as const, rating: 'BB' },
];

export function fiveClassDeal(): { deal: Deal; pool: PoolInput } {
  const sample = parseDeal(JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown, SAMPLE);
  if (sample.pool.kind !== 'repLines') throw new Error('the level-pay sample is a rep-line deal');
  const notes = sample.structure.tranches.reduce((a, t) => a + t.balance, 0);
  let left = notes;
  const tranches = CLASSES.map((c, i) => {
    const balance = i === CLASSES.length - 1 ? left : Math.round(notes * c.share);
    left -= balance;
    return {
      id: c.id,
      seniority: c.seniority,
      rating: c.rating,
      balance,
      coupon: { type: 'fixed' as const, rate: c.coupon },
      dayCount: '30/360' as const,
      price: 100,
    };
  });
  const ids = tranches.map((t) => t.id);
  const deal: Deal = {
    ...sample,
    name: `${sample.name}, notes split A–E`,
    structure: {
      ...sample.structure,
      tranches,
      waterfall: [
        ...sample.structure.waterfall.filter((s) => s.pay === 'fee'),
        ...ids.map((id) => ({ pay: 'interest' as const, tranches: [id] })),
        { pay: 'reserveDeposit' },
        { pay: 'principal', tranches: ids },
        { pay: 'residual' },
      ],
    },
  };
  return { deal, pool: { kind: 'repLines', lines: sample.pool.lines } };
}

/** Plain float write-down of each path's loss, junior first, spread evenly over the periods. */
function reference(paths: number, periods: number, sizes: Float64Array, mean: number, total: number): number {
  const bal = new Float64Array(sizes.length);
  let sink = 0;
  for (let i = 0; i < paths; i++) {
    const r = new Xoshiro128(7, i);
    const loss = (2 * mean * r.nextUniform() * total) / periods;
    bal.set(sizes);
    for (let p = 0; p < periods; p++) {
      let left = loss;
      for (let j = bal.length - 1; j >= 0 && left > 0; j--) {
        const hit = Math.min(bal[j]!, left);
        bal[j]! -= hit;
        left -= hit;
      }
    }
    sink += bal[0]!;
  }
  return sink;
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const paths = quick ? 1_000 : 10_000;
  const { deal, pool } = fiveClassDeal();
  const spec = { paths, seed: 20190, correlation: 0.1 };
  let inThread: Awaited<ReturnType<typeof runMonteCarlo>> | undefined;
  let shared: Awaited<ReturnType<typeof runMonteCarlo>> | undefined;
  const oneMs = await bestOf(1, async () => {
    inThread = await runMonteCarlo(deal, pool, spec, { workers: 0 });
  });
  const twoMs = await bestOf(1, async () => {
    shared = await runMonteCarlo(deal, pool, spec, { workers: 1 });
  });
  let interp: Awaited<ReturnType<typeof runMonteCarlo>> | undefined;
  const interpMs = await bestOf(1, async () => {
    interp = await runMonteCarlo(deal, pool, { ...spec, method: 'interpolated' }, { workers: 1 });
  });
  const interpOneMs = await bestOf(1, async () => {
    await runMonteCarlo(deal, pool, { ...spec, method: 'interpolated' }, { workers: 0 });
  });
  const sizes = Float64Array.from(deal.structure.tranches, (t) => t.balance);
  const total = sizes.reduce((a, b) => a + b, 0);
  const periods = 61;
  let sink = 0;
  const refMs = await bestOf(3, () => {
    sink += reference(paths, periods, sizes, inThread!.plan.meanLoss, total);
  });
  const r = shared!;
  const elDiff = Math.max(
    ...r.tranches.map((t, j) => Math.abs(t.expectedLoss - interp!.tranches[j]!.expectedLoss)),
  );
  const polDiff = Math.max(
    ...r.tranches.map((t, j) => Math.abs(t.probabilityOfLoss - interp!.tranches[j]!.probabilityOfLoss)),
  );
  return [
    figure({
      name: `Monte Carlo ${paths.toLocaleString('en-US')} paths (5-class rep-line deal, one waterfall per path, 2 threads)`,
      value: twoMs / 1000,
      unit: 's',
      reference: refMs / 1000,
      budget: { limit: 10, better: 'lower' },
      notes: {
        oneThreadS: (oneMs / 1000).toFixed(2),
        twoThreadsS: (twoMs / 1000).toFixed(2),
        scaling: (oneMs / twoMs).toFixed(2),
        identical: JSON.stringify(inThread) === JSON.stringify(shared) ? 'yes' : 'NO',
        meanPoolLoss: r.pool.mean.toFixed(5),
        meanLossInDeal: r.dealPool.mean.toFixed(5),
        modelMean: r.plan.meanLoss.toFixed(5),
        eLossE: r.tranches[4]!.expectedLoss.toFixed(5),
        pLossA: r.tranches[0]!.probabilityOfLoss.toFixed(4),
        sink: Number.isFinite(sink) ? 'ok' : 'nan',
      },
    }),
    figure({
      name: `Monte Carlo ${paths.toLocaleString('en-US')} paths, interpolated method (same deal, 2 threads)`,
      value: interpMs / 1000,
      unit: 's',
      reference: refMs / 1000,
      budget: { limit: 10, better: 'lower' },
      notes: {
        oneThreadS: (interpOneMs / 1000).toFixed(2),
        twoThreadsS: (interpMs / 1000).toFixed(2),
        maxExpectedLossDiffVsExact: elDiff.toExponential(2),
        maxLossProbabilityDiffVsExact: polDiff.toExponential(2),
      },
    }),
  ];
}
