// Parses a spreadsheet tape with SheetJS inside a worker thread. The registry release of `xlsx` (0.18.5)
// has prototype-pollution and ReDoS advisories, so it never runs in the app's own thread: whatever it
// does to its realm dies with this worker, and only plain arrays of strings and numbers go back.
// Plain JavaScript on purpose: it starts the same under tsx, vitest, the CLI and Electron's main process.
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';

const { path, sheet, maxRows, maxCellChars } = workerData;

function cellValue(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return v.length > maxCellChars ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

function parse() {
  const buf = readFileSync(path);
  const wb = XLSX.read(buf, {
    type: 'buffer',
    dense: true,
    cellFormula: false,
    cellHTML: false,
    cellText: false,
    cellStyles: false,
    cellDates: false,
    bookVBA: false,
    sheetRows: maxRows + 2,
  });
  const names = Array.isArray(wb.SheetNames) ? wb.SheetNames.map(String) : [];
  const name = sheet ?? names[0];
  if (name === undefined || !names.includes(name)) {
    const message =
      sheet === undefined
        ? 'the workbook has no sheets'
        : `no sheet named '${sheet}' (sheets: ${names.join(', ')})`;
    return { ok: false, message };
  }
  const ws = wb.Sheets[name];
  const ref = ws && typeof ws['!ref'] === 'string' ? ws['!ref'] : null;
  if (ref === null) return { ok: true, sheet: name, sheets: names, firstRow: 1, rows: [] };
  // sheetRows cuts the sheet; !fullref still tells how long it was, so a cut is an error, never silent.
  const full = XLSX.utils.decode_range(typeof ws['!fullref'] === 'string' ? ws['!fullref'] : ref);
  if (full.e.r - full.s.r > maxRows) {
    return { ok: false, limit: true, message: `sheet '${name}' has more than ${maxRows} data rows` };
  }
  const firstRow = XLSX.utils.decode_range(ref).s.r + 1;
  const raw = XLSX.utils.sheet_to_json(ws, { header: 1, raw: true, defval: '', blankrows: true });
  const rows = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    const out = [];
    if (Array.isArray(r)) {
      for (let j = 0; j < r.length; j++) {
        const v = cellValue(r[j]);
        if (v === null) {
          return {
            ok: false,
            limit: true,
            message: `row ${firstRow + i}, column ${j + 1}: cell longer than ${maxCellChars} characters`,
          };
        }
        out.push(v);
      }
    }
    rows.push(out);
  }
  return { ok: true, sheet: name, sheets: names, firstRow, rows };
}

let result;
try {
  result = parse();
} catch (e) {
  result = { ok: false, message: e instanceof Error ? e.message : String(e) };
}
parentPort.postMessage(result);
