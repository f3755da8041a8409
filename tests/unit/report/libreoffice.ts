/**
 * LibreOffice as a real client of the report: converts every sheet of xlsx files to CSV headlessly, recalculating
 * formulas on load. Its default for xlsx is never to recalculate (it shows the cached values), which would let a
 * wrong formula pass; a private profile sets the OOXML recalculation mode to "always" and keeps parallel runs
 * from sharing a profile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const INSTALL_HINT = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui';

/** LibreOffice's version line, or null when `soffice` is not on PATH. */
export function sofficeVersion(): string | null {
  const got = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 120_000 });
  return got.status === 0 ? got.stdout.trim() : null;
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** CSV export of every sheet (token 12 = -1, LibreOffice 7.2+), UTF-8, raw values rather than as displayed. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A number as LibreOffice wrote it ("12.5%" is 0.125), or NaN. */
export function csvNumber(text: string | undefined): number {
  if (text === undefined || text === '') return NaN;
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

export interface Converted {
  /** Sheets of each file (by file name without .xlsx): sheet name → rows. */
  files: Map<string, Map<string, string[][]>>;
  log: string;
}

/** Writes `workbooks` (name → xlsx bytes) to a temp dir and converts them all in one LibreOffice start. */
export function convertToCsv(workbooks: Record<string, Uint8Array>): Converted {
  const dir = mkdtempSync(join(tmpdir(), 'abs-report-lo-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    const out = join(dir, 'csv');
    const paths = Object.entries(workbooks).map(([name, bytes]) => {
      const p = join(dir, `${name}.xlsx`);
      writeFileSync(p, bytes);
      return p;
    });
    const got = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        CSV_FILTER,
        '--outdir',
        out,
        ...paths,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    const log = `${got.stdout ?? ''}${got.stderr ?? ''}`;
    if (got.status !== 0)
      throw new Error(`soffice exited ${got.status} (${got.error?.message ?? ''}): ${log}`);
    const files = new Map<string, Map<string, string[][]>>();
    for (const name of Object.keys(workbooks)) files.set(name, new Map());
    for (const f of readdirSync(out)) {
      const name = Object.keys(workbooks).find((n) => f.startsWith(`${n}-`) && f.endsWith('.csv'));
      if (!name) continue;
      const sheetName = basename(f, '.csv').slice(name.length + 1);
      files.get(name)?.set(sheetName, parseCsv(readFileSync(join(out, f), 'utf8')));
    }
    return { files, log };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when poppler's `pdftotext` and `pdfinfo` are on PATH (apt package poppler-utils). */
export function popplerAvailable(): boolean {
  return spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' }).status === 0;
}

export interface Printed {
  pages: number;
  /** The text of page `n` (1-based), laid out as printed. */
  page(n: number): string;
}

/**
 * Prints `workbooks` (name → xlsx bytes) to PDF with LibreOffice, as a reader's "Save as PDF" would, honouring each
 * sheet's print setup, and reads the pages back with poppler. `pngDir`, when given, also gets each PDF's first
 * pages as PNG images (60 dpi) to look at.
 */
export function printToPdf(workbooks: Record<string, Uint8Array>, pngDir?: string): Map<string, Printed> {
  const dir = mkdtempSync(join(tmpdir(), 'abs-report-pdf-'));
  try {
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    const paths = Object.entries(workbooks).map(([name, bytes]) => {
      const p = join(dir, `${name}.xlsx`);
      writeFileSync(p, bytes);
      return p;
    });
    const got = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...paths,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    if (got.status !== 0) throw new Error(`soffice exited ${got.status}: ${got.stdout}${got.stderr}`);
    const out = new Map<string, Printed>();
    for (const name of Object.keys(workbooks)) {
      const pdf = join(dir, `${name}.pdf`);
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
      const texts: string[] = [];
      for (let n = 1; n <= pages; n++) {
        texts.push(
          spawnSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
            encoding: 'utf8',
          }).stdout,
        );
      }
      if (pngDir) {
        mkdirSync(pngDir, { recursive: true });
        spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '4', pdf, join(pngDir, name)]);
      }
      out.set(name, { pages, page: (n) => texts[n - 1] ?? '' });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
