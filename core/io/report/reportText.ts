/**
 * The report's language and amount unit, handed to every sheet builder: one `t` over the core namespaces, the
 * scale money is shown in, and the writers that apply it. Money sheets show `amount / factor`, unrounded, so no
 * precision is lost and a reader multiplying back gets the cent; the Waterfall sheet, which reconciles each period
 * to the cent with ROUND(…, 2) formulas, always stays in units.
 */
import { SCALE_FACTOR, type AmountScale } from '../../i18n/amounts';
import { translator, type Lang, type TFunction } from '../../i18n';
import { moneyFormat } from './reportStyles';
import { runDateText } from './runDate';
import { SheetWriter } from './sheetWriter';

const KNOWN_CURRENCIES = ['CNY', 'USD', 'HKD', 'EUR'] as const;
type KnownCurrency = (typeof KNOWN_CURRENCIES)[number];

/** Cell formats of scaled money: two decimals, four in 亿 (1 亿 = 100 million, so 0.01 亿 would hide a million). */
const MONEY_FORMAT: Readonly<Record<AmountScale, string>> = {
  unit: moneyFormat(2),
  thousand: moneyFormat(2),
  wan: moneyFormat(2),
  million: moneyFormat(2),
  yi: moneyFormat(4),
};

export interface ReportText {
  t: TFunction;
  lang: Lang;
  scale: AmountScale;
  /** What a scaled amount is divided by. */
  factor: number;
  /** The scaled unit ("万元", "CNY millions") and the plain one ("元", "CNY"). */
  unit: string;
  units: string;
  /** A sheet's title with the unit its amounts are in. */
  titled(title: string, scaled: boolean): string;
  /** A writer for a sheet whose money is scaled (`true`) or in units to the cent (`false`). */
  writer(scaled: boolean): SheetWriter;
  /** User items (tranche or trigger ids) joined as the language lists them. */
  list(items: readonly string[]): string;
  /** The title block's second line: deal, scenario, run date and the unit amounts are in. */
  caption(scaled: boolean): string;
  /** A run timestamp (ISO, UTC) as the reader's language writes a date and time. */
  runDate(runAt: string): string;
}

/** The run a report is of, for the title block on every sheet. */
export interface ReportRun {
  deal: string;
  scenario: string;
  runAt: string;
}

export function reportText(
  lang: Lang,
  scale: AmountScale,
  currency: string,
  run: ReportRun = { deal: '', scenario: '', runAt: '' },
): ReportText {
  const t = translator(lang);
  const known = (KNOWN_CURRENCIES as readonly string[]).includes(currency);
  const name = known
    ? t(`common:currencyName.${currency as KnownCurrency}`)
    : t('common:currencyName.other', { code: currency });
  const unit = t(`common:amountUnit.${scale}`, { currency: name });
  const units = t('common:amountUnit.unit', { currency: name });
  const factor = SCALE_FACTOR[scale];
  const words = { na: t('report:na'), total: t('report:total') };
  return {
    t,
    lang,
    scale,
    factor,
    unit,
    units,
    titled: (title, scaled) => t('report:titleUnit', { title, unit: scaled ? unit : units }),
    writer: (scaled) =>
      new SheetWriter(scaled ? { factor, moneyFormat: MONEY_FORMAT[scale], ...words } : { ...words }),
    list: (items) => items.join(t('report:listSeparator')),
    caption: (scaled) =>
      t('report:styled.caption', {
        deal: run.deal,
        scenario: run.scenario,
        runAt: runDateText(t, lang, run.runAt),
        unit: scaled ? unit : units,
      }),
    runDate: (runAt) => runDateText(t, lang, runAt),
  };
}
