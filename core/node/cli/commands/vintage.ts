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
import { poolSums, rollRates, vintageCurves, type VintageCurves } from '../../../history/analysis';
import type { HistoryAccumulator, VintageSums } from '../../../history/accumulator';
import { backtest, type BacktestResult } from '../../../history/backtest';
import {
  chainLadder,
  type ChainLadderResult,
  type FactorMethod,
  type Triangle,
} from '../../../history/chainLadder';
import { BUCKETS } from '../../../history/fields';
import {
  HistoryFormatError,
  HistoryStream,
  looksLikeHistory,
  readHistoryRows,
} from '../../../history/reader';
import {
  bookAndSegments,
  scenarioFromHistory,
  type HistoryFit,
  type SegmentFit,
} from '../../../history/scenario';
import { historyTriangle, readVintageTable, type VintageTable } from '../../../history/table';
import { lifetimeRange, timingCurve, type TimingResult } from '../../../history/timing';
import { parseCsvText, sniffDelimiter, TapeFormatError, TapeLimitError } from '../../../io/tape/csv';
import { parseDeal } from '../../../deal/load';
import { DealFileError } from '../../../deal/load';
import { dealFileSegments, MAX_DEAL_FILE_BYTES, readJsonFile } from '../../dealFile';
import { DecodeError, detectEncoding, makeDecoder } from '../../import/decode';
import { readSpreadsheetRows, spreadsheetKind } from '../../import/xlsxFile';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, MISSING, renderTable } from '../format';
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
const METHODS = ['chain-ladder', 'timing', 'both'] as const;
type Method = (typeof METHODS)[number];
const FACTORS: readonly FactorMethod[] = ['volume', 'simple', 'last-n'];
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

type Source =
  | { kind: 'history'; acc: HistoryAccumulator; rowsRead: number; blankLines: number }
  | { kind: 'table'; table: VintageTable };

/** Reads the file: a spreadsheet through the worker-isolated reader, CSV text streamed when it is a history. */
async function readSource(file: string, flags: Map<string, string>): Promise<Source> {
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
    if (
      e instanceof HistoryFormatError ||
      e instanceof TapeFormatError ||
      e instanceof TapeLimitError ||
      e instanceof DecodeError
    )
      throw new CliError(`${file}: ${e.message}`);
    throw e;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

interface Analysis {
  triangle: Triangle;
  cl: ChainLadderResult;
  timing: TimingResult;
  backtest: BacktestResult | null;
  /** Original balance per triangle row (histories only). */
  original: number[] | null;
  lastN: number;
}

function analyse(triangle: Triangle, flags: Map<string, string>, original: number[] | null): Analysis {
  const method = choice(flags, '--factors', FACTORS, 'volume');
  const lastN = positive(flags, '--last-n', true);
  const tailFlag = flags.get('--tail');
  let tail: number | 'loglinear' | undefined;
  if (tailFlag === 'loglinear') tail = 'loglinear';
  else if (tailFlag !== undefined) tail = positive(flags, '--tail', false);
  const horizon = positive(flags, '--horizon', true);
  const holdout = positive(flags, '--holdout', true, true) ?? 6;
  const opts = { method, ...(lastN !== undefined ? { lastN } : {}), ...(tail !== undefined ? { tail } : {}) };
  return {
    triangle,
    cl: chainLadder(triangle, opts),
    timing: timingCurve(triangle, horizon !== undefined ? { horizon } : {}),
    backtest: holdout > 0 ? backtest(triangle, holdout, opts) : null,
    original,
    lastN: lastN ?? 5,
  };
}

const round = (x: number | null, d = 6): number | null =>
  x === null || !Number.isFinite(x) ? null : Number(x.toFixed(d));

function vintagesJson(a: Analysis, method: Method): unknown[] {
  return a.cl.origins.map((o, i) => {
    const tm = a.timing.origins[i]!;
    const useTiming = method === 'timing';
    const orig = a.original?.[i];
    return {
      vintage: o.origin,
      monthsOnBook: a.triangle.periods?.[o.latestPeriod] ?? o.latestPeriod + 1,
      latest: round(o.latest),
      ultimate: round(useTiming ? tm.ultimate : o.ultimate),
      standardError: useTiming ? null : round(o.standardError),
      chainLadder: { ultimate: round(o.ultimate), standardError: round(o.standardError) },
      timing: { ultimate: round(tm.ultimate), toCome: round(tm.toCome) },
      ...(orig !== undefined
        ? {
            originalBalance: round(orig, 2),
            lifetimeLossRate: {
              chainLadder: o.ultimate === null || orig <= 0 ? null : round(o.ultimate / orig, 8),
              timing: tm.ultimate === null || orig <= 0 ? null : round(tm.ultimate / orig, 8),
            },
          }
        : {}),
    };
  });
}

/**
 * Lifetime loss rates per vintage (ultimate / original balance for a history; ultimate / 100 for a table in
 * percent) with their balance-weighted mean and range. An amount table has no original balances: no rates.
 */
function lifetimeOf(
  a: Analysis,
  scale: number | null,
): { chainLadder: ReturnType<typeof lifetimeRange>; timing: ReturnType<typeof lifetimeRange> } {
  const w = a.original ?? undefined;
  const rate = (u: number | null, i: number): number | null => {
    if (u === null) return null;
    if (a.original) return a.original[i]! > 0 ? u / a.original[i]! : null;
    return scale === null ? null : u / scale;
  };
  return {
    chainLadder: lifetimeRange(
      a.cl.origins.map((o, i) => rate(o.ultimate, i)),
      w,
    ),
    timing: lifetimeRange(
      a.timing.origins.map((o, i) => rate(o.ultimate, i)),
      w,
    ),
  };
}

function analysisJson(a: Analysis, method: Method, scale: number | null): Record<string, unknown> {
  const total =
    method === 'timing'
      ? {
          latest: round(a.cl.total.latest),
          ultimate: round(a.timing.origins.reduce((s, o) => s + (o.ultimate ?? o.latest), 0)),
          standardError: null,
        }
      : {
          latest: round(a.cl.total.latest),
          ultimate: round(a.cl.total.ultimate),
          standardError: round(a.cl.total.standardError),
        };
  return {
    method,
    developmentFactors: a.cl.developmentFactors.map((f) => round(f, 8)),
    factorMethod: a.cl.method,
    tailFactor: round(a.cl.tailFactor, 8),
    vintages: vintagesJson(a, method),
    total,
    timingCurve: {
      horizon: a.timing.horizon,
      seasoned: a.timing.seasoned,
      cumulative: a.timing.cumulative.map((x) => round(x, 8)),
    },
    lifetime: lifetimeOf(a, scale),
    backtest: a.backtest,
  };
}

function curvesJson(c: VintageCurves): Record<string, unknown> {
  const r = (xs: readonly (number | null)[]): (number | null)[] => xs.map((x) => round(x, 8));
  return {
    vintage: c.vintage,
    segment: c.segment,
    loans: c.loans,
    originalBalance: round(c.originalBalance, 2),
    maxMonthsOnBook: c.maxMob,
    cumulativeGrossDefault: r(c.cumDefaultPct),
    cumulativeNetLoss: r(c.cumNetLossPct),
    cumulativePrepayment: r(c.cumPrepaymentPct),
    mdr: r(c.mdr),
    cdr: r(c.cdr),
    smm: r(c.smm),
    cpr: r(c.cpr),
    absSpeed: r(c.absSpeed),
    paymentRate: r(c.paymentRate),
    delinquency: c.delinquency,
  };
}

/** The extension table: chain ladder and timing side by side, and the total. */
function extensionText(a: Analysis, method: Method, fmt: (x: number | null) => string): string {
  const t = cliT();
  const cols = [
    { header: t('glossary:vintage'), align: 'left' as const },
    t('cli:vintage.colMob'),
    t('cli:vintage.colLatest'),
    ...(method !== 'timing' ? [t('cli:vintage.colUltimateCl'), t('cli:vintage.colSe')] : []),
    ...(method !== 'chain-ladder' ? [t('cli:vintage.colUltimateTiming'), t('cli:vintage.colToCome')] : []),
    ...(a.original ? [t('cli:vintage.colLifetime')] : []),
  ];
  const rows = a.cl.origins.map((o, i) => {
    const tm = a.timing.origins[i]!;
    const ult = method === 'timing' ? tm.ultimate : o.ultimate;
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
  const tmTotal = a.timing.origins.reduce((s, o) => s + (o.ultimate ?? o.latest), 0);
  rows.push([
    t('cli:vintage.total'),
    '',
    fmt(a.cl.total.latest),
    ...(method !== 'timing' ? [fmt(a.cl.total.ultimate), fmt(a.cl.total.standardError)] : []),
    ...(method !== 'chain-ladder' ? [fmt(tmTotal), fmt(tmTotal - a.cl.total.latest)] : []),
    ...(a.original ? [''] : []),
  ]);
  return renderTable(cols, rows);
}

function text(a: Analysis, method: Method, fmt: (x: number | null) => string, scale: number | null): string {
  const t = cliT();
  const out: string[] = [];
  const factorMethod = t(`cli:vintage.factorMethods.${a.cl.method}`, { n: a.lastN });
  out.push(
    heading(t('cli:vintage.factorsTitle', { method: factorMethod, tail: formatNumber(a.cl.tailFactor, 4) })),
  );
  out.push(a.cl.developmentFactors.map((f) => (f === null ? MISSING : formatNumber(f, 4))).join('  '));
  out.push('', heading(t('cli:vintage.extensionTitle')), extensionText(a, method, fmt));
  out.push('', t('cli:vintage.timingNote', { horizon: a.timing.horizon, count: a.timing.seasoned.length }));
  const life = lifetimeOf(a, scale);
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

async function writeAtomic(path: string, body: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, body, 'utf8');
  await rename(tmp, path);
}

/** Writes (or replaces, by name) the scenario in the deal file, validated as a whole before it is written. */
async function writeScenario(
  dealPath: string,
  scenario: ReturnType<typeof scenarioFromHistory>,
): Promise<void> {
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

function rejectsCsv(acc: HistoryAccumulator): string {
  const q = (s: string): string => {
    const v = /^[=+\-@]/.test(s) ? `'${s}` : s; // formula injection
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return (
    [
      'line,loan_id,reason,detail',
      ...acc.rejects.map((r) => [String(r.line), q(r.loanId), r.reason, q(r.detail)].join(',')),
    ].join('\n') + '\n'
  );
}

export async function main(args: string[]): Promise<number> {
  const { file, flags, json } = parseArgs(args);
  const t = cliT();
  const method = choice(flags, '--method', METHODS, 'both');
  const stressK = positive(flags, '--stress', false);
  const multiple = positive(flags, '--multiple', false);
  const src = await readSource(file, flags);

  if (src.kind === 'table') {
    const table = src.table;
    if (!table.values.some((r) => r.length > 0))
      throw new CliError(t('cli:vintage.tableHasNoVintage', { file }));
    if (flags.has('--into')) throw new CliError(t('cli:vintage.noScenarioFromTable'));
    const a = analyse(table, flags, null);
    const scale = table.unit === 'percent' ? 100 : null;
    if (json) {
      process.stdout.write(
        JSON.stringify(
          {
            kind: 'table',
            file,
            unit: table.unit,
            periods: table.periods,
            problems: table.problems,
            ...analysisJson(a, method, scale),
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
      text(a, method, (x) => formatNumber(x, 2), scale),
    ];
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }

  const acc = src.acc;
  if (flags.has('--rejects')) await writeAtomic(flags.get('--rejects')!, rejectsCsv(acc));
  if (acc.rowsAccepted === 0)
    throw new CliError(t('cli:vintage.noRowAccepted', { file, rejected: acc.rowsRejected }));
  const sums = acc.result();
  const curves = sums.map(vintageCurves);
  const a = analyse(
    historyTriangle(curves, 'netLoss'),
    flags,
    curves.map((c) => c.originalBalance),
  );
  const roll = rollRates(poolSums(sums, 'all').transitions);

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
    // The fit the scenario's curves come from, on the book or on one segment's vintages.
    const fit = (cs: VintageCurves[], an: Analysis): HistoryFit | null => {
      const life = lifetimeOf(an, 1);
      const useTiming = method === 'timing' || life.chainLadder === null;
      const lifetimeNetLoss = (useTiming ? life.timing : life.chainLadder)?.expected;
      if (lifetimeNetLoss === undefined) return null;
      const totalOriginal = cs.reduce((s, c) => s + c.originalBalance, 0);
      const standardError =
        !useTiming && an.cl.total.standardError !== null && totalOriginal > 0
          ? an.cl.total.standardError / totalOriginal
          : null;
      return {
        method: useTiming ? 'timing' : 'chain-ladder',
        lifetimeNetLoss,
        standardError,
        marginalTiming: an.timing.marginal,
        curves: cs,
      };
    };
    const fitOn = (list: readonly VintageSums[]): HistoryFit | null => {
      const cs = list.map(vintageCurves);
      return fit(
        cs,
        analyse(
          historyTriangle(cs, 'netLoss'),
          flags,
          cs.map((c) => c.originalBalance),
        ),
      );
    };
    const split = segment === undefined ? null : bookAndSegments(sums);
    const book = split === null ? fit(curves, a) : fitOn(split.book);
    if (book === null) throw new CliError(t('cli:vintage.noScenarioFromTable'));
    // Overrides only for segments the deal's pool has (a run refuses any other), named as the pool names them.
    const segments: SegmentFit[] = [];
    const withoutFit: string[] = [];
    const notInPool: string[] = [];
    let onBook: string[] = [];
    if (split !== null) {
      const rename = segmentMap(flags);
      const poolSegments = await dealFileSegments(flags.get('--into')!).catch((e: unknown) => {
        throw e instanceof DealFileError ? new CliError(e.message) : e;
      });
      const historySegments = [...split.segments.keys()].filter((n) => n !== '');
      if (!historySegments.some((n) => poolSegments.includes(rename.get(n) ?? n)))
        throw new CliError(
          t('cli:vintage.noSegmentInPool', {
            field: segment,
            history: historySegments.join(', '),
            pool: poolSegments.join(', '),
            map: '--segment-map',
            // The history's values against the pool's, in order: a start the user edits.
            example: historySegments
              .map((h, i) => `${h}=${poolSegments[i] ?? poolSegments[0] ?? h}`)
              .join(','),
          }),
        );
      // History values mapped to one pool segment are fitted together, each vintage's rows summed.
      const byTarget = new Map<string, VintageSums[]>();
      for (const [name, list] of split.segments) {
        if (name === '') continue;
        const target = rename.get(name) ?? name;
        if (poolSegments.includes(target)) byTarget.set(target, [...(byTarget.get(target) ?? []), ...list]);
        else notInPool.push(name);
      }
      for (const [target, list] of byTarget) {
        const f = fitOn(bookAndSegments(list).book);
        if (f === null) withoutFit.push(target);
        else segments.push({ ...f, segment: target });
      }
      onBook = poolSegments.filter((p) => !segments.some((g) => g.segment === p));
    }
    const scenario = scenarioFromHistory({
      name: flags.get('--scenario')!,
      historyFile: basename(file),
      ...book,
      ...(stressK !== undefined ? { stressK } : {}),
      ...(multiple !== undefined ? { multiple } : {}),
      date: new Date().toISOString().slice(0, 10),
      ...(segment !== undefined ? { segmentField: segment, segments } : {}),
    });
    await writeScenario(flags.get('--into')!, scenario);
    const d = scenario.default;
    wrote = {
      scenario: scenario.name,
      cnl: d.model === 'CNL' ? d.lifetimeNetLoss : book.lifetimeNetLoss,
      base: book.lifetimeNetLoss,
      months: d.model === 'CNL' ? d.timing.length : 0,
      ...(segment !== undefined
        ? {
            segments: (scenario.overrides ?? []).map((o) => ({
              segment: o.segment,
              cnl: o.default?.model === 'CNL' ? o.default.lifetimeNetLoss : 0,
            })),
            segmentsWithoutFit: withoutFit,
            segmentsNotInPool: notInPool,
            poolSegmentsOnBook: onBook,
          }
        : {}),
    };
  }

  if (json) {
    process.stdout.write(
      JSON.stringify(
        {
          kind: 'history',
          file,
          source: {
            rowsRead: src.rowsRead,
            blankLines: src.blankLines,
            accepted: acc.rowsAccepted,
            rejected: acc.rowsRejected,
            byReason: acc.rejectCounts,
            rejects: acc.rejects.slice(0, 1000),
            loans: acc.loanCount,
          },
          unit: 'amount',
          curves: curves.map(curvesJson),
          rollRates: {
            buckets: BUCKETS,
            matrix: roll.map((r) => (r === null ? null : r.map((x) => round(x, 8)))),
          },
          ...analysisJson(a, method, 1),
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
      groups: sums.length,
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
    text(a, method, (x) => formatNumber(x, 2), 1),
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
