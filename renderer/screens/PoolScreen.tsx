/**
 * Pool: the import wizard (pick a tape → mapping with suggestions and preview → validation report with the
 * rejected rows, and the codes it did not know to map → accept), then the loan tape grid, the cut-off summary
 * and the stratification tables. Texts come from the `pool` namespace (and `tape` for the import's own words).
 */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { FIELD_SPECS, POOL_FIELDS, type PoolField } from '../../core/io/tape/fields';
import type { TapeMapping } from '../../core/io/tape/mapping';
import type { TapeEncoding } from '../../core/io/tape/encoding';
import { coreText } from '../../core/i18n/messages';
import type { RepLine } from '../../core/deal/schema';
import { rejectsToCsv, reportTexts, type RejectedRow } from '../../core/io/tape/report';
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
import { useDisplay } from '../i18n/DisplayContext';
import { LoanPoolView } from './pool/LoanPoolView';
import { rejectReasonsTable, repLinesTable } from './pool/poolTables';
import { UnknownCodesCard, mappingFileName, withValues, type ValueMap } from './pool/UnknownCodes';
import { amountUnit } from '../format';

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
      /** Codes the user mapped in the unknown-code step (the mapping's value map). */
      values: ValueMap;
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
      values: ValueMap;
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

function WizardSteps({ active }: { active: number }) {
  const { t } = useTranslation('pool');
  const steps = [t('steps.choose'), t('steps.map'), t('steps.validate'), t('steps.accept')];
  return (
    <div className="wizard-steps">
      {steps.map((s, i) => (
        <span key={i} className={i === active ? 'active' : i < active ? 'done' : ''}>
          {t('steps.item', { n: i + 1, label: s })}
        </span>
      ))}
    </div>
  );
}

export function PoolScreen() {
  const { state, host, job, notify, dispatch } = useApp();
  const { t } = useTranslation('pool');
  const { lang } = useDisplay();
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
    const problem = spreadsheet ? null : tapeFileProblem(file.name, file.bytes, t);
    if (problem) {
      setWizard({ step: 'idle' });
      setFileProblem(problem);
      return;
    }
    if (spreadsheet) {
      const read = await job(t('job.reading', { file: file.name }), (p) =>
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
        values: inspection.suggestion.mapping.values,
      });
      return;
    }
    const inspection = await job(t('job.reading', { file: file.name }), (p) =>
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
      setFileProblem(t('problem.noColumns', { file: file.name }));
      return;
    }
    setWizard({
      step: 'mapping',
      name: file.name,
      bytes: file.bytes,
      inspection,
      columns: suggestedColumns(inspection),
      cutoffDate: inspection.suggestion.mapping.cutoffDate ?? cutoffDate,
      values: inspection.suggestion.mapping.values,
    });
  }

  /** Another sheet of the workbook: read again, and the mapping starts over from its own suggestion. */
  async function chooseSheet(w: Extract<Wizard, { step: 'mapping' }>, sheetName: string): Promise<void> {
    const read = await job(t('job.readingSheet', { file: w.name, sheet: sheetName }), (p) =>
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
    const inspection = await job(
      t('job.readingAs', { file: w.name, encoding: encoding.toUpperCase() }),
      (p) =>
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

  /** The mapping the wizard stands at: the suggestion's, with the user's columns, cut-off and code choices. */
  function mappingOf(w: Extract<Wizard, { step: 'mapping' | 'report' }>): TapeMapping {
    return withValues(
      {
        ...w.inspection.suggestion.mapping,
        name: w.inspection.suggestion.preset ?? 'custom',
        columns: w.columns,
        // The engine prefers a mapped cut-off column; this date covers a tape without one.
        cutoffDate: w.cutoffDate,
      },
      w.values,
    );
  }

  async function validate(w: Extract<Wizard, { step: 'mapping' }>): Promise<void> {
    const mapping = mappingOf(w);
    const sheet = w.sheet;
    const result = await job(t('job.importing', { file: w.name }), (p) =>
      sheet
        ? engine().request(
            { kind: 'sheetImport', ...sheetTape(w.name, w.bytes.byteLength, sheet), mapping, lang },
            p,
          )
        : engine().request(
            {
              kind: 'tapeImport',
              name: w.name,
              bytes: w.bytes,
              mapping,
              lang,
              ...(w.encoding !== undefined ? { encoding: w.encoding } : {}),
            },
            p,
          ),
    );
    if (result) setWizard({ ...w, step: 'report', result });
  }

  /** The mapping with its value map as a file, for the next tape of this platform (`--mapping FILE`). */
  async function saveMapping(w: Extract<Wizard, { step: 'report' }>, values: ValueMap): Promise<void> {
    const mapping = withValues(mappingOf(w), values);
    const name = mappingFileName(w.name);
    const saved = await host.exportFile(
      name,
      new TextEncoder().encode(JSON.stringify(mapping, null, 2) + '\n'),
      'application/json',
    );
    if (saved) notify({ kind: 'success', text: t('notice.mappingSaved', { file: name }) });
  }

  function accept(result: TapeImportResult): void {
    dispatch({
      type: 'edit',
      label: t('undo.importTape', { file: result.provenance.sourceFile }),
      update: (d) => ({ ...d, pool: { loans: result.pool, provenance: result.provenance } }),
    });
    setWizard({ step: 'idle' });
    notify({
      kind: 'success',
      text: t('notice.imported', {
        accepted: integer(result.report.accepted),
        rejected: integer(result.report.rejected),
      }),
    });
  }

  /** The deal's cut-off moves to the tape's as-of date (an undoable deal edit). */
  function moveDealCutoff(to: string): void {
    dispatch({
      type: 'edit',
      label: t('undo.moveCutoff', { date: to }),
      update: (d) => ({ ...d, deal: { ...d.deal, cutoffDate: to } }),
    });
    notify({ kind: 'success', text: t('notice.cutoffMoved', { date: to }) });
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
        <h1>{t('title')}</h1>
        <p className="muted">
          {doc.pool ? (
            <Trans
              t={t}
              i18nKey={doc.pool.provenance.sheet !== undefined ? 'intro.poolSheet' : 'intro.pool'}
              values={{
                file: doc.pool.provenance.sourceFile,
                sheet: doc.pool.provenance.sheet ?? '',
                date: doc.pool.provenance.importedAt.slice(0, 10),
              }}
              components={[<span key="f" translate="no" />, <span key="s" translate="no" />]}
            />
          ) : (
            t('intro.repLines')
          )}
        </p>
        <div className="actions">
          <button className="primary" onClick={() => void chooseTape()} data-testid="import-tape">
            {t('importTape')}
          </button>
          {doc.pool ? (
            <button
              onClick={() =>
                dispatch({
                  type: 'edit',
                  label: t('undo.removePool'),
                  update: (d) => ({ ...d, pool: null }),
                })
              }
            >
              {t('useRepLines')}
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
          values={wizard.values}
          onApplyCodes={(values) => void validate({ ...wizard, step: 'mapping', values })}
          onSaveMapping={(values) => void saveMapping(wizard, values)}
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
  const { t } = useTranslation('pool');
  const { lang } = useDisplay();
  const { inspection, columns } = wizard;
  const s = inspection.suggestion;
  const label = (f: PoolField): string => t(`tape:fields.${f}`);
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
        <h2>
          <Trans
            t={t}
            i18nKey="mapping.title"
            values={{ file: wizard.name }}
            components={[<span key="f" translate="no" />]}
          />
        </h2>
        {inspection.sheet && inspection.sheet.names.length > 1 ? (
          <label className="sheet-pick">
            {t('mapping.sheet')}{' '}
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
          <label
            className="sheet-pick"
            title={
              inspection.encodingNoteMessage
                ? coreText(t, inspection.encodingNoteMessage)
                : inspection.encodingNote
            }
          >
            {t('mapping.encoding')}{' '}
            <select
              value={inspection.encoding}
              data-testid="tape-encoding"
              onChange={(e) => onEncoding(e.target.value as TapeEncoding)}
            >
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e === detectedEncoding(inspection)
                    ? t('mapping.detected', { encoding: e.toUpperCase() })
                    : e.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted small">
          {[
            t('mapping.columns', { count: inspection.headers.length }),
            ...(inspection.sheet
              ? [t('mapping.sheetOf', { sheet: inspection.sheet.name, count: inspection.sheet.names.length })]
              : [
                  t('mapping.delimiter', {
                    delimiter: inspection.delimiter === '\t' ? t('mapping.tab') : `"${inspection.delimiter}"`,
                  }),
                  encodingText(inspection, t),
                ]),
            s.preset
              ? t('mapping.preset', { preset: s.preset })
              : t('mapping.suggested', { confidence: pct(s.confidence, 0) }),
          ].join(' · ')}
        </span>
      </div>
      <div className="two-col wide-left">
        <div>
          <table className="table mapping">
            <thead>
              <tr>
                <th>{t('mapping.field')}</th>
                <th>{t('mapping.column')}</th>
                <th>{t('mapping.suggestion')}</th>
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
                      {label(f)}
                      {spec.required ? (
                        <span className="req" title={t('mapping.required')}>
                          {' '}
                          *
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <select
                        value={columns[f] ?? ''}
                        data-testid={`map-${f}`}
                        aria-label={t('mapping.columnFor', { field: label(f) })}
                        onChange={(e) => onChange({ ...columns, [f]: e.target.value || undefined })}
                      >
                        <option value="">{t('mapping.notMapped')}</option>
                        {inspection.headers.map((h) => (
                          <option key={h} value={h}>
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted small">
                      {sug
                        ? t(sug.via === 'preset' ? 'mapping.viaLayout' : 'mapping.viaName', {
                            confidence: pct(sug.confidence, 0),
                          })
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
              {t(
                inspection.sheet && inspection.sheet.names.length > 1
                  ? 'mapping.missingSheet'
                  : 'mapping.missing',
                {
                  fields: missing.map(label).join(lang === 'en' ? ', ' : '、'),
                },
              )}
            </p>
          ) : null}
          {duplicated.map(([h, fs]) => (
            <p key={h} className="bad" role="alert">
              {t('mapping.duplicated', { column: h, count: fs.length, fields: fs.join(', ') })}
            </p>
          ))}
          <label className="cutoff-field">
            {t('mapping.cutoff')}{' '}
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
              ? t('mapping.cutoffFromColumn', { column: columns.cutoffDate })
              : t('mapping.cutoffNote')}
          </p>
          {cutoffBad ? (
            <p className="bad" role="alert">
              {t('mapping.cutoffBad')}
            </p>
          ) : null}
          {s.unmappedColumns.length > 0 ? (
            <p className="muted small">{t('mapping.unused', { columns: s.unmappedColumns.join(', ') })}</p>
          ) : null}
          <div className="actions">
            <button
              className="primary"
              disabled={missing.length > 0 || duplicated.length > 0 || cutoffBad}
              onClick={onValidate}
              data-testid="validate-import"
            >
              {t('mapping.validate')}
            </button>
            <button onClick={onCancel}>{t('cancel')}</button>
          </div>
        </div>
      </div>
      <h2 className="section-title">
        {t('mapping.preview', { count: Math.min(inspection.rows.length, PREVIEW_ROWS) })}
      </h2>
      <PreviewGrid inspection={inspection} mapped={mappedHeaders} />
    </section>
  );
}

/**
 * The rejected rows' columns. In English the reason code and the row's own message (the most specific words);
 * in another language the reason in words (the engine's messages are English text, the value has its column).
 */
function rejectCols(t: TFunction, lang: string): ColDef<RejectedRow>[] {
  const en = lang === 'en';
  return [
    { field: 'row', headerName: t('report.col.row'), width: 80, type: 'rightAligned' },
    { field: 'column', headerName: t('report.col.column'), width: 150 },
    { field: 'value', headerName: t('report.col.value'), width: 170 },
    {
      field: 'reason',
      headerName: t('report.col.reason'),
      width: 190,
      ...(en ? {} : { valueFormatter: (p: { value: unknown }) => t(`tape:reason.${String(p.value)}`) }),
    },
    {
      field: 'message',
      headerName: t('report.col.message'),
      flex: 1,
      minWidth: 260,
      ...(en
        ? {}
        : {
            valueGetter: (p: { data?: RejectedRow }) =>
              p.data
                ? t('tape:report.rowDetail', {
                    reason: t(`tape:reason.${p.data.reason}`),
                    value: p.data.value,
                  })
                : '',
          }),
    },
  ];
}

function ReportStep({
  result,
  dealCutoff,
  onMoveCutoff,
  onAgeToDeal,
  onBack,
  onCancel,
  onAccept,
  onExportRejects,
  values,
  onApplyCodes,
  onSaveMapping,
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
  values: ValueMap;
  onApplyCodes: (values: ValueMap) => void;
  onSaveMapping: (values: ValueMap) => void;
}) {
  const { t } = useTranslation('pool');
  const { lang, scale } = useDisplay();
  const currency = useApp().state.history.present.deal.currency;
  const r = result.report;
  const total = poolSummary(result.pool).totalBalance;
  const reasons = useMemo(() => rejectReasonsTable(r.byReason, t), [r.byReason, t]);
  const cols = useMemo(() => rejectCols(t, lang), [t, lang]);
  // The engine's sentences (how values were read, warnings, errors) in the interface language.
  const texts = useMemo(() => reportTexts(r, t, lang), [r, t, lang]);
  return (
    <section className="card" data-testid="report-step">
      <WizardSteps active={2} />
      <div className="card-head">
        <h2>
          <Trans
            t={t}
            i18nKey="report.title"
            values={{ file: r.source.name }}
            components={[<span key="f" translate="no" />]}
          />
        </h2>
        <span className="muted small">
          {[
            ...(r.source.sheet !== undefined ? [t('report.sheet', { sheet: r.source.sheet })] : []),
            t(r.mapping.suggested ? 'report.mappingSuggested' : 'report.mapping', { name: r.mapping.name }),
            r.cutoffDate ? t('report.cutoff', { date: r.cutoffDate }) : t('report.cutoffNone'),
          ].join(' · ')}
        </span>
      </div>
      <div className="kpi-row">
        <Kpi label={t('report.rowsRead')} value={integer(r.rowsRead)} />
        <Kpi label={t('report.accepted')} value={integer(r.accepted)} tone="ok" testId="accepted-count" />
        <Kpi
          label={t('report.rejected')}
          value={integer(r.rejected)}
          tone={r.rejected > 0 ? 'bad' : undefined}
          testId="rejected-count"
        />
        <Kpi
          label={
            scale === 'unit'
              ? t('report.acceptedBalance')
              : t('report.acceptedBalanceIn', { unit: amountUnit(currency) })
          }
          value={money(total)}
        />
        <Kpi label={t('report.blankLines')} value={integer(r.blankLines)} />
        <Kpi
          label={t('report.elapsed')}
          value={
            r.elapsedMs === undefined ? '–' : t('report.seconds', { value: (r.elapsedMs / 1000).toFixed(1) })
          }
        />
      </div>
      {r.unknownValues.length > 0 ? (
        <UnknownCodesCard
          unknown={r.unknownValues}
          values={values}
          onApply={onApplyCodes}
          onSave={onSaveMapping}
        />
      ) : null}
      {texts.errors.map((e) => (
        <p key={e} className="bad">
          {e}
        </p>
      ))}
      {r.cutoffDate && r.cutoffDate !== dealCutoff ? (
        <div className="problems" data-testid="cutoff-mismatch">
          {t('report.cutoffMismatch', { tape: r.cutoffDate, deal: dealCutoff })}
          <div className="actions">
            <button onClick={() => onMoveCutoff(r.cutoffDate ?? dealCutoff)} data-testid="move-cutoff">
              {t('report.moveCutoff', { date: r.cutoffDate })}
            </button>
            {onAgeToDeal ? (
              <button onClick={onAgeToDeal} data-testid="age-pool">
                {t('report.ageTo', { date: dealCutoff })}
              </button>
            ) : (
              <span className="muted small">{t('report.cannotAge', { date: dealCutoff })}</span>
            )}
          </div>
        </div>
      ) : null}
      {texts.warnings.map((w) => (
        <p key={w} className="warn">
          {w}
        </p>
      ))}
      <div className="two-col wide-left">
        <div>
          <div className="card-head">
            <h2>{t('report.rejectedRows')}</h2>
            <button onClick={onExportRejects} disabled={r.rejects.length === 0} data-testid="export-rejects">
              {t('report.exportRejects')}
            </button>
          </div>
          <DataGrid<RejectedRow>
            rowData={r.rejects}
            columnDefs={cols}
            height={260}
            hideCsv
            testId="rejects-grid"
          />
          {r.rejectsNotListed > 0 ? (
            <p className="muted small">{t('report.notListed', { count: integer(r.rejectsNotListed) })}</p>
          ) : null}
        </div>
        <div>
          {/* Wide enough for the longest reason in one line beside its count. */}
          <ReportGrid table={reasons} testId="reject-reasons" firstWidth={330} />
          {texts.rules.length > 0 ? (
            <details>
              <summary className="muted small">{t('report.rules', { count: texts.rules.length })}</summary>
              <ul className="small">
                {texts.rules.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button className="primary" onClick={onAccept} disabled={r.accepted === 0} data-testid="accept-pool">
          {t('report.accept', { count: r.accepted, formatted: integer(r.accepted) })}
        </button>
        <button onClick={onBack}>{t('report.back')}</button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </section>
  );
}

function RepLines() {
  const { state } = useApp();
  const { t } = useTranslation('pool');
  const deal = state.history.present.deal;
  if (deal.pool.kind !== 'repLines') {
    return (
      <section className="card">
        <p>
          <Trans
            t={t}
            i18nKey="repLines.poolFile"
            values={{ path: deal.pool.path }}
            components={[<code key="p" translate="no" />]}
          />
        </p>
      </section>
    );
  }
  return <RepLinesCard lines={deal.pool.lines} />;
}

/** A small monthly fee rate reads to three decimals (0.125%), as the deal editor shows it. */
const REP_LINE_TEXT = { fee: (v: string | number | null) => (typeof v === 'number' ? pct(v, 3) : '–') };

function RepLinesCard({ lines }: { lines: RepLine[] }) {
  const { t } = useTranslation('pool');
  // Read so the table and the total follow a change of language or amount scale.
  const { scale } = useDisplay();
  const table = useMemo(() => repLinesTable(lines, t), [lines, t]);
  const total = lines.reduce((s, l) => s + l.balance, 0);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('repLines.title')}</h2>
        <span className="muted small" data-scale={scale}>
          {t('repLines.count', { count: lines.length, amount: money(total) })}
        </span>
      </div>
      <ReportGrid table={table} testId="rep-lines" cellText={REP_LINE_TEXT} />
    </section>
  );
}

const ENCODINGS: readonly TapeEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

/** The detector's answer, also once the user has chosen another encoding (the note names it). */
function detectedEncoding(inspection: TapeInspection): string {
  const detected = inspection.encodingNoteMessage?.params?.detected;
  if (detected !== undefined) return String(detected);
  const m = /\(detected: ([a-z0-9-]+)\)/.exec(inspection.encodingNote ?? '');
  return m ? m[1]! : inspection.encoding;
}

/** UTF-8 read from a big tape's head only may yet turn out GB18030 further down; the import reads it all. */
function encodingText(inspection: TapeInspection, t: TFunction): string {
  const name = inspection.encoding.toUpperCase();
  return inspection.headBytes !== undefined && inspection.encoding === 'utf-8'
    ? t('mapping.encodingHead', { encoding: name, mb: (inspection.headBytes / 1024 / 1024).toFixed(1) })
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
  const { t } = useTranslation('pool');
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
      csvName={t('mapping.previewCsv')}
    />
  );
}
