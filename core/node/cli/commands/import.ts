/**
 * `abs-workbench import <tape.csv|tape.xlsx> [--mapping NAME|FILE] [--sheet NAME] [--rejects FILE.csv]
 * [--cutoff YYYY-MM-DD] [--encoding utf-8|utf-16le|utf-16be|gb18030] [--delimiter C] [--json] [--out pool.json]
 * [--map-value field:原值=code …] [--save-mapping FILE.json]`
 *
 * A code the tables do not know (a platform's own status or repayment method) is listed once with its row
 * count and how to map it; `--map-value` maps it for this import, and `--save-mapping` writes the mapping with
 * its value map so the next import reads it. The report prints in the CLI's language (`--lang`).
 *
 * Prints the validation report and the pool summary; writes the pool file (atomically) and the rejected
 * rows. Unreadable input exits non-zero with the file, the row/column and the reason. A column-level
 * problem (e.g. slash dates whose order the column does not decide) also exits non-zero and writes no
 * pool: a pool missing those rows would look complete and is not.
 */
import { open, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { TapeFormatError, TapeLimitError } from '../../../io/tape/csv';
import { Product } from '../../../deal/schema';
import { STATUS_CODES } from '../../../io/tape/fields';
import { CODED_FIELDS, mappingFrom, type CodedField, type TapeMapping } from '../../../io/tape/mapping';
import { formatReport, rejectsToCsv, reportTexts } from '../../../io/tape/report';
import { cliLang, cliT } from '../lang';
import { poolFileJsonChunks } from '../../../pool/poolFile';
import { formatStratTable, formatSummary, poolSummary, stratify } from '../../../pool/strat';
import { DecodeError, type TapeEncoding } from '../../import/decode';
import { importTapeFile } from '../../import/importTape';
import { CliError } from '../errors';

const VALUE_FLAGS = [
  '--mapping',
  '--sheet',
  '--rejects',
  '--out',
  '--cutoff',
  '--encoding',
  '--delimiter',
  '--max-rows',
  '--save-mapping',
];
const ENCODINGS: readonly TapeEncoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

function parseArgs(args: string[]): {
  tape: string;
  flags: Map<string, string>;
  json: boolean;
  quiet: boolean;
  mapValues: string[];
} {
  const flags = new Map<string, string>();
  const mapValues: string[] = [];
  let tape: string | undefined;
  let json = false;
  let quiet = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--quiet') quiet = true;
    else if (a === '--map-value') {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`, 2);
      mapValues.push(v);
    } else if (VALUE_FLAGS.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`, 2);
      flags.set(a, v);
    } else if (a.startsWith('--')) throw new CliError(`unknown option ${a}`, 2);
    else if (tape === undefined) tape = a;
    else throw new CliError(`unexpected argument '${a}' (one tape at a time)`, 2);
  }
  if (tape === undefined)
    throw new CliError('usage: import <tape.csv|tape.xlsx> [--mapping NAME|FILE] --out pool.json', 2);
  return { tape, flags, json, quiet, mapValues };
}

/**
 * `--map-value field:原值=code` into the mapping's value map: a status or classification maps to a loan status,
 * a product or repayment method to an engine product. The value may itself hold ':' or '=' up to the last '='.
 */
export function withMapValues(mapping: TapeMapping, specs: readonly string[]): TapeMapping {
  if (specs.length === 0) return mapping;
  const t = cliT();
  const values = {
    status: { ...mapping.values.status },
    classification: { ...mapping.values.classification },
    product: { ...mapping.values.product },
    repaymentMethod: { ...mapping.values.repaymentMethod },
  };
  for (const spec of specs) {
    const m = /^([A-Za-z]+):(.+)=([^=]+)$/.exec(spec);
    const field = m?.[1] as CodedField | undefined;
    if (!m || field === undefined || !CODED_FIELDS.includes(field))
      throw new CliError(
        t('tape:cli.mapValueBad', { option: '--map-value', value: spec, fields: CODED_FIELDS.join(', ') }),
        2,
      );
    const raw = m[2]!.trim();
    const code = m[3]!.trim();
    const statusField = field === 'status' || field === 'classification';
    const codes: readonly string[] = statusField ? STATUS_CODES : Product.options;
    if (!codes.includes(code))
      throw new CliError(
        t('tape:cli.mapValueCode', { option: '--map-value', value: spec, code, codes: codes.join(', ') }),
        2,
      );
    (values[field] as Record<string, string>)[raw] = code;
  }
  return mappingFrom({ ...mapping, values });
}

/** The mapping an import without `--mapping` would use (the preset the header matches, or its suggestion). */
async function headerMapping(
  tape: string,
  flags: Map<string, string>,
  encoding: TapeEncoding | undefined,
): Promise<TapeMapping> {
  // A whole read (the reader has no header-only mode); only when values are mapped without a --mapping.
  const probe = await importTapeFile(tape, {
    ...(encoding ? { encoding } : {}),
    ...(flags.has('--sheet') ? { sheet: flags.get('--sheet')! } : {}),
  });
  return probe.mapping;
}

async function loadMapping(ref: string): Promise<TapeMapping> {
  if (!/\.json$/i.test(ref)) {
    try {
      return mappingFrom(ref);
    } catch (e) {
      throw new CliError(e instanceof Error ? e.message : String(e));
    }
  }
  let text: string;
  try {
    const info = await stat(ref);
    if (info.size > 1024 * 1024) throw new CliError(`${ref}: a mapping file over 1 MB is not a mapping`);
    text = await readFile(ref, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `${ref}: cannot read the mapping file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliError(`${ref}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return mappingFrom(json);
  } catch (e) {
    const issues = (e as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const detail = issues
      ? issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')
      : String(e);
    throw new CliError(`${ref}: not a valid mapping: ${detail}`);
  }
}

/** Temp file + rename, so a crash never leaves half a pool file. */
async function writeAtomic(path: string, text: string | Iterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  if (typeof text === 'string') await writeFile(tmp, text, 'utf8');
  else {
    const fh = await open(tmp, 'w');
    try {
      for (const piece of text) await fh.write(piece);
    } finally {
      await fh.close();
    }
  }
  await rename(tmp, path);
}

export async function main(args: string[]): Promise<number> {
  const { tape, flags, json, quiet, mapValues } = parseArgs(args);
  const t = cliT();
  let mapping = flags.has('--mapping') ? await loadMapping(flags.get('--mapping')!) : undefined;
  const cutoff = flags.get('--cutoff');
  if (cutoff !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(cutoff))
    throw new CliError(`--cutoff '${cutoff}': expected YYYY-MM-DD`, 2);
  const encoding = flags.get('--encoding') as TapeEncoding | undefined;
  if (encoding !== undefined && !ENCODINGS.includes(encoding))
    throw new CliError(`--encoding must be one of ${ENCODINGS.join(', ')}`, 2);
  const delimiter = flags.get('--delimiter');
  const maxRows = flags.has('--max-rows') ? Number(flags.get('--max-rows')) : undefined;
  try {
    await stat(tape);
  } catch (e) {
    throw new CliError(`${tape}: cannot read the tape (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (mapValues.length > 0 || flags.has('--save-mapping')) {
    // Values map onto a mapping: the one given, else the preset or suggestion the tape's header gets.
    mapping = withMapValues(mapping ?? (await headerMapping(tape, flags, encoding)), mapValues);
  }
  let lastShown = 0;
  const progress = !quiet && !json && process.stderr.isTTY;
  let result;
  try {
    result = await importTapeFile(tape, {
      ...(mapping ? { mapping } : {}),
      ...(cutoff ? { cutoffDate: cutoff } : {}),
      ...(encoding ? { encoding } : {}),
      ...(delimiter !== undefined
        ? { delimiter: delimiter === '\\t' || delimiter === 'tab' ? '\t' : delimiter }
        : {}),
      ...(maxRows !== undefined && Number.isFinite(maxRows) ? { maxRows } : {}),
      ...(flags.has('--sheet') ? { sheet: flags.get('--sheet')! } : {}),
      // The rejects file must list every rejected row, not the report's capped list.
      ...(flags.has('--rejects') ? { maxListedRejects: Number.MAX_SAFE_INTEGER } : {}),
      onProgress: (p) => {
        if (!progress || p.elapsedMs - lastShown < 500) return;
        lastShown = p.elapsedMs;
        process.stderr.write(
          `\r${tape}: ${Math.round((100 * p.bytesRead) / Math.max(p.totalBytes, 1))}%  ${p.rowsRead} rows`,
        );
      },
    });
  } catch (e) {
    if (progress) process.stderr.write('\n');
    if (e instanceof TapeFormatError || e instanceof TapeLimitError || e instanceof DecodeError) {
      throw new CliError(e.message.startsWith(tape) ? e.message : `${tape}: ${e.message}`);
    }
    throw e;
  }
  if (progress) process.stderr.write('\r\x1b[K');
  const { pool, report } = result;
  if (flags.has('--rejects')) await writeAtomic(flags.get('--rejects')!, rejectsToCsv(report.rejects));
  const summary = poolSummary(pool);
  if (json) {
    process.stdout.write(JSON.stringify({ report, summary }, null, 1) + '\n');
  } else {
    process.stdout.write(formatReport(report, 20, t, cliLang()) + '\n\n' + formatSummary(summary) + '\n');
    if (pool.size > 0) {
      for (const key of ['segment', 'product', 'originalTerm'] as const) {
        process.stdout.write('\n' + formatStratTable(stratify(pool, key)) + '\n');
      }
    }
  }
  const saveTo = flags.get('--save-mapping');
  if (saveTo !== undefined) {
    await writeAtomic(saveTo, JSON.stringify(result.mapping, null, 2) + '\n');
    if (!json) process.stdout.write('\n' + t('tape:cli.wroteMapping', { file: saveTo }) + '\n');
  }
  if (report.errors.length > 0) {
    throw new CliError(
      t('tape:cli.columnProblems', {
        file: tape,
        count: report.errors.length,
        problems: reportTexts(report, t, cliLang()).errors.join(t('tape:cli.problemSeparator')),
      }),
    );
  }
  if (pool.size === 0)
    throw new CliError(t('tape:cli.noneAccepted', { file: tape, rejected: report.rejected }));
  const out = flags.get('--out');
  if (out) {
    const pieces = poolFileJsonChunks(pool, {
      sourceFile: tape,
      ...(report.source.bytes !== undefined ? { sourceBytes: report.source.bytes } : {}),
      format: report.source.format,
      ...(report.source.encoding ? { encoding: report.source.encoding } : {}),
      ...(report.source.delimiter !== undefined ? { delimiter: report.source.delimiter } : {}),
      ...(report.source.sheet ? { sheet: report.source.sheet } : {}),
      mapping: result.mapping,
      importedAt: new Date().toISOString(),
      rowsRead: report.rowsRead,
      accepted: report.accepted,
      rejected: report.rejected,
      byReason: report.byReason as Record<string, number>,
      rules: report.rules,
    });
    await writeAtomic(out, pieces);
    if (!json) process.stdout.write('\n' + t('tape:cli.wrote', { file: out, count: pool.size }) + '\n');
  }
  return 0;
}
