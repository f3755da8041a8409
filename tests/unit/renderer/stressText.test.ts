/**
 * The Stress screen's words in both languages (issue 13): axis values, rating verdicts and sources, break-even
 * answers and their notes, chart amounts in the user's scale.
 */
import { describe, expect, it } from 'vitest';
import type { BreakevenAnswer } from '../../../core/scenario/breakeven';
import { DEFAULT_RATING_LEVELS, type RatingStressResult } from '../../../core/scenario/ratingStress';
import { i18n, initI18n } from '../../../renderer/i18n';
import { axisValueText } from '../../../renderer/project/stressForms';
import { breakevenNote, breakevenValue } from '../../../renderer/screens/stress/breakevenText';
import { compactAmount } from '../../../renderer/screens/stress/compactAmount';
import { ratingSourceText, verdict, verdictText } from '../../../renderer/screens/stress/ratingText';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

const answer = (a: Partial<BreakevenAnswer>): BreakevenAnswer => ({
  mode: 'cdr',
  step: 0.0001,
  breakeven: 0.1234,
  firstFailure: 0.1235,
  firstPrincipalLoss: 0.15,
  poolLossAtBreakeven: 0.08,
  lifetimeLossAtBreakeven: 0.07,
  wholeAgain: [],
  monotone: true,
  wholeAtMax: false,
  max: 1,
  ...a,
});

describe('axis values', () => {
  it('rates in percent in both languages; the lag in months and multiples with their unit', () => {
    expect(axisValueText(en, 'cpr', 0.1)).toBe('10%');
    expect(axisValueText(zh, 'cpr', 0.1)).toBe('10%');
    expect(axisValueText(en, 'lagMonths', 3)).toBe('3m');
    expect(axisValueText(zh, 'lagMonths', 3)).toBe('3个月');
    expect(axisValueText(en, 'lossMultiple', 1.5)).toBe('1.5x');
    expect(axisValueText(zh, 'lossMultiple', 1.5)).toBe('1.5×');
  });
});

describe('rating stresses', () => {
  const levels = DEFAULT_RATING_LEVELS.map((l) => ({
    ...l,
    passes: { A: l.rating !== 'A', B: false },
    cases: [],
  }));
  const r = {
    levels,
    highestPassing: { A: 'BBB', B: null },
    passesAboveFailure: { A: ['AA', 'AAA'], B: [] },
  } as unknown as RatingStressResult;

  it('says pass, fail, or pass above a failed milder level, in either language', () => {
    const aa = levels.find((l) => l.rating === 'AA')!;
    const a = levels.find((l) => l.rating === 'A')!;
    const bbb = levels.find((l) => l.rating === 'BBB')!;
    expect([verdict(r, aa, 'A'), verdict(r, a, 'A'), verdict(r, bbb, 'A')]).toEqual([
      'passAboveFailure',
      'fail',
      'pass',
    ]);
    expect(verdictText(en, 'passAboveFailure')).toBe('pass, but a milder level fails');
    expect(verdictText(zh, 'passAboveFailure')).toBe('通过，但较温和级别未通过');
    expect(verdictText(zh, 'fail')).toBe('未通过');
  });

  it('translates the default levels’ sources, keeps the English one as the engine wrote it, and a custom one as is', () => {
    for (const l of DEFAULT_RATING_LEVELS) expect(ratingSourceText(en, l)).toBe(l.source);
    expect(ratingSourceText(zh, DEFAULT_RATING_LEVELS[0]!)).toBe(
      '标普 SoFi 2019-2：基准情景累计净损失率 8.3%，AAA 级临界信用支持 41–42%（≥ 5.0×）',
    );
    expect(ratingSourceText(zh, { rating: 'AAA', source: 'our committee, 2025' })).toBe(
      'our committee, 2025',
    );
  });
});

describe('break-evens', () => {
  it('shows the figure, "at least" the search limit, or that the class is not whole unstressed', () => {
    expect(breakevenValue(en, answer({}))).toBe('12.34%');
    expect(
      breakevenValue(en, answer({ mode: 'lossMultiple', breakeven: 100, wholeAtMax: true, max: 100 })),
    ).toBe('≥ 100.00×');
    expect(breakevenValue(en, answer({ breakeven: null }))).toBe('not whole at 0');
    expect(breakevenValue(zh, answer({ breakeven: null }))).toBe('无压力时亦未足额兑付');
  });

  it('explains a non-monotone answer: the windows where the class is whole again, in either language', () => {
    expect(breakevenNote(en, 'A', answer({}))).toBeNull();
    const a = answer({
      monotone: false,
      wholeAgain: [
        { from: 0.2, to: 0.25 },
        { from: 0.3, to: 0.31 },
        { from: 0.4, to: 0.4 },
      ],
    });
    expect(breakevenNote(en, 'A', a)).toBe(
      'Class A, CDR: not monotone, whole again at 20.00%–25.00%, 30.00%–31.00%, 40.00% above its first failure (a harsher stress can end revolving sooner and realise less).',
    );
    expect(breakevenNote(zh, 'A', a)).toBe(
      'A档，年化违约率(CDR)：结果非单调，首次未足额兑付后，在 20.00%–25.00%、30.00%–31.00%、40.00% 又恢复足额兑付（压力更大时循环购买可能提前结束，实现的损失反而更少）。',
    );
    expect(breakevenNote(zh, 'B', answer({ mode: 'lossMultiple', monotone: false }))).toMatch(
      /^B档，损失倍数：结果非单调，临界值以上本金损失时有时无/,
    );
    expect(breakevenNote(en, 'S', answer({ breakeven: null }))).toBe(
      'Class S is not paid in full even with no stress on the CDR.',
    );
  });
});

describe('chart amounts', () => {
  it('abbreviates units by thousands in English and by 万 / 亿 in Chinese; a larger scale shows plain figures', () => {
    expect(compactAmount(en, 'en', 'unit', 12_000_000)).toBe('12m');
    expect(compactAmount(zh, 'zh-CN', 'unit', 12_000_000)).toBe('1200万');
    expect(compactAmount(zh, 'zh-CN', 'unit', 250_000_000)).toBe('2.5亿');
    // 12,000,000 in 万元 is 1,200; in 亿元 0.12 → one decimal.
    expect(compactAmount(zh, 'zh-CN', 'wan', 12_000_000)).toBe('1,200');
    expect(compactAmount(en, 'en', 'yi', 12_000_000)).toBe('0.1');
  });
});
