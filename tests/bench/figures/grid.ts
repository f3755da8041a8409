/**
 * Scenario grid (DESIGN budget: 21 × 21 on a 100,000-loan pool in under 10 s, using both cores). The structure
 * is the level-pay consumer sample's (classes A–D, pro rata to sequential on a CNL trigger, reserve), scaled to a
 * seeded 100,000-loan pool built in memory with the sample's segments; axes CDR 0–60% × CPR 0–40%.
 * Timed in this thread alone and with one worker thread helping (the calling thread computes while the worker
 * starts); times include starting the worker (it loads the engine and groups the pool once). Beside it, the plain
 * reference: the same 441 cells as a naive typed-array loop projecting every loan in every cell, one thread.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bestOf, figure, type Figure } from '../harness';
import { parseDeal } from '../../../core/deal/load';
import type { Deal } from '../../../core/deal/schema';
import type { LoanPool } from '../../../core/pool/loanPool';
import { runGrid } from '../../../core/node/workers/stress';
import { closeIdleWorkers } from '../../../core/node/workers/pool';
import type { GridSpec } from '../../../core/scenario/grid';
import { Xoshiro128 } from '../../../core/scenario/prng';

const SAMPLE = fileURLToPath(new URL('../../../samples/deals/level-pay-consumer.deal.json', import.meta.url));
const TERMS = [3, 6, 9, 12, 18, 24, 36];

/** Seeded loan-level pool: level-pay and equal-principal loans, 3–36 month terms, the sample's two segments. */
export function benchLoanPool(size: number, seed = 20251125): LoanPool {
  const r = new Xoshiro128(seed);
  const u = (): number => r.nextUniform();
  const pool: LoanPool = {
    size,
    ids: Array.from({ length: size }, (_, i) => `L${i}`),
    product: new Uint8Array(size),
    segment: new Uint16Array(size),
    segmentNames: ['prime', 'near-prime'],
    balance: new Float64Array(size),
    originalBalance: new Float64Array(size),
    rate: new Float64Array(size),
    monthlyFeeRate: new Float64Array(size),
    originalTerm: new Uint16Array(size),
    remainingTerm: new Uint16Array(size),
    paymentRate: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const seg = u() < 0.55 ? 0 : 1;
    const term = TERMS[Math.floor(u() * TERMS.length)]!;
    const orig = 200 + Math.round(u() * 9800);
    pool.product[i] = u() < 0.85 ? 0 : 1;
    pool.segment[i] = seg;
    pool.originalTerm[i] = term;
    pool.remainingTerm[i] = 1 + Math.floor(u() * term);
    pool.originalBalance[i] = orig;
    pool.balance[i] = Math.round(((orig * pool.remainingTerm[i]!) / term) * 100) / 100;
    pool.rate[i] = seg === 0 ? 0.1 + u() * 0.05 : 0.18 + u() * 0.1;
  }
  return pool;
}

/** The sample's structure with every amount scaled to `total`, the pool's balance. */
export function scaledSampleDeal(total: number): Deal {
  const deal = parseDeal(JSON.parse(readFileSync(SAMPLE, 'utf8')) as unknown, SAMPLE);
  const lines = deal.pool.kind === 'repLines' ? deal.pool.lines : [];
  const k = total / lines.reduce((a, l) => a + l.balance, 0);
  const s = deal.structure;
  const tranches = s.tranches.map((t) => ({ ...t, balance: Math.floor(t.balance * k) }));
  return {
    ...deal,
    pool: { kind: 'file', path: 'in-memory.pool.json' },
    structure: {
      ...s,
      tranches,
      fees: s.fees.map((f) =>
        f.basis.type === 'fixed'
          ? { ...f, basis: { ...f.basis, amount: Math.round(f.basis.amount * k * 100) / 100 } }
          : f,
      ),
      ...(s.reserve
        ? { reserve: { ...s.reserve, initialBalance: Math.round(s.reserve.initialBalance * k * 100) / 100 } }
        : {}),
    },
  };
}

/** Naive reference: every loan run off in every cell with constant MDR and SMM (plain typed-array loop). */
function referenceGrid(pool: LoanPool, cdrs: number[], cprs: number[]): number {
  let sink = 0;
  for (const cdr of cdrs) {
    const mdr = 1 - (1 - cdr) ** (1 / 12);
    for (const cpr of cprs) {
      const smm = 1 - (1 - cpr) ** (1 / 12);
      let lost = 0;
      for (let i = 0; i < pool.size; i++) {
        let b = pool.balance[i]!;
        const rem = pool.remainingTerm[i]!;
        for (let m = rem; m >= 1 && b > 0; m--) {
          const d = b * mdr;
          lost += d;
          const net = b - d;
          b = net - net / m - b * ((m - 1) / m) * smm;
        }
      }
      sink += lost;
    }
  }
  return sink;
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const size = quick ? 10_000 : 100_000;
  const n = quick ? 11 : 21;
  const pool = benchLoanPool(size);
  let total = 0;
  for (let i = 0; i < size; i++) total += pool.balance[i]!;
  const deal = scaledSampleDeal(total);
  const spec: GridSpec = {
    y: { kind: 'cdr', from: 0, to: 0.6, step: 0.6 / (n - 1) },
    x: { kind: 'cpr', from: 0, to: 0.4, step: 0.4 / (n - 1) },
    metric: 'loss',
    tranche: 'D',
  };
  const input = { kind: 'loans' as const, pool };
  let one: Awaited<ReturnType<typeof runGrid>> | undefined;
  let two: Awaited<ReturnType<typeof runGrid>> | undefined;
  const oneMs = await bestOf(1, async () => {
    one = await runGrid(deal, input, spec, { workers: 0 });
  });
  // A fresh worker every time (the pool keeps a finished run's workers): the figure includes its start.
  const twoMs = await bestOf(quick ? 1 : 2, async () => {
    await closeIdleWorkers();
    two = await runGrid(deal, input, spec, { workers: 1 });
  });
  const cdrs = Array.from({ length: n }, (_, i) => (0.6 * i) / (n - 1));
  const cprs = Array.from({ length: n }, (_, i) => (0.4 * i) / (n - 1));
  let sink = 0;
  const refMs = await bestOf(1, () => {
    sink += referenceGrid(pool, cdrs, cprs);
  });
  const same = JSON.stringify(one!.cells) === JSON.stringify(two!.cells);
  const worst = Math.max(...two!.cells.map((c) => c.tranches.D!.lossPct));
  return [
    figure({
      name: `scenario grid ${n}×${n} (${size.toLocaleString('en-US')} loans, classes A–D, 2 threads)`,
      value: twoMs / 1000,
      unit: 's',
      reference: refMs / 1000,
      budget: { limit: 10, better: 'lower' },
      referenceLeavesOut:
        'the waterfall per cell, interest, fees, severity and lag, level-pay schedules (equal principal only); it projects every loan in every cell where the engine groups loans, on one thread',
      notes: {
        oneThreadS: (oneMs / 1000).toFixed(2),
        twoThreadsS: (twoMs / 1000).toFixed(2),
        scaling: (oneMs / twoMs).toFixed(2),
        cells: n * n,
        identical1vs2: same ? 'yes' : 'NO',
        worstClassDLoss: worst.toFixed(4),
        sink: Number.isFinite(sink) ? 'ok' : 'nan',
      },
    }),
  ];
}
