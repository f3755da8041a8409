/** Validation of the liquidity facility, hedges and coupon features before a run: each rule with its path. */
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { minimalDeal } from './minimalDeal';

type Doc = ReturnType<typeof minimalDeal> & {
  structure: Record<string, unknown>;
  scenarios: Record<string, unknown>[];
};

function problems(edit: (s: Record<string, unknown>, doc: Doc) => void) {
  const doc = minimalDeal() as Doc;
  edit(doc.structure, doc);
  return validateDeal(Deal.parse(doc)).map((p) => [p.path, p.code]);
}
const steps = (s: Record<string, unknown>) => s.waterfall as Record<string, unknown>[];

const facility = {
  commitment: { amount: 10000 },
  covers: { fees: true, interest: ['A'] },
  rate: { type: 'fixed', rate: 0.05 },
};

describe('liquidity facility', () => {
  it('accepts a facility with its interest and repay steps before principal', () => {
    expect(
      problems((s) => {
        s.liquidityFacility = facility;
        steps(s).splice(0, 0, { pay: 'liquidity', part: 'interest' });
        steps(s).splice(3, 0, { pay: 'liquidity', part: 'repay' });
      }),
    ).toEqual([]);
  });

  it('names a repay step after principal, a missing interest step and an unknown covered class', () => {
    expect(
      problems((s) => {
        s.liquidityFacility = { ...facility, covers: { fees: false, interest: ['Z'] } };
        steps(s).splice(4, 0, { pay: 'liquidity', part: 'repay' });
      }),
    ).toEqual([
      ['structure.waterfall[4].part', 'support.repayAfterPrincipal'],
      ['structure.liquidityFacility.covers.interest[0]', 'deal.noTranche'],
      ['structure.waterfall', 'support.noLiquidityInterestStep'],
    ]);
  });

  it('refuses a facility step without a facility and a commitment with neither amount nor share', () => {
    expect(problems((s) => steps(s).splice(0, 0, { pay: 'liquidity', part: 'repay' }))).toEqual([
      ['structure.waterfall[0].pay', 'deal.stepNeeds'],
    ]);
    expect(
      problems((s) => {
        s.liquidityFacility = { ...facility, commitment: {} };
        steps(s).splice(0, 0, { pay: 'liquidity', part: 'interest' }, { pay: 'liquidity', part: 'repay' });
      }),
    ).toEqual([['structure.liquidityFacility.commitment', 'support.noCommitment']]);
  });
});

describe('hedges', () => {
  const swap = {
    type: 'swap',
    id: 'sw',
    dealPays: 'fixed',
    fixedRate: 0.03,
    index: 'SOFR',
    notional: { type: 'tranche', tranche: 'A' },
  };
  it('needs a step paying each swap and an index curve for it', () => {
    expect(problems((s) => (s.hedges = [swap]))).toEqual([
      ['structure.hedges[0]', 'support.swapNoStep'],
      ['scenarios[0].indexCurves', 'support.missingIndex'],
    ]);
  });
  it('refuses a hedge step naming a cap or an unknown hedge', () => {
    expect(
      problems((s, doc) => {
        s.hedges = [{ type: 'cap', id: 'cap', index: 'SOFR', strike: 0.04, notional: { type: 'pool' } }];
        steps(s).splice(0, 0, { pay: 'hedge', hedge: 'cap' }, { pay: 'hedge', hedge: 'nope' });
        doc.scenarios[0]!.indexCurves = { SOFR: 0.03 };
      }),
    ).toEqual([
      ['structure.waterfall[0].hedge', 'support.capNeedsNoStep'],
      ['structure.waterfall[1].hedge', 'support.noHedge'],
    ]);
  });
});

describe('coupons', () => {
  const tranche = (s: Record<string, unknown>, i: number) => (s.tranches as Record<string, unknown>[])[i];
  it('needs a carryover step for a capped class and a clean-up call for a call-date step-up', () => {
    expect(
      problems((s) => {
        Object.assign(tranche(s, 0), {
          availableFundsCap: true,
          stepUp: { from: 'cleanUpCallDate', coupon: { type: 'fixed', rate: 0.06 } },
        });
      }),
    ).toEqual([
      ['structure.tranches[0].availableFundsCap', 'support.capNoCarryoverStep'],
      ['structure.tranches[0].stepUp.from', 'support.stepUpNoCall'],
    ]);
  });
  it('lets an IO skip principal and a PO skip interest, but not carry a balance or both flags', () => {
    expect(
      problems((s) => {
        (s.tranches as unknown[]).push(
          {
            id: 'X',
            seniority: 'senior',
            balance: 0,
            coupon: { type: 'fixed', rate: 0.01 },
            interestOnly: { notional: { type: 'pool' } },
          },
          {
            id: 'P',
            seniority: 'subordinated',
            balance: 10000,
            coupon: { type: 'fixed', rate: 0 },
            principalOnly: true,
          },
        );
        steps(s).splice(3, 0, { pay: 'interest', tranches: ['X'] }, { pay: 'principal', tranches: ['P'] });
      }),
    ).toEqual([]);
    expect(
      problems((s) => {
        Object.assign(tranche(s, 1), {
          interestOnly: { notional: { type: 'tranche', tranche: 'B' } },
          principalOnly: true,
        });
      }),
    ).toEqual([
      ['structure.tranches[1]', 'support.ioAndPo'],
      ['structure.tranches[1].balance', 'support.ioBalance'],
      ['structure.tranches[1].interestOnly.notional.tranche', 'support.ioOwnNotional'],
    ]);
  });
});
