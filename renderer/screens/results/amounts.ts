/**
 * How Results writes amounts outside the grids' cells: a chart's value axis, which must stay short, and the
 * currency a reconciliation is stated in. Pure, so the rules are unit-tested in both languages.
 */
import type { TFunction } from 'i18next';
import { SCALE_FACTOR, type AmountScale } from '../../../core/i18n/amounts';
import type { Lang } from '../../../core/i18n/lang';

const groupedEn = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const groupedZh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

/**
 * An axis label. In the user's chosen scale the figure is shown in it (the axis names the unit); in units it is
 * shortened as each market reads it: 12m and 1.2bn in English, 1,200万 and 1.2亿 in Chinese.
 */
export function axisAmount(v: number, lang: Lang, scale: AmountScale): string {
  if (scale !== 'unit') return (lang === 'zh-CN' ? groupedZh : groupedEn).format(v / SCALE_FACTOR[scale]);
  const a = Math.abs(v);
  if (lang === 'zh-CN') {
    if (a >= 1e8) return `${(v / 1e8).toFixed(1)}亿`;
    if (a >= 1e4) return `${groupedZh.format(Math.round(v / 1e4))}万`;
    return String(v);
  }
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(0)}m`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(0)}k`;
  return String(v);
}

const KNOWN = ['CNY', 'USD', 'HKD', 'EUR'] as const;
type KnownCurrency = (typeof KNOWN)[number];

function known(code: string): code is KnownCurrency {
  return (KNOWN as readonly string[]).includes(code);
}

/** The currency's name in the interface's language: 元 or CNY, 美元 or USD; an unknown code as it is. */
export function currencyName(t: TFunction, code: string): string {
  return known(code) ? t(`common:currencyName.${code}`) : t('common:currencyName.other', { code });
}
