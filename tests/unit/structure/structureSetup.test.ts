/**
 * The waterfall derives its priority of payments and seniority order once per structure and reuses them across
 * runs (a Monte Carlo's thousands of runs). A structure edited in place must not run on the stale derivation.
 */
import { describe, expect, it } from 'vitest';
import { runWaterfall } from '../../../core/structure/waterfall';
import { collections, dates, flatScenario, structure } from './fixtures';

describe('priority of payments derived once per structure', () => {
  // Pool 300,000 against notes A 200,000 (senior) and B 100,000 (subordinated), no coupons or fees; one period
  // collects 30,000 of principal.
  const pool = collections(300_000, [{ scheduledPrincipal: 30_000 }]);
  const s = structure({
    tranches: [
      { id: 'A', seniority: 'senior', balance: 200_000, coupon: { type: 'fixed', rate: 0 } },
      { id: 'B', seniority: 'subordinated', balance: 100_000, coupon: { type: 'fixed', rate: 0 } },
    ],
    principalRule: { normal: { type: 'sequential' } },
    waterfall: [{ pay: 'principal', tranches: ['A', 'B'] }, { pay: 'residual' }],
  });
  const principal = () =>
    runWaterfall({ structure: s, scenario: flatScenario(), dates: dates(1), pool }).tranches.map(
      (t) => t.cashflows[0]!.principal,
    );

  it('a rerun of the same structure pays the same; a step list replaced in place is obeyed', () => {
    // Sequential: A takes the whole 30,000 (it is owed 200,000); B nothing.
    expect(principal()).toEqual([30_000, 0]);
    expect(principal()).toEqual([30_000, 0]);
    // B listed first now: B takes the 30,000. On the cached list A would still be paid.
    s.waterfall = [{ pay: 'principal', tranches: ['B', 'A'] }, { pay: 'residual' }];
    expect(principal()).toEqual([0, 30_000]);
  });

  it('a step added to the list in place is obeyed', () => {
    const t = structure({
      tranches: [
        { id: 'A', seniority: 'senior', balance: 200_000, coupon: { type: 'fixed', rate: 0 } },
        { id: 'B', seniority: 'subordinated', balance: 100_000, coupon: { type: 'fixed', rate: 0 } },
      ],
      principalRule: { normal: { type: 'sequential' } },
      waterfall: [{ pay: 'principal', tranches: ['B'] }, { pay: 'residual' }],
    });
    const run = () =>
      runWaterfall({ structure: t, scenario: flatScenario(), dates: dates(1), pool }).tranches.map(
        (x) => x.cashflows[0]!.principal,
      );
    // Only B is listed: it takes the 30,000 (the notes, 270,000, are then level with the pool: no catch-up).
    expect(run()).toEqual([0, 30_000]);
    // A's step put in front: A takes the 30,000 first.
    t.waterfall.unshift({ pay: 'principal', tranches: ['A'] });
    expect(run()).toEqual([30_000, 0]);
  });
});
