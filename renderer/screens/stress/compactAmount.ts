/** Amounts on a chart axis, short, in the user's scale and language: "12m" / "1,200万" / "1.2" (亿元). */
import type { TFunction } from 'i18next';
import { SCALE_FACTOR, type AmountScale } from '../../../core/i18n/amounts';
import type { Lang } from '../../../core/i18n/lang';

export function compactAmount(t: TFunction, lang: Lang, scale: AmountScale, v: number): string {
  const a = Math.abs(v);
  if (scale !== 'unit') {
    // The axis name carries the scale ("万元"); the ticks are plain figures in it.
    const x = v / SCALE_FACTOR[scale];
    return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toFixed(1)));
  }
  if (lang === 'zh-CN') {
    if (a >= 1e8) return t('stress:compact.yi', { v: Number((v / 1e8).toFixed(1)) });
    if (a >= 1e4) return t('stress:compact.wan', { v: (v / 1e4).toFixed(0) });
    return String(v);
  }
  if (a >= 1e9) return t('stress:compact.billion', { v: (v / 1e9).toFixed(1) });
  if (a >= 1e6) return t('stress:compact.million', { v: (v / 1e6).toFixed(0) });
  if (a >= 1e3) return t('stress:compact.thousand', { v: (v / 1e3).toFixed(0) });
  return String(v);
}
