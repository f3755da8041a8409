/**
 * A class of a real run priced off a curve: the discount margin of a floater at par is its quoted margin (the
 * street identity: with the index flat at the fixing, each period's discount growth equals its coupon growth), and
 * clean + accrued = dirty at a settlement inside the first accrual period.
 */
import { describe, expect, it } from 'vitest';
import { priceClass } from '../../../core/analytics/classPricing';
import { zeroCurve } from '../../../core/analytics/curve';
import { Deal } from '../../../core/deal/schema';
import { runDeal } from '../../../core/run';
import { fixtureInput } from '../scenario/fixtures';

function floatingDeal(settlementDate?: string) {
  const input = structuredClone(fixtureInput);
  input.scenarios = [
    {
      name: 'clean',
      prepayment: { model: 'CPR', curve: 0.1 },
      default: { model: 'CDR', curve: 0 },
      severity: 0.9,
      recoveryLagMonths: 0,
      indexCurves: { SOFR: 0.03 },
    },
  ];
  input.structure.tranches[0]!.coupon = { type: 'floating', index: 'SOFR', spread: 0.02 };
  if (settlementDate) {
    input.closingDate = '2025-01-31';
    input.settlementDate = settlementDate;
  }
  const deal = Deal.parse(input);
  const pool = { kind: 'repLines' as const, lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] };
  return { deal, result: runDeal(deal, pool, { analytics: false }) };
}

const curve = zeroCurve('2025-01-31', [0.5, 2], [0.025, 0.028], { compounding: 'annual' });

describe('class pricing from a run', () => {
  it('a floater paying SOFR + 200bp, SOFR flat at 3%, has a 200bp discount margin at par', () => {
    const { deal, result } = floatingDeal();
    const a = result.tranches.find((t) => t.id === 'A')!;
    expect(a.principalLoss).toBe(0);
    const p = priceClass(deal, deal.scenarios[0]!, a, curve, { kind: 'price', clean: 100 });
    expect(p.dmConvention).toBe('flat');
    // Interest is rounded to cents each month: a few hundredths of a basis point.
    expect(Math.abs(p.discountMargin! - 0.02)).toBeLessThan(1e-6);
    // A fixed class has no discount margin.
    const b = priceClass(deal, deal.scenarios[0]!, result.tranches[1]!, curve, { kind: 'price', clean: 100 });
    expect(b.discountMargin).toBeNull();
  });

  it('dirty = clean + accrued in % of par; the Z-spread read at that price reprices it', () => {
    const { deal, result } = floatingDeal('2025-02-05');
    const a = result.tranches.find((t) => t.id === 'A')!;
    const p = priceClass(deal, deal.scenarios[0]!, a, curve, { kind: 'price', clean: 99.5 });
    expect(p.accrued).toBeGreaterThan(0);
    expect(p.dirtyPrice! - p.cleanPrice!).toBeCloseTo((100 * p.accrued) / a.originalBalance, 12);
    const back = priceClass(deal, deal.scenarios[0]!, a, curve, { kind: 'spread', spread: p.zSpread! });
    expect(back.cleanPrice).toBeCloseTo(99.5, 9);
  });
});
