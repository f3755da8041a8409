/**
 * Invariants of the stress machinery on random deals (fast-check): more loss never helps a class, senior
 * break-evens are at least junior ones, a break-even is whole and one lattice step above it is not, and seeded
 * Monte Carlo paths depend only on (seed, index).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Deal, type DealInput } from '../../core/deal/schema';
import type { PoolInput } from '../../core/projection/project';
import { breakevenScenario, solveBreakevens } from '../../core/scenario/breakeven';
import { dealEngine } from '../../core/scenario/dealEngine';
import { applyAxis } from '../../core/scenario/axis';
import { trancheIsWhole } from '../../core/scenario/engine';
import {
  pathFactor,
  pathTargetLoss,
  planMonteCarlo,
  runMonteCarloInline,
} from '../../core/scenario/monteCarlo';
import { fixtureInput } from '../unit/scenario/fixtures';
import { toyBase, toyEngine } from '../unit/scenario/toyEngine';

interface Shape {
  sub: number;
  mezz: number;
  rate: number;
  term: number;
  couponA: number;
}

const shape = fc.record({
  sub: fc.double({ min: 0.03, max: 0.2, noNaN: true }),
  mezz: fc.double({ min: 0.05, max: 0.2, noNaN: true }),
  rate: fc.double({ min: 0.06, max: 0.3, noNaN: true }),
  term: fc.integer({ min: 6, max: 36 }),
  couponA: fc.double({ min: 0.02, max: 0.08, noNaN: true }),
});

function dealOf(s: Shape): { deal: Deal; pool: PoolInput } {
  const pool = 1_000_000;
  const c = Math.round(pool * s.sub);
  const b = Math.round(pool * s.mezz);
  const input: DealInput = {
    ...fixtureInput,
    pool: {
      kind: 'repLines',
      lines: [
        {
          id: 'L',
          product: 'level-pay',
          balance: pool,
          rate: s.rate,
          originalTerm: s.term,
          remainingTerm: s.term,
        },
      ],
    },
    structure: {
      ...fixtureInput.structure,
      tranches: [
        { id: 'A', seniority: 'senior', balance: pool - b - c, coupon: { type: 'fixed', rate: s.couponA } },
        { id: 'B', seniority: 'mezzanine', balance: b, coupon: { type: 'fixed', rate: s.couponA + 0.02 } },
        { id: 'C', seniority: 'subordinated', balance: c, coupon: { type: 'fixed', rate: s.couponA + 0.05 } },
      ],
    },
  };
  const deal = Deal.parse(input);
  if (deal.pool.kind !== 'repLines') throw new Error('rep-line pool expected');
  return { deal, pool: { kind: 'repLines', lines: deal.pool.lines } };
}

describe('stress invariants on random deals', () => {
  it('more defaults never lower any class loss, and the senior class never loses a larger share', () => {
    fc.assert(
      fc.property(
        shape,
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        (s, cdr, extra, cpr) => {
          const { deal, pool } = dealOf(s);
          const engine = dealEngine(deal, pool);
          const at = (c: number) =>
            engine.run(applyAxis(applyAxis(deal.scenarios[0]!, 'cpr', cpr), 'cdr', Math.min(1, c)), {
              analytics: false,
            });
          const lo = at(cdr);
          const hi = at(cdr + extra);
          for (let i = 0; i < 3; i++)
            expect(hi.tranches[i]!.principalLoss).toBeGreaterThanOrEqual(lo.tranches[i]!.principalLoss);
          const share = (r: typeof lo, i: number) =>
            r.tranches[i]!.principalLoss / r.tranches[i]!.originalBalance;
          expect(share(hi, 0)).toBeLessThanOrEqual(share(hi, 1) + 1e-12);
          expect(share(hi, 1)).toBeLessThanOrEqual(share(hi, 2) + 1e-12);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('break-evens: senior ≥ mezzanine ≥ subordinated; whole at the answer, not one step above', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const { deal, pool } = dealOf(s);
        const engine = dealEngine(deal, pool);
        const base = deal.scenarios[0]!;
        const results = solveBreakevens(engine, base, { modes: ['cdr'] });
        const be = results.map((r) => r.answers[0]!);
        for (let i = 1; i < be.length; i++) {
          const senior = be[i - 1]!;
          const junior = be[i]!;
          if (junior.breakeven !== null && senior.breakeven !== null) {
            expect(senior.breakeven).toBeGreaterThanOrEqual(junior.breakeven);
          }
        }
        results.forEach((r, i) => {
          const a = be[i]!;
          if (a.breakeven === null || a.wholeAtMax) return;
          const t = (v: number) =>
            engine
              .run(breakevenScenario(base, 'cdr', v), { analytics: false })
              .tranches.find((x) => x.id === r.trancheId)!;
          expect(trancheIsWhole(t(a.breakeven))).toBe(true);
          expect(trancheIsWhole(t(a.breakeven + a.step))).toBe(false);
        });
      }),
      { numRuns: 8 },
    );
  });
});

describe('seeded Monte Carlo', () => {
  it('a path depends only on (seed, index): same seed → identical results, any path count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 5000 }), (seed, i) => {
        expect(pathFactor(seed, i)).toBe(pathFactor(seed, i));
        const small = planMonteCarlo(toyEngine(), toyBase, { paths: 5, seed, correlation: 0.2 });
        const large = planMonteCarlo(toyEngine(), toyBase, { paths: 50, seed, correlation: 0.2 });
        expect(pathTargetLoss(small, i % 5)).toBe(pathTargetLoss(large, i % 5));
      }),
      { numRuns: 30 },
    );
    const spec = { paths: 300, seed: 99, correlation: 0.2 };
    expect(runMonteCarloInline(toyEngine(), toyBase, spec)).toEqual(
      runMonteCarloInline(toyEngine(), toyBase, spec),
    );
  });
});
