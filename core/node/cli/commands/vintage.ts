/**
 * `abs-workbench vintage <history.csv|table.csv|xlsx> [--segment FIELD] [--method chain-ladder|timing|both]
 * [--factors volume|simple|last-n] [--last-n N] [--tail N|loglinear] [--horizon N] [--holdout N]
 * [--into deal.json --scenario NAME] [--stress K | --multiple M] [--rejects FILE] [--json]`
 *
 * A loan-level performance history (one row per loan per month; streamed) or a vintage table as published
 * (rows vintages, columns months on book, cumulative values, blanks not yet observed) → vintage curves, the
 * chain ladder with Mack's standard error beside the timing curve, the lifetime loss range, a back-test, roll
 * rates; with `--into`, a scenario with its provenance written into the deal file. For a table, `--json` carries
 * `developmentFactors`, `vintages[]` (`vintage, latest, ultimate, standardError`) and `total`, in the table's
 * own units. Text goes through cliT() so `--lang zh-CN` prints Chinese.
 */
import { open, rename, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { HistoryAccumulator } from '../../../history/accumulator';
import {
  analyseHistory,
  analyseTable,
  analysisJson,
  FACTOR_METHODS,
  historyJson,
  historyRejectsCsv,
  historyScenario,
  totalsOf,
  ultimateOf,
  VINTAGE_METHODS,
  type TriangleAnalysis,
  type VintageMethod,
  type VintageOptions,
} from '../../../history/analyse';
import { BUCKETS } from '../../../history/fields';
import {
  HistoryFormatError,
  HistoryStream,
  looksLikeHistory,
  readHistoryRows,
} from '../../../history/reader';
import type { ScenarioInput } from '../../../deal/schema';
import { readVintageTable, type VintageTable } from '../../../history/table';
import { parseCsvText, sniffDelimiter, TapeFormatError, TapeLimitError } from '../../../io/tape/csv';
import { parseDeal } from '../../../deal/load';
import { DealFileError } from '../../../deal/load';
import { dealFileSegments, MAX_DEAL_FILE_BYTES, readJsonFile } from '../../dealFile';
import { DecodeError, detectEncoding, makeDecoder } from '../../import/decode';
import { readSpreadsheetRows, spreadsheetKind } from '../../import/xlsxFile';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, MISSING, renderTable } from '../format';
import { coreText } from '../../../i18n/messages';
import { cliT } from '../lang';

const VALUE_FLAGS = [
  '--segment',
  '--segment-map',
  '--method',
  '--factors',
  '--last-n',
  '--tail',
  '--horizon',
  '--holdout',
  '--into',
  '--scenario',
  '--stress',
  '--multiple',
  '--rejects',
  '--sheet',
];
const USAGE =
  'vintage <history.csv|table.csv|xlsx> [--segment FIELD] [--method chain-ladder|timing|both] [--factors volume|simple|last-n] [--last-n N] [--tail N|loglinear] [--horizon N] [--holdout N] [--into deal.json --scenario NAME [--segment-map HIST=POOL,…]] [--stress K | --multiple M] [--rejects FILE] [--json]';
/** Tables are small (a few hundred vintages); a history is streamed and may be gigabytes. */
const MAX_TABLE_BYTES = 20 * 1024 * 1024;
const MAX_HISTORY_BYTES = 4 * 1024 ** 3;

interface Args {
  file: string;
  flags: Map<string, string>;
  json: boolean;
}

function parseArgs(args: readonly string[]): Args {
  const t = cliT();
  const flags = new Map<string, string>();
  let file: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (VALUE_FLAGS.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:vintage.needsValue', { flag: a }), 2);
      flags.set(a, v);
    } else if (a.startsWith('--')) throw new CliError(t('cli:vintage.unknownOption', { flag: a }), 2);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:vintage.oneFile', { arg: a }), 2);
  }
  if (file === undefined) throw new CliError(t('cli:vintage.usage', { usage: USAGE }), 2);
  if (flags.has('--into') !== flags.has('--scenario'))
    throw new CliError(t('cli:vintage.intoNeedsScenario', { into: '--into', scenario: '--scenario' }), 2);
  if (flags.has('--segment-map') && !(flags.has('--segment') && flags.has('--into')))
    throw new CliError(
      t('cli:vintage.segmentNeedsInto', { map: '--segment-map', segment: '--segment', into: '--into' }),
      2,
    );
  return { file, flags, json };
}

function choice<T extends string>(
  flags: Map<string, string>,
  flag: string,
  choices: readonly T[],
  dflt: T,
): T {
  const v = flags.get(flag);
  if (v === undefined) return dflt;
  if (!(choices as readonly string[]).includes(v))
    throw new CliError(cliT()('cli:vintage.badChoice', { flag, value: v, choices: choices.join(', ') }), 2);
  return v as T;
}

function positive(
  flags: Map<string, string>,
  flag: string,
  integer: boolean,
  allowZero = false,
): number | undefined {
  const v = flags.get(flag);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isFinite(x) || x < 0 || (!allowZero && x === 0) || (integer && !Number.isInteger(x)))
    throw new CliError(cliT()('cli:vintage.badNumber', { flag, value: v }), 2);
  return x;
}

export type Source =
  | { kind: 'history'; acc: HistoryAccumulator; rowsRead: number; blankLines: number }
  | { kind: 'table'; table: VintageTable };

/** Reads the file: a spreadsheet through the worker-isolated reader, CSV text streamed when it is a history. */
export async function readSource(file: string, flags: Map<string, string>): Promise<Source> {
  const t = cliT();
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e) {
    throw new CliError(
      t('cli:vintage.cannotRead', { file, why: (e as NodeJS.ErrnoException).code ?? String(e) }),
    );
  }
  const segment = flags.get('--segment');
  const fh = await open(file, 'r');
  try {
    const head = new Uint8Array(Math.min(size, 1024 * 1024));
    await fh.read(head, 0, head.length, 0);
    if (spreadsheetKind(head.subarray(0, 8)) !== null) {
      await fh.close();
      const sheet = await readSpreadsheetRows(
        file,
        flags.has('--sheet') ? { sheet: flags.get('--sheet')! } : {},
      );
      const rows = sheet.rows;
      const header = rows.find((r) => r.some((c) => c.trim() !== '')) ?? [];
      if (looksLikeHistory(header)) {
        const acc = readHistoryRows(
          rows,
          segment === undefined ? {} : { segment, maxListedRejects: 100_000 },
        );
        return { kind: 'history', acc, rowsRead: rows.length - 1, blankLines: 0 };
      }
      return { kind: 'table', table: readVintageTable(rows) };
    }
    const guess = detectEncoding(head);
    const decoder = makeDecoder(guess.encoding);
    const first = decoder.write(head.subarray(guess.bom));
    const firstLine = first.slice(0, Math.max(0, first.search(/\r?\n/)) || first.length);
    const delimiter = sniffDelimiter(first.slice(0, 64 * 1024)).delimiter;
    const header = parseCsvText(firstLine, delimiter).rows[0] ?? [];
    if (!looksLikeHistory(header)) {
      if (size > MAX_TABLE_BYTES)
        throw new CliError(t('cli:vintage.cannotRead', { file, why: `> ${MAX_TABLE_BYTES} bytes` }));
      let text = first;
      const buf = new Uint8Array(1024 * 1024);
      for (let pos = head.length; ;) {
        const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        text += decoder.write(buf.subarray(0, bytesRead));
      }
      text += decoder.end();
      return { kind: 'table', table: readVintageTable(parseCsvText(text, delimiter).rows) };
    }
    if (size > MAX_HISTORY_BYTES)
      throw new CliError(t('cli:vintage.cannotRead', { file, why: `> ${MAX_HISTORY_BYTES} bytes` }));
    const stream = new HistoryStream({
      delimiter,
      maxListedRejects: flags.has('--rejects') ? 1_000_000 : 1_000,
      ...(segment === undefined ? {} : { segment }),
    });
    stream.push(first);
    const buf = new Uint8Array(1024 * 1024);
    for (let pos = head.length; ;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const text = decoder.write(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
      if (text.length > 0) stream.push(text);
    }
    const tail = decoder.end();
    if (tail.length > 0) stream.push(tail);
    const acc = stream.end();
    return { kind: 'history', acc, rowsRead: stream.rowsRead, blankLines: stream.blankLines };
  } catch (e) {
    if (e instanceof HistoryFormatError) throw new CliError(`${file}: ${coreText(t, e.problem)}`);
    if (e instanceof TapeFormatError || e instanceof TapeLimitError || e instanceof DecodeError)
      throw new CliError(`${file}: ${e.message}`);
    throw e;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The analysis options from the flags (checked after the file is read, as they always were). */
function vintageOptions(flags: Map<string, string>, method: VintageMethod): VintageOptions {
  const factors = choice(flags, '--factors', FACTOR_METHODS, 'volume');
  const lastN = positive(flags, '--last-n', true);
  const tailFlag = flags.get('--tail');
  let tail: number | 'loglinear' | undefined;
  if (tailFlag === 'loglinear') tail = 'loglinear';
  else if (tailFlag !== undefined) tail = positive(flags, '--tail', false);
  const horizon = positive(flags, '--horizon', true);
  const holdout = positive(flags, '--holdout', true, true) ?? 6;
  return {
    method,
    factors,
    ...(lastN !== undefined ? { lastN } : {}),
    ...(tail !== undefined ? { tail } : {}),
    ...(horizon !== undefined ? { horizon } : {}),
    holdout,
  };
}

/** The extension table: chain ladder and timing side by side, and the total. */
function extensionText(a: TriangleAnalysis, fmt: (x: number | null) => string): string {
  const t = cliT();
  const method = a.method;
  const cols = [
    { header: t('glossary:vintage'), align: 'left' as const },
    t('cli:vintage.colMob'),
    t('cli:vintage.colLatest'),
    ...(method !== 'timing' ? [t('cli:vintage.colUltimateCl'), t('cli:vintage.colSe')] : []),
    ...(method !== 'chain-ladder' ? [t('cli:vintage.colUltimateTiming'), t('cli:vintage.colToCome')] : []),
    ...(a.original ? [t('cli:vintage.colLifetime')] : []),
  ];
  const rows = a.chainLadder.origins.map((o, i) => {
    const tm = a.timing.origins[i]!;
    const ult = ultimateOf(a, i);
    return [
      o.origin,
      String(a.triangle.periods?.[o.latestPeriod] ?? o.latestPeriod + 1),
      fmt(o.latest),
      ...(method !== 'timing' ? [fmt(o.ultimate), fmt(o.standardError)] : []),
      ...(method !== 'chain-ladder' ? [fmt(tm.ultimate), fmt(tm.toCome)] : []),
      ...(a.original
        ? [ult === null || !(a.original[i]! > 0) ? MISSING : formatPercent(ult / a.original[i]!)]
        : []),
    ];
  });
  const tot = totalsOf(a);
  rows.push([
    t('cli:vintage.total'),
    '',
    fmt(tot.latest),
    ...(method !== 'timing' ? [fmt(tot.chainLadder.ultimate), fmt(tot.chainLadder.standardError)] : []),
    ...(method !== 'chain-ladder' ? [fmt(tot.timing.ultimate), fmt(tot.timing.toCome)] : []),
    ...(a.original ? [''] : []),
  ]);
  return renderTable(cols, rows);
}

function text(a: TriangleAnalysis, fmt: (x: number | null) => string): string {
  const t = cliT();
  const method = a.method;
  const out: string[] = [];
  const cl = a.chainLadder;
  const factorMethod = t(`cli:vintage.factorMethods.${cl.method}`, { n: a.lastN });
  out.push(
    heading(t('cli:vintage.factorsTitle', { method: factorMethod, tail: formatNumber(cl.tailFactor, 4) })),
  );
  out.push(cl.developmentFactors.map((f) => (f === null ? MISSING : formatNumber(f, 4))).join('  '));
  out.push('', heading(t('cli:vintage.extensionTitle')), extensionText(a, fmt));
  out.push('', t('cli:vintage.timingNote', { horizon: a.timing.horizon, count: a.timing.seasoned.length }));
  const life = a.lifetime;
  for (const [key, r] of [
    ['chainLadder', life.chainLadder],
    ['timing', life.timing],
  ] as const) {
    if (
      r === null ||
      (method === 'timing' && key === 'chainLadder') ||
      (method === 'chain-ladder' && key === 'timing')
    )
      continue;
    out.push(
      t('cli:vintage.lifetime', {
        method: t(key === 'chainLadder' ? 'glossary:chainLadder' : 'glossary:timingCurve'),
        expected: formatPercent(r.expected),
        min: formatPercent(r.min),
        max: formatPercent(r.max),
        count: r.vintages,
      }),
    );
  }
  if (a.backtest) {
    const b = a.backtest;
    out.push('', heading(t('cli:vintage.backtestTitle', { holdout: b.holdout })));
    out.push(
      renderTable(
        [
          { header: t('glossary:vintage'), align: 'left' },
          t('cli:vintage.colMob'),
          t('cli:vintage.colActual'),
          t('cli:vintage.colErrCl'),
          t('cli:vintage.colErrTiming'),
        ],
        b.rows
          .filter((r) => r.fromPeriod >= 0)
          .map((r) => [
            r.origin,
            String(r.toPeriod + 1),
            fmt(r.actual),
            fmt(r.chainLadderError),
            fmt(r.timingError),
          ]),
      ),
    );
    out.push(
      t('cli:vintage.backtestMae', {
        cl: fmt(b.meanAbsoluteError.chainLadder),
        timing: fmt(b.meanAbsoluteError.timing),
      }),
    );
  }
  return out.join('\n');
}

/** `--segment-map A=prime,B=near-prime`: history segment value → the deal pool's segment name. */
function segmentMap(flags: Map<string, string>): Map<string, string> {
  const t = cliT();
  const out = new Map<string, string>();
  const raw = flags.get('--segment-map');
  if (raw === undefined) return out;
  for (const pair of raw.split(',')) {
    const m = /^([^=]+)=([^=]+)$/.exec(pair.trim());
    if (!m)
      throw new CliError(
        t('cli:vintage.badSegmentMap', { map: '--segment-map', pair, example: 'A=prime,B=near-prime' }),
        2,
      );
    out.set(m[1]!.trim(), m[2]!.trim());
  }
  return out;
}

export async function writeAtomic(path: string, body: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, body, 'utf8');
  await rename(tmp, path);
}

/** Writes (or replaces, by name) the scenario in the deal file, validated as a whole before it is written. */
export async function writeScenario(dealPath: string, scenario: ScenarioInput): Promise<void> {
  let raw: unknown;
  try {
    raw = await readJsonFile(dealPath, MAX_DEAL_FILE_BYTES);
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.message);
    throw e;
  }
  const doc = raw as { scenarios?: unknown };
  const list = Array.isArray(doc.scenarios) ? (doc.scenarios as { name?: unknown }[]) : [];
  const at = list.findIndex((s) => s.name === scenario.name);
  const next = at >= 0 ? list.map((s, i) => (i === at ? scenario : s)) : [...list, scenario];
  const updated = { ...(raw as Record<string, unknown>), scenarios: next };
  try {
    parseDeal(updated, dealPath);
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.message);
    throw e;
  }
  await writeAtomic(dealPath, JSON.stringify(updated, null, 2) + '\n');
}

export async function main(args: string[]): Promise<number> {
  const { file, flags, json } = parseArgs(args);
  const t = cliT();
  const method = choice(flags, '--method', VINTAGE_METHODS, 'both');
  const stressK = positive(flags, '--stress', false);
  const multiple = positive(flags, '--multiple', false);
  const src = await readSource(file, flags);

  if (src.kind === 'table') {
    const table = src.table;
    if (!table.values.some((r) => r.length > 0))
      throw new CliError(t('cli:vintage.tableHasNoVintage', { file }));
    if (flags.has('--into')) throw new CliError(t('cli:vintage.noScenarioFromTable'));
    const a = analyseTable(table, vintageOptions(flags, method));
    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            kind: 'table',
            file,
            unit: table.unit,
            periods: table.periods,
            problems: table.problems,
            ...analysisJson(a),
          },
          null,
          1,
        ) + '\n',
      );
      return 0;
    }
    const out = [
      t('cli:vintage.titleTable', {
        file,
        vintages: table.origins.length,
        periods: table.periods.length,
        unit: t(table.unit === 'percent' ? 'cli:vintage.unitPercent' : 'cli:vintage.unitAmount'),
      }),
      ...table.problems.map((p) =>
        t('cli:vintage.tableProblem', {
          row: p.row,
          column: p.column,
          value: p.value,
          reason: t(`cli:vintage.tableReasons.${p.reason}`),
        }),
      ),
      '',
      text(a, (x) => formatNumber(x, 2)),
    ];
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }

  const acc = src.acc;
  if (flags.has('--rejects')) await writeAtomic(flags.get('--rejects')!, historyRejectsCsv(acc.rejects));
  if (acc.rowsAccepted === 0)
    throw new CliError(t('cli:vintage.noRowAccepted', { file, rejected: acc.rowsRejected }));
  const h = analyseHistory(acc, vintageOptions(flags, method), src);
  const curves = h.curves;
  const roll = h.rollRates;

  let wrote: {
    scenario: string;
    cnl: number;
    base: number;
    months: number;
    segments?: { segment: string; cnl: number }[];
    segmentsWithoutFit?: string[];
    segmentsNotInPool?: string[];
    poolSegmentsOnBook?: string[];
  } | null = null;
  if (flags.has('--into')) {
    const segment = flags.get('--segment');
    let segments: Parameters<typeof historyScenario>[1]['segments'];
    if (segment !== undefined) {
      // Overrides only for segments the deal's pool has (a run refuses any other), named as the pool names them.
      const rename = segmentMap(flags);
      const poolSegments = await dealFileSegments(flags.get('--into')!).catch((e: unknown) => {
        throw e instanceof DealFileError ? new CliError(e.message) : e;
      });
      const sums = acc.result();
      const historySegments = [...new Set(sums.map((x) => x.segment))].filter((n) => n !== '').sort();
      if (!historySegments.some((n) => poolSegments.includes(rename.get(n) ?? n)))
        throw new CliError(
          t('cli:vintage.noSegmentInPool', {
            field: segment,
            history: historySegments.join(', '),
            pool: poolSegments.join(', '),
            map: '--segment-map',
            // The history's values against the pool's, in order: a start the user edits.
            example: historySegments
              .map((x, i) => `${x}=${poolSegments[i] ?? poolSegments[0] ?? x}`)
              .join(','),
          }),
        );
      segments = { field: segment, sums, poolSegments, rename, opts: vintageOptions(flags, method) };
    }
    const made = historyScenario(h, {
      name: flags.get('--scenario')!,
      historyFile: basename(file),
      ...(stressK !== undefined ? { stressK } : {}),
      ...(multiple !== undefined ? { multiple } : {}),
      date: new Date().toISOString().slice(0, 10),
      ...(segments !== undefined ? { segments } : {}),
    });
    if (made === null) throw new CliError(t('cli:vintage.noScenarioFromTable'));
    await writeScenario(flags.get('--into')!, made.scenario);
    wrote = {
      scenario: made.scenario.name,
      cnl: made.cnl,
      base: made.base,
      months: made.months,
      ...(made.segments
        ? {
            segments: made.segments.written,
            segmentsWithoutFit: made.segments.withoutFit,
            segmentsNotInPool: made.segments.notInPool,
            poolSegmentsOnBook: made.segments.poolSegmentsOnBook,
          }
        : {}),
    };
  }

  if (json) {
    const { kind, ...rest } = historyJson(h);
    process.stdout.write(
      JSON.stringify(
        {
          kind,
          file,
          ...rest,
          ...(wrote ? { scenario: { into: flags.get('--into'), ...wrote } } : {}),
        },
        null,
        1,
      ) + '\n',
    );
    return 0;
  }
  const out: string[] = [
    t('cli:vintage.titleHistory', {
      file,
      rows: src.rowsRead,
      accepted: acc.rowsAccepted,
      rejected: acc.rowsRejected,
      loans: acc.loanCount,
      groups: curves.length,
    }),
  ];
  if (acc.rowsRejected > 0) {
    const shown = Math.min(20, acc.rejects.length);
    out.push('', t('cli:vintage.rejectsTitle', { shown, count: acc.rowsRejected }));
    for (const r of acc.rejects.slice(0, shown))
      out.push(
        t('cli:vintage.rejectLine', {
          line: r.line,
          loanId: r.loanId,
          detail: r.detail,
          reason: t(`cli:vintage.reasons.${r.reason}`),
        }),
      );
  }
  out.push('', heading(t('cli:vintage.curvesTitle')));
  out.push(
    renderTable(
      [
        { header: t('glossary:vintage'), align: 'left' },
        t('cli:vintage.colMob'),
        t('cli:vintage.colLoans'),
        t('glossary:originalBalance'),
        t('glossary:cgl'),
        t('glossary:cnl'),
        t('cli:vintage.colCdr'),
        t('cli:vintage.colCpr'),
        t('cli:vintage.colPaymentRate'),
      ],
      curves.map((c) => {
        const m = c.maxMob;
        // The last month with a performing balance: a paid-down vintage's final months have no rate.
        const last = (xs: readonly (number | null)[]): number | null => {
          for (let k = xs.length - 1; k >= 0; k--) if (xs[k] !== null) return xs[k]!;
          return null;
        };
        return [
          c.segment === '' ? c.vintage : `${c.vintage} ${c.segment}`,
          String(m),
          String(c.loans),
          formatNumber(c.originalBalance, 2),
          formatPercent(c.cumDefaultPct[m]),
          formatPercent(c.cumNetLossPct[m]),
          formatPercent(last(c.cdr)),
          formatPercent(last(c.cpr)),
          formatPercent(last(c.paymentRate)),
        ];
      }),
    ),
  );
  out.push(
    '',
    text(h, (x) => formatNumber(x, 2)),
  );
  out.push('', heading(t('cli:vintage.rollTitle')));
  const bucketName = (b: (typeof BUCKETS)[number]): string => t(`cli:vintage.buckets.${b}`);
  out.push(
    renderTable(
      [{ header: '', align: 'left' }, ...BUCKETS.map(bucketName)],
      roll.map((r, i) => [
        bucketName(BUCKETS[i]!),
        ...(r === null ? BUCKETS.map(() => MISSING) : r.map((x) => formatPercent(x, 1))),
      ]),
    ),
  );
  if (wrote) {
    out.push(
      '',
      stressK !== undefined
        ? t('cli:vintage.wroteStress', {
            scenario: wrote.scenario,
            file: flags.get('--into'),
            cnl: formatPercent(wrote.cnl),
            base: formatPercent(wrote.base),
            k: stressK,
          })
        : t('cli:vintage.wrote', {
            scenario: wrote.scenario,
            file: flags.get('--into'),
            cnl: formatPercent(wrote.cnl),
            months: wrote.months,
          }),
    );
    const field = flags.get('--segment');
    for (const g of wrote.segments ?? [])
      out.push(t('cli:vintage.wroteSegment', { field, segment: g.segment, cnl: formatPercent(g.cnl) }));
    for (const segment of wrote.segmentsNotInPool ?? [])
      out.push(t('cli:vintage.segmentNotInPool', { field, segment }));
    for (const segment of wrote.segmentsWithoutFit ?? [])
      out.push(t('cli:vintage.segmentWithoutFit', { field, segment }));
    for (const segment of wrote.poolSegmentsOnBook ?? [])
      out.push(t('cli:vintage.poolSegmentOnBook', { segment }));
  }
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
