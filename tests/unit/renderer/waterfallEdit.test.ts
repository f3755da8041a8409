import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal, type FundsSource } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { runDeal } from '../../../core/run';
import { validatedDeal } from '../../../renderer/project/dealEdit';
import {
  FUNDS_SOURCES,
  movedSources,
  setStepSources,
  setStepTranches,
  sourcesProblem,
  stepProblems,
  stepSources,
  toggledSources,
  toggledTranches,
  trancheToggleProblem,
  tranchesProblem,
  unpaidInterestClasses,
} from '../../../renderer/project/waterfallEdit';

// level-pay-consumer's waterfall: 0 trustee fee, 1 servicing fee, 2–5 interest A, B, C, D, 6 reserve deposit,
// 7 principal A–D, 8 residual.
const levelPay = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));

const poolOf = (d: Deal) => {
  if (d.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return { kind: 'repLines' as const, lines: d.pool.lines };
};

describe('step sources', () => {
  it('starts from the engine default for the step kind, toggles and reorders from there', () => {
    const w = levelPay().structure.waterfall;
    expect(stepSources(w[2]!)).toEqual(['interest', 'principal', 'reserve']);
    expect(stepSources(w[7]!)).toEqual(['interest', 'principal']);
    expect(toggledSources(w[2]!, 'reserve', false)).toEqual(['interest', 'principal']);
    expect(toggledSources(w[7]!, 'interest', false)).toEqual(['principal']);
    expect(toggledSources(w[7]!, 'reserve', true)).toEqual(['interest', 'principal', 'reserve']);
    expect(movedSources(w[7]!, 'principal', -1)).toEqual(['principal', 'interest']);
    // Moving past either end is a no-op.
    expect(movedSources(w[7]!, 'interest', -1)).toEqual(['interest', 'principal']);
    expect(movedSources(w[7]!, 'reserve', 1)).toEqual(['interest', 'principal']);
  });

  it('sets and clears a step list, keeping the rest of the step', () => {
    const d = setStepSources(levelPay(), 7, ['principal']);
    expect(d.structure.waterfall[7]).toEqual({
      pay: 'principal',
      tranches: ['A', 'B', 'C', 'D'],
      from: ['principal'],
    });
    const back = setStepSources(d, 7, undefined);
    expect(back.structure.waterfall[7]).toEqual({ pay: 'principal', tranches: ['A', 'B', 'C', 'D'] });
    expect('from' in (back.structure.waterfall[7] ?? {})).toBe(false);
  });

  it('refuses no source, a repeated source, or the reserve in a deal without one', () => {
    const d = levelPay();
    expect(sourcesProblem(d, [])).toBe('A step needs at least one source');
    expect(sourcesProblem(d, ['interest', 'interest'])).toBe('List each source once');
    expect(sourcesProblem(d, ['reserve'])).toBeNull();
    const noReserve: Deal = { ...d, structure: { ...d.structure, reserve: undefined } };
    expect(sourcesProblem(noReserve, ['principal', 'reserve'])).toBe(
      'The deal has no reserve account to draw from',
    );
    expect(sourcesProblem(noReserve, ['principal', 'interest'])).toBeNull();
  });

  it('any source list sourcesProblem accepts keeps the deal valid for the schema and the run', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 8 }),
        fc.array(fc.constantFrom(...FUNDS_SOURCES), { maxLength: 4 }),
        (index, from: FundsSource[]) => {
          const d = levelPay();
          if (sourcesProblem(d, from) !== null) return;
          const edited = setStepSources(d, index, from);
          expect(Deal.safeParse(edited).success).toBe(true);
          expect(validateDeal(edited)).toEqual([]);
          expect(stepSources(edited.structure.waterfall[index]!)).toEqual(from);
        },
      ),
    );
  });

  it('a principal step drawing only from principal collections pays exactly those, and excess spread goes to the residual', () => {
    // Period 1 of level-pay-consumer (base): principal collections are scheduled 12,452,133.00 + prepayments
    // 5,166,064.16 = 17,618,197.16 (no recoveries yet). Principal due is 30,536,785.84 (notes down to pool end less
    // the 5.15% OC target), so by default the step also takes 5,613,520.45 of excess interest (turbo). Limited to
    // principal collections it pays 17,618,197.16 and the 5,613,520.45 flows to the residual instead.
    const d = levelPay();
    const base = runDeal(d, poolOf(d));
    const r = runDeal(setStepSources(d, 7, ['principal']), poolOf(d));
    const paid = (x: typeof r) => x.tranches.reduce((a, t) => a + (t.cashflows[0]?.principal ?? 0), 0);
    expect(base.waterfall[0]?.steps[7]).toMatchObject({
      due: 30_536_785.84,
      paid: 23_231_717.61,
      fromInterest: 5_613_520.45,
      fromPrincipal: 17_618_197.16,
    });
    expect(paid(base)).toBeCloseTo(23_231_717.61, 2);
    expect(r.pool.periods[0]!.scheduledPrincipal + r.pool.periods[0]!.prepayment).toBeCloseTo(
      17_618_197.16,
      2,
    );
    expect(r.waterfall[0]?.steps[7]).toMatchObject({ paid: 17_618_197.16, fromInterest: 0 });
    expect(paid(r)).toBeCloseTo(17_618_197.16, 2);
    expect(r.waterfall[0]?.steps[8]).toMatchObject({ paid: 5_613_520.45, fromInterest: 5_613_520.45 });
    // Class A's interest is still paid in full: 374,250,000 × 5.61% × 15/360 (cut-off 31 March, 30/360).
    expect(r.tranches[0]?.cashflows[0]?.interest).toBe(874_809.38);
    expect(r.checks.cashConserved).toBe(true);
  });

  it('an interest step drawing from principal first takes its coupon out of principal collections', () => {
    const d = levelPay();
    const r = runDeal(setStepSources(d, 2, ['principal', 'interest']), poolOf(d));
    expect(r.waterfall[0]?.steps[2]).toMatchObject({
      due: 874_809.38,
      paid: 874_809.38,
      fromInterest: 0,
      fromPrincipal: 874_809.38,
    });
    expect(r.checks.cashConserved).toBe(true);
  });
});

describe('step tranches', () => {
  it('adds classes in stack order and drops names the stack no longer has', () => {
    const d = levelPay();
    const step = d.structure.waterfall[7]!;
    expect(toggledTranches(d, step, 'B', false)).toEqual(['A', 'C', 'D']);
    const stale = { pay: 'principal' as const, tranches: ['D', 'X', 'A'] };
    expect(toggledTranches(d, stale, 'C', true)).toEqual(['A', 'C', 'D']);
  });

  it('refuses an empty list, an unknown class and a class earning interest twice', () => {
    const d = levelPay();
    expect(tranchesProblem(d, 2, [])).toBe('An interest step pays at least one class');
    expect(tranchesProblem(d, 7, [])).toBe('A principal step pays at least one class');
    expect(tranchesProblem(d, 7, ['A', 'Z'])).toBe('There is no tranche Z');
    expect(tranchesProblem(d, 2, ['A', 'B'])).toBe('B already earns interest in step 4');
    expect(tranchesProblem(d, 7, ['A', 'B'])).toBeNull();
    // Not a tranche step: nothing to say.
    expect(tranchesProblem(d, 0, [])).toBeNull();
  });

  it("merging B into A's interest step once B's own step is gone pays both pro rata, and the run accepts it", () => {
    let d = levelPay();
    d = { ...d, structure: { ...d.structure, waterfall: d.structure.waterfall.filter((_, i) => i !== 3) } };
    expect(stepProblems(d, 2)).toEqual([]);
    const next = toggledTranches(d, d.structure.waterfall[2]!, 'B', true);
    expect(tranchesProblem(d, 2, next)).toBeNull();
    const r = validatedDeal(d, (x) => setStepTranches(x, 2, next));
    if ('error' in r) throw new Error(r.error);
    expect(r.deal.structure.waterfall[2]).toEqual({ pay: 'interest', tranches: ['A', 'B'] });
    expect(validateDeal(r.deal)).toEqual([]);
    const run = runDeal(r.deal, poolOf(r.deal));
    // B's period-1 coupon: 30,000,000 × 5.93% × 15/360 = 74,125.00; A's 874,809.38.
    expect(run.waterfall[0]?.steps[2]).toMatchObject({ due: 948_934.38, paid: 948_934.38 });
    expect(run.tranches[1]?.cashflows[0]?.interest).toBe(74_125);
  });

  it('a class toggle is refused only when it empties the step or makes a class earn interest twice', () => {
    const d = levelPay();
    const extra: Deal = {
      ...d,
      structure: {
        ...d.structure,
        waterfall: [...d.structure.waterfall, { pay: 'interest', tranches: ['A', 'B'] }],
      },
    };
    // Step 10 conflicts with steps 3 and 4; unticking A is allowed although B still conflicts, so it can be fixed.
    expect(trancheToggleProblem(extra, 9, 'A', false)).toBeNull();
    expect(trancheToggleProblem(extra, 9, 'C', true)).toBe('C already earns interest in step 5');
    expect(trancheToggleProblem(d, 2, 'A', false)).toBe('An interest step pays at least one class');
    expect(trancheToggleProblem(d, 7, 'B', false)).toBeNull();
    expect(trancheToggleProblem(d, 0, 'A', true)).toBeNull();
  });

  it('a new interest step pays the classes no interest step pays yet, or all when every class is paid', () => {
    const d = levelPay();
    expect(unpaidInterestClasses(d)).toEqual(['A', 'B', 'C', 'D']);
    const withoutC: Deal = {
      ...d,
      structure: { ...d.structure, waterfall: d.structure.waterfall.filter((_, i) => i !== 4) },
    };
    expect(unpaidInterestClasses(withoutC)).toEqual(['C']);
  });

  it('stepProblems reports what the run would refuse about one step only', () => {
    const d = levelPay();
    const broken = setStepTranches(d, 7, ['A', 'Q']);
    expect(stepProblems(broken, 7)).toEqual(['There is no tranche Q']);
    expect(stepProblems(broken, 2)).toEqual([]);
    // A second interest step for A: numbered as the screen numbers steps (from 1), not as the deal file indexes them.
    const twice = {
      ...d,
      structure: {
        ...d.structure,
        waterfall: [...d.structure.waterfall, { pay: 'interest' as const, tranches: ['A'] }],
      },
    };
    expect(stepProblems(twice, 9)).toEqual(['A already earns interest in step 3']);
    // The conflict flags the later step only; an edit to the earlier one is still checked against it.
    expect(stepProblems(twice, 2)).toEqual([]);
    expect(tranchesProblem(twice, 2, ['A'])).toBe('A already earns interest in step 10');
    expect(validateDeal(twice).map((p) => p.path)).toEqual(['structure.waterfall[9].tranches[0]']);
    // Other refusals still come from the run's own check.
    const noReserve: Deal = { ...d, structure: { ...d.structure, reserve: undefined } };
    expect(stepProblems(noReserve, 6)).toEqual(['a reserveDeposit step needs structure.reserve']);
    expect(stepProblems(setStepSources(noReserve, 8, ['reserve']), 8)).toEqual([
      'The deal has no reserve account to draw from',
    ]);
  });
});
