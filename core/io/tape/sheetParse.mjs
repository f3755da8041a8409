// The one sheet parse shared by both spreadsheet workers (the CLI's worker thread and the UI's Web
// Worker). It only ever runs inside such a worker, because SheetJS's registry release (0.18.5) has
// prototype-pollution and ReDoS advisories; the caller passes the library in, so this module imports
// nothing and stays plain JavaScript that starts the same under tsx, vitest, the CLI, Electron and Vite.
// What it returns is a plain message of arrays of strings and numbers; the receiving realm still checks
// and copies it (`checkSheetMessage`) before using it.

/** A cell as the message carries it; null marks a cell over the length limit. */
function cellValue(v, maxCellChars) {
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string') return v.length > maxCellChars ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return '';
}

function parse(XLSX, bytes, sheet, maxRows, maxCellChars) {
  const wb = XLSX.read(bytes, {
    type: 'array',
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
  // Workbooks saved with Excel for Mac's old default count date serials from 1904-01-01, not 1900-01-00:
  // the same serial is 1,462 days earlier, so the reader must know which system the workbook uses.
  const props = wb.Workbook && typeof wb.Workbook === 'object' ? wb.Workbook.WBProps : undefined;
  const date1904 = Boolean(props && typeof props === 'object' && props.date1904);
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
  if (ref === null) return { ok: true, sheet: name, sheets: names, firstRow: 1, rows: [], date1904 };
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
        const v = cellValue(r[j], maxCellChars);
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
  return { ok: true, sheet: name, sheets: names, firstRow, rows, date1904 };
}

/**
 * Parses one sheet of a workbook's bytes into the message a spreadsheet worker posts back. Never throws:
 * whatever the library throws on a hostile file becomes `{ ok: false, message }`.
 */
export function parseSheet(XLSX, bytes, { sheet, maxRows, maxCellChars }) {
  try {
    return parse(XLSX, bytes, sheet, maxRows, maxCellChars);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
