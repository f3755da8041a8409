/**
 * `npx tsx samples/generator/generate.ts --rows 10000 --seed 1 --out samples/tapes/sample-tape.csv`
 * [--bad N] [--cutoff YYYY-MM-DD] [--chinese-gbk]: writes a seeded tape as CSV (streamed, any size) or XLSX
 * (kept in memory, so for small tapes). The output format follows the file extension; `--chinese-gbk` writes a
 * Chinese platform's export instead (Chinese headers and codes, percent rates, YYYY/MM/DD dates, GBK bytes).
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
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

/** A Chinese platform's export of the same tape: Chinese headers and codes, YYYY/MM/DD dates, GBK bytes. */
export const CN_HEADER = [
  '贷款编号',
  '产品类型',
  '等级',
  '地区',
  '合同金额',
  '剩余本金',
  '年利率',
  '月费率',
  '期数',
  '剩余期数',
  '放款日期',
  '到期日',
  '封包日',
  '逾期天数',
  '贷款状态',
  '信用评分',
];
const CN_PRODUCT: Record<string, string> = {
  'level-pay': '等额本息',
  'interest-free-fee': '免息分期',
  'equal-principal': '等额本金',
};
const CN_STATUS: Record<string, string> = { current: '正常', delinquent: '逾期', 'charged-off': '核销' };

export function writeChineseTape(path: string, opts: GeneratorOptions): { line: number; kind: BadRowKind }[] {
  const lines: string[] = [];
  const injected = generateTape(opts, (cells) => {
    if (lines.length === 0) {
      lines.push(CN_HEADER.join(','));
      return;
    }
    const c = [...cells];
    c[1] = CN_PRODUCT[c[1]!] ?? c[1]!;
    c[14] = CN_STATUS[c[14]!] ?? c[14]!;
    c[6] = `${(Number(c[6]) * 100).toFixed(2)}%`;
    c[7] = `${(Number(c[7]) * 100).toFixed(2)}%`;
    for (const k of [10, 11, 12]) c[k] = c[k]!.replace(/-/g, '/');
    lines.push(csvLine(c));
  });
  writeFileSync(path, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
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
  const injected = /\.xlsx$/i.test(out)
    ? writeXlsxTape(out, opts)
    : args.includes('--chinese-gbk')
      ? writeChineseTape(out, opts)
      : writeCsvTape(out, opts);
  process.stdout.write(
    `wrote ${opts.rows} rows to ${out} (seed ${opts.seed}, ${injected.length} bad rows)\n`,
  );
  for (const b of injected.slice(0, 20)) process.stdout.write(`  bad row ${b.line}: ${b.kind}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
