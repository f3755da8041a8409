/**
 * poolStateAt on the sample deals: the pool the waterfall sees (the closing pool, in its slices, plus every
 * cohort bought while revolving) restarted from period k and topped up with the purchases made after k is the
 * pool of the deal's own run from k+1 on, bit for bit, in every series and every concentration-limit group.
 * The original side is rebuilt as runDeal builds it (projectPool of each slice, PoolLedger, addCohort per line
 * bought), so a restart that drops a cohort, shifts one by a month or scales it wrongly fails here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Deal, type Scenario } from '../../../core/deal/schema';
import { loadDeal } from '../../../core/node/dealFile';
import { sumProjections } from '../../../core/projection/combine';
import { projectPool, type PoolInput } from '../../../core/projection/project';
import { poolStateAt, projectPartsFrom } from '../../../core/projection/restart';
import type { RunResult } from '../../../core/result';
import { horizon, runDeal, slices } from '../../../core/run';
import { PoolLedger } from '../../../core/structure/poolLedger';
import { limitKeys } from '../../../core/structure/revolving';
import { PROJECTION_SERIES } from '../../../core/projection/types';
import { asLoanPool } from './fixtures';

const DIR = fileURLToPath(new URL('../../../samples/deals/', import.meta.url));

type Series = (typeof PROJECTION_SERIES)[number] | 'purchases';
const SERIES: readonly Series[] = [...PROJECTION_SERIES, 'purchases'];

/** Adds the cohorts bought in periods (after, ∞) of `run`, shifted by `shift`, as the waterfall adds them. */
function addPurchases(
  ledger: PoolLedger,
  deal: Deal,
  scenario: Scenario,
  H: number,
  run: RunResult,
  after: number,
  shift: number,
): void {
  const rev = deal.structure.revolving;
  if (!rev) return;
  const profiles = rev.profile.map((l) => projectPool({ kind: 'repLines', lines: [l] }, scenario, H));
  for (const buy of run.revolving?.purchases ?? []) {
    if (buy.period <= after) continue;
    for (const b of buy.lines ?? []) {
      const line = rev.profile[b.index]!;
      const unit = profiles[b.index]!;
      ledger.addCohort(buy.period - shift, b.par, unit, unit.endBalance[0]!, line.segment, line.product);
    }
  }
}

/** The pool of the deal's run, as runDeal and the waterfall build it. */
function originalLedger(
  deal: Deal,
  pool: PoolInput,
  scenario: Scenario,
  H: number,
  run: RunResult,
): PoolLedger {
  const rev = deal.structure.revolving;
  const sliced = rev !== undefined && rev.concentrationLimits.length > 0;
  const parts = sliced ? slices(pool).map((s) => ({ ...s, p: projectPool(s.input, scenario, H) })) : [];
  const base = sliced
    ? sumProjections(
        parts.map((x) => x.p),
        H,
      )
    : projectPool(pool, scenario, H);
  const composition = parts.map((x) => ({
    segment: x.segment,
    product: x.product,
    endBalance: x.p.endBalance,
  }));
  const ledger = new PoolLedger(base, rev ? limitKeys(rev) : [], composition);
  addPurchases(ledger, deal, scenario, H, run, 0, 0);
  return ledger;
}

function expectRestartMatches(deal: Deal, pool: PoolInput, scenario: Scenario, ks: readonly number[]): void {
  const H = horizon(deal, pool, scenario);
  const run = runDeal(deal, pool, { scenario, periods: H, analytics: false });
  const original = originalLedger(deal, pool, scenario, H, run);
  const rev = deal.structure.revolving;
  const keys = rev ? limitKeys(rev) : [];
  // The rebuilt ledger is the one the waterfall ran on: its rounded defaults and interest are the run's rows.
  run.pool.periods.slice(0, 6).forEach((row, i) => {
    expect(row.default).toBe(Math.round(original.defaults[i + 1]! * 100) / 100);
  });
  for (const k of ks.filter((x) => x <= H)) {
    const state = poolStateAt(deal, scenario, k, pool);
    const { projection, composition } = projectPartsFrom(state, scenario, H - k);
    const restarted = new PoolLedger(projection, keys, composition);
    addPurchases(restarted, deal, scenario, H, run, k, k);
    for (const f of SERIES) {
      const want = Array.from(original[f].subarray(k + 1));
      const got = Array.from(restarted[f].subarray(1));
      expect({ k, series: f, values: got }).toEqual({ k, series: f, values: want });
    }
    for (const key of keys) {
      const want = Array.from({ length: H - k }, (_, j) => original.groupEnd(key, k + 1 + j));
      const got = Array.from({ length: H - k }, (_, j) => restarted.groupEnd(key, 1 + j));
      expect({ k, key, values: got }).toEqual({ k, key, values: want });
    }
  }
}

const KS = [0, 1, 2, 3, 5, 11, 12, 13, 20, 35];

describe('poolStateAt on the sample deals', () => {
  for (const file of [
    'revolving-installment.deal.json',
    'static-paylater.deal.json',
    'level-pay-consumer.deal.json',
    'consumer-loan-cny.deal.json',
  ]) {
    it(`${file}: the pool restarted at k is the run's pool from k+1, every scenario`, async () => {
      const { deal, pool } = await loadDeal(DIR + file);
      for (const s of deal.scenarios) {
        if (s.servicerAdvancing) continue;
        expectRestartMatches(deal, pool, s, KS);
      }
    });
  }

  it('under servicer advancing (static and revolving samples)', async () => {
    for (const file of ['static-paylater.deal.json', 'revolving-installment.deal.json']) {
      const { deal, pool } = await loadDeal(DIR + file);
      const s = { ...deal.scenarios[0]!, servicerAdvancing: true };
      expectRestartMatches(deal, pool, s, [0, 1, 3, 7, 12, 13]);
    }
  });

  it('revolving with a loan-level pool and without concentration limits (one unsliced part plus cohorts)', async () => {
    const { deal, pool } = await loadDeal(DIR + 'revolving-installment.deal.json');
    const lines = pool.kind === 'repLines' ? pool.lines : [];
    const loans: PoolInput = { kind: 'loans', pool: asLoanPool(lines) };
    const unlimited = Deal.parse({
      ...deal,
      structure: { ...deal.structure, revolving: { ...deal.structure.revolving, concentrationLimits: [] } },
    });
    expectRestartMatches(deal, loans, deal.scenarios[0]!, [4, 12]);
    expectRestartMatches(unlimited, pool, deal.scenarios[1]!, [0, 7, 12, 15]);
  });
});
