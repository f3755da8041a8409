/**
 * Turns the report's sheets (SheetWriter data) into a styled, printable xlsx with ExcelJS: named styles, frozen
 * header rows, autofilters, column widths, print setup (landscape, one page wide, repeated title rows, header and
 * footer, print area, page breaks), cell comments, defined names, links between sheets and pictures. ExcelJS
 * writes OOXML styles and page setup, which SheetJS's community build does not; SheetJS stays the reader of
 * untrusted tapes, in its worker.
 */
import type ExcelJS from 'exceljs';
import { cellStyle, WRAPPED } from './reportStyles';
import {
  cellAddress,
  columnName,
  paragraphLines,
  type SheetWriter,
  textWidth,
  wrappedLines,
} from './sheetWriter';

export interface WorkbookSheet {
  name: string;
  writer: SheetWriter;
}

/** What every printed page says: the deal, scenario and run date in the header, the sheet and page in the footer. */
export interface PrintHeading {
  deal: string;
  scenario: string;
  runDate: string;
  /** "Page &P of &N" in the report's language (Excel's page-number codes). */
  pageOf: string;
}

export interface WorkbookProperties {
  title: string;
  subject: string;
  description: string;
  created?: Date;
}

/** Excel caps a header at 255 characters; a part is cut well before so the left, centre and right parts do not overlap. */
const HEADER_PART = 40;

/** User text in a header or footer: `&` starts a code there, so it is doubled; long text is cut. */
function headerText(text: string): string {
  const cut = text.length > HEADER_PART ? `${text.slice(0, HEADER_PART - 1)}…` : text;
  return cut.replace(/&/g, '&&');
}

/** A sheet reference in a formula: quoted, with the quote doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A text inside a formula's string literal. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Pixels per character of column width and per default row, as spreadsheet programs lay out Calibri 11. */
const PX_PER_CHAR = 7;
const PX_PER_ROW = 20;
/** Height of one line of text, in points. */
const ROW_POINTS = 15;
/** Excel's tallest row, in points. */
const MAX_ROW_POINTS = 409;

function writeSheet(wb: ExcelJS.Workbook, sheet: WorkbookSheet, heading: PrintHeading): void {
  const w = sheet.writer;
  const { lastRow: dataLastRow, lastCol } = w.extent;
  const frozen = w.freezeRows;
  const ws = wb.addWorksheet(sheet.name, {
    views: frozen > 0 ? [{ state: 'frozen', xSplit: 0, ySplit: frozen }] : [{}],
  });
  const widths = w.columnWidths();
  ws.columns = widths.map((width) => ({ width }));

  // What prints: the cells written and the pictures, whose boxes may reach past the last column of text.
  let lastRow = dataLastRow;
  let printCol = lastCol;
  for (const p of w.pictures) {
    lastRow = Math.max(lastRow, p.row + Math.ceil(p.height / PX_PER_ROW));
    let x = 0;
    let c = p.col;
    while (x < p.width && c < 16_384) x += (widths[c++] ?? 9) * PX_PER_CHAR;
    printCol = Math.max(printCol, c - 1);
  }
  const spanned = new Set(w.spans.map((s) => `${s.r}:${s.c}`));
  /** Width of the columns from `c` to the last printed one, in characters. */
  const spanWidth = (c: number): number => {
    let width = 0;
    for (let k = c; k <= printCol; k++) width += widths[k] ?? 9;
    return width;
  };

  for (let r = 0; r < w.rows.length; r++) {
    const cells = w.rows[r];
    if (cells === undefined) continue;
    const row = ws.getRow(r + 1);
    let lines = 1;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (cell === undefined) continue;
      if (spanned.has(`${r}:${c}`) && typeof cell.v === 'string')
        lines = Math.max(lines, paragraphLines(cell.v, spanWidth(c)));
      else if (WRAPPED.has(cell.role) && typeof cell.v === 'string')
        lines = Math.max(lines, wrappedLines(textWidth(cell.v), widths[c] ?? 9));
      const target = row.getCell(c + 1);
      if (cell.link !== undefined) {
        // A HYPERLINK formula rather than a hyperlink record: ExcelJS 4.4 writes an in-workbook hyperlink as an
        // external relationship that Excel and WPS resolve to a broken address; the formula works in all readers.
        target.value = {
          formula: `HYPERLINK(${formulaString(`#${sheetRef(cell.link)}!A1`)},${formulaString(String(cell.v))})`,
          result: String(cell.v),
        };
      } else if (cell.f !== undefined) {
        target.value = { formula: cell.f, result: cell.v as number };
      } else if (cell.v !== null) {
        target.value = cell.v;
      }
      target.style = cellStyle(cell.role, cell.z, cell.f !== undefined);
    }
    // Readers do not all grow a row to its wrapped text on opening: the height is set from the lines it takes
    // (ExcelJS does not fit it either), within the tallest row Excel allows.
    if (lines > 1) row.height = Math.min(MAX_ROW_POINTS, ROW_POINTS * lines);
  }
  for (const s of w.spans) if (printCol > s.c) ws.mergeCells(s.r + 1, s.c + 1, s.r + 1, printCol + 1);

  for (const n of w.notes) ws.getCell(n.r + 1, n.c + 1).note = n.text;
  for (const n of w.names) ws.getCell(n.r + 1, n.c + 1).addName(n.name);
  if (w.filter) {
    const f = w.filter;
    ws.autoFilter = `${cellAddress(f.firstRow, f.firstCol)}:${cellAddress(f.lastRow, f.lastCol)}`;
  }

  // Pictures: scaled to their box (pixels), anchored at a cell, within the print area found above.
  for (const p of w.pictures) {
    const id = wb.addImage({ base64: base64(p.png), extension: 'png' });
    ws.addImage(id, {
      tl: { col: p.col, row: p.row },
      ext: { width: p.width, height: p.height },
      editAs: 'oneCell',
    });
  }
  for (const b of w.pageBreaks) ws.getRow(b + 1).addPageBreak();

  const titleRows = frozen > 0 ? frozen : w.printTitleRows;
  ws.pageSetup = {
    orientation: w.portrait ? 'portrait' : 'landscape',
    // One page wide, as many long as the rows need; a portrait sheet prints at its own size so its page breaks hold.
    fitToPage: !w.portrait,
    fitToWidth: 1,
    fitToHeight: 0,
    // Written as A$1:…$n so ExcelJS, which prefixes each part with `$`, writes an absolute range.
    printArea: `A$1:${columnName(printCol)}$${lastRow + 1}`,
    ...(titleRows > 0 ? { printTitlesRow: `1:${titleRows}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    horizontalCentered: w.portrait,
  };
  ws.headerFooter = {
    oddHeader: `&L&8${headerText(heading.deal)}&C&8${headerText(heading.scenario)}&R&8${headerText(heading.runDate)}`,
    oddFooter: `&L&8${headerText(sheet.name)}&R&8${heading.pageOf}`,
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of bytes, written out here: core/ has neither Node's Buffer nor the DOM's btoa in its types. */
export function base64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(
      BASE64[(n >> 18) & 63] as string,
      BASE64[(n >> 12) & 63] as string,
      b === undefined ? '=' : (BASE64[(n >> 6) & 63] as string),
      c === undefined ? '=' : (BASE64[n & 63] as string),
    );
  }
  return out.join('');
}

/** The workbook as xlsx bytes. */
export async function writeWorkbook(
  sheets: readonly WorkbookSheet[],
  heading: PrintHeading,
  props: WorkbookProperties,
): Promise<Uint8Array> {
  // Loaded when a report is written: the library is large, and the app's engine worker starts without it.
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'ABS Workbench';
  wb.title = props.title;
  wb.subject = props.subject;
  wb.description = props.description;
  if (props.created) {
    wb.created = props.created;
    wb.modified = props.created;
  }
  for (const s of sheets) writeSheet(wb, s, heading);
  const out = await wb.xlsx.writeBuffer();
  // A fresh Uint8Array over its own ArrayBuffer (a Node Buffer may share a pooled one): the app's worker transfers it.
  return new Uint8Array(out as ArrayBuffer);
}
