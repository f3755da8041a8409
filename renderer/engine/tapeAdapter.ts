/**
 * Tape import inside the engine worker: decode the bytes, preview with a mapping suggestion, then import
 * with the mapping the user confirmed. Spreadsheets arrive here as rows the sheet worker already read
 * (sheetReader.ts): no untrusted workbook is parsed in this worker's realm.
 */
import { translator } from '../../core/i18n';
import { coreMessage, type CoreMessage } from '../../core/i18n/messages';
import { detectEncoding, type TapeEncoding } from '../../core/io/tape/encoding';
import type { TapeMapping } from '../../core/io/tape/mapping';
import type { ImportReport } from '../../core/io/tape/report';
import { importTapeRows, previewTape, previewTapeRows, TapeStream } from '../../core/io/tape/tapeStream';
import type { PoolProvenance } from '../../core/pool/poolFile';
import type {
  SheetImportRequest,
  SheetInspectRequest,
  TapeImportRequest,
  TapeImportResult,
  TapeInspectRequest,
  TapeInspection,
} from './tapeTypes';

/** Bigger tapes belong to the CLI importer, which streams from disk. */
export const MAX_TAPE_BYTES = 600 * 1024 * 1024;
const CHUNK_CHARS = 4 * 1024 * 1024;

function isSpreadsheet(name: string, bytes: Uint8Array): boolean {
  // xlsx is a zip (PK\x03\x04); xls is an OLE compound file (D0 CF 11 E0).
  return (
    /\.xlsx?$/i.test(name) ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf)
  );
}

const noted = (m: CoreMessage): { note: string; noteMessage: CoreMessage } => ({
  note: m.message,
  noteMessage: m,
});

/**
 * Decodes a delimited tape the way the CLI reader does (`detectEncoding`: BOM, UTF-16 byte pattern, valid UTF-8,
 * else GB18030, which Chinese originators' Excel exports write), with the browser's TextDecoder.
 */
export function decodeTape(
  name: string,
  bytes: Uint8Array,
  fileBytes: number = bytes.byteLength,
  chosen?: TapeEncoding,
): { text: string; encoding: string; note: string; noteMessage: CoreMessage } {
  if (fileBytes > MAX_TAPE_BYTES) {
    throw new Error(
      `${name} is larger than ${MAX_TAPE_BYTES / 1024 / 1024} MB; import it with the command line`,
    );
  }
  if (isSpreadsheet(name, bytes)) {
    throw new Error(
      `${name} is a spreadsheet, not delimited text; it is read by the sheet reader (give it an .xlsx or .xls name)`,
    );
  }
  const guess = detectEncoding(bytes.subarray(0, 1024 * 1024));
  if (chosen !== undefined) {
    // The user's choice wins; a byte-order mark of that encoding is still not text.
    const bom = guess.encoding === chosen ? guess.bom : 0;
    const text = new TextDecoder(chosen, { ignoreBOM: bom === 0 }).decode(bytes.subarray(bom));
    return {
      text,
      encoding: chosen,
      ...noted(coreMessage('tapeImport.encoding.chosen', { detected: guess.encoding })),
    };
  }
  const body = bytes.subarray(guess.bom);
  if (guess.encoding === 'utf-8') {
    // The guess read the first megabyte only: invalid UTF-8 further down means the file is GBK after all.
    try {
      return {
        text: new TextDecoder('utf-8', { fatal: true }).decode(body),
        encoding: 'utf-8',
        ...noted(guess.noteMessage),
      };
    } catch {
      return {
        text: new TextDecoder('gb18030').decode(body),
        encoding: 'gb18030',
        ...noted(coreMessage('tapeImport.encoding.invalidUtf8Later', { fallback: 'GB18030' })),
      };
    }
  }
  return {
    text: new TextDecoder(guess.encoding).decode(body),
    encoding: guess.encoding,
    ...noted(guess.noteMessage),
  };
}

export function inspectTape(req: TapeInspectRequest): TapeInspection {
  const fileBytes = req.fileBytes ?? req.bytes.byteLength;
  const { text, encoding, note, noteMessage } = decodeTape(req.name, req.bytes, fileBytes, req.encoding);
  const partial = fileBytes > req.bytes.byteLength;
  const p = previewTape(text, 30, undefined, partial);
  return {
    encoding,
    encodingNote: note,
    encodingNoteMessage: noteMessage,
    ...(partial ? { headBytes: req.bytes.byteLength } : {}),
    delimiter: p.delimiter,
    headers: p.headers,
    rows: p.rows,
    suggestion: p.suggestion,
  };
}

export function importTape(
  req: TapeImportRequest,
  progress: (done: number, total: number, label: string) => void,
): TapeImportResult {
  // The worker has no i18n instance of its own: the request names the language of its progress labels.
  const t = translator(req.lang ?? 'en');
  const locale = req.lang ?? 'en-US';
  const started = Date.now();
  const { text, encoding, note, noteMessage } = decodeTape(
    req.name,
    req.bytes,
    req.bytes.byteLength,
    req.encoding,
  );
  const stream = new TapeStream(
    {
      name: req.name,
      format: 'csv',
      bytes: req.bytes.byteLength,
      encoding,
      encodingNote: note,
      encodingNoteMessage: noteMessage,
    },
    { mapping: req.mapping },
  );
  const body = text.replace(/^\uFEFF/, '');
  for (let at = 0; at < body.length; at += CHUNK_CHARS) {
    stream.push(body.slice(at, at + CHUNK_CHARS));
    progress(
      Math.min(at + CHUNK_CHARS, body.length),
      body.length,
      t('tape:progress.readingRows', { file: req.name, rows: stream.rowsRead.toLocaleString(locale) }),
    );
  }
  const { pool, report, mapping } = stream.end({ elapsedMs: Date.now() - started });
  return { pool, report, provenance: provenanceOf(report, mapping, { encoding }) };
}

/** The preview of a sheet's first rows; the UI sends no more than the preview shows. */
export function inspectSheet(req: SheetInspectRequest): TapeInspection {
  const p = previewTapeRows(req.rows, req.rowNumbers, 30);
  return {
    encoding: '',
    delimiter: '',
    sheet: { name: req.sheet, names: req.sheets },
    headers: p.headers,
    rows: p.rows,
    suggestion: p.suggestion,
  };
}

export function importSheet(
  req: SheetImportRequest,
  progress: (done: number, total: number, label: string) => void,
): TapeImportResult {
  const t = translator(req.lang ?? 'en');
  const locale = req.lang ?? 'en-US';
  const started = Date.now();
  const { pool, report, mapping } = importTapeRows(
    req.rows,
    {
      name: req.name,
      format: req.format,
      bytes: req.bytes,
      sheet: req.sheet,
      sheets: req.sheets,
      ...(req.date1904 ? { date1904: true } : {}),
    },
    { mapping: req.mapping },
    req.rowNumbers,
    (done, total) =>
      progress(
        done,
        total,
        t('tape:progress.importingSheet', {
          file: req.name,
          sheet: req.sheet,
          rows: done.toLocaleString(locale),
        }),
      ),
  );
  report.elapsedMs = Date.now() - started;
  return { pool, report, provenance: provenanceOf(report, mapping, {}) };
}

function provenanceOf(
  report: ImportReport,
  mapping: TapeMapping,
  extra: { encoding?: string },
): PoolProvenance {
  const src = report.source;
  return {
    sourceFile: src.name,
    ...(src.bytes !== undefined ? { sourceBytes: src.bytes } : {}),
    format: src.format,
    ...(extra.encoding !== undefined ? { encoding: extra.encoding } : {}),
    ...(src.delimiter !== undefined ? { delimiter: src.delimiter } : {}),
    // Excel caps sheet names at 31 characters; a crafted file need not, and the project schema takes 200.
    ...(src.sheet !== undefined ? { sheet: src.sheet.slice(0, 200) } : {}),
    mapping,
    importedAt: new Date().toISOString(),
    rowsRead: report.rowsRead,
    accepted: report.accepted,
    rejected: report.rejected,
    byReason: Object.fromEntries(
      Object.entries(report.byReason).filter((e): e is [string, number] => e[1] !== undefined),
    ),
    rules: report.rules,
  };
}
