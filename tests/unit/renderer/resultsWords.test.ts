/**
 * The Results screen's pure modules in both languages: loss names and analytics headers from the glossary,
 * break-even answers in words, chart axis amounts per language and unit, the reconciliation's state word, and
 * coupons and waterfall steps worded from the deal — in English exactly as the engine writes them.
 */
import { readFileSync } from 'node:fs';
import type { TFunction } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { runDeal } from '../../../core/run';
import { describeCoupon } from '../../../core/structure/interest';
import { setFormatSettings } from '../../../renderer/format';
import { i18n, initI18n } from '../../../renderer/i18n';
import { lossName, NET_LOSS, REALISED_LOSS } from '../../../renderer/lossTerms';
import { axisAmount, currencyName } from '../../../renderer/screens/results/amounts';
import { analyticsFigures, breakevenText } from '../../../renderer/screens/results/analyticsFigures';
import { couponText, stepRowText, stepText } from '../../../renderer/screens/results/dealWords';
import { reconRows } from '../../../renderer/screens/results/reconRows';

let en: TFunction;
let zh: TFunction;

beforeAll(() => {
  initI18n('en');
  en = i18n.getFixedT('en') as unknown as TFunction;
  zh = i18n.getFixedT('zh-CN') as unknown as TFunction;
});

afterEach(() => setFormatSettings({ lang: 'en', scale: 'unit' }));

const sample = Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));
function run() {
  if (sample.pool.kind !== 'repLines') throw new Error('rep lines expected');
  return runDeal(sample, { kind: 'repLines', lines: sample.pool.lines });
}

describe('loss names', () => {
  it('are glossary terms: English as before, Chinese as practitioners write them', () => {
    expect(lossName(en, 'realised')).toBe('Realised loss');
    expect(lossName(en, 'net')).toBe('Cumulative net loss (defaults − recoveries)');
    expect([REALISED_LOSS, NET_LOSS]).toEqual([lossName(en, 'realised'), lossName(en, 'net')]);
    expect(lossName(zh, 'realised')).toBe('已实现损失');
    expect(lossName(zh, 'net')).toBe('累计净损失率（违约 − 回收）');
  });
});

describe('tranche analytics', () => {
  const r = run();
  const headers = (t: TFunction, be: Map<string, BreakevenResult> | null) =>
    analyticsFigures(t, r.tranches, be).map((f) => f.header);

  it('keeps the English headers and says them in Chinese from the glossary', () => {
    expect(headers(en, null)).toEqual([
      'Rating',
      'Coupon',
      'Original balance',
      'Price',
      'WAL',
      'Yield',
      'Mortgage yield',
      'Mod. duration',
      'Convexity',
      'Principal window',
      'Expected final',
      'Legal final maturity',
      'Principal loss',
      'Interest shortfall',
    ]);
    expect(headers(zh, new Map())).toEqual([
      '评级',
      '票面利率',
      '初始本金余额',
      '价格',
      '加权平均期限',
      '收益率',
      '月复利等价收益率',
      '修正久期',
      '凸性',
      '本金偿付窗口',
      '预期到期日',
      '法定到期日',
      '本金损失',
      '利息短缺',
      '临界违约率（CDR）',
      '临界违约倍数',
    ]);
  });

  it('shows amounts in the chosen unit', () => {
    const balance = analyticsFigures(zh, r.tranches, null).find((f) => f.colId === 'originalBalance')!;
    const a = r.tranches[0]!;
    setFormatSettings({ lang: 'zh-CN', scale: 'wan' });
    expect(balance.text(a)).toBe(
      (a.originalBalance / 1e4).toLocaleString('zh-CN', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }),
    );
  });

  it('words the break-even answers', () => {
    const be = (breakeven: number | null, wholeAgain: { from: number; to: number }[] = []): BreakevenResult =>
      ({
        trancheId: 'A',
        answers: [{ mode: 'cdr', breakeven, wholeAtMax: false, wholeAgain }],
      }) as unknown as BreakevenResult;
    expect(breakevenText(en, be(null), 'cdr')).toBe('not whole at 0');
    expect(breakevenText(zh, be(null), 'cdr')).toBe('零违约下亦无法足额兑付');
    const again = be(0.1, [{ from: 0.2, to: 0.3 }]);
    expect(breakevenText(en, again, 'cdr')).toBe(
      '10.00% (whole again at 20.00%–30.00%: a harsher stress ends revolving sooner)',
    );
    expect(breakevenText(zh, again, 'cdr')).toBe(
      '10.00%（在 20.00%–30.00% 又可足额兑付：压力越大，循环购买期越早结束）',
    );
    expect(breakevenText(zh, undefined, 'cdr')).toBe('–');
  });
});

describe('chart axes and currency', () => {
  it('shortens amounts as each market reads them, or shows them in the chosen unit', () => {
    expect(axisAmount(80_000_000, 'en', 'unit')).toBe('80m');
    expect(axisAmount(1_500_000_000, 'en', 'unit')).toBe('1.5bn');
    expect(axisAmount(80_000_000, 'zh-CN', 'unit')).toBe('8,000万');
    expect(axisAmount(800_000_000, 'zh-CN', 'unit')).toBe('8.0亿');
    expect(axisAmount(800_000_000, 'zh-CN', 'wan')).toBe('80,000');
    expect(axisAmount(800_000_000, 'en', 'million')).toBe('800');
    expect(axisAmount(0, 'zh-CN', 'unit')).toBe('0');
  });

  it('names the currency in the language', () => {
    expect(currencyName(zh, 'CNY')).toBe('元');
    expect(currencyName(en, 'CNY')).toBe('CNY');
    expect(currencyName(zh, 'JPY')).toBe('JPY');
  });
});

describe('reconciliation rows', () => {
  it('say a revolving period in the language, trigger ids as the user named them', () => {
    const r = run();
    const revolving = reconRows(r.waterfall, zh('results:recon.revolving'));
    expect(revolving[0]!.state).toBe('循环购买期');
    const fired = revolving.find((x) => x.triggers.length > 0)!;
    expect(fired.state).toBe(fired.triggers.join(' · '));
    expect(reconRows(r.waterfall, en('results:recon.revolving'))[0]!.state).toBe('revolving');
  });
});

describe('coupons and waterfall steps from the deal', () => {
  it('read in English exactly as the engine writes them', () => {
    const r = run();
    for (const x of sample.structure.tranches) {
      expect(couponText(en, x.coupon)).toBe(describeCoupon(x.coupon));
    }
    const floating = [
      { type: 'floating', index: 'LPR1Y', spread: 0.012 },
      { type: 'floating', index: 'SOFR', spread: -0.001, floor: 0, cap: 0.08 },
      { type: 'floating', index: 'SOFR', spread: 0.01, cap: 0.08 },
    ] as const;
    for (const c of floating) expect(couponText(en, c)).toBe(describeCoupon(c));
    const labels = r.waterfall.flatMap((p) => p.steps.map((s) => [s.step, s.label] as const));
    expect(labels.length).toBeGreaterThan(0);
    // Every row of the run reads in English as the engine labelled it, the engine's own rows included.
    for (const [step, label] of labels)
      expect(stepRowText(en, en, label, sample.structure.waterfall[step])).toBe(label);
    expect(labels.map(([, l]) => l)).toContain('residual (trapped in reserve)');
    const zhLabels = labels.map(([step, label]) =>
      stepRowText(zh, en, label, sample.structure.waterfall[step]),
    );
    expect(zhLabels).toContain('剩余收益（留存于储备账户）');
    expect(zhLabels).toContain('循环购买');
  });

  it('read in Chinese', () => {
    expect(couponText(zh, { type: 'fixed', rate: 0.051 })).toBe('固定利率 5.10%');
    expect(couponText(zh, { type: 'floating', index: 'LPR1Y', spread: 0.012, floor: 0.02 })).toBe(
      'LPR1Y + 1.20%，下限 2.00%',
    );
    expect(stepText(zh, { pay: 'interest', tranches: ['A', 'B'] })).toBe('A、B 档利息');
    expect(stepText(zh, { pay: 'fee', fee: 'servicing', part: 'capExcess' })).toBe(
      '费用：servicing（超出上限部分）',
    );
    expect(stepText(zh, { pay: 'purchase' })).toBe('循环购买');
    expect(stepText(zh, { pay: 'residual' })).toBe('剩余收益');
  });
});
