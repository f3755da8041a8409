/**
 * Pool: the import wizard (pick a tape → mapping with suggestions and preview → validation report with the
 * rejected rows → accept), then the loan tape grid, the cut-off summary and the stratification tables.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { FIELD_SPECS, POOL_FIELDS, type PoolField } from '../../core/io/tape/fields';
import type { TapeMapping } from '../../core/io/tape/mapping';
import type { TapeEncoding } from '../../core/io/tape/encoding';
import type { RepLine } from '../../core/deal/schema';
import { rejectsToCsv, type RejectedRow } from '../../core/io/tape/report';
import { poolSummary } from '../../core/pool/strat';
import { useApp } from '../AppContext';
import { Kpi } from '../components/Kpi';
import { DataGrid } from '../components/DataGrid';
import { ReportGrid } from '../components/ReportGrid';
import { columnWidth } from '../components/reportColumns';
import { textMeasure } from '../components/textMeasure';
import type { SheetRows } from '../../core/io/tape/sheetMessage';
import type { JobProgress } from '../engine/client';
import { engine } from '../engine/engineWorker';
import { tapeFileProblem } from '../engine/tapeFileCheck';
import { tapeHead } from '../engine/tapeHead';
import { isSpreadsheetTape, readTapeSheet, sheetTape } from '../engine/sheetReader';
import type { TapeImportResult, TapeInspection } from '../engine/tapeTypes';
import { integer, money, pct } from '../format';
import { poolAutosaved } from '../project/autosave';
import { LoanPoolView } from './pool/LoanPoolView';
import { rejectReasonsTable, repLinesTable } from './pool/poolTables';

type Wizard =
  | { step: 'idle' }
  | {
      step: 'mapping';
      name: string;
      bytes: Uint8Array;
      inspection: TapeInspection;
      columns: Partial<Record<PoolField, string>>;
      /** A spreadsheet's chosen sheet, read once by the sheet worker and imported from these rows. */
      sheet?: SheetRows;
      /** A CSV tape's encoding chosen instead of the detected one. */
      encoding?: TapeEncoding;
      /** The tape's as-of date for rows without a cut-off column (YYYY-MM-DD, prefilled from the deal). */
      cutoffDate: string;
    }
  | {
      step: 'report';
      name: string;
      bytes: Uint8Array;
      inspection: TapeInspection;
      columns: Partial<Record<PoolField, string>>;
      sheet?: SheetRows;
      encoding?: TapeEncoding;
      cutoffDate: string;
      result: TapeImportResult;
    };

/** Mapping columns as the suggestion proposes them. */
function suggestedColumns(inspection: TapeInspection): Partial<Record<PoolField, string>> {
  const columns: Partial<Record<PoolField, string>> = {};
  for (const f of inspection.suggestion.fields) columns[f.field] = f.column;
  return columns;
}

/** A sheet read in the sheet worker, then its first rows previewed in the engine worker. */
async function inspectSheet(
  name: string,
  bytes: Uint8Array,
  sheetName: string | undefined,
  onProgress: (p: JobProgress) => void,
): Promise<{ sheet: SheetRows; inspection: TapeInspection }> {
  const sheet = await readTapeSheet(name, bytes, sheetName, onProgress);
  const inspection = await engine().request(
    { kind: 'sheetInspect', ...sheetTape(name, bytes.byteLength, sheet, true) },
    onProgress,
  );
  return { sheet, inspection };
}

const STEPS = ['Choose file', 'Map columns', 'Validate', 'Accept'] as const;

function WizardSteps({ active }: { active: number }) {
  return (
    <div className="wizard-steps">
      {STEPS.map((s, i) => (
        <span key={s} className={i === active ? 'active' : i < active ? 'done' : ''}>
          {i + 1}. {s}
        </span>
      ))}
    </div>
  );
}

export function PoolScreen() {
  const { state, host, job, notify, dispatch } = useApp();
  const doc = state.history.present;
  const [wizard, setWizard] = useState<Wizard>({ step: 'idle' });
  // Why the chosen file was stopped at the first step (empty, binary), shown until another is chosen.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const cutoffDate = doc.deal.cutoffDate;

  async function chooseTape(): Promise<void> {
    const file = await host.openTape();
    if (!file) return;
    setFileProblem(null);
    const spreadsheet = isSpreadsheetTape(file.name, file.bytes);
    const problem = spreadsheet ? null : tapeFileProblem(file.name, file.bytes);
    if (problem) {
      setWizard({ step: 'idle' });
      setFileProblem(problem);
      return;
    }
    if (spreadsheet) {
      const read = await job(`Reading ${file.name}`, (p) =>
        inspectSheet(file.name, file.bytes, undefined, p),
      );
      if (!read) return;
      const { sheet, inspection } = read;
      setWizard({
        step: 'mapping',
        name: file.name,
        bytes: file.bytes,
        inspection,
        columns: suggestedColumns(inspection),
        sheet,
        cutoffDate: inspection.suggestion.mapping.cutoffDate ?? cutoffDate,
      });
      return;
    }
    const inspection = await job(`Reading ${file.name}`, (p) =>
      // Only the head goes: the preview reads ~30 rows, and posting the whole tape copies all of it here.
      engine().request(
        {
          kind: 'tapeInspect',
          name: file.name,
          bytes: tapeHead(file.bytes),
          fileBytes: file.bytes.byteLength,
        },
        p,
      ),
    );
    if (!inspection) return;
    if (inspection.headers.length === 0) {
      setFileProblem(
        `${file.name} has no columns to map: its first line is empty. Choose the tape file itself.`,
      );
      return;
    }
    setWizard({
      step: 'mapping',
      name: file.name,
      bytes: file.bytes,
      inspection,
      columns: suggestedColumns(inspection),
      cutoffDate: inspection.suggestion.mapping.cutoffDate ?? cutoffDate,
    });
  }

  /** Another sheet of the workbook: read again, and the mapping starts over from its own suggestion. */
  async function chooseSheet(w: Extract<Wizard, { step: 'mapping' }>, sheetName: string): Promise<void> {
    const read = await job(`Reading ${w.name}, sheet ${sheetName}`, (p) =>
      inspectSheet(w.name, w.bytes, sheetName, p),
    );
    if (!read) return;
    setWizard({
      ...w,
      inspection: read.inspection,
      columns: suggestedColumns(read.inspection),
      sheet: read.sheet,
    });
  }

  /** The tape read again in the encoding the user chose; the mapping starts over from its suggestion. */
  async function chooseEncoding(
    w: Extract<Wizard, { step: 'mapping' }>,
    encoding: TapeEncoding,
  ): Promise<void> {
    const inspection = await job(`Reading ${w.name} as ${encoding.toUpperCase()}`, (p) =>
      engine().request(
        {
          kind: 'tapeInspect',
          name: w.name,
          bytes: tapeHead(w.bytes),
          fileBytes: w.bytes.byteLength,
          encoding,
        },
        p,
      ),
    );
    if (!inspection) return;
    setWizard({ ...w, inspection, columns: suggestedColumns(inspection), encoding });
  }

  async function validate(w: Extract<Wizard, { step: 'mapping' }>): Promise<void> {
    const mapping: TapeMapping = {
      ...w.inspection.suggestion.mapping,
      name: w.inspection.suggestion.preset ?? 'custom',
      columns: w.columns,
      // The engine prefers a mapped cut-off column; this date covers a tape without one.
      cutoffDate: w.cutoffDate,
    };
    const sheet = w.sheet;
    const result = await job(`Importing ${w.name}`, (p) =>
      sheet
        ? engine().request(
            { kind: 'sheetImport', ...sheetTape(w.name, w.bytes.byteLength, sheet), mapping },
            p,
          )
        : engine().request(
            {
              kind: 'tapeImport',
              name: w.name,
              bytes: w.bytes,
              mapping,
              ...(w.encoding !== undefined ? { encoding: w.encoding } : {}),
            },
            p,
          ),
    );
    if (result) setWizard({ ...w, step: 'report', result });
  }

  function accept(result: TapeImportResult): void {
    dispatch({
      type: 'edit',
      label: `import ${result.provenance.sourceFile}`,
      update: (d) => ({ ...d, pool: { loans: result.pool, provenance: result.provenance } }),
    });
    setWizard({ step: 'idle' });
    notify({
      kind: 'success',
      text: `Pool imported: ${integer(result.report.accepted)} loans, ${integer(result.report.rejected)} rejected`,
    });
  }

  /** The deal's cut-off moves to the tape's as-of date (an undoable deal edit). */
  function moveDealCutoff(to: string): void {
    dispatch({
      type: 'edit',
      label: `move the cut-off to ${to}`,
      update: (d) => ({ ...d, deal: { ...d.deal, cutoffDate: to } }),
    });
    notify({ kind: 'success', text: `The deal's cut-off is now ${to}, the tape's as-of date` });
  }

  async function exportRejects(name: string, rejects: RejectedRow[]): Promise<void> {
    const csv = rejectsToCsv(rejects);
    await host.exportFile(
      `${name.replace(/\.[^.]+$/, '')}-rejected-rows.csv`,
      new TextEncoder().encode(csv),
      'text/csv',
    );
  }

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Pool</h1>
        <p className="muted">
          {doc.pool
            ? `Loan-level pool from ${doc.pool.provenance.sourceFile}${doc.pool.provenance.sheet !== undefined ? `, sheet “${doc.pool.provenance.sheet}”` : ''} (imported ${doc.pool.provenance.importedAt.slice(0, 10)}); runs use it instead of the deal's rep lines.`
            : "The deal's representative lines. Import a loan tape to run the deal loan by loan."}
        </p>
        <div className="actions">
          <button className="primary" onClick={() => void chooseTape()} data-testid="import-tape">
            Import loan tape…
          </button>
          {doc.pool ? (
            <button
              onClick={() =>
                dispatch({
                  type: 'edit',
                  label: 'remove imported pool',
                  update: (d) => ({ ...d, pool: null }),
                })
              }
            >
              Use the deal's rep lines
            </button>
          ) : null}
        </div>
        {fileProblem ? (
          <p className="bad" role="alert" data-testid="tape-file-problem">
            {fileProblem}
          </p>
        ) : null}
      </div>

      {wizard.step === 'mapping' ? (
        <MappingStep
          wizard={wizard}
          onCutoff={(d) => setWizard({ ...wizard, cutoffDate: d })}
          onChange={(columns) => setWizard({ ...wizard, columns })}
          onCancel={() => setWizard({ step: 'idle' })}
          onValidate={() => void validate(wizard)}
          onSheet={(name) => void chooseSheet(wizard, name)}
          onEncoding={(encoding) => void chooseEncoding(wizard, encoding)}
        />
      ) : null}

      {wizard.step === 'report' ? (
        <ReportStep
          result={wizard.result}
          dealCutoff={cutoffDate}
          onMoveCutoff={moveDealCutoff}
          onAgeToDeal={
            // Without a cut-off column the tape's date is the one typed in the wizard: importing again at the
            // deal's date re-derives every remaining term there, which ages the pool to the deal. A tape stating its
            // remaining terms or its own date cannot be aged here.
            wizard.columns.cutoffDate ? null : () => void validate({ ...wizard, step: 'mapping', cutoffDate })
          }
          onBack={() => setWizard({ ...wizard, step: 'mapping' })}
          onCancel={() => setWizard({ step: 'idle' })}
          onAccept={() => accept(wizard.result)}
          onExportRejects={() => void exportRejects(wizard.name, wizard.result.report.rejects)}
        />
      ) : null}

      {wizard.step === 'idle' && doc.pool ? (
        <LoanPoolView pool={doc.pool.loans} autosaved={poolAutosaved(doc.pool)} />
      ) : null}
      {wizard.step === 'idle' && !doc.pool ? <RepLines /> : null}
    </div>
  );
}

function MappingStep({
  wizard,
  onCutoff,
  onChange,
  onCancel,
  onValidate,
  onSheet,
  onEncoding,
}: {
  wizard: Extract<Wizard, { step: 'mapping' }>;
  onCutoff: (date: string) => void;
  onChange: (c: Partial<Record<PoolField, string>>) => void;
  onCancel: () => void;
  onValidate: () => void;
  onSheet: (name: string) => void;
  onEncoding: (encoding: TapeEncoding) => void;
}) {
  const { inspection, columns } = wizard;
  const s = inspection.suggestion;
  const byField = new Map(s.fields.map((f) => [f.field, f]));
  const missing = POOL_FIELDS.filter((f) => FIELD_SPECS[f].required && !columns[f]);
  const used = new Map<string, PoolField[]>();
  for (const [f, h] of Object.entries(columns)) if (h) used.set(h, [...(used.get(h) ?? []), f as PoolField]);
  const duplicated = [...used.entries()].filter(([, fs]) => fs.length > 1);
  const cutoffBad = !/^\d{4}-\d{2}-\d{2}$/.test(wizard.cutoffDate);
  const mappedHeaders = useMemo(() => new Set(Object.values(columns)), [columns]);
  return (
    <section className="card" data-testid="mapping-step">
      <WizardSteps active={1} />
      <div className="card-head">
        <h2>Map columns: {wizard.name}</h2>
        {inspection.sheet && inspection.sheet.names.length > 1 ? (
          <label className="sheet-pick">
            Sheet{' '}
            <select
              value={inspection.sheet.name}
              data-testid="tape-sheet"
              onChange={(e) => onSheet(e.target.value)}
            >
              {inspection.sheet.names.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="sheet-pick" title={inspection.encodingNote}>
            Encoding{' '}
            <select
              value={inspection.encoding}
              data-testid="tape-encoding"
              onChange={(e) => onEncoding(e.target.value as TapeEncoding)}
            >
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e.toUpperCase()}
                  {e === detectedEncoding(inspection) ? ' (detected)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted small">
          {inspection.headers.length} columns ·{' '}
          {inspection.sheet
            ? `sheet “${inspection.sheet.name}” of ${inspection.sheet.names.length}`
            : `delimiter ${inspection.delimiter === '\t' ? 'tab' : `"${inspection.delimiter}"`} · ${encodingText(inspection)}`}{' '}
          ·{' '}
          {s.preset
            ? `matches the “${s.preset}” layout`
            : `suggested from the headers (confidence ${pct(s.confidence, 0)})`}
        </span>
      </div>
      <div className="two-col wide-left">
        <div>
          <table className="table mapping">
            <thead>
              <tr>
                <th>Pool field</th>
                <th>Tape column</th>
                <th>Suggestion</th>
              </tr>
            </thead>
            <tbody>
              {POOL_FIELDS.map((f) => {
                const spec = FIELD_SPECS[f];
                const sug = byField.get(f);
                const bad =
                  (spec.required && !columns[f]) || (columns[f] && (used.get(columns[f]!)?.length ?? 0) > 1);
                return (
                  <tr key={f} className={bad ? 'row-bad' : ''}>
                    <td>
                      {spec.label}
                      {spec.required ? (
                        <span className="req" title="required">
                          {' '}
                          *
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <select
                        value={columns[f] ?? ''}
                        data-testid={`map-${f}`}
                        aria-label={`Column for ${spec.label}`}
                        onChange={(e) => onChange({ ...columns, [f]: e.target.value || undefined })}
                      >
                        <option value="">— not mapped —</option>
                        {inspection.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted small">
                      {sug
                        ? `${sug.via === 'preset' ? 'layout' : 'name match'} ${pct(sug.confidence, 0)}`
                        : ''}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div>
          {missing.length > 0 ? (
            <p className="bad" role="alert">
              Map the required fields: {missing.map((f) => FIELD_SPECS[f].label).join(', ')}.
              {inspection.sheet && inspection.sheet.names.length > 1
                ? ' If this sheet is not the tape, pick another sheet above.'
                : ''}
            </p>
          ) : null}
          {duplicated.map(([h, fs]) => (
            <p key={h} className="bad" role="alert">
              Column “{h}” is mapped to {fs.length} fields ({fs.join(', ')}).
            </p>
          ))}
          <label className="cutoff-field">
            Tape cut-off date{' '}
            <input
              type="date"
              value={wizard.cutoffDate}
              data-testid="tape-cutoff"
              aria-invalid={cutoffBad ? true : undefined}
              onChange={(e) => onCutoff(e.target.value)}
            />
          </label>
          <p className="muted small" data-testid="tape-cutoff-note">
            {columns.cutoffDate
              ? `Read from the tape's “${columns.cutoffDate}” column; this date covers rows without one.`
              : 'The date the balances are as of. Remaining terms missing from the tape are counted from it (prefilled with the deal’s cut-off).'}
          </p>
          {cutoffBad ? (
            <p className="bad" role="alert">
              Enter the tape&apos;s cut-off date.
            </p>
          ) : null}
          {s.unmappedColumns.length > 0 ? (
            <p className="muted small">Not used: {s.unmappedColumns.join(', ')}</p>
          ) : null}
          <div className="actions">
            <button
              className="primary"
              disabled={missing.length > 0 || duplicated.length > 0 || cutoffBad}
              onClick={onValidate}
              data-testid="validate-import"
            >
              Validate and import
            </button>
            <button onClick={onCancel}>Cancel</button>
          </div>
        </div>
      </div>
      <h2 className="section-title">Preview (first {Math.min(inspection.rows.length, PREVIEW_ROWS)} rows)</h2>
      <PreviewGrid inspection={inspection} mapped={mappedHeaders} />
    </section>
  );
}

const rejectCols: ColDef<RejectedRow>[] = [
  { field: 'row', headerName: 'Row', width: 80, type: 'rightAligned' },
  { field: 'column', headerName: 'Column', width: 150 },
  { field: 'value', headerName: 'Value', width: 170 },
  { field: 'reason', headerName: 'Reason', width: 190 },
  { field: 'message', headerName: 'Message', flex: 1, minWidth: 260 },
];

function ReportStep({
  result,
  dealCutoff,
  onMoveCutoff,
  onAgeToDeal,
  onBack,
  onCancel,
  onAccept,
  onExportRejects,
}: {
  result: TapeImportResult;
  dealCutoff: string;
  onMoveCutoff: (date: string) => void;
  /** Imports again as at the deal's cut-off; null when the tape's own cut-off column fixes its date. */
  onAgeToDeal: (() => void) | null;
  onBack: () => void;
  onCancel: () => void;
  onAccept: () => void;
  onExportRejects: () => void;
}) {
  const r = result.report;
  const total = poolSummary(result.pool).totalBalance;
  const reasons = useMemo(() => rejectReasonsTable(r.byReason), [r.byReason]);
  return (
    <section className="card" data-testid="report-step">
      <WizardSteps active={2} />
      <div className="card-head">
        <h2>Validation report: {r.source.name}</h2>
        <span className="muted small">
          {r.source.sheet !== undefined ? `sheet “${r.source.sheet}” · ` : ''}
          mapping “{r.mapping.name}”{r.mapping.suggested ? ' (suggested)' : ''} · cut-off{' '}
          {r.cutoffDate ?? 'not given'}
        </span>
      </div>
      <div className="kpi-row">
        <Kpi label="Rows read" value={integer(r.rowsRead)} />
        <Kpi label="Accepted" value={integer(r.accepted)} tone="ok" testId="accepted-count" />
        <Kpi
          label="Rejected"
          value={integer(r.rejected)}
          tone={r.rejected > 0 ? 'bad' : undefined}
          testId="rejected-count"
        />
        <Kpi label="Accepted balance" value={money(total)} />
        <Kpi label="Blank lines" value={integer(r.blankLines)} />
        <Kpi
          label="Elapsed"
          value={r.elapsedMs === undefined ? '–' : `${(r.elapsedMs / 1000).toFixed(1)} s`}
        />
      </div>
      {r.errors.map((e) => (
        <p key={e} className="bad">
          {e}
        </p>
      ))}
      {r.cutoffDate && r.cutoffDate !== dealCutoff ? (
        <div className="problems" data-testid="cutoff-mismatch">
          The tape is as of {r.cutoffDate} but the deal&apos;s cut-off is {dealCutoff}: accepted as it is, the
          pool would be projected from {dealCutoff} as if its loans still stood as they did on {r.cutoffDate}.
          <div className="actions">
            <button onClick={() => onMoveCutoff(r.cutoffDate ?? dealCutoff)} data-testid="move-cutoff">
              Move the deal&apos;s cut-off to {r.cutoffDate}
            </button>
            {onAgeToDeal ? (
              <button onClick={onAgeToDeal} data-testid="age-pool">
                Import as at {dealCutoff} (remaining terms counted from it)
              </button>
            ) : (
              <span className="muted small">
                The tape states its own date or remaining terms; to age the pool, export the tape as at{' '}
                {dealCutoff}.
              </span>
            )}
          </div>
        </div>
      ) : null}
      {r.warnings.map((w) => (
        <p key={w} className="warn">
          {w}
        </p>
      ))}
      <div className="two-col wide-left">
        <div>
          <div className="card-head">
            <h2>Rejected rows</h2>
            <button onClick={onExportRejects} disabled={r.rejects.length === 0} data-testid="export-rejects">
              Export rejected rows (CSV)
            </button>
          </div>
          <DataGrid<RejectedRow>
            rowData={r.rejects}
            columnDefs={rejectCols}
            height={260}
            hideCsv
            testId="rejects-grid"
          />
          {r.rejectsNotListed > 0 ? (
            <p className="muted small">{integer(r.rejectsNotListed)} more not listed.</p>
          ) : null}
        </div>
        <div>
          {/* Wide enough for the longest reason in one line beside its count. */}
          <ReportGrid table={reasons} testId="reject-reasons" firstWidth={330} />
          {r.rules.length > 0 ? (
            <details>
              <summary className="muted small">How values were read ({r.rules.length} rules)</summary>
              <ul className="small">
                {r.rules.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button className="primary" onClick={onAccept} disabled={r.accepted === 0} data-testid="accept-pool">
          Accept pool ({integer(r.accepted)} loans)
        </button>
        <button onClick={onBack}>Back to mapping</button>
        <button onClick={onCancel}>Cancel</button>
      </div>
    </section>
  );
}

function RepLines() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  if (deal.pool.kind !== 'repLines') {
    return (
      <section className="card">
        <p>
          The deal reads its loans from a pool file (<code>{deal.pool.path}</code>). Import the tape here to
          run it in the workbench.
        </p>
      </section>
    );
  }
  return <RepLinesCard lines={deal.pool.lines} />;
}

/** A small monthly fee rate reads to three decimals (0.125%), as the deal editor shows it. */
const REP_LINE_TEXT = { fee: (v: string | number | null) => (typeof v === 'number' ? pct(v, 3) : '–') };

function RepLinesCard({ lines }: { lines: RepLine[] }) {
  const table = useMemo(() => repLinesTable(lines), [lines]);
  const total = lines.reduce((s, l) => s + l.balance, 0);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Representative lines</h2>
        <span className="muted small">
          {lines.length} lines · {money(total)}
        </span>
      </div>
      <ReportGrid table={table} testId="rep-lines" cellText={REP_LINE_TEXT} />
    </section>
  );
}

const ENCODINGS: readonly TapeEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** The detector's answer, also once the user has chosen another encoding (the note names it). */
function detectedEncoding(inspection: TapeInspection): string {
  const m = /\(detected: ([a-z0-9-]+)\)/.exec(inspection.encodingNote ?? '');
  return m ? m[1]! : inspection.encoding;
}

/** UTF-8 read from a big tape's head only may yet turn out GB18030 further down; the import reads it all. */
function encodingText(inspection: TapeInspection): string {
  const name = inspection.encoding.toUpperCase();
  return inspection.headBytes !== undefined && inspection.encoding === 'utf-8'
    ? `${name} in the first ${(inspection.headBytes / 1024 / 1024).toFixed(1)} MB`
    : name;
}

const PREVIEW_ROWS = 12;

/** Preview cells are the tape's text as read; the mapped columns stand out, the others are greyed. */
function PreviewGrid({
  inspection,
  mapped,
}: {
  inspection: TapeInspection;
  mapped: Set<string | undefined>;
}) {
  const rows = useMemo(() => inspection.rows.slice(0, PREVIEW_ROWS), [inspection]);
  const cols = useMemo<ColDef<string[]>[]>(() => {
    const measure = textMeasure();
    return inspection.headers.map((h, j) => {
      const on = mapped.has(h);
      return {
        colId: `c${j}`,
        headerName: h,
        headerTooltip: h,
        valueGetter: (p) => p.data?.[j] ?? '',
        width: Math.min(
          columnWidth(
            h,
            rows.map((r) => r[j] ?? ''),
            measure,
          ),
          240,
        ),
        headerClass: on ? 'mapped' : 'unmapped',
        cellClass: on ? undefined : 'muted',
        ...(j === 0 ? { pinned: 'left' as const } : {}),
      };
    });
  }, [inspection, rows, mapped]);
  return (
    <DataGrid<string[]>
      rowData={rows}
      columnDefs={cols}
      autoHeight
      // All twelve rows, and a horizontal scrollbar, without a scroll of their own.
      maxBodyHeight={PREVIEW_ROWS * 26 + 18}
      testId="tape-preview"
      csvName="tape preview"
    />
  );
}
