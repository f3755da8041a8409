/**
 * How the Funding screen reads the funding report's tables (core/funding/report.ts), decided by column kind so
 * a column the report gains later reads right without a change here: money, percent and counts keep the
 * report's formats (the grid's, as on Results); lives and WALs the report gives in years read in months, the
 * unit a treasurer of a book of 3- to 24-month receivables thinks in; headers are the report's own
 * (`sheets:funding.col.*`) in the screen's language, and text cells use a treasurer's words. The Excel report keeps years and ids: this is the screen's reading only.
 */
import type { TFunction } from 'i18next';
import { fundingReportTables, type FundingScreenModel } from '../../core/funding/report';
import type { ReportColumn, ReportTable } from '../../core/io/report/reportTable';
import { termsText } from './fundingTerms';
import { fundingText } from './fundingWords';

type Cell = ReportTable['rows'][number][string];

const IN_YEARS = /\(years\)$/;

/** A figure in years as months to one decimal: 0.2917 years → "3.5". */
export function yearsAsMonths(v: Cell | null | undefined): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  const months = Math.round(v * 12 * 10) / 10;
  return (months === 0 ? 0 : months).toLocaleString('en-US', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

/**
 * Amounts written into the report's sentences (a line's "450000000 committed") with thousands separators.
 * Only runs of five digits or more: shorter ones are days past due, months or a year in a stress's name.
 */
export function groupAmounts(text: string): string {
  return text.replace(/(?<![\d.])(\d{5,})(\.\d+)?(?![\d])/g, (_, whole: string, frac: string | undefined) => {
    return `${Number(whole).toLocaleString('en-US')}${frac ?? ''}`;
  });
}

const isYears = (c: ReportColumn): boolean => c.format === 'number' && IN_YEARS.test(c.header);

export interface FundingView {
  table: ReportTable;
  /** How a column reads when not by its report format, by column key. */
  cellText: Record<string, (v: Cell | null) => string>;
}

/**
 * The four columns the report gives in years and the screen in months (`cellText`), by column key: headed in
 * months, so they have their own headers under `funding:header`. Every other column keeps the report's header.
 */
const IN_MONTHS = {
  fundingWalYears: 'funding:header.fundingWalMonths',
  assetWalYears: 'funding:header.assetWalMonths',
  maturityMismatchYears: 'funding:header.maturityMismatchMonths',
  life: 'funding:header.lifeMonths',
} as const;

const inMonths = (key: string): key is keyof typeof IN_MONTHS =>
  Object.prototype.hasOwnProperty.call(IN_MONTHS, key);

/** A report table's headers by column key. */
export type FundingHeaders = Readonly<Record<string, string>>;

/**
 * The report's own headers (`sheets:funding.col.*`, written by core/funding/report.ts) in the screen's language
 * (`t`), by the English sheet name of the model's table (`model.tables`, which the engine worker writes in
 * English) and column key. The same builder writes both, from the same result, in the same order.
 */
export function fundingHeaders(
  model: Pick<FundingScreenModel, 'result' | 'tables'>,
  t: TFunction,
): ReadonlyMap<string, FundingHeaders> {
  const local = fundingReportTables(model.result, t);
  return new Map(
    model.tables.map((table, i) => [
      table.sheetName,
      Object.fromEntries((local[i]?.columns ?? []).map((c) => [c.key, c.header])),
    ]),
  );
}

/** The report's sheets the screen shows, and their keys under `funding:table`. */
const SHEETS = {
  'Funding summary': 'summary',
  'Funding by source': 'sources',
  'Funding monthly': 'monthly',
  'Funding frontier': 'frontier',
  'Funding binding': 'binding',
  'Funding terms': 'terms',
  'Funding book': 'book',
} as const;

type Sheet = keyof typeof SHEETS;

const isSheet = (s: string): s is Sheet => Object.prototype.hasOwnProperty.call(SHEETS, s);

/**
 * A column's header on the screen. A column headed by a source's id in the case ("warehouse", "abs share": the
 * monthly balances, the frontier's shares) takes the source's name; a life in years is headed in months; every
 * other column the report's header in the screen's language (`headers`), else the report's English in the
 * screen's words.
 */
function headerText(
  c: ReportColumn,
  headers: FundingHeaders,
  sourceNames: ReadonlyMap<string, string>,
  t: TFunction,
): string {
  if (isYears(c) && inMonths(c.key)) return t(IN_MONTHS[c.key]);
  const header = c.header;
  if (c.key.startsWith('bal:') || c.key.startsWith('share:')) {
    const name = sourceNames.get(header);
    if (name !== undefined) return name;
    if (header.endsWith(' share')) {
      const id = header.slice(0, -' share'.length);
      const source = sourceNames.get(id);
      if (source !== undefined) return t('funding:header.sourceShare', { source });
      // A model word for the whole header ("abs share") before the id alone.
      const whole = fundingText(header, t);
      if (whole !== header) return whole;
      return t('funding:header.sourceShare', { source: fundingText(id, t) });
    }
    return fundingText(header, t);
  }
  const local = headers[c.key];
  if (local !== undefined) return local;
  const words = fundingText(header, t);
  return isYearsHeader(words) ? words.replace(IN_YEARS, '(months)') : words;
}

const isYearsHeader = (h: string): boolean => IN_YEARS.test(h);

/**
 * The key under `funding:table` of a report table's title, by its sheet, or null for a sheet the screen does not
 * know (it keeps the report's title). The summary's title names the case, marked `<0>` as the user's own words,
 * and its currency: the screen passes both.
 */
export function fundingTableTitleKey(table: ReportTable): (typeof SHEETS)[Sheet] | null {
  return isSheet(table.sheetName) ? SHEETS[table.sheetName] : null;
}

/**
 * A funding report table as the screen shows it, in the screen's language (`t`); `sourceNames` are the case's
 * sources' names by id, `headers` the table's headers in that language (`fundingHeaders`).
 */
export function fundingView(
  table: ReportTable,
  t: TFunction,
  sourceNames: ReadonlyMap<string, string> = new Map(),
  headers: FundingHeaders = {},
): FundingView {
  const cellText: FundingView['cellText'] = {};
  const columns = table.columns.map((c): ReportColumn => {
    if (isYears(c)) cellText[c.key] = yearsAsMonths;
    else if (c.format === 'text') {
      cellText[c.key] = (v) => {
        if (v === null || v === undefined) return '';
        const text = String(v);
        return groupAmounts(termsText(text, t) ?? fundingText(text, t));
      };
    }
    return { ...c, header: headerText(c, headers, sourceNames, t) };
  });
  return { table: { ...table, columns }, cellText };
}
