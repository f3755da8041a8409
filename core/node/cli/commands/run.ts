/**
 * `abs-workbench run <deal.json> [--scenario NAME] [--json] [--xlsx FILE]`: one deal run. `--json` prints the
 * whole RunResult (DESIGN.md's machine-readable contract); otherwise readable tables. Bad input exits non-zero
 * with the file, the field and the reason; a run whose periods do not reconcile exits 3.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { DealFileError } from '../../../deal/load';
import { AMOUNT_SCALES, isAmountScale, type AmountScale } from '../../../i18n/amounts';
import {
  DealCalendar,
  type Curve,
  type Deal,
  type DefaultAssumption,
  type Scenario,
} from '../../../deal/schema';
import type { CalendarFile } from '../../../time/holidayCalendar';
import { loadCalendarFile } from '../../calendarFile';
import type { RunResult } from '../../../result';
import { DealError, runDeal } from '../../../run';
import { loadDeal } from '../../dealFile';
import { CliError } from '../errors';
import { cliLang } from '../lang';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  heading,
  MISSING,
  renderPairs,
  renderTable,
  type Column,
} from '../format';

export const RUN_HELP = `usage: abs-workbench run <deal.json> [--scenario NAME] [--calendar FILE]... [--json] [--xlsx FILE [--amounts UNIT]]

Runs the deal under one scenario (default: the deal's first) and prints the pool summary, the tranche
analytics (WAL, principal window, bond-equivalent and mortgage yield, durations, convexity, losses), trigger
events and the cash reconciliation.
  --scenario NAME  a scenario of the deal
  --calendar FILE  a holiday calendar file (samples/calendar.schema.json); it replaces a built-in calendar
                   of the same id (CN-SSE, CN-IB, US-SIFMA); the deal names the one it uses
  --json           the full RunResult as JSON (money in cents, rates as decimals)
  --xlsx FILE      also write the Excel tranche report to FILE, in the --lang language (en or zh-CN)
  --amounts UNIT   the report's amount unit: ${AMOUNT_SCALES.join(', ')} (default unit; wan = 万, yi = 亿);
                   the Waterfall sheet stays in units, to the cent
`;

/** Exit code when a period does not reconcile: the engine, not the input, is wrong. */
export const EXIT_NOT_RECONCILED = 3;

interface RunArgs {
  dealPath: string;
  scenario?: string;
  calendars: string[];
  json: boolean;
  xlsx?: string;
  amounts: AmountScale;
}

function parseArgs(args: readonly string[]): RunArgs | 'help' {
  let dealPath: string | undefined;
  let scenario: string | undefined;
  let xlsx: string | undefined;
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
        throw new CliError(`${flag} needs a value\n\n${RUN_HELP}`, 2);
      }
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--json') json = true;
    else if (flag === '--scenario') scenario = value();
    else if (flag === '--xlsx') xlsx = value();
    else if (flag === '--calendar') calendars.push(value());
    else if (flag === '--amounts') {
      const v = value();
      if (!isAmountScale(v))
        throw new CliError(`--amounts ${v}: use one of ${AMOUNT_SCALES.join(', ')}\n\n${RUN_HELP}`, 2);
      amounts = v;
    } else if (flag.startsWith('-') && flag !== '-')
      throw new CliError(`unknown option '${flag}'\n\n${RUN_HELP}`, 2);
    else if (dealPath === undefined) dealPath = a;
    else throw new CliError(`one deal file at a time (got '${dealPath}' and '${a}')`, 2);
  }
  if (dealPath === undefined) throw new CliError(`no deal file given\n\n${RUN_HELP}`, 2);
  return {
    dealPath,
    json,
    calendars,
    amounts,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(xlsx !== undefined ? { xlsx } : {}),
  };
}

export async function main(args: string[]): Promise<number> {
  const parsed = parseArgs(args);
  if (parsed === 'help') {
    process.stdout.write(RUN_HELP);
    return 0;
  }
  const { dealPath } = parsed;

  let loaded: Awaited<ReturnType<typeof loadDeal>>;
  let calendarFiles: CalendarFile[];
  try {
    loaded = await loadDeal(dealPath);
    calendarFiles = await Promise.all(parsed.calendars.map((f) => loadCalendarFile(f)));
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.message);
    throw e;
  }
  const { pool } = loaded;
  const deal = withCalendars(loaded.deal, calendarFiles);

  if (parsed.scenario !== undefined && !deal.scenarios.some((s) => s.name === parsed.scenario)) {
    throw new CliError(
      `${dealPath}: no scenario '${parsed.scenario}'; available: ${deal.scenarios.map((s) => s.name).join(', ')}`,
    );
  }

  let result: RunResult;
  try {
    result = runDeal(deal, pool, parsed.scenario !== undefined ? { scenario: parsed.scenario } : {});
  } catch (e) {
    if (e instanceof DealError) {
      throw new CliError(e.problems.map((p) => `${dealPath}: ${p.path}: ${p.message}`).join('\n'));
    }
    throw e;
  }

  if (parsed.xlsx !== undefined) await writeReport(parsed.xlsx, deal, result, parsed.amounts);
  // On stderr as well, so a --json run still shows them without corrupting its output.
  for (const w of result.projectionNotes?.warnings ?? []) {
    process.stderr.write(`abs-workbench run: ${dealPath}: warning: ${w}\n`);
  }

  if (parsed.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(renderRun(deal, result, dealPath) + '\n');
    if (parsed.xlsx !== undefined) process.stdout.write(`\nExcel report written to ${parsed.xlsx}\n`);
  }

  if (!result.checks.cashConserved) {
    process.stderr.write(
      `abs-workbench run: ${dealPath}: cash does not reconcile in ${result.checks.failures.length} period(s): ` +
        result.checks.failures
          .map((f) => `period ${f.period} (difference ${formatMoney(f.difference)})`)
          .join(', ') +
        '\n',
    );
    return EXIT_NOT_RECONCILED;
  }
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

/** Writes the Excel report next to its final name, then renames, so a failed write never leaves half a file. */
async function writeReport(file: string, deal: Deal, result: RunResult, amounts: AmountScale): Promise<void> {
  // Loaded on demand: the spreadsheet library is large and only this option needs it.
  const report = await import('../../../io/report');
  const bytes = report.buildTrancheReport({ deal, result, lang: cliLang(), amounts });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    const code = (e as { code?: string }).code;
    const reason =
      code === 'ENOENT' ? 'folder does not exist' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new CliError(`${file}: cannot write the Excel report: ${reason}`);
  }
}

function describeCurve(c: Curve, asPercent: boolean): string {
  const v = (x: number) => (asPercent ? formatPercent(x) : formatNumber(x, 2));
  if (typeof c === 'number') return v(c);
  if ('vector' in c) {
    const n = c.vector.length;
    const first = c.vector[0]!;
    const last = c.vector[n - 1]!;
    return n === 1 ? v(first) : `vector by ${c.by} (${n} values, ${v(first)} to ${v(last)}, last holds)`;
  }
  return `formula ${c.formula}`;
}

function describeDefault(d: DefaultAssumption): string {
  if (d.model === 'CNL') {
    return `CNL timing: lifetime net loss ${formatPercent(d.lifetimeNetLoss)} over ${d.timing.length} periods`;
  }
  return `${d.model} ${describeCurve(d.curve, d.model !== 'SDA')}`;
}

function describeScenario(s: Scenario): string {
  const prepay = s.prepayment;
  const pairs: [string, string][] = [
    ['Scenario', s.name],
    ...(s.description ? ([['Description', s.description]] as [string, string][]) : []),
    ['Prepayment', `${prepay.model} ${describeCurve(prepay.curve, prepay.model !== 'PSA')}`],
    ['Defaults', describeDefault(s.default)],
    ['Severity', describeCurve(s.severity, true)],
    ['Recovery lag', `${s.recoveryLagMonths} months`],
    [
      'Default stop',
      s.defaultStop === 'maturity'
        ? 'maturity (defaults run to each loan’s last month)'
        : 'lag before maturity (SIFMA: none in the last recovery-lag months)',
    ],
    [
      'Multiples',
      `defaults ${formatNumber(s.defaultMultiple, 2)}x, prepayment ${formatNumber(s.prepaymentMultiple, 2)}x`,
    ],
  ];
  if (s.overrides.length > 0) pairs.push(['Overrides', s.overrides.map((o) => o.segment).join(', ')]);
  return renderPairs(pairs);
}

function sum(
  rows: RunResult['pool']['periods'],
  f: (r: RunResult['pool']['periods'][number]) => number,
): number {
  return rows.reduce((a, r) => a + f(r), 0);
}

function poolSummary(r: RunResult): string {
  const rows = r.pool.periods.filter((p) => p.period > 0);
  const last = rows[rows.length - 1];
  const pairs: [string, string][] = [
    ['Initial balance', formatMoney(r.pool.initialBalance)],
    ['Periods', `${rows.length} (${rows[0]?.date ?? MISSING} to ${last?.date ?? MISSING})`],
    ['Scheduled principal', formatMoney(sum(rows, (p) => p.scheduledPrincipal))],
    ['Prepayments', formatMoney(sum(rows, (p) => p.prepayment))],
    ['Defaults', formatMoney(sum(rows, (p) => p.default))],
    ['Losses', formatMoney(sum(rows, (p) => p.loss))],
    ['Recoveries', formatMoney(sum(rows, (p) => p.recovery))],
    ['Interest', formatMoney(sum(rows, (p) => p.interest))],
    ['Fee income', formatMoney(sum(rows, (p) => p.fees))],
  ];
  const purchases = sum(rows, (p) => p.purchases);
  if (purchases > 0) pairs.push(['Purchases (revolving)', formatMoney(purchases)]);
  pairs.push(
    ['End balance', formatMoney(last?.endBalance ?? r.pool.initialBalance)],
    ['Cumulative net loss', formatPercent(last?.cumulativeNetLossPct ?? 0)],
  );
  if (r.revolvingEndPeriod !== null) pairs.push(['Revolving ended', `period ${r.revolvingEndPeriod}`]);
  pairs.push([
    'Clean-up call',
    r.cleanUpCallPeriod === null ? 'not exercised' : `period ${r.cleanUpCallPeriod}`,
  ]);
  return renderPairs(pairs);
}

function trancheTable(r: RunResult): string {
  const cols: (Column | string)[] = [
    { header: 'Class', align: 'left' },
    { header: 'Seniority', align: 'left' },
    { header: 'Rating', align: 'left' },
    'Balance',
    'Pool %',
    { header: 'Coupon', align: 'left' },
    'Price',
    'WAL (y)',
    'Window',
    'Yield (BEY)',
    'Mortgage yld',
    'Mod. dur.',
    'Convexity',
    'Principal loss',
    'Int. shortfall',
    { header: 'Expected final', align: 'left' },
    { header: 'Legal final', align: 'left' },
  ];
  const rows = r.tranches.map((t) => [
    t.id,
    t.seniority,
    t.rating ?? MISSING,
    formatMoney(t.originalBalance),
    formatPercent(t.poolShare),
    t.couponDescription,
    formatNumber(t.price, 3),
    formatNumber(t.wal, 2),
    t.principalWindow ? `${t.principalWindow.first}-${t.principalWindow.last}` : MISSING,
    formatPercent(t.yield, 3),
    formatPercent(t.mortgageYield, 3),
    formatNumber(t.modifiedDuration, 3),
    formatNumber(t.convexity, 3),
    formatMoney(t.principalLoss),
    formatMoney(t.interestShortfall),
    t.expectedFinalDate ?? MISSING,
    t.legalFinalDate ?? MISSING,
  ]);
  return renderTable(cols, rows);
}

function triggerTable(r: RunResult): string {
  if (r.triggerEvents.length === 0) return 'No trigger breached.';
  return renderTable(
    [
      { header: 'Trigger', align: 'left' },
      { header: 'Event', align: 'left' },
      'Period',
      'Date',
      'Value',
      'Threshold',
    ],
    r.triggerEvents.map((e) => [
      e.id,
      e.kind,
      String(e.period),
      e.date,
      formatNumber(e.value, 4),
      formatNumber(e.threshold, 4),
    ]),
  );
}

/** The projection's conventions, CNL stated against realised, and warnings, as the run result carries them. */
function projectionSection(r: RunResult): string {
  const n = r.projectionNotes;
  if (!n) return 'No projection notes (run on a ready projection).';
  const pairs: [string, string][] = [
    ['Default stop used', n.defaultStop === 'maturity' ? 'maturity' : 'lag before maturity (SIFMA)'],
  ];
  if (n.cnl) {
    pairs.push([
      'CNL stated / realised',
      `${formatPercent(n.cnl.stated)} / ${formatPercent(n.cnl.realised)}`,
    ]);
    if (n.cnl.retimed > 0)
      pairs.push(['CNL re-timed', `${n.cnl.retimed} loan(s) maturing before the curve ends`]);
  }
  return [
    renderPairs(pairs),
    ...n.conventions.map((c) => `- ${c}`),
    ...n.warnings.map((w) => `WARNING: ${w}`),
  ].join('\n');
}

function reconciliation(r: RunResult): string {
  const periods = r.waterfall.length;
  if (r.checks.cashConserved) {
    return `Cash conserved: every period reconciles to the cent (sources = uses + change in reserve), ${periods} periods.`;
  }
  return [
    `CASH NOT CONSERVED in ${r.checks.failures.length} of ${periods} periods:`,
    ...r.checks.failures.map((f) => `  period ${f.period}: difference ${formatMoney(f.difference)}`),
  ].join('\n');
}

function paymentsLine(deal: Deal): string {
  const c = deal.calendar;
  const freq = c
    ? c.paymentFrequency.revolving === c.paymentFrequency.amortising
      ? c.paymentFrequency.amortising
      : `${c.paymentFrequency.revolving} while revolving, ${c.paymentFrequency.amortising} amortising`
    : 'monthly';
  const first = deal.firstPaymentDate !== undefined ? `, first ${deal.firstPaymentDate}` : '';
  const roll = c?.holidays !== undefined ? `, ${c.businessDayRule} on ${c.holidays}` : '';
  return `${freq} on day ${deal.paymentDay}${first}${roll}, delay ${deal.paymentDelayDays} days`;
}

/** The human-readable report of one run. */
export function renderRun(deal: Deal, r: RunResult, file: string): string {
  const header = renderPairs([
    ['Deal', deal.name],
    ['File', file],
    ['Currency', r.deal.currency],
    ['Cut-off', r.deal.cutoffDate],
    ['Settlement', r.deal.settlementDate],
    ['Closing', r.deal.closingDate ?? r.deal.settlementDate],
    ['Payments', paymentsLine(deal)],
    ['Engine', `${r.engineVersion}, run ${r.runAt}`],
  ]);
  return [
    heading('Deal'),
    header,
    '',
    heading('Scenario'),
    describeScenario(r.scenario),
    '',
    heading('Pool'),
    poolSummary(r),
    '',
    heading('Projection'),
    projectionSection(r),
    '',
    heading(`Tranches (${r.deal.currency}; yields on 30/360 from settlement, delay included)`),
    trancheTable(r),
    '',
    ...(r.calendarNotes && r.calendarNotes.length > 0
      ? [heading('Calendar'), r.calendarNotes.join('\n'), '']
      : []),
    heading('Trigger events'),
    triggerTable(r),
    '',
    heading('Reconciliation'),
    reconciliation(r),
  ].join('\n');
}
