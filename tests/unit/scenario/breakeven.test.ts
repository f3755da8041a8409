import { describe, expect, it } from 'vitest';
import { breakevenScenario, solveBreakevens } from '../../../core/scenario/breakeven';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { trancheIsWhole } from '../../../core/scenario/engine';
import { fixtureDeal } from './fixtures';
import { toyBase, toyEngine } from './toyEngine';

describe('break-even by lattice bisection (stand-in engine, hand-checked)', () => {
  // Toy: loss share = 0.7 × CDR; 2% cushion; C takes 2–12%, B 12–27%, A above 27% of the pool.
  // A is whole while (0.7c − 0.27) × 1,000,000 < half a cent: c < 0.385714…, so 0.3857 on the 0.0001 lattice.
  const counter = { runs: 0 };
  const results = solveBreakevens(toyEngine(counter), toyBase);
  const get = (id: string, mode: 'cdr' | 'lossMultiple') =>
    results.find((r) => r.trancheId === id)!.answers.find((a) => a.mode === mode)!;

  it('CDR break-evens', () => {
    expect(get('A', 'cdr').breakeven).toBe(0.3857);
    expect(get('A', 'cdr').firstPrincipalLoss).toBe(0.3858);
    expect(get('B', 'cdr').breakeven).toBe(0.1714); // 0.12 / 0.7 = 0.171428…
    expect(get('C', 'cdr').breakeven).toBe(0.0285); // 0.02 / 0.7 = 0.028571…
    expect(get('A', 'cdr').step).toBe(0.0001);
  });

  it('loss-multiple break-evens (base CDR 5%: loss 3.5% × multiple)', () => {
    // A: 0.035 m ≤ 0.27 → m ≤ 7.714…; B: m ≤ 3.428…; C: m ≤ 0.5714…
    expect(get('A', 'lossMultiple').breakeven).toBe(7.71);
    expect(get('B', 'lossMultiple').breakeven).toBe(3.42);
    expect(get('C', 'lossMultiple').breakeven).toBe(0.57);
    expect(get('C', 'lossMultiple').firstPrincipalLoss).toBe(0.58);
    expect(get('A', 'lossMultiple').poolLossAtBreakeven).toBeCloseTo(0.035 * 7.71, 12);
  });

  it('shares runs across classes', () => {
    // Three classes × two modes × two criteria of ~14 bisection steps each would be ~170 runs unshared.
    expect(counter.runs).toBeLessThan(100);
    expect(results[0]!.runs).toBe(counter.runs);
  });

  it('reports a class that is whole across the whole range, and a deal without the class', () => {
    const r = solveBreakevens(toyEngine(), toyBase, { tranches: ['A'], modes: ['cdr'], max: { cdr: 0.3 } });
    expect(r[0]!.answers[0]).toMatchObject({ breakeven: 0.3, wholeAtMax: true, firstPrincipalLoss: null });
    expect(() => solveBreakevens(toyEngine(), toyBase, { tranches: ['Z'] })).toThrow(/no tranche 'Z'/);
  });
});

describe('break-even on a real deal', () => {
  const { deal, pool } = fixtureDeal();
  const engine = dealEngine(deal, pool);
  const base = deal.scenarios[0]!;
  const results = solveBreakevens(engine, base);

  it('at the break-even the class is whole; one step (0.01% CDR, 0.01×) above it is not', () => {
    for (const r of results) {
      for (const a of r.answers) {
        expect(a.breakeven).not.toBeNull();
        const at = engine.run(breakevenScenario(base, a.mode, a.breakeven!), { analytics: false });
        const above = engine.run(breakevenScenario(base, a.mode, a.breakeven! + a.step), {
          analytics: false,
        });
        const t = (x: typeof at) => x.tranches.find((y) => y.id === r.trancheId)!;
        expect(trancheIsWhole(t(at))).toBe(true);
        expect(trancheIsWhole(t(above))).toBe(false);
      }
    }
  });

  it('senior break-evens are at least the junior ones', () => {
    const be = (id: string, mode: string) =>
      results.find((r) => r.trancheId === id)!.answers.find((a) => a.mode === mode)!.breakeven!;
    for (const mode of ['cdr', 'lossMultiple']) {
      expect(be('A', mode)).toBeGreaterThanOrEqual(be('B', mode));
      expect(be('B', mode)).toBeGreaterThanOrEqual(be('C', mode));
    }
    // The subordinated class's 10% plus excess spread: it survives a few points of CDR, not 30.
    expect(be('C', 'cdr')).toBeGreaterThan(0.02);
    expect(be('C', 'cdr')).toBeLessThan(0.3);
  });

  it('a held prepayment speed changes the answer (faster prepayment shortens exposure to defaults)', () => {
    const fast = solveBreakevens(engine, base, {
      tranches: ['C'],
      modes: ['cdr'],
      prepayment: { model: 'CPR', curve: 0.4 },
    });
    const slow = solveBreakevens(engine, base, {
      tranches: ['C'],
      modes: ['cdr'],
      prepayment: { model: 'CPR', curve: 0 },
    });
    expect(fast[0]!.answers[0]!.breakeven).not.toBe(slow[0]!.answers[0]!.breakeven);
  });
});
