/**
 * `abs-workbench surveil <deal.json> --reports DIR [--reproject] [--scenario NAME] [--json]`: a deal's monthly servicer
 * (trustee) reports — each file in DIR a report as JSON (one, or an array), or as item/value rows in CSV or
 * XLSX with English or Chinese item names — checked to the cent (core/surveillance/servicerReport.ts); then
 * the deal run under its scenario at closing beside what the reports say (pool balance, CDR, CPR, CNL, excess
 * spread, 60+ delinquency), each trigger's headroom month by month, and each scenario's first projected breach.
 * A report that does not reconcile stops the command with every failing rule named by file, month and field:
 * nothing is compared against figures that do not add up.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DealFileError, zodIssues, dealIssueLines } from '../../../deal/load';
import { coreText } from '../../../i18n/messages';
import { parseCsvText, sniffDelimiter } from '../../../io/tape/csv';
import { runDeal } from '../../../run';
import { actualAgainstProjected, type ComparisonRow } from '../../../surveillance/compare';
import { projectedBreaches, triggerHeadroom } from '../../../surveillance/headroom';
import { readReportItems } from '../../../surveillance/reportItems';
import { historyProblems, ServicerReport } from '../../../surveillance/servicerReport';
import { loadDeal } from '../../dealFile';
import { detectEncoding, makeDecoder } from '../../import/decode';
import { readSpreadsheetRows } from '../../import/xlsxFile';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, renderTable } from '../format';
import { cliT } from '../lang';
import { printReprojection } from './surveilReproject';

const USAGE = 'surveil <deal.json> --reports DIR [--reproject] [--scenario NAME] [--json]';
const MAX_REPORT_BYTES = 5 * 1024 * 1024;

interface Args {
  deal: string;
  reports: string;
  scenario: string | undefined;
  json: boolean;
  /** Re-project from the state of the latest report (./surveilReproject.ts). */
  reproject: boolean;
}

function parseArgs(args: readonly string[]): Args {
  const t = cliT();
  let deal: string | undefined;
  let reports: string | undefined;
  let scenario: string | undefined;
  let json = false;
  let reproject = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') json = true;
    else if (a === '--reproject') reproject = true;
    else if (a === '--reports' || a === '--scenario') {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:surveil.needsValue', { flag: a }), 2);
      if (a === '--reports') reports = v;
      else scenario = v;
    } else if (a.startsWith('--')) throw new CliError(t('cli:surveil.unknownOption', { flag: a }), 2);
    else if (deal === undefined) deal = a;
    else throw new CliError(t('cli:surveil.oneDeal', { arg: a }), 2);
  }
  if (deal === undefined || reports === undefined)
    throw new CliError(t('cli:surveil.usage', { usage: USAGE }), 2);
  return { deal, reports, scenario, json, reproject };
}

/** The raw reports in one file (JSON: an object or an array; CSV/XLSX: one report as item/value rows). */
async function readReportFile(path: string): Promise<unknown[]> {
  const t = cliT();
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls') {
    const sheet = await readSpreadsheetRows(path);
    return [itemsOrThrow(path, sheet.rows, 1)];
  }
  const size = (await stat(path)).size;
  if (size > MAX_REPORT_BYTES)
    throw new CliError(t('cli:surveil.tooLarge', { file: path, limit: MAX_REPORT_BYTES }));
  const bytes = new Uint8Array(await readFile(path));
  const guess = detectEncoding(bytes.subarray(0, 64 * 1024));
  const decoder = makeDecoder(guess.encoding);
  const text = decoder.write(bytes.subarray(guess.bom)) + decoder.end();
  if (ext === '.json') {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new CliError(t('cli:surveil.badJson', { file: path, reason: (e as Error).message }));
    }
    return Array.isArray(json) ? json : [json];
  }
  const rows = parseCsvText(text, sniffDelimiter(text.slice(0, 64 * 1024)).delimiter).rows;
  return [itemsOrThrow(path, rows, 1)];
}

function itemsOrThrow(file: string, rows: readonly (readonly string[])[], firstLine: number): unknown {
  const t = cliT();
  const { report, problems } = readReportItems(rows, firstLine);
  if (problems.length > 0)
    throw new CliError(problems.map((p) => `${file}: ${coreText(t, p.message)}`).join('\n'));
  return report;
}

async function readReports(dir: string): Promise<{ reports: ServicerReport[]; files: Map<number, string> }> {
  const t = cliT();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.(json|csv|txt|xlsx|xls)$/i.test(n)).sort();
  } catch (e) {
    throw new CliError(t('cli:surveil.cannotRead', { file: dir, why: (e as Error).message }));
  }
  if (names.length === 0)
    throw new CliError(t('cli:surveil.noReports', { dir, kinds: '.json, .csv, .xlsx' }));
  const reports: ServicerReport[] = [];
  const files = new Map<number, string>();
  const errors: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const raws = await readReportFile(path);
    raws.forEach((raw, i) => {
      const parsed = ServicerReport.safeParse(raw);
      const label = raws.length > 1 ? `${path}[${i}]` : path;
      if (!parsed.success) {
        errors.push(...dealIssueLines(t, label, zodIssues(parsed.error.issues)));
        return;
      }
      reports.push(parsed.data);
      files.set(parsed.data.period, label);
    });
  }
  if (errors.length > 0) throw new CliError(errors.join('\n'));
  return { reports, files };
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
  const { reports, files } = await readReports(a.reports);
  const problems = historyProblems(
    reports,
    deal.structure.tranches.map((c) => c.id),
  );
  if (problems.length > 0)
    throw new CliError(
      [
        t('cli:surveil.notReconciled', { count: problems.length }),
        ...problems.map((p) =>
          t('cli:surveil.problemLine', {
            file: files.get(p.period) ?? a.reports,
            period: p.period,
            field: p.field,
            reason: coreText(t, p.message),
          }),
        ),
      ].join('\n'),
    );
  if (a.scenario !== undefined && !deal.scenarios.some((s) => s.name === a.scenario))
    throw new CliError(
      t('cli:surveil.noScenario', {
        scenario: a.scenario,
        scenarios: deal.scenarios.map((s) => s.name).join(', '),
      }),
    );
  if (a.reproject) {
    printReprojection(deal, pool, reports, { scenario: a.scenario, json: a.json, dealPath: a.deal });
    return 0;
  }
  const runs = deal.scenarios.map((s) => runDeal(deal, pool, { scenario: s.name, analytics: false }));
  const run = runs.find((r) => r.scenario.name === (a.scenario ?? deal.scenarios[0].name))!;
  const rows = actualAgainstProjected(run, reports);
  const headroom = triggerHeadroom(deal.structure.triggers, reports, rows);
  const breaches = projectedBreaches(deal.structure.triggers, runs);

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
        },
        null,
        1,
      ) + '\n',
    );
    return 0;
  }
  const out = [
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
  process.stdout.write(out.join('\n') + '\n');
  return 0;
}
