import { translator } from '../../../core/i18n';
import { coreText } from '../../../core/i18n/messages';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../core/deal/schema';
import { dealEngine } from '../../../core/scenario/dealEngine';
import {
  DEFAULT_RATING_LEVELS,
  reshapeCnlTiming,
  reshapeLossTiming,
  ratingStressNoteMessages,
  ratingStressNotes,
  runRatingStresses,
} from '../../../core/scenario/ratingStress';
import { fixtureDeal } from './fixtures';
import { sawtoothLoss, toyBase, toyEngine } from './toyEngine';

describe('loss timing reshapes', () => {
  const timing = [0.1, 0.2, 0.3, 0.2, 0.1, 0.1];

  it('CNL timing keeps its lifetime share and moves loss earlier or later', () => {
    const front = reshapeCnlTiming(timing, 'front');
    const back = reshapeCnlTiming(timing, 'back');
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    expect(sum(front)).toBeCloseTo(1, 12);
    expect(sum(back)).toBeCloseTo(1, 12);
    // Cumulative share after 2 periods: base 0.3; front 0.3^0.6 = 0.4856; back 0.3^1.6 = 0.1455.
    expect(front[0]! + front[1]!).toBeCloseTo(0.3 ** 0.6, 12);
    expect(back[0]! + back[1]!).toBeCloseTo(0.3 ** 1.6, 12);
    for (const w of [...front, ...back]) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('a rate-model curve is tilted and rescaled to the same lifetime pool loss', () => {
    const { deal, pool } = fixtureDeal();
    const engine = dealEngine(deal, pool);
    const base = deal.scenarios[0]!;
    const target = engine.lifetimeLoss(base);
    for (const shape of ['front', 'back'] as const) {
      const s = reshapeLossTiming(engine, base, shape, 22);
      expect(s.default.model).toBe('CDR');
      expect(engine.lifetimeLoss(s)).toBeCloseTo(target, 7);
      const r = engine.run(s, { analytics: false });
      const early = r.pool.periods.slice(0, 8).reduce((a, p) => a + p.default, 0);
      const baseEarly = engine
        .run(base, { analytics: false })
        .pool.periods.slice(0, 8)
        .reduce((a, p) => a + p.default, 0);
      if (shape === 'front') expect(early).toBeGreaterThan(baseEarly);
      else expect(early).toBeLessThan(baseEarly);
    }
  });
});

describe('rating-agency stresses', () => {
  it('default levels carry their multiples and DOMAIN.md sources', () => {
    expect(DEFAULT_RATING_LEVELS.map((l) => [l.rating, l.multiple])).toEqual([
      ['AAA', 5],
      ['AA', 4.4],
      ['A', 2.9],
      ['BBB', 1.4],
      ['BB', 1.25],
    ]);
    expect(DEFAULT_RATING_LEVELS[0]!.source).toMatch(/SoFi 2019-2/);
    expect(DEFAULT_RATING_LEVELS[3]!.source).toMatch(/subprime auto/);
  });

  it('stand-in engine: passes by hand', () => {
    // Base loss 3.5%. AAA 5× = 17.5%: C (2–12%) loses, B (12–27%) loses, A whole. A 2.9× = 10.15%: only C loses.
    // AA 4.4× = 15.4% > 12%: B loses. BB 1.25× = 4.375% > 2%: C loses. Timing is irrelevant to the toy (constant curves only), so run base timing.
    const r = runRatingStresses(toyEngine(), toyBase, { timings: ['base'] });
    const level = (x: string) => r.levels.find((l) => l.rating === x)!;
    expect(level('AAA').passes).toEqual({ A: true, B: false, C: false });
    expect(level('A').passes).toEqual({ A: true, B: true, C: false });
    expect(level('BB').passes).toEqual({ A: true, B: true, C: false });
    expect(r.highestPassing).toEqual({ A: 'AAA', B: 'A', C: null });
    expect(level('AAA').cases).toHaveLength(3);
    expect(level('AAA').cases[0]!.poolLossPct).toBeCloseTo(0.175, 12);
  });

  it('real deal: the senior class passes at least the levels the junior classes pass', () => {
    const { deal, pool } = fixtureDeal();
    const r = runRatingStresses(dealEngine(deal, pool), deal.scenarios[0]!);
    const order = DEFAULT_RATING_LEVELS.map((l) => l.rating);
    const rank = (x: string | null) => (x === null ? order.length : order.indexOf(x));
    expect(rank(r.highestPassing.A!)).toBeLessThanOrEqual(rank(r.highestPassing.B!));
    expect(rank(r.highestPassing.B!)).toBeLessThanOrEqual(rank(r.highestPassing.C!));
    for (const l of r.levels) expect(l.cases).toHaveLength(9);
  });
});

describe('rating stresses on a deal whose realised loss is not monotone (issue 21 item 2, issue 19 item 9)', () => {
  // Toy revolving deal (toyEngine.ts, sawtoothLoss): lifetime loss L = 10% CNL × multiple; a stress with L in
  // [14%, 18.2%) ends revolving early and realises only 10%. B is whole while the realised loss ≤ 12%.
  const cnlBase: Scenario = {
    ...toyBase,
    default: { model: 'CNL', lifetimeNetLoss: 0.1, timing: [0.2, 0.3, 0.3, 0.2] },
  };
  const levels = [
    { rating: 'X', multiple: 1.6, source: 'toy' }, // L 16%: inside the dip, realised 10%: B passes
    { rating: 'Y', multiple: 1.3, source: 'toy' }, // L 13%, realised 13% > 12%: B fails
    { rating: 'Z', multiple: 1.0, source: 'toy' }, // L 10%, realised 10%: B passes
  ];

  it('timing cases are matched to the original pool lifetime loss, not to the saw-tooth realised loss', () => {
    // CNL timing keeps its lifetime share, so the front-loaded case keeps the level's multiple 1.6 (L = 16%).
    // Matching the realised loss (10% at 1.6×) instead bisected down to 1.0× (L = 10%): milder than the level.
    const r = runRatingStresses(toyEngine(undefined, sawtoothLoss), cnlBase, {
      levels: [levels[0]!],
      timings: ['base', 'front'],
      prepaymentMultiples: [1],
    });
    const front = r.levels[0]!.cases.find((c) => c.timing === 'front')!;
    expect(front.defaultMultiple).toBeCloseTo(1.6, 6);
    expect(front.lifetimeLossPct).toBeCloseTo(0.16, 6);
    expect(front.poolLossPct).toBeCloseTo(0.1, 12);
  });

  it('highest level passed means every milder level passes too; the harsher pass is flagged', () => {
    const r = runRatingStresses(toyEngine(undefined, sawtoothLoss), cnlBase, {
      levels,
      timings: ['base'],
      prepaymentMultiples: [1],
    });
    expect(r.levels.map((l) => l.passes.B)).toEqual([true, false, true]);
    expect(r.highestPassing.B).toBe('Z');
    expect(r.passesAboveFailure.B).toEqual(['X']);
    // A (27% attachment) passes all three; C (2%–12%) fails all three.
    expect(r.highestPassing.A).toBe('X');
    expect(r.highestPassing.C).toBeNull();
    expect(r.passesAboveFailure.A).toEqual([]);
    expect(r.passesAboveFailure.C).toEqual([]);
    // The reason comes from the runs: X realised 10% against Y's 13%.
    const notes = ratingStressNotes(r);
    expect(notes.B).toContain('Class B passes X but fails the milder Y (1.30×)');
    expect(notes.B).toContain('realises less loss inside the deal (10.00% against 13.00%)');
    expect(Object.keys(notes)).toEqual(['B']);
    // Coded, so the Chinese screen and report say it in Chinese.
    const zh = coreText(translator('zh-CN'), ratingStressNoteMessages(r).B!);
    expect(zh).toContain('B档通过 X，却未通过较温和的 Y（1.30×）');
    expect(zh).toContain('（10.00%，对比 13.00%）');
    expect(coreText(translator('en'), ratingStressNoteMessages(r).B!)).toBe(notes.B);
  });
});
