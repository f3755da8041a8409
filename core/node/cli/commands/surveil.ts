/**
 * `abs-workbench surveil <deal.json> --reports DIR [--scenario NAME] [--json]`: a deal's monthly servicer
 * (trustee) reports — each file in DIR a report as JSON (one, or an array), or as item/value rows in CSV or
 * XLSX with English or Chinese item names — checked to the cent (core/surveillance/servicerReport.ts); then
 * the deal run under its scenario at closing beside what the reports say (pool balance, CDR, CPR, CNL, excess
 * spread, 60+ delinquency), each trigger's headroom month by month, and each scenario's first projected breach.
 * A report that does not reconcile stops the command with every failing rule named by file, month and field:
 * nothing is compared against figures that do not add up.
 *
 * Without `--reports` the deal's own history is used (`surveillance.reports`). `--append` adds the folder's
 * reports to that history and writes the deal file back (atomically; core/surveillance/append.ts: a batch goes in
 * whole or not at all). `--refit NAME` rolls the reports into a new scenario (core/surveillance/refit.ts): the
 * months reported, then the pricing scenario's run — or, with `--history FILE`, the run of the scenario a vintage
 * analysis of the platform's history makes — scaled by actual/expected to date; `--into FILE` writes it there.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { TFunction } from 'i18next';
import { DealFileError, parseDeal } from '../../../deal/load';
import type { Deal } from '../../../deal/schema';
import { analyseHistory, DEFAULT_VINTAGE_OPTIONS } from '../../../history/analyse';
import { coreText } from '../../../i18n/messages';
import type { PoolInput } from '../../../projection/project';
import { runDeal } from '../../../run';
import { appendReports, type AppendResult } from '../../../surveillance/append';
import { actualAgainstProjected, type ComparisonRow } from '../../../surveillance/compare';
import { projectedBreaches, triggerHeadroom } from '../../../surveillance/headroom';
import { refitScenario, type Refit } from '../../../surveillance/refit';
import {
  readReportSources,
  reportFileKind,
  type ReportFileProblem,
  type ReportSource,
  type SourcedReport,
} from '../../../surveillance/reportFile';
import { historyProblems, type ServicerReport } from '../../../surveillance/servicerReport';
import { loadDeal, MAX_DEAL_FILE_BYTES, readJsonFile } from '../../dealFile';
import { detectEncoding, makeDecoder } from '../../import/decode';
import { readSpreadsheetRows } from '../../import/xlsxFile';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, renderTable } from '../format';
import { cliT } from '../lang';
import { readSource, writeAtomic, writeScenario } from './vintage';

const USAGE =
  'surveil <deal.json> [--reports DIR [--append]] [--refit NAME [--history FILE] [--into deal.json]] [--scenario NAME] [--json]';
const MAX_REPORT_BYTES = 5 * 1024 * 1024;

interface Args {
  deal: string;
  /** The folder of reports; the deal's stored history when absent. */
  reports: string | undefined;
  scenario: string | undefined;
  json: boolean;
  append: boolean;
  refit: RefitArgs | undefined;
}

interface RefitArgs {
  name: string;
  history: string | undefined;
  into: string | undefined;
}

const VALUE_FLAGS = ['--reports', '--scenario', '--refit', '--history', '--into'];

function parseArgs(args: readonly string[]): Args {
  const t = cliT();
  let deal: string | undefined;
  const values = new Map<string, string>();
  let json = false;
  let append = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--append') append = true;
    else if (VALUE_FLAGS.includes(a)) {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:surveil.needsValue', { flag: a }), 2);
      values.set(a, v);
    } else if (a.startsWith('--')) throw new CliError(t('cli:surveil.unknownOption', { flag: a }), 2);
    else if (deal === undefined) deal = a;
    else throw new CliError(t('cli:surveil.oneDeal', { arg: a }), 2);
  }
  if (deal === undefined) throw new CliError(t('cli:surveil.usage', { usage: USAGE }), 2);
  if (append && !values.has('--reports'))
    throw new CliError(t('cli:surveil.needs', { flag: '--append', needs: '--reports DIR' }), 2);
  for (const f of ['--history', '--into'])
    if (values.has(f) && !values.has('--refit'))
      throw new CliError(t('cli:surveil.needs', { flag: f, needs: '--refit NAME' }), 2);
  const refit = values.get('--refit');
  return {
    deal,
    reports: values.get('--reports'),
    scenario: values.get('--scenario'),
    json,
    append,
    refit:
      refit === undefined
        ? undefined
        : { name: refit, history: values.get('--history'), into: values.get('--into') },
  };
}

/** One file as the pure reader takes it: text decoded here, a workbook read by the isolated sheet worker. */
async function reportSource(path: string): Promise<ReportSource> {
  const t = cliT();
  const name = basename(path);
  const kind = reportFileKind(path);
  if (kind === 'sheet') {
    const sheet = await readSpreadsheetRows(path, { maxBytes: MAX_REPORT_BYTES }).catch((e: unknown) => {
      throw new CliError(e instanceof Error ? e.message : String(e));
    });
    return { name, kind, rows: sheet.rows, rowNumbers: sheet.rowNumbers, date1904: sheet.date1904 };
  }
  const size = (await stat(path)).size;
  if (size > MAX_REPORT_BYTES)
    throw new CliError(t('cli:surveil.tooLarge', { file: path, limit: MAX_REPORT_BYTES }));
  const bytes = new Uint8Array(await readFile(path));
  const guess = detectEncoding(bytes.subarray(0, 64 * 1024));
  const decoder = makeDecoder(guess.encoding);
  return { name, kind, text: decoder.write(bytes.subarray(guess.bom)) + decoder.end() };
}

/** `file: period 5 (2025-08-15): pool.endBalance: reason`, as much of it as is known. */
function problemLine(t: TFunction, p: Omit<ReportFileProblem, 'message'>, reason: string): string {
  if (p.period !== null)
    return p.date !== null
      ? t('cli:surveil.problemLine', { ...p, reason })
      : t('cli:surveil.problemLineNoDate', { file: p.file, period: p.period, field: p.field, reason });
  return p.field !== ''
    ? t('cli:surveil.fileFieldLine', { file: p.file, field: p.field, reason })
    : t('cli:surveil.fileLine', { file: p.file, reason });
}

/** Every report file in the folder, read and checked; every problem of every file listed before stopping. */
async function readReports(dir: string): Promise<SourcedReport[]> {
  const t = cliT();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(json|csv|txt|xlsx|xls)$/i.test(n)).sort();
  } catch (e) {
    throw new CliError(t('cli:surveil.cannotRead', { file: dir, why: (e as Error).message }));
  }
  if (names.length === 0)
    throw new CliError(t('cli:surveil.noReports', { dir, kinds: '.json, .csv, .xlsx' }));
  const sources: ReportSource[] = [];
  for (const name of names) {
    const src = await reportSource(join(dir, name));
    sources.push({ ...src, name: join(dir, name) });
  }
  const { reports, problems } = readReportSources(sources);
  if (problems.length > 0)
    throw new CliError(
      [
        t('cli:surveil.unreadable', { count: problems.length }),
        ...problems.map((p) => problemLine(t, p, coreText(t, p.message))),
      ].join('\n'),
    );
  return reports;
}

/** The reports' own problems and continuity, named by file; stops when any. */
function checkHistory(deal: Deal, sourced: readonly SourcedReport[]): void {
  const t = cliT();
  const problems = historyProblems(
    sourced.map((s) => s.report),
    deal.structure.tranches.map((c) => c.id),
  );
  if (problems.length === 0) return;
  const byPeriod = new Map(sourced.map((s) => [s.report.period, s]));
  throw new CliError(
    [
      t('cli:surveil.notReconciled', { count: problems.length }),
      ...problems.map((p) =>
        problemLine(
          t,
          {
            file: byPeriod.get(p.period)?.file ?? '',
            period: p.period,
            date: byPeriod.get(p.period)?.report.paymentDate ?? null,
            field: p.field,
          },
          coreText(t, p.message),
        ),
      ),
    ].join('\n'),
  );
}

/** The pool's balance at closing for period 1's check: the rep lines' or the loan file's, summed in cents. */
function closingBalance(pool: PoolInput): number {
  if (pool.kind === 'repLines') return pool.lines.reduce((s, l) => s + Math.round(l.balance * 100), 0) / 100;
  let c = 0;
  for (const b of pool.pool.balance) c += Math.round(b * 100);
  return c / 100;
}

/**
 * `--append`: the folder's reports added to the deal's history, and the deal file written back with them (the
 * file as it was, only its `surveillance` replaced, checked whole before the atomic write). Refused whole.
 */
async function appendToDealFile(
  dealPath: string,
  deal: Deal,
  pool: PoolInput,
  sourced: readonly SourcedReport[],
): Promise<AppendResult> {
  const t = cliT();
  const r = appendReports(
    deal,
    sourced.map((s) => s.report),
    { closingPoolBalance: closingBalance(pool) },
  );
  if (r.problems.length > 0)
    throw new CliError(
      [
        t('cli:surveil.notAppended', { count: r.problems.length, file: dealPath }),
        ...r.problems.map((p) =>
          problemLine(
            t,
            {
              file: sourced[p.report]!.file,
              period: p.period,
              date: sourced[p.report]!.report.paymentDate,
              field: p.field,
            },
            coreText(t, p.message),
          ),
        ),
      ].join('\n'),
    );
  if (r.appended.length === 0) return r;
  try {
    const raw = (await readJsonFile(dealPath, MAX_DEAL_FILE_BYTES)) as Record<string, unknown>;
    const kept = raw.surveillance !== null && typeof raw.surveillance === 'object' ? raw.surveillance : {};
    const updated = { ...raw, surveillance: { ...kept, reports: r.deal.surveillance?.reports ?? [] } };
    parseDeal(updated, dealPath);
    await writeAtomic(dealPath, JSON.stringify(updated, null, 2) + '\n');
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.text(t));
    throw e;
  }
  return r;
}

/** `--refit`: the scenario, written into `--into` when given. */
async function refit(
  a: Args & { refit: RefitArgs },
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
): Promise<Refit> {
  const t = cliT();
  let history: { analysis: ReturnType<typeof analyseHistory>; file: string } | undefined;
  if (a.refit.history !== undefined) {
    const src = await readSource(a.refit.history, new Map());
    if (src.kind !== 'history')
      throw new CliError(t('cli:surveil.historyNotLoans', { file: a.refit.history }));
    history = {
      analysis: analyseHistory(src.acc, DEFAULT_VINTAGE_OPTIONS, src),
      file: basename(a.refit.history),
    };
  }
  const r = refitScenario(deal, pool, reports, {
    name: a.refit.name,
    ...(a.scenario !== undefined ? { baseScenario: a.scenario } : {}),
    ...(history !== undefined ? { history } : {}),
    date: new Date().toISOString().slice(0, 10),
  });
  if ('error' in r) throw new CliError(coreText(t, r.error));
  if (a.refit.into !== undefined) await writeScenario(a.refit.into, r.scenario);
  return r;
}

const pct = (x: number | null | undefined): string => formatPercent(x ?? null);

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  const a = parseArgs(args);
  let loaded: Awaited<ReturnType<typeof loadDeal>>;
  try {
    loaded = await loadDeal(a.deal);
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.text(t));
    throw e;
  }
  const { deal, pool } = loaded;
  if (a.scenario !== undefined && !deal.scenarios.some((s) => s.name === a.scenario))
    throw new CliError(
      t('cli:surveil.noScenario', {
        scenario: a.scenario,
        scenarios: deal.scenarios.map((s) => s.name).join(', '),
      }),
    );
  let reports: ServicerReport[];
  let appended: AppendResult | undefined;
  if (a.reports === undefined) {
    reports = deal.surveillance?.reports ?? [];
    if (reports.length === 0)
      throw new CliError(
        t('cli:surveil.noHistory', { file: a.deal, reports: '--reports DIR', append: '--append' }),
      );
    checkHistory(
      deal,
      reports.map((report) => ({ report, file: a.deal })),
    );
  } else {
    const sourced = await readReports(a.reports);
    if (a.append) {
      appended = await appendToDealFile(a.deal, deal, pool, sourced);
      reports = appended.deal.surveillance?.reports ?? [];
    } else {
      checkHistory(deal, sourced);
      reports = sourced.map((s) => s.report);
    }
  }
  const runs = deal.scenarios.map((s) => runDeal(deal, pool, { scenario: s.name, analytics: false }));
  const run = runs.find((r) => r.scenario.name === (a.scenario ?? deal.scenarios[0].name))!;
  const rows = actualAgainstProjected(run, reports);
  const headroom = triggerHeadroom(deal.structure.triggers, reports, rows);
  const breaches = projectedBreaches(deal.structure.triggers, runs);
  const fitted =
    a.refit !== undefined ? await refit({ ...a, refit: a.refit }, deal, pool, reports) : undefined;

  if (a.json) {
    process.stdout.write(
      JSON.stringify(
        {
          kind: 'surveillance',
          deal: deal.name,
          scenario: run.scenario.name,
          reports: reports.length,
          periods: rows,
          triggerHeadroom: headroom,
          projectedBreaches: breaches,
          ...(appended !== undefined
            ? { appended: { file: a.deal, periods: appended.appended, alreadyHeld: appended.alreadyHeld } }
            : {}),
          ...(fitted !== undefined ? { refit: refitJson(fitted, a.refit?.into) } : {}),
        },
        null,
        1,
      ) + '\n',
    );
    return 0;
  }
  const out = [
    ...(appended !== undefined ? appendedText(appended, a.deal) : []),
    t('cli:surveil.title', { deal: deal.name, reports: reports.length, scenario: run.scenario.name }),
    '',
    heading(t('cli:surveil.comparisonTitle')),
    renderTable(
      [
        t('cli:surveil.col.period'),
        { header: t('cli:surveil.col.date'), align: 'left' },
        t('cli:surveil.col.poolActual'),
        t('cli:surveil.col.poolProjected'),
        t('cli:surveil.col.cdrActual'),
        t('cli:surveil.col.cdrProjected'),
        t('cli:surveil.col.cprActual'),
        t('cli:surveil.col.cprProjected'),
        t('cli:surveil.col.cnlActual'),
        t('cli:surveil.col.cnlProjected'),
        t('cli:surveil.col.esActual'),
        t('cli:surveil.col.esProjected'),
        t('cli:surveil.col.dq60'),
      ],
      rows.map((r: ComparisonRow) => [
        String(r.period),
        r.date,
        formatNumber(r.actual.poolEndBalance, 2),
        formatNumber(r.projected?.poolEndBalance ?? null, 2),
        pct(r.actual.cdr),
        pct(r.projected?.cdr),
        pct(r.actual.cpr),
        pct(r.projected?.cpr),
        pct(r.actual.cumulativeNetLoss),
        pct(r.projected?.cumulativeNetLoss),
        pct(r.actual.excessSpread),
        pct(r.projected?.excessSpread),
        pct(r.actual.delinquent60Plus),
      ]),
    ),
  ];
  if (headroom.length > 0) {
    out.push(
      '',
      heading(t('cli:surveil.headroomTitle')),
      renderTable(
        [
          { header: t('cli:surveil.col.trigger'), align: 'left' },
          t('cli:surveil.col.period'),
          t('cli:surveil.col.value'),
          t('cli:surveil.col.threshold'),
          t('cli:surveil.col.headroom'),
          { header: t('cli:surveil.col.source'), align: 'left' },
          { header: t('cli:surveil.col.breached'), align: 'left' },
        ],
        headroom.map((h) => [
          h.trigger,
          String(h.period),
          formatNumber(h.value, 4),
          formatNumber(h.threshold, 4),
          formatNumber(h.headroom, 4),
          t(`cli:surveil.source.${h.source}`),
          h.breached ? t('cli:surveil.yes') : t('cli:surveil.no'),
        ]),
      ),
      '',
      heading(t('cli:surveil.breachTitle')),
      renderTable(
        [
          { header: t('cli:surveil.col.scenario'), align: 'left' },
          { header: t('cli:surveil.col.trigger'), align: 'left' },
          t('cli:surveil.col.period'),
          { header: t('cli:surveil.col.date'), align: 'left' },
        ],
        breaches.map((b) => [
          b.scenario,
          b.trigger,
          b.period === null ? t('cli:surveil.never') : String(b.period),
          b.date ?? '',
        ]),
      ),
    );
  }
  if (fitted !== undefined) out.push('', ...refitText(fitted, a.refit?.into));
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}

function appendedText(r: AppendResult, file: string): string[] {
  const t = cliT();
  const out: string[] = [];
  if (r.appended.length > 0)
    out.push(t('cli:surveil.appended', { count: r.appended.length, periods: r.appended.join(', '), file }));
  if (r.alreadyHeld.length > 0)
    out.push(t('cli:surveil.alreadyHeld', { periods: r.alreadyHeld.join(', '), file }));
  return [...out, ''];
}

const round = (x: number, d: number): number => Number(x.toFixed(d));

function refitJson(r: Refit, into: string | undefined): Record<string, unknown> {
  return {
    scenario: r.scenario,
    ...(into !== undefined ? { into } : {}),
    observed: r.observed,
    defaultRatio: round(r.defaultRatio, 8),
    prepaymentRatio: round(r.prepaymentRatio, 8),
    severity: r.severity,
    months: r.months,
  };
}

/** The months observed, the A/E multiples and where the scenario went. */
function refitText(r: Refit, into: string | undefined): string[] {
  const t = cliT();
  const p = r.scenario.provenance;
  return [
    heading(t('cli:surveil.refitTitle', { scenario: r.scenario.name })),
    renderTable(
      [
        t('cli:surveil.col.period'),
        { header: t('cli:surveil.col.date'), align: 'left' },
        t('cli:surveil.col.cdrActual'),
        t('cli:surveil.col.cprActual'),
      ],
      r.observed.map((o) => [String(o.period), o.date, pct(o.cdr), pct(o.cpr)]),
    ),
    t(
      p?.source === 'servicer-reports' && p.extension === 'history-timing-curve'
        ? 'cli:surveil.refitRuleHistory'
        : 'cli:surveil.refitRulePricing',
      {
        months: r.months - r.observed.length,
        defaults: formatNumber(r.defaultRatio, 4),
        prepayments: formatNumber(r.prepaymentRatio, 4),
        scenario: p?.source === 'servicer-reports' ? p.baseScenario : '',
        file: p?.source === 'servicer-reports' ? (p.historyFile ?? '') : '',
      },
    ),
    r.severity.source === 'observed' && typeof r.severity.value === 'number'
      ? t('cli:surveil.refitSeverityObserved', { severity: formatPercent(r.severity.value) })
      : t('cli:surveil.refitSeverityScenario'),
    into !== undefined
      ? t('cli:surveil.refitWrote', { scenario: r.scenario.name, file: into })
      : t('cli:surveil.refitNotWritten', { into: '--into deal.json' }),
  ];
}
