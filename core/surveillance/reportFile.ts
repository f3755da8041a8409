/**
 * Servicer report files → reports, for the CLI and the app alike: JSON (one report or an array, the schema of
 * servicerReport.ts), CSV text, or a workbook's sheet already read into rows by the spreadsheet worker
 * (core/node/import/xlsxFile.ts in the CLI, renderer/engine/sheetReader.ts in the app: an untrusted workbook is
 * never parsed here). CSV and sheets are item/value rows (reportItems.ts). Every file of a batch is read and
 * every problem listed, each named by file and, where the report got that far, its period and month, so one
 * pass shows all that is wrong; a file with a problem yields no report.
 */
import { zodIssues } from '../deal/load';
import { findJsonSyntaxError } from '../deal/jsonSyntax';
import { coreMessage, type CoreMessage } from '../i18n/messages';
import { parseCsvText, sniffDelimiter } from '../io/tape/csv';
import { readReportItems } from './reportItems';
import { ServicerReport } from './servicerReport';

export type ReportSource =
  | { name: string; kind: 'json'; text: string }
  | { name: string; kind: 'csv'; text: string }
  | {
      name: string;
      kind: 'sheet';
      rows: readonly (readonly string[])[];
      /** 1-based sheet row of each entry of `rows` (blank rows are skipped). */
      rowNumbers?: readonly number[];
      date1904?: boolean;
    };

export interface ReportFileProblem {
  /** The file, with `[i]` for the i-th report of a JSON array. */
  file: string;
  /** The report's period and payment date when they could be read. */
  period: number | null;
  date: string | null;
  /** The field (dotted path), a line (`line 7`), or '' for the file as a whole. */
  field: string;
  message: CoreMessage;
}

export interface SourcedReport {
  report: ServicerReport;
  file: string;
}

export interface ReadReportsResult {
  reports: SourcedReport[];
  problems: ReportFileProblem[];
}

/** The period and date a raw report states, for naming its problems before it is valid. */
function whenOf(raw: unknown): { period: number | null; date: string | null } {
  if (raw === null || typeof raw !== 'object') return { period: null, date: null };
  const r = raw as { period?: unknown; paymentDate?: unknown };
  return {
    period: typeof r.period === 'number' && Number.isInteger(r.period) ? r.period : null,
    date: typeof r.paymentDate === 'string' && r.paymentDate.length <= 32 ? r.paymentDate : null,
  };
}

function raws(src: ReportSource, problems: ReportFileProblem[]): { raw: unknown; file: string }[] {
  const fileProblem = (field: string, message: CoreMessage): void => {
    problems.push({ file: src.name, period: null, date: null, field, message });
  };
  if (src.kind === 'json') {
    const text = src.text.charCodeAt(0) === 0xfeff ? src.text.slice(1) : src.text;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      const where = findJsonSyntaxError(text);
      if (where)
        fileProblem(`line ${where.line}, column ${where.column}`, {
          ...coreMessage('file.invalidJsonAt', { reason: where.problem.message }),
          nested: { reason: where.problem },
        });
      else fileProblem('', coreMessage('file.invalidJson'));
      return [];
    }
    const list = Array.isArray(json) ? json : [json];
    return list.map((raw, i) => ({ raw, file: list.length > 1 ? `${src.name}[${i}]` : src.name }));
  }
  const { rows, lines } =
    src.kind === 'csv'
      ? parseCsvText(src.text, sniffDelimiter(src.text.slice(0, 64 * 1024)).delimiter)
      : { rows: src.rows, lines: src.rowNumbers };
  const items = readReportItems(rows, 1, {
    ...(lines !== undefined ? { lineNumbers: lines } : {}),
    ...(src.kind === 'sheet' ? { sheet: { date1904: src.date1904 ?? false } } : {}),
  });
  for (const p of items.problems) fileProblem(`line ${p.line}`, p.message);
  return items.report === undefined ? [] : [{ raw: items.report, file: src.name }];
}

/** Reads every source; reports in the order given, problems of all of them. */
export function readReportSources(sources: readonly ReportSource[]): ReadReportsResult {
  const reports: SourcedReport[] = [];
  const problems: ReportFileProblem[] = [];
  for (const src of sources)
    for (const { raw, file } of raws(src, problems)) {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        problems.push({
          file,
          period: null,
          date: null,
          field: '',
          message: coreMessage('surveillance.notAnObject'),
        });
        continue;
      }
      const parsed = ServicerReport.safeParse(raw);
      if (parsed.success) {
        reports.push({ report: parsed.data, file });
        continue;
      }
      const when = whenOf(raw);
      for (const issue of zodIssues(parsed.error.issues))
        problems.push({
          file,
          ...when,
          field: issue.path,
          message: {
            ...(issue.code !== undefined ? { code: issue.code } : {}),
            ...(issue.params ? { params: issue.params } : {}),
            ...(issue.nested ? { nested: issue.nested } : {}),
            message: issue.message,
          },
        });
    }
  return { reports, problems };
}

/** The kind of a report file by its name: JSON, a workbook, or CSV text (any other name). */
export function reportFileKind(name: string): 'json' | 'sheet' | 'csv' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.(xlsx|xlsm|xls)$/i.test(name)) return 'sheet';
  return 'csv';
}
