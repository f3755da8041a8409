/** Types of `sheetParse.mjs`, the sheet parse both spreadsheet workers share. */

/** The slice of the SheetJS module the parse uses (passed in, so this module imports no library). */
export interface SheetLibrary {
  read(
    data: Uint8Array,
    opts: Record<string, unknown>,
  ): { SheetNames: unknown; Sheets: Record<string, unknown>; Workbook?: unknown };
  utils: {
    decode_range(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } };
    sheet_to_json(sheet: unknown, opts: Record<string, unknown>): unknown[];
  };
}

export interface SheetParseOptions {
  /** Sheet to read; the first when absent. */
  sheet: string | undefined;
  /** Most data rows; a longer sheet is a limit error. */
  maxRows: number;
  /** Longest text cell; a longer one is a limit error naming its row and column. */
  maxCellChars: number;
}

/** What a spreadsheet worker posts back; untrusted until `checkSheetMessage` has copied it. */
export type SheetMessage =
  | {
      ok: true;
      sheet: string;
      sheets: string[];
      firstRow: number;
      rows: (string | number)[][];
      /** The workbook counts date serials from 1904-01-01 (Excel for Mac's old default). */
      date1904: boolean;
    }
  | { ok: false; limit?: true; message: string };

export function parseSheet(xlsx: SheetLibrary, bytes: Uint8Array, opts: SheetParseOptions): SheetMessage;
