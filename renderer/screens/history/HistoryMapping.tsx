/**
 * The History screen's mapping step, as the Pool wizard's for a tape: each history field with the column
 * suggested for it and the confidence, a preset picker, month formats and amount units, the status codes of the
 * first rows with what each means (an unknown one is given its meaning here rather than rejecting its rows), the
 * columns to segment by, and the mapping saved or loaded as JSON (`abs-workbench vintage --mapping FILE` reads
 * the same file). The mapping is core/history/mapping.ts's; nothing here reads the file beyond its head.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { HistoryAnalysis } from '../../../core/history/analyse';
import {
  HISTORY_FIELDS,
  HISTORY_STATUSES,
  REQUIRED_HISTORY_FIELDS,
  type HistoryField,
  type HistoryStatus,
} from '../../../core/history/fields';
import {
  HISTORY_MAPPING_PRESETS,
  HISTORY_PRESET_NAMES,
  isHistoryPreset,
  HISTORY_MONEY_FIELDS,
  HISTORY_MONTH_FIELDS,
  mappingGaps,
  parseHistoryMapping,
  resolveHistoryColumns,
  withStatusCode,
  type HistoryMapping,
  type HistoryMoneyField,
  type HistoryMonthField,
} from '../../../core/history/mapping';
import { MONTH_FORMATS, type MonthFormat } from '../../../core/history/months';
import type { MoneyUnit } from '../../../core/io/tape/mapping';
import { useApp } from '../../AppContext';
import { integer, pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { keptKey } from '../../project/kept';
import type { HistoryFile } from './historyForm';
import { inspectedCodes, type HistoryInspection } from './historyMappingInspect';

/** The step while it is open, and the mapping the last analysis ran under (kept across navigation). */
export interface MappingStepState {
  file: HistoryFile;
  inspection: HistoryInspection;
  mapping: HistoryMapping;
}
export const MAPPING_KEPT = {
  step: keptKey<MappingStepState | null>('history.mappingStep', null),
  mapping: keptKey<HistoryMapping | null>('history.mapping', null),
};

const PREVIEW_ROWS = 8;
const UNITS: readonly MoneyUnit[] = ['yuan', 'wan', 'yi'];
const isMonth = (f: HistoryField): f is HistoryMonthField =>
  (HISTORY_MONTH_FIELDS as readonly string[]).includes(f);
const isMoney = (f: HistoryField): f is HistoryMoneyField =>
  (HISTORY_MONEY_FIELDS as readonly string[]).includes(f);

/** The preset a mapping is, by content ('' when it is none of them). */
function presetOf(m: HistoryMapping): string {
  const json = JSON.stringify(m);
  return HISTORY_PRESET_NAMES.find((p) => JSON.stringify(HISTORY_MAPPING_PRESETS[p]) === json) ?? '';
}

const FORMAT_KEYS = {
  auto: 'auto',
  'MM/YYYY': 'monthYear',
  MDY: 'mdy',
  DMY: 'dmy',
  'MON-YYYY': 'monYear',
} as const satisfies Record<MonthFormat, string>;

export function HistoryMappingStep({
  state,
  onChange,
  onAnalyse,
  onCancel,
}: {
  state: MappingStepState;
  onChange: (m: HistoryMapping) => void;
  onAnalyse: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('history');
  const { lang } = useDisplay();
  const { host, notify } = useApp();
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const { inspection: ins, mapping } = state;
  const s = ins.suggestion;
  const label = (f: HistoryField): string => t(`cli:vintageMapping.fields.${f}`);
  const cols = resolveHistoryColumns(mapping, ins.header);
  const gaps = mappingGaps(cols);
  const used = new Map<number, HistoryField[]>();
  for (const [f, i] of Object.entries(cols)) used.set(i, [...(used.get(i) ?? []), f as HistoryField]);
  const duplicated = [...used.entries()].filter(([, fs]) => fs.length > 1);
  const codes = inspectedCodes(ins, mapping);
  const unknown = codes.filter((c) => c.meaning === null);
  const free = ins.header.filter((h, i) => h.trim() !== '' && !used.has(i));
  const sep = lang === 'en' ? ', ' : '、';
  const preset = presetOf(mapping);
  const suggested = JSON.stringify(mapping) === JSON.stringify(s.mapping);

  const setColumn = (f: HistoryField, header: string): void => {
    const columns = { ...mapping.columns };
    if (header === '') delete columns[f];
    else columns[f] = header;
    onChange({ ...mapping, columns });
  };
  const setFormat = (f: HistoryMonthField, v: MonthFormat): void =>
    onChange({ ...mapping, dateFormats: { ...mapping.dateFormats, [f]: v } });
  const setUnit = (f: HistoryMoneyField, v: MoneyUnit): void =>
    onChange({ ...mapping, amountUnits: { ...mapping.amountUnits, [f]: v } });
  const toggleSegment = (h: string, on: boolean): void =>
    onChange({
      ...mapping,
      segments: on ? [...mapping.segments, h] : mapping.segments.filter((x) => x !== h),
    });

  async function save(): Promise<void> {
    const base = state.file.name.replace(/\.[^.]+$/, '');
    const name = `${base}.history-mapping.json`;
    const saved = await host.exportFile(
      name,
      new TextEncoder().encode(JSON.stringify(mapping, null, 2) + '\n'),
      'application/json',
    );
    if (saved) notify({ kind: 'success', text: t('mapping.saved', { file: name }) });
  }

  async function load(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setLoadProblem(t('mapping.loadNotJson', { file: file.name }));
      return;
    }
    const m = parseHistoryMapping(json);
    if ('problem' in m) {
      setLoadProblem(t('mapping.loadBad', { file: file.name, problem: m.problem }));
      return;
    }
    setLoadProblem(null);
    onChange(m);
  }

  return (
    <section className="card" data-testid="history-mapping">
      <div className="card-head">
        <h2>
          <Trans
            t={t}
            i18nKey="mapping.title"
            values={{ file: state.file.name }}
            components={[<span key="f" translate="no" style={{ textTransform: 'none' }} />]}
          />
        </h2>
        <label className="sheet-pick">
          {t('mapping.preset')}{' '}
          <select
            value={preset !== '' ? preset : suggested ? '' : '-'}
            data-testid="history-mapping-preset"
            onChange={(e) => {
              const v = e.target.value;
              onChange(v === '' ? s.mapping : isHistoryPreset(v) ? HISTORY_MAPPING_PRESETS[v] : mapping);
            }}
          >
            <option value="">{t('mapping.presetSuggested')}</option>
            {preset === '' && !suggested ? <option value="-">{t('mapping.presetEdited')}</option> : null}
            {HISTORY_PRESET_NAMES.map((p) => (
              <option key={p} value={p}>
                {t(`mapping.presets.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="muted small" data-testid="history-mapping-summary">
          {[
            t('mapping.columns', { count: ins.header.length }),
            s.preset !== null
              ? t('mapping.matchesPreset', { preset: t(`mapping.presets.${s.preset}`) })
              : t('mapping.suggested', { confidence: pct(s.confidence, 0) }),
          ].join(' · ')}
        </span>
      </div>
      <p className="muted small">
        <Trans
          t={t}
          i18nKey="mapping.explain"
          values={{ flag: '--mapping' }}
          components={[<code key="c" translate="no" />]}
        />
      </p>
      <div className="two-col wide-left">
        <div>
          <table className="table mapping" data-testid="history-mapping-table">
            <thead>
              <tr>
                <th>{t('mapping.field')}</th>
                <th>{t('mapping.column')}</th>
                <th>{t('mapping.suggestion')}</th>
                <th>{t('mapping.format')}</th>
              </tr>
            </thead>
            <tbody>
              {HISTORY_FIELDS.map((f) => {
                const required = REQUIRED_HISTORY_FIELDS.includes(f);
                const i = cols[f];
                const sug = s.fields.find((x) => x.field === f);
                const bad =
                  (required && i === undefined) ||
                  (i !== undefined && (used.get(i)?.length ?? 0) > 1) ||
                  (gaps.missingStatus && (f === 'status' || f === 'daysPastDue'));
                return (
                  <tr key={f} className={bad ? 'row-bad' : ''}>
                    <td>
                      {label(f)}
                      {required ? (
                        <span className="req" title={t('mapping.required')}>
                          {' '}
                          *
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <select
                        value={i === undefined ? '' : ins.header[i]}
                        data-testid={`history-map-${f}`}
                        aria-label={t('mapping.columnFor', { field: label(f) })}
                        onChange={(e) => setColumn(f, e.target.value)}
                      >
                        <option value="">{t('mapping.notMapped')}</option>
                        {ins.header.map((h, k) => (
                          <option key={k} value={h} translate="no">
                            {h}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="muted small">
                      {sug && sug.columnIndex === i
                        ? t(sug.via === 'preset' ? 'mapping.viaLayout' : 'mapping.viaName', {
                            confidence: pct(sug.confidence, 0),
                          })
                        : ''}
                    </td>
                    <td>
                      {isMonth(f) ? (
                        <select
                          value={mapping.dateFormats[f] ?? 'auto'}
                          data-testid={`history-format-${f}`}
                          style={{ maxWidth: 200 }}
                          aria-label={t('mapping.formatFor', { field: label(f) })}
                          onChange={(e) => setFormat(f, e.target.value as MonthFormat)}
                        >
                          {MONTH_FORMATS.map((m) => (
                            <option key={m} value={m}>
                              {t(`mapping.formats.${FORMAT_KEYS[m]}`)}
                            </option>
                          ))}
                        </select>
                      ) : null}
                      {isMoney(f) ? (
                        <select
                          value={mapping.amountUnits[f] ?? 'yuan'}
                          data-testid={`history-unit-${f}`}
                          style={{ maxWidth: 200 }}
                          aria-label={t('mapping.unitFor', { field: label(f) })}
                          onChange={(e) => setUnit(f, e.target.value as MoneyUnit)}
                        >
                          {UNITS.map((u) => (
                            <option key={u} value={u}>
                              {t(`mapping.units.${u}`)}
                            </option>
                          ))}
                        </select>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div>
          {gaps.missingRequired.length > 0 ? (
            <p className="bad" role="alert" data-testid="history-mapping-missing">
              {t('mapping.missing', { fields: gaps.missingRequired.map(label).join(sep) })}
            </p>
          ) : null}
          {gaps.missingStatus ? (
            <p className="bad" role="alert">
              {t('mapping.missingStatus', { status: label('status'), days: label('daysPastDue') })}
            </p>
          ) : null}
          {duplicated.map(([i, fs]) => (
            <p key={i} className="bad" role="alert">
              {t('mapping.duplicated', { column: ins.header[i], fields: fs.map(label).join(sep) })}
            </p>
          ))}
          <h3>{t('mapping.codesTitle')}</h3>
          {codes.length === 0 ? (
            <p className="muted small">{t('mapping.noCodes')}</p>
          ) : (
            <>
              <p
                className={unknown.length > 0 ? 'bad small' : 'muted small'}
                data-testid="history-mapping-unknown"
              >
                {unknown.length > 0
                  ? t('mapping.unknownCodes', { count: unknown.length, rows: integer(ins.rows.length) })
                  : t('mapping.codesKnown', { rows: integer(ins.rows.length) })}
              </p>
              <table className="table mapping" data-testid="history-mapping-codes">
                <thead>
                  <tr>
                    <th>{t('mapping.code')}</th>
                    <th>{t('mapping.codeRows')}</th>
                    <th>{t('mapping.meaning')}</th>
                  </tr>
                </thead>
                <tbody>
                  {codes.map((c) => (
                    <tr key={c.code} className={c.meaning === null ? 'row-bad' : ''}>
                      <td translate="no">{c.code}</td>
                      <td className="num">{integer(c.rows)}</td>
                      <td>
                        <select
                          value={c.meaning ?? ''}
                          data-testid={`history-code-${c.code}`}
                          aria-label={t('mapping.meaningOf', { code: c.code })}
                          onChange={(e) =>
                            onChange(
                              withStatusCode(
                                mapping,
                                c.code,
                                e.target.value === '' ? null : (e.target.value as HistoryStatus),
                              ),
                            )
                          }
                        >
                          {c.meaning === null || c.mapped ? (
                            <option value="">{t('mapping.unknown')}</option>
                          ) : null}
                          {HISTORY_STATUSES.map((st) => (
                            <option key={st} value={st}>
                              {t(`mapping.statuses.${st}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {free.length > 0 ? (
            <fieldset className="segment-pick" data-testid="history-mapping-segments">
              <legend>{t('mapping.segments')}</legend>
              {free.map((h) => (
                <label key={h}>
                  <input
                    type="checkbox"
                    checked={mapping.segments.includes(h.trim())}
                    onChange={(e) => toggleSegment(h.trim(), e.target.checked)}
                  />{' '}
                  <span translate="no">{h}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {loadProblem ? (
            <p className="bad small" role="alert" data-testid="history-mapping-load-problem">
              {loadProblem}
            </p>
          ) : null}
          <div className="actions">
            <button
              className="primary"
              disabled={gaps.missingRequired.length > 0 || gaps.missingStatus || duplicated.length > 0}
              onClick={onAnalyse}
              data-testid="history-mapping-analyse"
            >
              {t('mapping.analyse')}
            </button>
            <button onClick={() => void save()} data-testid="history-mapping-save">
              {t('mapping.save')}
            </button>
            <button onClick={() => picker.current?.click()} data-testid="history-mapping-load">
              {t('mapping.load')}
            </button>
            <input
              ref={picker}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="history-mapping-file"
              onChange={(e) => void load(e)}
            />
            <button onClick={onCancel} data-testid="history-mapping-cancel">
              {t('mapping.cancel')}
            </button>
          </div>
        </div>
      </div>
      <h3>{t('mapping.preview', { count: Math.min(ins.rows.length, PREVIEW_ROWS) })}</h3>
      <div className="preview-scroll">
        <table className="table small" data-testid="history-mapping-preview">
          <thead>
            <tr>
              {ins.header.map((h, k) => (
                <th key={k} translate="no" className={used.has(k) ? '' : 'muted'}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ins.rows.slice(0, PREVIEW_ROWS).map((r, n) => (
              <tr key={n}>
                {ins.header.map((_, k) => (
                  <td key={k} translate="no">
                    {r[k] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** After an analysis: the status codes nobody knew, with their rows, and where to give them a meaning. */
export function UnknownCodesNote({ h }: { h: HistoryAnalysis }) {
  const { t } = useTranslation('history');
  if (h.source.unknownCodes.length === 0) return null;
  return (
    <p className="bad small" data-testid="history-unknown-codes">
      {t('mapping.unknownAfter', {
        codes: h.source.unknownCodes
          .map((c) => t('mapping.codeCount', { code: c.code, count: c.rows }))
          .join(' · '),
      })}
    </p>
  );
}
