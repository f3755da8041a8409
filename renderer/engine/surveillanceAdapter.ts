/**
 * The Surveillance screen's jobs inside the engine worker. `readReports`: servicer-report files in (JSON, or CSV
 * item/value rows in English or Chinese, or a workbook's rows as the sheet worker read them — no workbook is parsed
 * here), each report checked by the core's rules against the deal's history, out the reports that may be appended
 * and every refusal by file, month and field. `compareToProjection`: the deal run under each scenario beside the
 * history (actual against projected, trigger headroom, projected breaches), the CLI `surveil` command's
 * orchestration.
 *
 * A report is appended only after the month before it: one refused for its own figures makes the next month's
 * refused too (for the gap), so a history never skips a month and nothing the trustee sent is silently dropped.
 */
import type { Deal } from '../../core/deal/schema';
import { findJsonSyntaxError } from '../../core/deal/jsonSyntax';
import { zodIssues } from '../../core/deal/load';
import { coreMessage, type CoreMessage } from '../../core/i18n/messages';
import { parseCsvText, sniffDelimiter } from '../../core/io/tape/csv';
import type { LoanPool } from '../../core/pool/loanPool';
import type { PoolInput } from '../../core/projection/project';
import type { RunResult } from '../../core/result';
import { runDeal } from '../../core/run';
import { actualAgainstProjected, type ComparisonRow } from '../../core/surveillance/compare';
import { projectedBreaches, triggerHeadroom, type HeadroomCell } from '../../core/surveillance/headroom';
import { readReportItems } from '../../core/surveillance/reportItems';
import {
  continuityProblems,
  reportProblems,
  ServicerReport,
  type ReportProblem,
} from '../../core/surveillance/servicerReport';
import { decodeTape } from './tapeAdapter';

/** One file the user picked: a text file's bytes, or a workbook's first sheet as rows. */
export interface ReportFile {
  name: string;
  bytes?: Uint8Array;
  sheet?: { rows: string[][]; rowNumbers: number[]; sheet: string };
}

export interface ReportsReadRequest {
  kind: 'surveillanceRead';
  files: ReportFile[];
  /** The deal's classes and the reports it already holds: what a new report must follow on from. */
  classIds: string[];
  history: ServicerReport[];
}

/** Why a report (or a file) was not appended: where, and the coded reason. */
export interface ReportRefusal {
  file: string;
  /** The report's month, when it could be read. */
  period: number | null;
  /** A dotted field (`pool.endBalance`), or '' when the reason names its own place (a line of the file). */
  field: string;
  /** Where in the text, when that is the place (a JSON syntax error's line and column). */
  place?: CoreMessage;
  message: CoreMessage;
}

export interface ReportsReadResult {
  /** In period order, each following on from the history and the one before it. */
  accepted: { file: string; report: ServicerReport }[];
  refused: ReportRefusal[];
}

export interface SurveillanceRequest {
  kind: 'surveillance';
  deal: Deal;
  /** Loan-level pool imported on the Pool screen; null runs the deal's own rep lines. */
  loans: LoanPool | null;
  /** The scenario the actuals are compared with; every scenario is run for the projected breaches. */
  scenario: string;
}

export interface SurveillanceResult {
  scenario: string;
  rows: ComparisonRow[];
  headroom: HeadroomCell[];
  breaches: ReturnType<typeof projectedBreaches>;
}

/** The raw reports in one file (JSON: an object or an array of them), with their labels for refusals. */
function rawReports(f: ReportFile, refused: ReportRefusal[]): { label: string; raw: unknown }[] {
  const items = (rows: readonly (readonly string[])[], firstLine: number) => {
    const { report, problems } = readReportItems(rows, firstLine);
    for (const p of problems) refused.push({ file: f.name, period: null, field: '', message: p.message });
    return report === undefined ? [] : [{ label: f.name, raw: report as unknown }];
  };
  if (f.sheet) return items(f.sheet.rows, f.sheet.rowNumbers[0] ?? 1);
  if (!f.bytes) throw new Error(`${f.name}: no file content`);
  const text = decodeTape(f.name, f.bytes).text;
  if (/\.json$/i.test(f.name) || /^\s*[[{]/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const at = findJsonSyntaxError(text);
      refused.push({
        file: f.name,
        period: null,
        field: '',
        ...(at ? { place: coreMessage('file.lineColumn', { line: at.line, column: at.column }) } : {}),
        message: at?.problem ?? coreMessage('file.invalidJson'),
      });
      return [];
    }
    const list = Array.isArray(json) ? json : [json];
    return list.map((raw, i) => ({ label: list.length > 1 ? `${f.name}[${i}]` : f.name, raw }));
  }
  return items(parseCsvText(text, sniffDelimiter(text.slice(0, 64 * 1024)).delimiter).rows, 1);
}

const refusalsOf = (file: string, problems: readonly ReportProblem[]): ReportRefusal[] =>
  problems.map((p) => ({ file, period: p.period, field: p.field, message: p.message }));

export function readReports(req: Omit<ReportsReadRequest, 'kind'>): ReportsReadResult {
  const refused: ReportRefusal[] = [];
  const parsed: { file: string; report: ServicerReport }[] = [];
  for (const f of req.files)
    for (const { label, raw } of rawReports(f, refused)) {
      const r = ServicerReport.safeParse(raw);
      if (r.success) parsed.push({ file: label, report: r.data });
      else {
        const period =
          raw !== null && typeof raw === 'object' && typeof (raw as { period?: unknown }).period === 'number'
            ? (raw as { period: number }).period
            : null;
        for (const i of zodIssues(r.error.issues))
          refused.push({
            file: label,
            period,
            field: i.path,
            ...(i.place ? { place: i.place } : {}),
            message: { code: i.code, params: i.params, message: i.message },
          });
      }
    }
  const history = [...req.history].sort((a, b) => a.period - b.period);
  let prev: ServicerReport | undefined = history[history.length - 1];
  const accepted: ReportsReadResult['accepted'] = [];
  // Stable: two files for one month keep the order they were picked in, and the second is refused.
  for (const c of [...parsed].sort((a, b) => a.report.period - b.report.period)) {
    const r = c.report;
    const problems: ReportProblem[] = [...reportProblems(r)];
    for (const cl of r.classes)
      if (!req.classIds.includes(cl.id))
        problems.push({
          period: r.period,
          field: `classes.${cl.id}`,
          message: coreMessage('surveillance.unknownClass', { id: cl.id, classes: req.classIds.join(', ') }),
        });
    if (history.some((h) => h.period === r.period) || accepted.some((a) => a.report.period === r.period))
      problems.push({
        period: r.period,
        field: 'period',
        message: coreMessage('surveillance.duplicatePeriod', { period: r.period }),
      });
    else if (prev !== undefined) problems.push(...continuityProblems(prev, r));
    if (problems.length > 0) refused.push(...refusalsOf(c.file, problems));
    else {
      accepted.push(c);
      prev = r;
    }
  }
  return { accepted, refused };
}

/** The deal under each scenario beside its reports, as `abs-workbench surveil` prints it. */
export function compareToProjection(deal: Deal, pool: PoolInput, scenario: string): SurveillanceResult {
  const reports = deal.surveillance?.reports ?? [];
  const runs: RunResult[] = deal.scenarios.map((s) =>
    runDeal(deal, pool, { scenario: s.name, analytics: false }),
  );
  const run = runs.find((r) => r.scenario.name === scenario) ?? runs[0];
  if (run === undefined) throw new Error('The deal has no scenario');
  const rows = actualAgainstProjected(run, reports);
  return {
    scenario: run.scenario.name,
    rows,
    headroom: triggerHeadroom(deal.structure.triggers, reports, rows),
    breaches: projectedBreaches(deal.structure.triggers, runs),
  };
}
