/**
 * Issue 15: what validateDeal refuses in deal phases, events of default, deficiency ledgers and step limits,
 * each with the path of the field and a message in both languages (the codes are in the core catalogs).
 */
import { describe, expect, it } from 'vitest';
import { Deal, type DealInput } from '../../../core/deal/schema';
import { validateDeal } from '../../../core/deal/validate';
import { coreText } from '../../../core/i18n/messages';
import { translator } from '../../../core/i18n';
import { fiveClassDeal } from '../run/dealFixture';

const withStructure = (extra: Record<string, unknown>): Deal => {
  const input = JSON.parse(JSON.stringify(fiveClassDeal({ term: 12 }))) as DealInput & {
    structure: Record<string, unknown>;
  };
  return Deal.parse({ ...input, structure: { ...input.structure, ...extra } });
};

describe('validateDeal: phases, events of default, PDL and limits', () => {
  it('accepts separate revenue and redemption lists that pay every class', () => {
    const deal = withStructure({
      principalDeficiencyLedger: true,
      phases: {
        waterfalls: {
          amortising: {
            interest: [
              { pay: 'fee', fee: 'trustee' },
              { pay: 'interest', tranches: ['A', 'B', 'C', 'D', 'E'] },
              { pay: 'pdlCure', tranches: ['A', 'B', 'C', 'D', 'E'] },
              { pay: 'residual' },
            ],
            principal: [
              { pay: 'interest', tranches: ['A'] },
              { pay: 'principal', tranches: ['A', 'B', 'C', 'D', 'E'] },
            ],
          },
        },
        eventsOfDefault: [{ type: 'interestShortfall', tranches: ['A'] }],
      },
    });
    expect(validateDeal(deal)).toEqual([]);
  });

  it('lists every problem with its path', () => {
    const deal = withStructure({
      lossAllocation: 'writeDown',
      principalDeficiencyLedger: true,
      phases: {
        waterfalls: {
          revolving: [{ pay: 'residual' }],
          amortising: {
            interest: [
              { pay: 'interest', tranches: ['A', 'B', 'C', 'D', 'E'], from: ['principal'] },
              { pay: 'fee', fee: 'trustee', limit: { toTargetBalance: { percentOfPool: 0.5 } } },
            ],
            principal: [{ pay: 'principal', tranches: ['A', 'B', 'C', 'D'], from: ['interest'] }],
          },
        },
        eventsOfDefault: [
          { type: 'trigger', trigger: 'nope' },
          { type: 'interestShortfall', tranches: ['Z'] },
          { type: 'unpaidAtLegalFinal' },
        ],
      },
    });
    expect(validateDeal(deal).map((p) => [p.path, p.message])).toEqual([
      [
        'structure.principalDeficiencyLedger',
        'principalDeficiencyLedger keeps the notes at their balance; it cannot be used with lossAllocation writeDown',
      ],
      ['structure.phases.waterfalls.revolving', 'a revolving priority of payments needs structure.revolving'],
      [
        'structure.phases.waterfalls.revolving',
        "tranche 'A' is in no interest step of the revolving priority of payments",
      ],
      ...['A', 'B', 'C', 'D', 'E'].flatMap((id, k) =>
        k === 0
          ? [
              [
                'structure.phases.waterfalls.revolving',
                "tranche 'A' is in no principal step of the revolving priority of payments",
              ],
            ]
          : [
              [
                'structure.phases.waterfalls.revolving',
                `tranche '${id}' is in no interest step of the revolving priority of payments`,
              ],
              [
                'structure.phases.waterfalls.revolving',
                `tranche '${id}' is in no principal step of the revolving priority of payments`,
              ],
            ],
      ),
      [
        'structure.phases.waterfalls.amortising.interest[0].from',
        'a revenue (interest) step cannot draw on principal',
      ],
      [
        'structure.phases.waterfalls.amortising.interest[1].limit',
        'a target balance limits principal steps only, not a fee step',
      ],
      [
        'structure.phases.waterfalls.amortising.principal[0].from',
        'a redemption (principal) step cannot draw on interest',
      ],
      [
        'structure.phases.waterfalls.amortising',
        "tranche 'E' is in no principal step of the amortising priority of payments",
      ],
      ['structure.phases.eventsOfDefault[0].trigger', "no trigger 'nope'"],
      ['structure.phases.eventsOfDefault[1].tranches[0]', "no tranche 'Z'"],
      [
        'structure.phases.eventsOfDefault[2].type',
        'no legal final date: set one on a class or in the deal calendar',
      ],
    ]);
  });

  it('refuses a pdlCure step without a ledger and says so in Chinese too', () => {
    const deal = withStructure({
      waterfall: [
        ...fiveClassDeal({ term: 12 }).structure.waterfall.slice(0, -1),
        { pay: 'pdlCure', tranches: ['A'] },
        { pay: 'residual' },
      ],
    });
    const problems = validateDeal(deal);
    expect(problems).toMatchObject([
      {
        path: 'structure.waterfall[9].pay',
        message: 'a pdlCure step needs structure.principalDeficiencyLedger',
      },
    ]);
    expect(coreText(translator('zh-CN'), problems[0])).toBe(
      'pdlCure 步骤需要 structure.principalDeficiencyLedger',
    );
  });
});
