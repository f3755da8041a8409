/**
 * Structure's phase edits (issue #15): a phase gets a copy of what it runs now, a combined list splits into
 * revenue and redemption lists as UK/Chinese deals keep them (principal and purchases in redemption) and joins
 * back, limits go only where the engine reads them, and refusals are said before the edit is applied.
 */
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import {
  addEventOfDefault,
  deficiencyLedgerProblem,
  limitProblem,
  newEvent,
  newEventProblem,
  ownWaterfall,
  phaseList,
  phaseProblems,
  setDeficiencyLedger,
  setOwnWaterfall,
  setSplit,
  setStepLimit,
  editPhaseList,
} from '../../../renderer/project/phaseEdit';
import { fiveClassDeal } from '../run/dealFixture';

const base = (): Deal => fiveClassDeal({ term: 12 });

describe('phase edits', () => {
  it('gives a phase a copy of the main list, and the accelerated phase the post-enforcement default', () => {
    const d = setOwnWaterfall(base(), 'amortising', true);
    expect(ownWaterfall(d, 'amortising')).toEqual(d.structure.waterfall);
    const a = setOwnWaterfall(base(), 'accelerated', true);
    // Fees, then A interest and principal, B+C (mezzanine) interest and principal, D+E, then the residual.
    expect(phaseList(a, 'accelerated', undefined).map((s) => s.pay)).toEqual([
      'fee',
      'fee',
      'interest',
      'principal',
      'interest',
      'principal',
      'interest',
      'principal',
      'residual',
    ]);
    expect(validateDeal(Deal.parse(a))).toEqual([]);
    expect(ownWaterfall(setOwnWaterfall(a, 'accelerated', false), 'accelerated')).toBeUndefined();
  });

  it('splits revenue from redemption and joins them back, keeping a valid deal', () => {
    const d = setSplit(setOwnWaterfall(base(), 'amortising', true), 'amortising', true);
    expect(phaseList(d, 'amortising', 'revenue').map((s) => s.pay)).toEqual([
      'fee',
      'fee',
      'interest',
      'interest',
      'interest',
      'interest',
      'interest',
      'reserveDeposit',
      'residual',
    ]);
    expect(phaseList(d, 'amortising', 'redemption').map((s) => s.pay)).toEqual(['principal', 'residual']);
    expect(validateDeal(Deal.parse(d))).toEqual([]);
    const joined = setSplit(d, 'amortising', false);
    expect(ownWaterfall(joined, 'amortising')).toEqual([
      ...base().structure.waterfall.filter((s) => s.pay !== 'residual' && s.pay !== 'principal'),
      { pay: 'principal', tranches: ['A', 'B', 'C', 'D', 'E'] },
      { pay: 'residual' },
    ]);
  });

  it('puts limits only on fee, principal and residual steps; a target on principal only', () => {
    const d = setOwnWaterfall(base(), 'amortising', true);
    const principal = phaseList(d, 'amortising', undefined)[8];
    const fee = phaseList(d, 'amortising', undefined)[0];
    const target = { toTargetBalance: { percentOfPool: 0.5 } };
    expect(limitProblem(principal, target)).toBeNull();
    expect(limitProblem(fee, target)).toBe('A target balance limits principal steps only.');
    const limited = setStepLimit(d, 'amortising', undefined, 8, target);
    expect(phaseList(limited, 'amortising', undefined)[8]).toEqual({ ...principal, limit: target });
    // An interest step carries no limit: the edit leaves it as it is.
    expect(setStepLimit(d, 'amortising', undefined, 2, { shareOfDue: 0.5 })).toEqual(d);
    expect(
      phaseList(setStepLimit(limited, 'amortising', undefined, 8, undefined), 'amortising', undefined)[8],
    ).toEqual(principal);
  });

  it('adds events of default that name what the deal has, or says why not', () => {
    const d = addEventOfDefault(base(), newEvent(base(), 'interestShortfall')!);
    expect(d.structure.phases?.eventsOfDefault).toEqual([
      { type: 'interestShortfall', tranches: ['A'], periods: 1 },
    ]);
    expect(newEventProblem(base(), 'trigger')).toBeNull();
    expect(newEventProblem(base(), 'unpaidAtLegalFinal')).toBe(
      'No legal final date: set one in the calendar first.',
    );
  });

  it('turns the deficiency ledger on (no explicit writeDown) and refuses turning it off under a cure step', () => {
    const on = setDeficiencyLedger(
      { ...base(), structure: { ...base().structure, lossAllocation: 'writeDown' } },
      true,
    );
    expect(on.structure.principalDeficiencyLedger).toBe(true);
    expect(on.structure.lossAllocation).toBeUndefined();
    const cured = editPhaseList(setOwnWaterfall(on, 'amortising', true), 'amortising', undefined, (w) => [
      { pay: 'pdlCure', tranches: ['A'] },
      ...w,
    ]);
    expect(deficiencyLedgerProblem(cured, false)).toBe(
      'A step cures the ledger: remove it before turning the ledger off.',
    );
    expect(phaseProblems(Deal.parse(cured), 'amortising')).toEqual([]);
  });
});
