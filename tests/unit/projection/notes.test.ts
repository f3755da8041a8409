/**
 * Every run says which default-stop rule it used and states the product conventions where users read them (issue
 * 22, "Also state"): the result JSON carries them as `projectionNotes`, the CLI prints them.
 */
import { describe, expect, it } from 'vitest';
import type { RepLine, Scenario } from '../../../core/deal/schema';
import { projectionNotes } from '../../../core/projection/notes';
import { projectPool } from '../../../core/projection/project';
import { line, scenario } from './fixtures';

/** A deal that does not revolve: its structure only matters for the segments it buys. */
const deal = { structure: {} };

function notes(lines: RepLine[], sc: Scenario, periods: number) {
  const pool = { kind: 'repLines' as const, lines };
  return projectionNotes(deal, pool, sc, projectPool(pool, sc, periods));
}

describe('projection notes', () => {
  it('name the default stop used; servicer advancing says it kept the SIFMA rule', () => {
    expect(notes([line()], scenario(), 12).defaultStop).toBe('maturity');
    expect(notes([line()], scenario({ defaultStop: 'lagBeforeMaturity' }), 12).defaultStop).toBe(
      'lagBeforeMaturity',
    );
    const adv = notes([line()], scenario({ servicerAdvancing: true }), 12);
    expect(adv.defaultStop).toBe('lagBeforeMaturity');
    expect(adv.warnings.join(' ')).toMatch(/Servicer advancing uses the SIFMA default stop/);
  });

  it('warn about fee plans with a rate and seasoned fee plans without an original balance', () => {
    const fee = { product: 'interest-free-fee' as const, monthlyFeeRate: 0.005, rate: 0 };
    const n = notes(
      [
        line({ ...fee, id: 'new', originalTerm: 12, remainingTerm: 12 }),
        // Seasoned 6 of 12 months with no original balance: the fee falls back to the current 1,000.
        line({ ...fee, id: 'seasoned', originalTerm: 12, remainingTerm: 6 }),
        line({
          ...fee,
          id: 'rated',
          rate: 0.1,
          balance: 600,
          originalBalance: 1200,
          originalTerm: 12,
          remainingTerm: 6,
        }),
      ],
      scenario(),
      12,
    );
    expect(n.warnings).toContain(
      '1 seasoned fee plan(s) have no original balance above their current balance: their fee is charged on the current balance, which understates it if the tape lacks originalBalance.',
    );
    expect(n.warnings.some((w) => w.startsWith('1 interest-free fee plan(s) carry a rate above 0'))).toBe(
      true,
    );
    expect(n.conventions.some((c) => c.includes('including the month they prepay'))).toBe(true);
  });

  it('report a revolving line’s balance left at the end of the run instead of ending quietly', () => {
    // 1,000 at a 10% payment rate for 12 months leaves 1,000 × 0.9^12 = 282.43 performing.
    const l = line({ product: 'revolving', paymentRate: 0.1 });
    const n = notes([l], scenario(), 12);
    expect(n.leftAtEnd.performing).toBeCloseTo(1000 * 0.9 ** 12, 9);
    expect(n.warnings.some((w) => w.startsWith('At the end of period 12, 282.43 is still performing'))).toBe(
      true,
    );
    expect(n.conventions.some((c) => c.includes('no new draws on the same accounts'))).toBe(true);
  });

  it('put the realised CNL beside the stated one, and warn when it falls short', () => {
    // Everything prepays in month 1 (CPR 100%), so the month-2 budget of 6% × 1,200 finds nothing: realised 0%.
    const l = line({ product: 'equal-principal', balance: 1200, rate: 0, originalTerm: 2, remainingTerm: 2 });
    const sc = scenario({
      prepayment: { model: 'CPR', curve: 1 },
      default: { model: 'CNL', lifetimeNetLoss: 0.06, timing: [0, 1] },
      severity: 1,
    });
    const n = notes([l], sc, 2);
    expect(n.cnl).toEqual({ stated: expect.closeTo(0.06, 12), realised: 0, retimed: 0 });
    expect(n.warnings.some((w) => w.startsWith('CNL realised 0.00% is below the 6.00% stated'))).toBe(true);
  });
});
