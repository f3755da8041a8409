/**
 * `abs-workbench run <deal.json>... [--scenario NAME] [--json] [--xlsx FILE] [--shard i/n --out FILE]`: deal runs.
 * `--json` prints the whole RunResult (DESIGN.md's machine-readable contract) — for several deals
 * `{"runs": [{"file", "result"}…]}` in the order given; otherwise readable tables. `--shard` runs this process's
 * share of the deals into a part file (../shard.ts). Bad input exits non-zero with the file, the field and the
 * reason; a run whose periods do not reconcile exits 3.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { DealFileError } from '../../../deal/load';
import {
  DealCalendar,
  type Curve,
  type Deal,
  type DefaultAssumption,
  type PaymentFrequency,
  type Scenario,
} from '../../../deal/schema';
import type { Lang, TFunction } from '../../../i18n';
import type { ReportChart, ReportInput } from '../../../io/report';
import { AMOUNT_SCALES, isAmountScale, type AmountScale } from '../../../i18n/amounts';
import type { cli as cliEn } from '../../../i18n/locales/en/cli';
import { coreText } from '../../../i18n/messages';
import type { CalendarFile } from '../../../time/holidayCalendar';
import { loadCalendarFile } from '../../calendarFile';
import type { RunResult } from '../../../result';
import { DealError, runDeal } from '../../../run';
import { loadDeal } from '../../dealFile';
import { CliError } from '../errors';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  heading,
  helpText,
  MISSING,
  renderPairs,
  renderTable,
  type Column,
} from '../format';
import { cliLang, cliT } from '../lang';
import { runDateText } from '../../../io/report/runDate';
import { dealErrorLines } from '../problems';
import {
  dealInputFiles,
  inputsHash,
  makePart,
  parseShard,
  requireOut,
  shardPositions,
  writePart,
  type Shard,
} from '../shard';
import type { MergedParts } from './merge';

/** `run --help`, in the process's language. */
export function runHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench run <deal.json>... [--scenario NAME] [--calendar FILE]... [--json] [--xlsx FILE [--amounts UNIT]]',
    [
      {
        about: `\n${t('cli:run.about')}`,
        options: [
          ['--scenario NAME', t('cli:run.option.scenario')],
          [
            '--calendar FILE',
            t('cli:run.option.calendar', {
              schema: 'samples/calendar.schema.json',
              builtIn: 'CN-SSE, CN-IB, US-SIFMA',
            }),
          ],
          ['--json', t('cli:run.option.json')],
          ['--xlsx FILE', t('cli:run.option.xlsx', { file: 'FILE' })],
          ['--amounts UNIT', t('cli:run.option.amounts', { units: AMOUNT_SCALES.join(', ') })],
          ['--shard i/n', t('cli:shard.option.shard', { unit: t('cli:shard.unit.deals'), out: '--out' })],
          ['--out FILE', t('cli:shard.option.out', { flag: '--shard', merge: 'abs-workbench merge' })],
        ],
      },
    ],
    16,
  );
}

/** Exit code when a period does not reconcile: the engine, not the input, is wrong. */
export const EXIT_NOT_RECONCILED = 3;

interface RunArgs {
  dealPaths: string[];
  scenario?: string;
  calendars: string[];
  json: boolean;
  xlsx?: string;
  amounts: AmountScale;
  shard?: Shard;
  out?: string;
}

function parseArgs(args: readonly string[], t: TFunction): RunArgs | 'help' {
  const dealPaths: string[] = [];
  let scenario: string | undefined;
  let xlsx: string | undefined;
  let shard: Shard | undefined;
  let out: string | undefined;
  let json = false;
  let amounts: AmountScale = 'unit';
  const calendars: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        throw new CliError(`${t('cli:error.needsValue', { flag })}\n\n${runHelp(t)}`, 2);
      }
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--json') json = true;
    else if (flag === '--scenario') scenario = value();
    else if (flag === '--xlsx') xlsx = value();
    else if (flag === '--calendar') calendars.push(value());
    else if (flag === '--shard') shard = parseShard(inline ?? args[++i], flag);
    else if (flag === '--out') out = value();
    else if (flag === '--amounts') {
      const v = value();
      if (!isAmountScale(v)) {
        const text = t('cli:run.badAmounts', { flag, value: v, units: AMOUNT_SCALES.join(', ') });
        throw new CliError(`${text}\n\n${runHelp(t)}`, 2);
      }
      amounts = v;
    } else if (flag.startsWith('-') && flag !== '-')
      throw new CliError(`${t('cli:error.unknownOptionQuoted', { flag })}\n\n${runHelp(t)}`, 2);
    else dealPaths.push(a);
  }
  if (dealPaths.length === 0) throw new CliError(`${t('cli:error.noDealFile')}\n\n${runHelp(t)}`, 2);
  // One workbook per run: with several deals (or a share of them) it would not say which.
  if (xlsx !== undefined && (dealPaths.length > 1 || shard !== undefined))
    throw new CliError(t('cli:shard.xlsxOneDeal', { flag: '--xlsx', shard: '--shard' }), 2);
  requireOut(shard, out);
  return {
    dealPaths,
    ...(shard ? { shard } : {}),
    ...(out !== undefined ? { out } : {}),
    json,
    amounts,
    calendars,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(xlsx !== undefined ? { xlsx } : {}),
  };
}

/** One deal's run, as a part carries it and the printers read it. */
interface DealRun {
  /** As given on the command line. */
  file: string;
  deal: Deal;
  result: RunResult;
}

/** Loads, checks and runs one deal file; bad input becomes a CliError naming the file. */
async function runOne(
  dealPath: string,
  parsed: RunArgs,
  calendarFiles: readonly CalendarFile[],
  t: TFunction,
): Promise<DealRun> {
  let loaded: Awaited<ReturnType<typeof loadDeal>>;
  try {
    loaded = await loadDeal(dealPath);
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.text(t));
    throw e;
  }
  const { pool } = loaded;
  const deal = withCalendars(loaded.deal, calendarFiles);

  if (parsed.scenario !== undefined && !deal.scenarios.some((s) => s.name === parsed.scenario)) {
    throw new CliError(
      t('cli:run.noScenario', {
        file: dealPath,
        name: parsed.scenario,
        names: deal.scenarios.map((s) => s.name).join(t('cli:listSeparator')),
      }),
    );
  }

  try {
    const result = runDeal(deal, pool, parsed.scenario !== undefined ? { scenario: parsed.scenario } : {});
    return { file: dealPath, deal, result };
  } catch (e) {
    if (e instanceof DealError) {
      throw new CliError(dealErrorLines(t, dealPath, e));
    }
    throw e;
  }
}

/** Warnings, on stderr so a --json run still shows them without corrupting its output. */
function writeWarnings(run: DealRun, t: TFunction): void {
  for (const w of warningsOf(run.result, t)) {
    process.stderr.write(`abs-workbench run: ${t('cli:run.warning', { file: run.file, text: w })}\n`);
  }
}

/** Reports a run whose periods do not reconcile (stderr); true when it does reconcile. */
function checkReconciled(run: DealRun, t: TFunction): boolean {
  const { result } = run;
  if (result.checks.cashConserved) return true;
  const periods = result.checks.failures
    .map((f) => t('cli:run.periodDifference', { period: f.period, difference: formatMoney(f.difference) }))
    .join(t('cli:listSeparator'));
  process.stderr.write(
    `abs-workbench run: ${t('cli:run.notReconciled', {
      file: run.file,
      count: result.checks.failures.length,
      periods,
    })}\n`,
  );
  return false;
}

/** Several deals' output: `{"runs": […]}` or each deal's tables under a rule; the exit code. */
function printRuns(
  runs: readonly DealRun[],
  json: boolean,
  write: (s: string) => void,
  t: TFunction,
): number {
  for (const r of runs) writeWarnings(r, t);
  if (json)
    write(JSON.stringify({ runs: runs.map((r) => ({ file: r.file, result: r.result })) }, null, 2) + '\n');
  else
    write(runs.map((r) => renderRun(r.deal, r.result, r.file, t)).join(`\n\n${'='.repeat(72)}\n\n`) + '\n');
  let ok = true;
  for (const r of runs) ok = checkReconciled(r, t) && ok;
  return ok ? 0 : EXIT_NOT_RECONCILED;
}

/** What a run part carries besides its deals: whether one deal was given (printed as a single run). */
interface RunContext {
  single: boolean;
}

/** `merge` of run parts: the deals in the order given, printed as one process prints them. */
export function printMerged(m: MergedParts, json: boolean, write: (s: string) => void): number {
  const t = cliT();
  const runs = m.items as DealRun[];
  if ((m.context as RunContext).single) {
    const r = runs[0]!;
    writeWarnings(r, t);
    write(json ? JSON.stringify(r.result, null, 2) + '\n' : renderRun(r.deal, r.result, r.file, t) + '\n');
    return checkReconciled(r, t) ? 0 : EXIT_NOT_RECONCILED;
  }
  return printRuns(runs, json, write, t);
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  const parsed = parseArgs(args, t);
  if (parsed === 'help') {
    process.stdout.write(runHelp(t));
    return 0;
  }

  let calendarFiles: CalendarFile[];
  try {
    calendarFiles = await Promise.all(parsed.calendars.map((f) => loadCalendarFile(f)));
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.text(t));
    throw e;
  }

  if (parsed.shard) return runShard(parsed, parsed.shard, parsed.out!, calendarFiles, t);
  if (parsed.dealPaths.length > 1) {
    const runs: DealRun[] = [];
    for (const p of parsed.dealPaths) runs.push(await runOne(p, parsed, calendarFiles, t));
    return printRuns(runs, parsed.json, (s) => process.stdout.write(s), t);
  }

  const run = await runOne(parsed.dealPaths[0]!, parsed, calendarFiles, t);
  const { deal, result, file: dealPath } = run;
  if (parsed.xlsx !== undefined) await writeReport(parsed.xlsx, deal, result, parsed.amounts, t);
  writeWarnings(run, t);

  if (parsed.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(renderRun(deal, result, dealPath, t) + '\n');
    if (parsed.xlsx !== undefined)
      process.stdout.write(`\n${t('cli:run.reportWritten', { file: parsed.xlsx })}\n`);
  }
  return checkReconciled(run, t) ? 0 : EXIT_NOT_RECONCILED;
}

/**
 * This shard's deals (round-robin over the order given) to a part file. Every deal file is hashed, this
 * shard's or not, so parts of different deal lists never merge.
 */
async function runShard(
  parsed: RunArgs,
  shard: Shard,
  out: string,
  calendarFiles: readonly CalendarFile[],
  t: TFunction,
): Promise<number> {
  const items: { index: number; value: DealRun }[] = [];
  for (const j of shardPositions(parsed.dealPaths.length, shard)) {
    items.push({ index: j, value: await runOne(parsed.dealPaths[j]!, parsed, calendarFiles, t) });
  }
  const files: string[] = [];
  for (const p of parsed.dealPaths) files.push(...(await dealInputFiles(p)));
  files.push(...parsed.calendars);
  const hash = await inputsHash('run', files, {
    deals: parsed.dealPaths.length,
    calendars: parsed.calendars.length,
    scenario: parsed.scenario ?? null,
  });
  const context: RunContext = { single: parsed.dealPaths.length === 1 };
  await writePart(out, makePart('run', hash, shard, parsed.dealPaths.length, context, items));
  return 0;
}

/** The deal with the --calendar files added to the calendars it carries (a later file wins over an earlier one). */
function withCalendars(deal: Deal, files: readonly CalendarFile[]): Deal {
  if (files.length === 0) return deal;
  const calendar = deal.calendar ?? DealCalendar.parse({});
  return {
    ...deal,
    calendar: { ...calendar, calendars: [...files].reverse().concat(calendar.calendars ?? []) },
  };
}

/** Draws the report's pictures for `run`: the rasteriser is loaded on demand, like the report library. */
export type ChartRenderer = (
  result: RunResult,
  options: { lang: Lang; amounts: AmountScale },
) => Promise<readonly ReportChart[]>;

const renderCharts: ChartRenderer = async (result, options) =>
  (await import('../../report/charts')).renderReportCharts(result, options);

/**
 * The report's input with its pictures. Pictures that cannot be drawn (no rasteriser for this platform, a font
 * error) must not cost the user the report: it is written without them, and a warning says so.
 */
export async function reportInput(
  file: string,
  deal: Deal,
  result: RunResult,
  amounts: AmountScale,
  t: TFunction,
  render: ChartRenderer = renderCharts,
): Promise<ReportInput> {
  const lang = cliLang();
  let charts: readonly ReportChart[] = [];
  try {
    charts = await render(result, { lang, amounts });
  } catch (e) {
    const text = t('cli:run.chartsFailed', { reason: e instanceof Error ? e.message : String(e) });
    process.stderr.write(`abs-workbench run: ${t('cli:run.warning', { file, text })}\n`);
  }
  return { deal, result, lang, amounts, ...(charts.length > 0 ? { charts } : {}) };
}

/** Writes the Excel report next to its final name, then renames, so a failed write never leaves half a file. */
async function writeReport(
  file: string,
  deal: Deal,
  result: RunResult,
  amounts: AmountScale,
  t: TFunction,
): Promise<void> {
  // Loaded on demand: the spreadsheet library is large and only this option needs it.
  const [report, input] = await Promise.all([
    import('../../../io/report'),
    reportInput(file, deal, result, amounts, t),
  ]);
  const bytes = await report.buildTrancheReport(input);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? t('cli:run.folderMissing')
        : code === 'EACCES'
          ? t('cli:run.permissionDenied')
          : String(e);
    throw new CliError(t('cli:run.cannotWriteReport', { file, reason }));
  }
}

type RunLabel = keyof (typeof cliEn)['run']['label'];
type RunColumn = keyof (typeof cliEn)['run']['column'];

/** The projection's warnings in the language of `t`. */
function warningsOf(r: RunResult, t: TFunction): string[] {
  return (r.projectionNotes?.warningMessages ?? []).map((m) => coreText(t, m));
}

function describeCurve(t: TFunction, c: Curve, asPercent: boolean): string {
  const v = (x: number) => (asPercent ? formatPercent(x) : formatNumber(x, 2));
  if (typeof c === 'number') return v(c);
  if ('vector' in c) {
    const n = c.vector.length;
    const first = c.vector[0]!;
    const last = c.vector[n - 1]!;
    return n === 1
      ? v(first)
      : t('cli:run.value.vector', {
          by: t(`cli:run.value.vectorBy.${c.by}`),
          count: n,
          first: v(first),
          last: v(last),
        });
  }
  return t('cli:run.value.formula', { formula: c.formula });
}

function describeDefault(t: TFunction, d: DefaultAssumption): string {
  if (d.model === 'CNL') {
    return t('cli:run.value.cnlTiming', { loss: formatPercent(d.lifetimeNetLoss), count: d.timing.length });
  }
  return `${d.model} ${describeCurve(t, d.curve, d.model !== 'SDA')}`;
}

function describeScenario(t: TFunction, s: Scenario): string {
  const prepay = s.prepayment;
  const label = (k: RunLabel): string => t(`cli:run.label.${k}`);
  const pairs: [string, string][] = [
    [label('scenario'), s.name],
    ...(s.description ? ([[label('description'), s.description]] as [string, string][]) : []),
    [label('prepayment'), `${prepay.model} ${describeCurve(t, prepay.curve, prepay.model !== 'PSA')}`],
    [label('defaults'), describeDefault(t, s.default)],
    [label('severity'), describeCurve(t, s.severity, true)],
    [label('recoveryLag'), t('cli:run.value.months', { count: s.recoveryLagMonths })],
    [
      label('defaultStop'),
      s.defaultStop === 'maturity' ? t('cli:run.value.stopMaturity') : t('cli:run.value.stopLag'),
    ],
    [
      label('multiples'),
      t('cli:run.value.multiples', {
        defaults: formatNumber(s.defaultMultiple, 2),
        prepayment: formatNumber(s.prepaymentMultiple, 2),
      }),
    ],
  ];
  if (s.overrides.length > 0)
    pairs.push([label('overrides'), s.overrides.map((o) => o.segment).join(t('cli:listSeparator'))]);
  return renderPairs(pairs, t('cli:colon'));
}

function sum(
  rows: RunResult['pool']['periods'],
  f: (r: RunResult['pool']['periods'][number]) => number,
): number {
  return rows.reduce((a, r) => a + f(r), 0);
}

function poolSummary(t: TFunction, r: RunResult): string {
  const rows = r.pool.periods.filter((p) => p.period > 0);
  const last = rows[rows.length - 1];
  const label = (k: RunLabel): string => t(`cli:run.label.${k}`);
  const pairs: [string, string][] = [
    [label('initialBalance'), formatMoney(r.pool.initialBalance)],
    [
      label('periods'),
      t('cli:run.value.periodRange', {
        count: rows.length,
        from: rows[0]?.date ?? MISSING,
        to: last?.date ?? MISSING,
      }),
    ],
    [label('scheduledPrincipal'), formatMoney(sum(rows, (p) => p.scheduledPrincipal))],
    [label('prepayments'), formatMoney(sum(rows, (p) => p.prepayment))],
    [label('defaultAmount'), formatMoney(sum(rows, (p) => p.default))],
    [label('losses'), formatMoney(sum(rows, (p) => p.loss))],
    [label('recoveries'), formatMoney(sum(rows, (p) => p.recovery))],
    [label('interest'), formatMoney(sum(rows, (p) => p.interest))],
    [label('feeIncome'), formatMoney(sum(rows, (p) => p.fees))],
  ];
  const purchases = sum(rows, (p) => p.purchases);
  if (purchases > 0) pairs.push([label('purchases'), formatMoney(purchases)]);
  pairs.push(
    [label('endBalance'), formatMoney(last?.endBalance ?? r.pool.initialBalance)],
    [label('cnl'), formatPercent(last?.cumulativeNetLossPct ?? 0)],
  );
  if (r.revolvingEndPeriod !== null)
    pairs.push([label('revolvingEnded'), t('cli:run.value.period', { period: r.revolvingEndPeriod })]);
  pairs.push([
    label('cleanUpCall'),
    r.cleanUpCallPeriod === null
      ? t('cli:run.value.notExercised')
      : t('cli:run.value.period', { period: r.cleanUpCallPeriod }),
  ]);
  // Deals with phases: the first period paid under the accelerated priority of payments.
  if (r.acceleration)
    pairs.push([label('accelerated'), t('cli:run.value.period', { period: r.acceleration.period })]);
  return renderPairs(pairs, t('cli:colon'));
}

/** A class's coupon in the language of `t`; the result's English description when the deal has no such class. */
function couponText(t: TFunction, deal: Deal, id: string, fallback: string): string {
  const c = deal.structure.tranches.find((x) => x.id === id)?.coupon;
  if (!c) return fallback;
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (c.type === 'fixed') return t('cli:run.value.fixedCoupon', { rate: pct(c.rate) });
  const parts = [
    t('cli:run.value.floatingCoupon', {
      index: c.index,
      sign: c.spread < 0 ? '-' : '+',
      spread: pct(Math.abs(c.spread)),
    }),
  ];
  if (c.floor !== undefined) parts.push(t('cli:run.value.floor', { rate: pct(c.floor) }));
  if (c.cap !== undefined) parts.push(t('cli:run.value.cap', { rate: pct(c.cap) }));
  return parts.join(t('cli:listSeparator'));
}

const SENIORITIES = ['senior', 'mezzanine', 'subordinated', 'equity'] as const;
type Seniority = (typeof SENIORITIES)[number];
const isSeniority = (s: string): s is Seniority => (SENIORITIES as readonly string[]).includes(s);

function trancheTable(t: TFunction, deal: Deal, r: RunResult): string {
  const h = (k: RunColumn): string => t(`cli:run.column.${k}`);
  const cols: (Column | string)[] = [
    { header: h('class'), align: 'left' },
    { header: h('seniority'), align: 'left' },
    { header: h('rating'), align: 'left' },
    h('balance'),
    h('poolShare'),
    { header: h('coupon'), align: 'left' },
    h('price'),
    h('wal'),
    h('window'),
    h('yield'),
    h('mortgageYield'),
    h('modifiedDuration'),
    h('convexity'),
    h('principalLoss'),
    h('interestShortfall'),
    { header: h('expectedFinal'), align: 'left' },
    { header: h('legalFinal'), align: 'left' },
  ];
  const rows = r.tranches.map((tr) => [
    tr.id,
    isSeniority(tr.seniority) ? t(`cli:run.value.seniority.${tr.seniority}`) : tr.seniority,
    tr.rating ?? MISSING,
    formatMoney(tr.originalBalance),
    formatPercent(tr.poolShare),
    couponText(t, deal, tr.id, tr.couponDescription),
    formatNumber(tr.price, 3),
    formatNumber(tr.wal, 2),
    tr.principalWindow ? `${tr.principalWindow.first}-${tr.principalWindow.last}` : MISSING,
    formatPercent(tr.yield, 3),
    formatPercent(tr.mortgageYield, 3),
    formatNumber(tr.modifiedDuration, 3),
    formatNumber(tr.convexity, 3),
    formatMoney(tr.principalLoss),
    formatMoney(tr.interestShortfall),
    tr.expectedFinalDate ?? MISSING,
    tr.legalFinalDate ?? MISSING,
  ]);
  return renderTable(cols, rows);
}

function triggerTable(t: TFunction, r: RunResult): string {
  if (r.triggerEvents.length === 0) return t('cli:run.noTriggers');
  const h = (k: RunColumn): string => t(`cli:run.column.${k}`);
  return renderTable(
    [
      { header: h('trigger'), align: 'left' },
      { header: h('event'), align: 'left' },
      h('period'),
      h('date'),
      h('value'),
      h('threshold'),
    ],
    r.triggerEvents.map((e) => [
      e.id,
      t(`cli:run.value.event.${e.kind}`),
      String(e.period),
      e.date,
      formatNumber(e.value, 4),
      formatNumber(e.threshold, 4),
    ]),
  );
}

/** The projection's conventions, CNL stated against realised, and warnings, as the run result carries them. */
function projectionSection(t: TFunction, r: RunResult): string {
  const n = r.projectionNotes;
  if (!n) return t('cli:run.noProjectionNotes');
  const pairs: [string, string][] = [
    [
      t('cli:run.label.defaultStopUsed'),
      n.defaultStop === 'maturity' ? t('cli:run.value.stopUsedMaturity') : t('cli:run.value.stopUsedLag'),
    ],
  ];
  if (n.cnl) {
    pairs.push([
      t('cli:run.label.cnlStatedRealised'),
      t('cli:run.value.slash', { a: formatPercent(n.cnl.stated), b: formatPercent(n.cnl.realised) }),
    ]);
    if (n.cnl.retimed > 0)
      pairs.push([t('cli:run.label.cnlRetimed'), t('cli:run.value.retimed', { count: n.cnl.retimed })]);
  }
  const conventions = n.conventionMessages.map((m) => coreText(t, m));
  return [
    renderPairs(pairs, t('cli:colon')),
    ...conventions.map((c) => `- ${c}`),
    ...warningsOf(r, t).map((w) => t('cli:run.warningLine', { text: w })),
  ].join('\n');
}

function reconciliation(t: TFunction, r: RunResult): string {
  const periods = r.waterfall.length;
  if (r.checks.cashConserved) return t('cli:run.conserved', { count: periods });
  return [
    t('cli:run.notConserved', { count: r.checks.failures.length, periods }),
    ...r.checks.failures.map(
      (f) => `  ${t('cli:run.failure', { period: f.period, difference: formatMoney(f.difference) })}`,
    ),
  ].join('\n');
}

function paymentsLine(t: TFunction, deal: Deal): string {
  const c = deal.calendar;
  const freq = (f: PaymentFrequency): string => t(`cli:run.value.frequency.${f}`);
  const frequency = c
    ? c.paymentFrequency.revolving === c.paymentFrequency.amortising
      ? freq(c.paymentFrequency.amortising)
      : t('cli:run.value.frequencyByPhase', {
          revolving: freq(c.paymentFrequency.revolving),
          amortising: freq(c.paymentFrequency.amortising),
        })
    : freq('monthly');
  const parts = [t('cli:run.value.paymentDay', { frequency, day: deal.paymentDay })];
  if (deal.firstPaymentDate !== undefined)
    parts.push(t('cli:run.value.firstPayment', { date: deal.firstPaymentDate }));
  if (c?.holidays !== undefined)
    parts.push(
      t('cli:run.value.rolled', { rule: t(`cli:run.value.rule.${c.businessDayRule}`), calendar: c.holidays }),
    );
  parts.push(t('cli:run.value.delay', { days: deal.paymentDelayDays }));
  return parts.join(t('cli:listSeparator'));
}

/** The human-readable report of one run, in the language of `t` (the process's by default). */
export function renderRun(
  deal: Deal,
  r: RunResult,
  file: string,
  t: TFunction = cliT(),
  lang: Lang = cliLang(),
): string {
  const label = (k: RunLabel): string => t(`cli:run.label.${k}`);
  const header = renderPairs(
    [
      [label('deal'), deal.name],
      [label('file'), file],
      [label('currency'), r.deal.currency],
      [label('cutoff'), r.deal.cutoffDate],
      [label('settlement'), r.deal.settlementDate],
      [label('closing'), r.deal.closingDate ?? r.deal.settlementDate],
      [label('payments'), paymentsLine(t, deal)],
      [
        label('engine'),
        t('cli:run.value.engine', { version: r.engineVersion, at: runDateText(t, lang, r.runAt) }),
      ],
    ],
    t('cli:colon'),
  );
  const calendarNotes = r.calendarNoteMessages
    ? r.calendarNoteMessages.map((m) => coreText(t, m))
    : (r.calendarNotes ?? []);
  return [
    heading(t('cli:run.heading.deal')),
    header,
    '',
    heading(t('cli:run.heading.scenario')),
    describeScenario(t, r.scenario),
    '',
    heading(t('cli:run.heading.pool')),
    poolSummary(t, r),
    '',
    heading(t('cli:run.heading.projection')),
    projectionSection(t, r),
    '',
    heading(t('cli:run.heading.tranches', { currency: r.deal.currency })),
    trancheTable(t, deal, r),
    '',
    ...(calendarNotes.length > 0
      ? [heading(t('cli:run.heading.calendar')), calendarNotes.join('\n'), '']
      : []),
    heading(t('cli:run.heading.triggers')),
    triggerTable(t, r),
    '',
    heading(t('cli:run.heading.reconciliation')),
    reconciliation(t, r),
  ].join('\n');
}
