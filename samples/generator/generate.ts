/**
 * `npx tsx samples/generator/generate.ts --rows 10000 --seed 1 --out samples/tapes/sample-tape.csv`
 * [--bad N] [--cutoff YYYY-MM-DD] [--xlsx]: writes a seeded tape as CSV (streamed, any size) or XLSX
 * (kept in memory, so for small tapes). The output format follows the file extension.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as XLSX from 'xlsx';
import { csvLine, generateTape, type BadRowKind, type GeneratorOptions } from './tapeGenerator';

/** Writes a CSV tape in batches (a million rows never sit in memory as one string). */
export function writeCsvTape(path: string, opts: GeneratorOptions): { line: number; kind: BadRowKind }[] {
  const fd = openSync(path, 'w');
  let buf: string[] = [];
  try {
    const injected = generateTape(opts, (cells) => {
      buf.push(csvLine(cells));
      if (buf.length >= 20_000) {
        writeSync(fd, buf.join('\n') + '\n');
        buf = [];
      }
    });
    if (buf.length > 0) writeSync(fd, buf.join('\n') + '\n');
    return injected;
  } finally {
    closeSync(fd);
  }
}

/** Writes an XLSX tape; numbers go in as numbers and dates as text, the way platform exports carry them. */
export function writeXlsxTape(path: string, opts: GeneratorOptions): { line: number; kind: BadRowKind }[] {
  const rows: (string | number)[][] = [];
  const numeric = new Set([4, 5, 6, 7, 8, 9, 13, 15]);
  const injected = generateTape(opts, (cells) => {
    rows.push(
      rows.length === 0
        ? cells
        : cells.map((c, i) => (numeric.has(i) && c !== '' && !Number.isNaN(+c) ? +c : c)),
    );
  });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Tape');
  XLSX.writeFile(wb, path, { compression: true });
  return injected;
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function main(args: string[]): void {
  const out = arg(args, '--out');
  if (!out)
    throw new Error(
      'usage: generate.ts --rows N --seed S --out FILE.csv|FILE.xlsx [--bad N] [--cutoff YYYY-MM-DD]',
    );
  const opts: GeneratorOptions = {
    rows: Number(arg(args, '--rows') ?? 10_000),
    seed: Number(arg(args, '--seed') ?? 1),
    badRows: Number(arg(args, '--bad') ?? 0),
    ...(arg(args, '--cutoff') ? { cutoffDate: arg(args, '--cutoff')! } : {}),
  };
  if (!Number.isInteger(opts.rows) || opts.rows < 0) throw new Error('--rows must be a whole number');
  const injected = /\.xlsx$/i.test(out) ? writeXlsxTape(out, opts) : writeCsvTape(out, opts);
  process.stdout.write(
    `wrote ${opts.rows} rows to ${out} (seed ${opts.seed}, ${injected.length} bad rows)\n`,
  );
  for (const b of injected.slice(0, 20)) process.stdout.write(`  bad row ${b.line}: ${b.kind}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
