import { describe, expect, it } from 'vitest';
import {
  BREAKEVEN_SCAN_MIN,
  breakevenScenario,
  scanIndices,
  solveBreakevens,
} from '../../../core/scenario/breakeven';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { trancheIsWhole } from '../../../core/scenario/engine';
import { nonMonotoneNotes } from '../../../core/node/cli/commands/breakeven';
import { loadDeal } from '../../../core/node/dealFile';
import { fixtureDeal } from './fixtures';
import { sawtoothLoss, toyBase, toyEngine } from './toyEngine';

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
    // One coarse scan per mode serves every class; each class then adds at most one bisection (≤ 9 runs inside
    // a scan bracket) per criterion. Unshared, three classes would each pay for their own scan.
    const scans =
      scanIndices(10_000, Math.round(BREAKEVEN_SCAN_MIN.cdr / 0.0001)).length +
      scanIndices(10_000, Math.round(BREAKEVEN_SCAN_MIN.lossMultiple / 0.01)).length;
    expect(counter.runs).toBeLessThanOrEqual(scans + 3 * 2 * 2 * 9);
    expect(results[0]!.runs).toBe(counter.runs);
  });

  it('a monotone deal reports no whole-again window', () => {
    for (const r of results)
      for (const a of r.answers) expect(a).toMatchObject({ monotone: true, wholeAgain: [] });
  });

  it('reports a class that is whole across the whole range, and a deal without the class', () => {
    const r = solveBreakevens(toyEngine(), toyBase, { tranches: ['A'], modes: ['cdr'], max: { cdr: 0.3 } });
    expect(r[0]!.answers[0]).toMatchObject({ breakeven: 0.3, wholeAtMax: true, firstPrincipalLoss: null });
    expect(() => solveBreakevens(toyEngine(), toyBase, { tranches: ['Z'] })).toThrow(/no tranche 'Z'/);
  });
});

describe('break-even when pass/fail is not monotone (issue 21 item 1)', () => {
  // Toy revolving deal (toyEngine.ts, sawtoothLoss): realised loss 0.7 × CDR, except that CDR in [20%, 26%)
  // trips the trigger, ends revolving and realises only 10% of the pool. B sits on 12%–27% of the pool behind a
  // 2% cushion and C's 10%, so B is whole while 0.7c ≤ 12%: c ≤ 17.1428…%, i.e. 17.14% on the 0.01% lattice.
  // At 20%–25.99% B is whole again (10% realised), and it fails for good from 26%. Convention: the break-even
  // is the stress below which the class is whole at every stress (what a "survives up to" claim needs), not a
  // crossing bisection happens to meet; plain bisection over [0, 100%] landed on 25.99%.
  const engine = toyEngine(undefined, sawtoothLoss);
  const results = solveBreakevens(engine, toyBase);
  const get = (id: string, mode: 'cdr' | 'lossMultiple') =>
    results.find((r) => r.trancheId === id)!.answers.find((a) => a.mode === mode)!;

  it('CDR: the first failure, and the window where B is whole again', () => {
    expect(get('B', 'cdr')).toMatchObject({
      breakeven: 0.1714,
      firstFailure: 0.1715,
      firstPrincipalLoss: 0.1715,
      wholeAgain: [{ from: 0.2, to: 0.2599 }],
      monotone: false,
    });
    // A (whole to 0.7c ≤ 27%: 38.57%) never sees the dip: a loss of 10% stays under its 27% attachment.
    expect(get('A', 'cdr')).toMatchObject({ breakeven: 0.3857, monotone: true, wholeAgain: [] });
  });

  it('loss multiple: base 5% CDR, lifetime loss 3.5% × m, dip for m in [4, 5.2)', () => {
    // B whole while 0.035m ≤ 12%: m ≤ 3.428…, so 3.42; whole again from 4.00 to 5.19.
    expect(get('B', 'lossMultiple')).toMatchObject({
      breakeven: 3.42,
      firstFailure: 3.43,
      wholeAgain: [{ from: 4, to: 5.19 }],
      monotone: false,
    });
    // Two loss figures at the break-even: the realised one (10% inside the dip, 0.035 × 3.42 here) and the
    // original pool's lifetime loss, which is the one that rises with the stress.
    expect(get('B', 'lossMultiple').lifetimeLossAtBreakeven).toBeCloseTo(0.035 * 3.42, 12);
  });

  it('the CLI says so under the table', () => {
    expect(nonMonotoneNotes(results).join('\n')).toContain(
      'Class B (CDR): not monotone: fails first at 17.15% but is whole again at 20.00%–25.99%',
    );
  });

  it('every stress below the break-even passes and the first failure fails (checked on the lattice)', () => {
    const a = get('B', 'cdr');
    const whole = (c: number) =>
      engine.run(breakevenScenario(toyBase, 'cdr', c)).tranches.find((t) => t.id === 'B')!;
    for (let k = 0; k <= Math.round(a.breakeven! / a.step); k += 7) {
      expect(trancheIsWhole(whole(Number((k * a.step).toFixed(4))))).toBe(true);
    }
    expect(trancheIsWhole(whole(a.firstFailure!))).toBe(false);
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

describe('break-even on the revolving sample (stated as properties, not figures)', async () => {
  // The revolving sample under its severe scenario is the deal the audit found non-monotone: a harsher CDR can
  // trip the loss trigger, end revolving and realise less. Whatever the figures, the break-even must be a
  // stress below which every tested stress is whole, the first failure must fail, and each whole-again window
  // must be whole at both ends with a failure one step below it.
  const { deal, pool } = await loadDeal(
    new URL('../../../samples/deals/revolving-installment.deal.json', import.meta.url).pathname,
  );
  const engine = dealEngine(deal, pool);
  const severe = deal.scenarios.find((s) => s.name === 'severe') ?? deal.scenarios[0]!;
  const results = solveBreakevens(engine, severe, { modes: ['cdr'] });

  it('every class: whole up to the break-even, failing at the first failure, windows bisected', () => {
    for (const r of results) {
      const a = r.answers[0]!;
      const whole = (c: number) =>
        trancheIsWhole(
          engine
            .run(breakevenScenario(severe, 'cdr', Number(c.toFixed(4))), { analytics: false })
            .tranches.find((t) => t.id === r.trancheId)!,
        );
      if (a.breakeven === null || a.firstFailure === null) continue;
      for (const k of scanIndices(Math.round(a.breakeven / a.step), 40)) expect(whole(k * a.step)).toBe(true);
      expect(whole(a.firstFailure)).toBe(false);
      expect(a.monotone).toBe(a.wholeAgain.length === 0);
      for (const w of a.wholeAgain) {
        expect(w.from).toBeGreaterThan(a.firstFailure);
        expect(whole(w.from)).toBe(true);
        expect(whole(w.to)).toBe(true);
        expect(whole(w.from - a.step)).toBe(false);
      }
    }
  });
});
