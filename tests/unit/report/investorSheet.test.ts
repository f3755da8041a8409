/**
 * Credit enhancement at closing on the investor summary: its three parts add up to the engine's own measure,
 * (pool + reserve − this class and everything senior) / pool (core/structure/waterfall.ts), for any structure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { closingEnhancement } from '../../../core/io/report/investorSheet';
import type { RunResult, TrancheResult } from '../../../core/result';
import { DEAL_INPUT, fixtureRun } from './fixture';

const deal = Deal.parse(DEAL_INPUT);
const base = fixtureRun(deal);
const RANK = ['senior', 'mezzanine', 'subordinated', 'equity'] as const;

describe('credit enhancement at closing', () => {
  it('adds up to (pool + reserve − this class and everything senior) / pool for any structure', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            balance: fc.integer({ min: 1, max: 10_000_000 }),
            rank: fc.integer({ min: 0, max: 3 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (classes, pool, reserve) => {
          const tranches = classes.map((c, i): TrancheResult => ({
            ...(base.tranches[0] as TrancheResult),
            id: `T${i}`,
            seniority: RANK[c.rank] as string,
            originalBalance: c.balance,
          }));
          const result: RunResult = { ...base, tranches, pool: { ...base.pool, initialBalance: pool } };
          const withReserve = Deal.parse({
            ...DEAL_INPUT,
            structure: {
              ...DEAL_INPUT.structure,
              reserve: { initialBalance: reserve, target: { floor: reserve } },
            },
          });
          const ce = closingEnhancement(withReserve, result);
          classes.forEach((c, i) => {
            // Senior to class i: a better rank, or the same rank listed earlier (the engine's order).
            const seniorAndSelf = classes
              .filter((o, j) => o.rank < c.rank || (o.rank === c.rank && j <= i))
              .reduce((s, o) => s + o.balance, 0);
            const part = ce[i];
            expect(part).toBeDefined();
            const total =
              (part?.subordination ?? 0) + (part?.overcollateralisation ?? 0) + (part?.reserve ?? 0);
            const engine = (pool + reserve - seniorAndSelf) / pool;
            // Relative: with a pool far smaller than the notes the shares run to millions.
            expect(Math.abs(total - engine)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(engine)));
            expect(part?.subordination).toBeGreaterThanOrEqual(0);
          });
        },
      ),
    );
  });
});
