import { describe, expect, it } from 'vitest';
import { Scenario } from '../../../core/deal/schema';
import { PRODUCT_CODES, type LoanPool } from '../../../core/pool/loanPool';
import { resolveScenario } from '../../../core/assumptions/scenarioTables';
import { loanPoolArrays } from '../../../core/projection/loanArrays';
import { projectPool } from '../../../core/projection/project';
import { runoff } from '../../../core/projection/runoff';
import { PROJECTION_SERIES, type PoolProjection } from '../../../core/projection/types';
import {
  ProjectionPool,
  projectPoolParallel,
  shardRanges,
  SHARD_LOANS,
} from '../../../core/node/workers/projection';
import { Xoshiro128 } from '../../../core/scenario/prng';
import {
  claimBuffers,
  projectClaimed,
  slotLength,
  sumSlots,
} from '../../../core/node/workers/jobs/projectionShards';

/** A seeded consumer book over three shards and a bit: every product the rate-model kernel has a branch for. */
function book(size: number): LoanPool {
  const r = new Xoshiro128(17, 0);
  const products = ['level-pay', 'equal-principal', 'interest-free-fee', 'bullet', 'single-payment'] as const;
  const pool = {
    size,
    ids: Array.from({ length: size }, (_, i) => `L${i}`),
    product: new Uint8Array(size),
    segment: new Uint16Array(size),
    segmentNames: ['A', 'B', 'C'],
    balance: new Float64Array(size),
    originalBalance: new Float64Array(size),
    rate: new Float64Array(size),
    monthlyFeeRate: new Float64Array(size),
    originalTerm: new Uint16Array(size),
    remainingTerm: new Uint16Array(size),
    paymentRate: new Float64Array(size),
  };
  for (let i = 0; i < size; i++) {
    const prod = products[Math.floor(r.nextUniform() * products.length)]!;
    pool.product[i] = PRODUCT_CODES.indexOf(prod);
    pool.segment[i] = Math.floor(r.nextUniform() * 3);
    const term = 3 + Math.floor(r.nextUniform() * 34);
    pool.originalTerm[i] = term;
    pool.remainingTerm[i] = 1 + Math.floor(r.nextUniform() * term);
    pool.originalBalance[i] = 100 + Math.round(r.nextUniform() * 490_000) / 100;
    pool.balance[i] = (pool.originalBalance[i]! * pool.remainingTerm[i]!) / term;
    pool.rate[i] = prod === 'interest-free-fee' ? 0 : 0.04 + r.nextUniform() * 0.3;
    pool.monthlyFeeRate[i] = prod === 'interest-free-fee' ? 0.005 : 0;
  }
  return pool;
}

const pool = book(3 * SHARD_LOANS + 1234);
const rateModels = Scenario.parse({
  name: 'rates',
  prepayment: { model: 'ABS', curve: 0.012 },
  default: { model: 'CDR', curve: 0.08 },
  severity: 0.8,
  recoveryLagMonths: 4,
  overrides: [{ segment: 'C', default: { model: 'CDR', curve: 0.2 }, recoveryLagMonths: 2 }],
});
// The kernel's other loop: a CNL budget and servicer advancing.
const budgets = Scenario.parse({
  name: 'cnl',
  prepayment: { model: 'CPR', curve: 0.1 },
  default: { model: 'CNL', lifetimeNetLoss: 0.06, timing: [0.2, 0.3, 0.3, 0.2] },
  severity: 0.7,
  recoveryLagMonths: 3,
  servicerAdvancing: true,
});
const H = 40;

/** One pass over all loans, as projectPool ran before it sharded: the shards must match it to float rounding. */
function onePass(s: Scenario): PoolProjection {
  return runoff(loanPoolArrays(pool), resolveScenario(s, H), H);
}

function expectSameToTheCent(a: PoolProjection, b: PoolProjection): void {
  for (const f of PROJECTION_SERIES) {
    for (let t = 0; t <= H; t++) {
      // Shards add in another order than one pass does, so the last bits may differ: ~1e-15 of the pool.
      const scale = b.endBalance[0]!;
      expect(Math.abs(a[f][t]! - b[f][t]!) / scale, `${f}[${t}]`).toBeLessThan(1e-12);
      expect(Math.round(a[f][t]! * 100), `${f}[${t}]`).toBe(Math.round(b[f][t]! * 100));
    }
  }
}

describe('loan-level projection on several threads', () => {
  it('cuts the pool into fixed shards whatever the thread count', () => {
    expect(shardRanges(2 * SHARD_LOANS + 1)).toEqual([
      [0, SHARD_LOANS],
      [SHARD_LOANS, 2 * SHARD_LOANS],
      [2 * SHARD_LOANS, 2 * SHARD_LOANS + 1],
    ]);
    expect(shardRanges(0)).toEqual([]);
  });

  it("gives projectPool's bits on 1, 2 and 3 threads, and a single pass to the cent", async () => {
    for (const s of [rateModels, budgets]) {
      const one = projectPool({ kind: 'loans', pool }, s, H);
      expect(await projectPoolParallel(pool, s, H, { workers: 0 })).toEqual(one);
      expect(await projectPoolParallel(pool, s, H, { workers: 1 })).toEqual(one);
      expect(await projectPoolParallel(pool, s, H, { workers: 2 })).toEqual(one);
      expectSameToTheCent(one, onePass(s));
    }
  }, 240_000);

  it('a pool keeps its workers for projection after projection, all shards reaching workers', async () => {
    const p = ProjectionPool.open(pool, { workers: 2 });
    try {
      await p.ready();
      const a = await p.project(rateModels, H);
      const b = await p.project(budgets, H);
      expect(a).toEqual(projectPool({ kind: 'loans', pool }, rateModels, H));
      expect(b).toEqual(projectPool({ kind: 'loans', pool }, budgets, H));
    } finally {
      await p.close();
    }
  }, 240_000);

  it('threads claiming shards in any interleaving give the bits of projectPool, each shard once', () => {
    const a = loanPoolArrays(pool);
    const shards = shardRanges(pool.size).length;
    for (const s of [rateModels, budgets]) {
      const job = { scenario: s, periods: H, ...claimBuffers(pool.size, H) };
      const resolved = resolveScenario(s, H);
      // Two claimants taking turns unevenly (one shard, then the rest), as a fast and a slow thread would.
      const first = projectClaimed(a, resolved, job, 1);
      const second = projectClaimed(a, resolved, job, Number.POSITIVE_INFINITY);
      expect(first + second).toBe(shards);
      expect(projectClaimed(a, resolved, job, 1)).toBe(0);
      expect(sumSlots(job.slots, pool.size, H)).toEqual(projectPool({ kind: 'loans', pool }, s, H));
    }
    // Each shard's slot starts on a 64-byte line of its own, so threads never write one cache line.
    expect((slotLength(H) * 8) % 64).toBe(0);
  });
});
