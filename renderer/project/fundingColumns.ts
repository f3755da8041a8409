/**
 * How the Funding screen reads the funding report's tables (core/funding/report.ts), decided by column kind so
 * a column the report gains later reads right without a change here: money, percent and counts keep the
 * report's formats (the grid's, as on Results); lives and WALs the report gives in years read in months, the
 * unit a treasurer of a book of 3- to 24-month receivables thinks in; headers and text cells use a treasurer's
 * words. The Excel report keeps years and ids: this is the screen's reading only.
 */
import type { ReportColumn, ReportTable } from '../../core/io/report/reportTable';
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
 * A header naming a source by its id in the case ("warehouse", "abs share": the monthly balances, the
 * frontier's shares) with the source's name instead; other ids in a treasurer's words.
 */
function headerText(header: string, sourceNames: ReadonlyMap<string, string>): string {
  const [id, rest] = header.endsWith(' share') ? [header.slice(0, -' share'.length), ' share'] : [header, ''];
  const name = sourceNames.get(id);
  return name !== undefined ? `${name}${rest}` : fundingText(header);
}

/** A funding report table as the screen shows it; `sourceNames` are the case's sources' names by id. */
export function fundingView(
  t: ReportTable,
  sourceNames: ReadonlyMap<string, string> = new Map(),
): FundingView {
  const cellText: FundingView['cellText'] = {};
  const columns = t.columns.map((c): ReportColumn => {
    if (isYears(c)) {
      cellText[c.key] = yearsAsMonths;
      return { ...c, header: c.header.replace(IN_YEARS, '(months)') };
    }
    if (c.format === 'text') {
      cellText[c.key] = (v) => (v === null || v === undefined ? '' : groupAmounts(fundingText(String(v))));
    }
    return { ...c, header: headerText(c.header, sourceNames) };
  });
  return { table: { ...t, columns }, cellText };
}
