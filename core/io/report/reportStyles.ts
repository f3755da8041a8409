/**
 * The report's named styles, one set shared by every sheet, so a title, a header row or a total looks the same
 * wherever a reader meets it. Conventions of bank and trustee models: inputs in blue, live formulas set apart by a
 * pale fill, negative amounts red in parentheses (money) or red with a minus sign (rates), totals ruled above and
 * double-ruled below. Style objects are made once per (role, number format, formula) and shared: ExcelJS writes a
 * style once per object it meets, which keeps a report of tens of thousands of cells within its time budget.
 */
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';

/** What a cell is in the report, which decides how it looks. */
export type CellRole =
  | 'body'
  | 'title'
  | 'caption'
  | 'section'
  | 'header'
  | 'label'
  | 'figure'
  | 'total'
  | 'input'
  | 'note'
  | 'link'
  | 'paragraph';

export type NumberFormat = 'money' | 'percent' | 'number' | 'date' | 'integer';

/**
 * Number formats: negatives red, money in parentheses as accountants write it. The amount unit is not in the
 * format (a format cannot divide by 10,000 for 万): it is in each sheet's title block and title.
 */
export const FORMAT_CODE: Readonly<Record<NumberFormat, string>> = {
  money: '#,##0.00;[Red](#,##0.00)',
  percent: '0.00%;[Red]-0.00%',
  number: '#,##0.0000;[Red]-#,##0.0000',
  date: 'yyyy-mm-dd',
  integer: '#,##0;[Red]-#,##0',
};

/** A money format for `decimals` places, negatives red in parentheses. */
export function moneyFormat(decimals: number): string {
  const positive = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return `${positive};[Red](${positive})`;
}

const NAVY = 'FF1F3864';
const BLUE_INPUT = 'FF0000CC';
const GREY_TEXT = 'FF595959';
const HEADER_FILL = 'FFD9E1F2';
const TOTAL_FILL = 'FFF2F2F2';
/** Live formulas: a pale yellow, as in most banks' model-review conventions. */
const FORMULA_FILL = 'FFFFF9E5';
const RULE = 'FF8EA9DB';

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

const ROLE: Readonly<
  Record<
    CellRole,
    { font?: Partial<Font>; fill?: Fill; border?: Partial<Borders>; alignment?: Partial<Alignment> }
  >
> = {
  body: {},
  title: { font: { bold: true, size: 14, color: { argb: NAVY } } },
  caption: { font: { italic: true, size: 9, color: { argb: GREY_TEXT } } },
  section: {
    font: { bold: true, size: 12, color: { argb: NAVY } },
    border: { bottom: { style: 'thin', color: { argb: RULE } } },
  },
  header: {
    font: { bold: true, color: { argb: NAVY } },
    fill: solid(HEADER_FILL),
    border: { bottom: { style: 'thin', color: { argb: NAVY } } },
    alignment: { vertical: 'middle', wrapText: true },
  },
  label: { font: { color: { argb: GREY_TEXT } }, alignment: { vertical: 'top', wrapText: true } },
  /** A term sheet's value column: words and numbers alike flush right, as an arranger's term sheet sets them. */
  figure: { alignment: { horizontal: 'right' } },
  total: {
    font: { bold: true },
    fill: solid(TOTAL_FILL),
    border: { top: { style: 'thin' }, bottom: { style: 'double' } },
  },
  input: { font: { color: { argb: BLUE_INPUT } } },
  note: { font: { italic: true, color: { argb: GREY_TEXT } } },
  link: { font: { underline: true, color: { argb: 'FF0563C1' } } },
  /** A long text (a deal's description) wrapped across the printed width, read from its top line. */
  paragraph: { alignment: { vertical: 'top', wrapText: true } },
};

/** Roles whose text wraps within its column (the writer sets the row's height to the lines it takes). */
export const WRAPPED: ReadonlySet<CellRole> = new Set(['header', 'label']);

const cache = new Map<string, Partial<Style>>();

/** The shared style of a cell of `role` with number format `numFmt` (if any), set apart when it is a live formula. */
export function cellStyle(role: CellRole, numFmt: string | undefined, formula: boolean): Partial<Style> {
  const key = `${role}\u0000${numFmt ?? ''}\u0000${formula ? 1 : 0}`;
  let style = cache.get(key);
  if (style === undefined) {
    const r = ROLE[role];
    style = {
      ...(r.font ? { font: r.font } : {}),
      // A total keeps its own fill: its rules already say it is computed.
      ...(formula && role !== 'total' ? { fill: solid(FORMULA_FILL) } : r.fill ? { fill: r.fill } : {}),
      ...(r.border ? { border: r.border } : {}),
      ...(r.alignment ? { alignment: r.alignment } : {}),
      ...(numFmt ? { numFmt } : {}),
    };
    cache.set(key, style);
  }
  return style;
}

/** The colours the Contents sheet's legend explains, exported for its test. */
export const LEGEND = { input: BLUE_INPUT, formulaFill: FORMULA_FILL, headerFill: HEADER_FILL } as const;
