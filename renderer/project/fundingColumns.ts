/**
 * How the Funding screen reads the funding report's tables (core/funding/report.ts), decided by column kind so
 * a column the report gains later reads right without a change here: money, percent and counts keep the
 * report's formats (the grid's, as on Results); lives and WALs the report gives in years read in months, the
 * unit a treasurer of a book of 3- to 24-month receivables thinks in; headers and text cells use a treasurer's
 * words. The Excel report keeps years and ids: this is the screen's reading only.
 */
import type { TFunction } from 'i18next';
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
 * The funding report's headers (core/funding/report.ts, in English: the Excel report's) and their keys under
 * `funding:header`. The report's own text is the key, so a header it renames or gains reads as the report
 * writes it until it is listed here. Lives in years are read in months (`cellText`), and headed so.
 */
const HEADERS = {
  Mix: 'mix',
  Scenario: 'scenario',
  'Funds the book': 'fundsTheBook',
  'First gap (month)': 'firstGapMonth',
  'Runway from stress (months)': 'runwayMonths',
  'Total cost': 'totalCost',
  'Weighted average cost': 'weightedAverageCost',
  'All-in IRR': 'allInIrr',
  'Cost per receivable (annual)': 'costPerReceivable',
  'Largest gap': 'maxGap',
  'Largest gap on committed only': 'maxCommittedGap',
  'Least committed headroom': 'minHeadroom',
  'Least uncommitted headroom': 'minUncommittedHeadroom',
  'Most receivables pledged twice': 'maxOverPledged',
  'Least liquidity': 'minLiquidity',
  'Funding WAL (years)': 'fundingWalMonths',
  'Asset WAL (years)': 'assetWalMonths',
  'Maturity mismatch (years)': 'maturityMismatchMonths',
  'Refinancing wall (3 months)': 'refinancingWall',
  'Wall from month': 'refinancingWallFrom',
  'Concentration (HHI)': 'concentrationHhi',
  Source: 'source',
  Type: 'type',
  Committed: 'committed',
  'Average balance': 'averageBalance',
  'Largest balance': 'maxBalance',
  'Average share': 'averageShare',
  'Largest share': 'maxShare',
  'Annual cost': 'annualCost',
  'IRR of flows': 'irrOfFlows',
  Month: 'month',
  Date: 'date',
  Receivables: 'receivables',
  'Funding need': 'need',
  Funded: 'funded',
  Gap: 'gap',
  'Committed available': 'committedAvailable',
  'Uncommitted available': 'uncommittedAvailable',
  'Gap on committed only': 'committedGap',
  'Line headroom': 'headroom',
  'Uncommitted line headroom': 'uncommittedHeadroom',
  'Pledged twice': 'overPledged',
  Cash: 'cash',
  Maturing: 'maturing',
  Cost: 'cost',
  'Liquidity buffer': 'liquidityBuffer',
  Feasible: 'feasible',
  Constraint: 'constraint',
  Meaning: 'meaning',
  'Shortfall (sum over months)': 'shortfall',
  Months: 'months',
  Scenarios: 'scenarios',
  'Relaxing it alone restores feasibility': 'relaxAlone',
  'Annual rate (month 1)': 'annualRate',
  'Advance / sold share': 'advanceShare',
  'Life (years)': 'lifeMonths',
  Terms: 'terms',
  Originations: 'originations',
  Collections: 'collections',
  'Charge-offs': 'chargeOffs',
  Losses: 'losses',
} as const;

type Header = keyof typeof HEADERS;

const isHeader = (h: string): h is Header => Object.prototype.hasOwnProperty.call(HEADERS, h);

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
 * A header naming a source by its id in the case ("warehouse", "abs share": the monthly balances, the
 * frontier's shares) with the source's name instead; the report's headers and other ids in the screen's words.
 */
function headerText(header: string, sourceNames: ReadonlyMap<string, string>, t: TFunction): string {
  if (isHeader(header)) return t(`funding:header.${HEADERS[header]}`);
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
 * sources' names by id.
 */
export function fundingView(
  table: ReportTable,
  t: TFunction,
  sourceNames: ReadonlyMap<string, string> = new Map(),
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
    return { ...c, header: headerText(c.header, sourceNames, t) };
  });
  return { table: { ...table, columns }, cellText };
}
