/**
 * When the run was made, as a reader of the report expects it: a date and a time to the minute with its zone
 * stated, in the report's language ("3 Dec 2026 21:07 UTC", "2026年12月3日 21:07（UTC）"). The run's timestamp is
 * UTC (toISOString), and the zone is pinned so the text never depends on the machine that wrote the report.
 */
import type { Lang, TFunction } from '../../i18n';

const OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  year: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  // h23, not hour12: false, which some ICU versions render as "24:05" past midnight.
  hourCycle: 'h23',
};

/** English names the month ("Dec"); Chinese numbers it (12月). */
const FORMATS: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat('en-US', { ...OPTIONS, month: 'short' }),
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { ...OPTIONS, month: 'numeric' }),
};

/** The run date in words; a timestamp that is empty or not a date is shown as it is, so nothing is hidden. */
export function runDateText(t: TFunction, lang: Lang, runAt: string): string {
  const d = new Date(runAt);
  if (runAt.trim() === '' || Number.isNaN(d.getTime())) return runAt;
  const part = new Map(FORMATS[lang].formatToParts(d).map((p) => [p.type, p.value]));
  return t('report:runDate', {
    year: part.get('year') ?? '',
    month: part.get('month') ?? '',
    day: part.get('day') ?? '',
    hour: part.get('hour') ?? '',
    minute: part.get('minute') ?? '',
  });
}
