/**
 * History (issue #11): the platform's own performance history → assumptions. A loan-level history (one row per
 * loan per month) or a published vintage table is read and analysed in the engine worker (progress and Cancel
 * in the status bar) by the same orchestration as `abs-workbench vintage` (core/history/analyse.ts): vintage
 * curves with the chain ladder's extension dashed and its ± S.E. band, the triangle with development factors,
 * latest, ultimate and Mack's S.E., the timing curve and lifetime loss range, roll rates and the back-test.
 * "Use as scenario" writes the fitted scenario, with its provenance, into the deal as one undoable edit.
 *
 * A screen of its own after Pool rather than a tab on it: the Pool screen is about the cut-off tape the deal
 * runs on; a history is a different file (every loan every month, paid-off and charged-off loans included)
 * whose product is a scenario on the Assumptions screen.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { historyRejectsCsv, historyScenario, type HistoryAnalysis } from '../../core/history/analyse';
import type { HistoryReject } from '../../core/history/accumulator';
import { coreText } from '../../core/i18n/messages';
import { useApp } from '../AppContext';
import { DataGrid } from '../components/DataGrid';
import { EChart } from '../components/EChart';
import { Kpi } from '../components/Kpi';
import { ReportGrid } from '../components/ReportGrid';
import { engine } from '../engine/engineWorker';
import type { HistoryJobResult } from '../engine/historyAdapter';
import { isSpreadsheetTape, readTapeSheet } from '../engine/sheetReader';
import { amountUnit, integer, money, pct, years } from '../format';
import { useDisplay } from '../i18n/DisplayContext';
import {
  backtestOption,
  curvesOption,
  isMetric,
  METRICS,
  timingOption,
  type Metric,
} from './history/curveChart';
import {
  formOptions,
  KEPT,
  scenarioStress,
  TABS,
  type HistoryFile,
  type HistoryForm,
} from './history/historyForm';
import {
  backtestTable,
  extensionTable,
  factorsTable,
  rollRateTable,
  triangleTable,
} from './history/historyTables';
import { HistoryMappingStep, MAPPING_KEPT, UnknownCodesNote } from './history/HistoryMapping';
import type { HistoryMapping } from '../../core/history/mapping';
import { inspectHistory, needsMappingStep } from './history/historyMappingInspect';
import { useKept } from './useKept';
import { SegmentOverrides, useDealPoolSegments } from './history/SegmentOverrides';
import { KEPT_SEGMENT_MAP, segmentedScenario } from './history/segmentMap';
import { useWriteScenario } from './history/scenarioWrite';
import { TableToScenario } from './history/TableToScenario';
import { StressFields } from './history/StressFields';

export function HistoryScreen() {
  const { state, host, job } = useApp();
  const { t } = useTranslation('history');
  const [file, setFile] = useKept(KEPT.file);
  const [form, setForm] = useKept(KEPT.form);
  const [held, setHeld] = useKept(KEPT.result);
  const [tab, setTab] = useKept(KEPT.tab);
  const [problem, setProblem] = useState<string | null>(null);
  const [step, setStep] = useKept(MAPPING_KEPT.step);
  const [mapping, setMapping] = useKept(MAPPING_KEPT.mapping);
  const doc = state.history.present;
  const result = held?.value ?? null;

  async function analyse(f: HistoryFile, fm: HistoryForm, m = mapping): Promise<void> {
    const options = formOptions(fm, t);
    if (typeof options === 'string') {
      setProblem(options);
      return;
    }
    setProblem(null);
    const value = await job(t('job.analysing', { file: f.name }), (p) =>
      engine().request(
        {
          kind: 'history',
          name: f.name,
          ...(f.bytes ? { bytes: f.bytes } : {}),
          ...(f.sheet ? { sheet: f.sheet } : {}),
          options,
          ...(fm.segment !== '' ? { segment: fm.segment } : {}),
          ...(m ? { mapping: m } : {}),
        },
        p,
      ),
    );
    if (value) setHeld({ doc, value });
  }

  async function choose(): Promise<void> {
    const opened = await host.openTape();
    if (!opened) return;
    let f: HistoryFile;
    if (isSpreadsheetTape(opened.name, opened.bytes)) {
      // Workbooks are parsed only in the sheet worker; the engine worker gets its rows.
      const sheet = await job(t('job.reading', { file: opened.name }), (p) =>
        readTapeSheet(opened.name, opened.bytes, undefined, p),
      );
      if (!sheet) return;
      f = {
        name: opened.name,
        bytes: null,
        sheet: { rows: sheet.rows, rowNumbers: sheet.rowNumbers, sheet: sheet.sheet },
      };
    } else f = { name: opened.name, bytes: opened.bytes, sheet: null };
    // A new file's columns are its own: the segment chosen for the last one may not exist.
    const fm = { ...form, segment: '' };
    setForm(fm);
    setFile(f);
    setHeld(null);
    setMapping(null);
    // A layout of our own goes straight to the analysis; any other header (or an unknown code) is mapped first.
    const inspection = inspectHistory(f);
    if (inspection && needsMappingStep(inspection)) {
      setStep({ file: f, inspection, mapping: inspection.suggestion.mapping });
      return;
    }
    setStep(null);
    await analyse(f, fm, null);
  }

  function editMapping(): void {
    const inspection = file && inspectHistory(file);
    if (file && inspection) setStep({ file, inspection, mapping: mapping ?? inspection.suggestion.mapping });
  }

  function analyseMapped(m: HistoryMapping): void {
    if (!step) return;
    setStep(null);
    setMapping(m);
    void analyse(step.file, form, m);
  }

  const set = <K extends keyof HistoryForm>(k: K, v: HistoryForm[K]): void => setForm({ ...form, [k]: v });

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </div>
      <section className="card">
        <div className="card-head">
          <h2>{t('form.title')}</h2>
          <div className="actions">
            <button className="primary" onClick={() => void choose()} data-testid="history-open">
              {t('form.choose')}
            </button>
            <button
              onClick={() => file && void analyse(file, form)}
              disabled={file === null}
              data-testid="history-rerun"
            >
              {t('form.rerun')}
            </button>
            {result?.analysis.kind === 'history' && !step ? (
              <button onClick={editMapping} data-testid="history-edit-mapping">
                {t('mapping.edit')}
              </button>
            ) : null}
          </div>
        </div>
        <div className="stress-form">
          <div className="stress-axis">
            <label>
              {t('form.method')}
              <select
                value={form.method}
                onChange={(e) => set('method', e.target.value as HistoryForm['method'])}
                data-testid="history-method"
              >
                <option value="both">{t('form.methods.both')}</option>
                <option value="chain-ladder">{t('glossary:chainLadder')}</option>
                <option value="timing">{t('glossary:timingCurve')}</option>
              </select>
            </label>
            <label>
              {t('form.factors')}
              <select
                value={form.factors}
                onChange={(e) => set('factors', e.target.value as HistoryForm['factors'])}
                data-testid="history-factors"
              >
                <option value="volume">{t('form.factorMethods.volume')}</option>
                <option value="simple">{t('form.factorMethods.simple')}</option>
                <option value="last-n">{t('form.factorMethods.lastN')}</option>
              </select>
            </label>
            {form.factors === 'last-n' ? (
              <label>
                {t('form.lastN')}
                <input
                  className="num"
                  size={3}
                  value={form.lastN}
                  onChange={(e) => set('lastN', e.target.value)}
                />
              </label>
            ) : null}
            <label>
              {t('form.tail')}
              <select
                value={form.tail}
                onChange={(e) => set('tail', e.target.value as HistoryForm['tail'])}
                data-testid="history-tail"
              >
                <option value="none">{t('form.tails.none')}</option>
                <option value="loglinear">{t('form.tails.loglinear')}</option>
                <option value="value">{t('form.tails.value')}</option>
              </select>
            </label>
            {form.tail === 'value' ? (
              <label>
                {t('form.tailValue')}
                <input
                  className="num"
                  size={5}
                  value={form.tailValue}
                  onChange={(e) => set('tailValue', e.target.value)}
                />
              </label>
            ) : null}
            <label>
              {t('form.holdout')}
              <input
                className="num"
                size={3}
                value={form.holdout}
                onChange={(e) => set('holdout', e.target.value)}
                data-testid="history-holdout"
              />
            </label>
            <label>
              {t('form.horizon')}
              <input
                className="num"
                size={3}
                value={form.horizon}
                placeholder={t('form.horizonAuto')}
                onChange={(e) => set('horizon', e.target.value)}
              />
            </label>
            <label>
              {t('form.segment')}
              <select
                value={form.segment}
                disabled={!result || result.segmentFields.length === 0}
                onChange={(e) => set('segment', e.target.value)}
                data-testid="history-segment"
              >
                <option value="">{t('form.noSegment')}</option>
                {(result?.segmentFields ?? []).map((s) => (
                  <option key={s} value={s} translate="no">
                    {s}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {problem ? (
            <p className="bad small" role="alert" data-testid="history-form-problem">
              {problem}
            </p>
          ) : null}
          <p className="muted small">{t('form.hint')}</p>
        </div>
      </section>
      {step ? (
        <HistoryMappingStep
          state={step}
          onChange={(m) => setStep({ ...step, mapping: m })}
          onAnalyse={() => analyseMapped(step.mapping)}
          onCancel={() => setStep(null)}
        />
      ) : result ? (
        <>
          <SourceCard r={result} />
          <div className="tabs" role="tablist">
            {TABS.map((id) => (
              <button
                key={id}
                role="tab"
                className={tab === id ? 'active' : ''}
                onClick={() => setTab(id)}
                data-testid={`history-tab-${id}`}
                disabled={id === 'rollRates' && result.analysis.kind !== 'history'}
              >
                {t(`tabs.${id}`)}
              </button>
            ))}
          </div>
          {tab === 'curves' && <CurvesPanel r={result} />}
          {tab === 'development' && <DevelopmentPanel r={result} />}
          {tab === 'rollRates' && result.analysis.kind === 'history' && <RollRatePanel h={result.analysis} />}
          {tab === 'backtest' && <BacktestPanel r={result} />}
          {result.analysis.kind === 'history' && result.segment !== null ? (
            <SegmentOverrides h={result.analysis} field={result.segment} file={result.name} />
          ) : null}
          {result.analysis.kind === 'history' ? (
            <UseAsScenario h={result.analysis} file={result.name} field={result.segment} />
          ) : (
            <TableToScenario a={result.analysis} file={result.name} />
          )}
        </>
      ) : (
        <div className="empty">
          <p>{t('empty')}</p>
        </div>
      )}
    </div>
  );
}

function SourceCard({ r }: { r: HistoryJobResult }) {
  const { t } = useTranslation('history');
  const a = r.analysis;
  return (
    <section className="card" data-testid="history-source">
      <div className="card-head">
        <h2>
          {t('source.title')}{' '}
          <span translate="no" style={{ textTransform: 'none' }}>
            {r.name}
          </span>
        </h2>
        <span className="muted small">
          {r.encoding !== '' && r.encodingNote
            ? t('source.encoding', { encoding: r.encoding.toUpperCase(), note: coreText(t, r.encodingNote) })
            : null}
        </span>
      </div>
      {a.kind === 'history' ? (
        <>
          <div className="kpi-row">
            <Kpi label={t('source.rowsRead')} value={integer(a.source.rowsRead)} />
            <Kpi label={t('source.accepted')} value={integer(a.source.accepted)} />
            <Kpi
              label={t('source.rejected')}
              value={integer(a.source.rejected)}
              tone={a.source.rejected > 0 ? 'bad' : 'ok'}
              testId="history-rejected"
            />
            <Kpi label={t('glossary:loans')} value={integer(a.source.loans)} />
            <Kpi label={t('source.vintages')} value={integer(a.curves.length)} testId="history-vintages" />
            <Kpi label={t('source.segment')} value={r.segment ?? t('form.noSegment')} />
          </div>
          {a.source.blankLines > 0 ? (
            <p className="muted small">{t('source.blankLines', { count: a.source.blankLines })}</p>
          ) : null}
          <UnknownCodesNote h={a} />
          {a.source.rejected > 0 ? <Rejects r={r} h={a} /> : null}
        </>
      ) : (
        <>
          <p data-testid="history-table-kind">
            {t('source.table', {
              count: a.triangle.origins.length,
              periods: a.periods.length,
              unit: t(a.unit === 'percent' ? 'cli:vintage.unitPercent' : 'cli:vintage.unitAmount'),
            })}
          </p>
          {a.problems.length > 0 ? (
            <ul className="problems small" data-testid="history-table-problems">
              {a.problems.map((p, i) => (
                <li key={i}>
                  {t('cli:vintage.tableProblem', {
                    row: p.row,
                    column: p.column,
                    value: p.value,
                    reason: t(`cli:vintage.tableReasons.${p.reason}`),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </section>
  );
}

function Rejects({ r, h }: { r: HistoryJobResult; h: HistoryAnalysis }) {
  const { t } = useTranslation('history');
  const { host } = useApp();
  const { lang } = useDisplay();
  const cols = useMemo<ColDef<HistoryReject>[]>(
    () => [
      { field: 'line', headerName: t('rejects.line'), width: 90, type: 'rightAligned' },
      { field: 'loanId', headerName: t('rejects.loan'), width: 130 },
      {
        field: 'reason',
        headerName: t('rejects.reason'),
        flex: 2,
        valueFormatter: (p) => t(`cli:vintage.reasons.${String(p.value)}`),
      },
      { field: 'detail', headerName: t('rejects.detail'), flex: 2 },
    ],
    // lang: the headers come through t, whose identity need not change with the language.
    [t, lang],
  );
  const reasons = Object.entries(h.source.byReason).filter(([, n]) => (n ?? 0) > 0);
  async function download(): Promise<void> {
    const csv = historyRejectsCsv(
      h.source.rejects,
      [t('rejects.line'), t('rejects.loan'), t('rejects.reason'), t('rejects.detail')],
      (reason) => t(`cli:vintage.reasons.${reason}`),
    );
    const base = r.name.replace(/\.[^.]+$/, '');
    // A BOM so Excel reads the Chinese reasons as UTF-8.
    await host.exportFile(
      `${t('rejects.fileName', { file: base })}.csv`,
      new TextEncoder().encode(`\uFEFF${csv}`),
      'text/csv',
    );
  }
  return (
    <div data-testid="history-rejects">
      <div className="card-head">
        <h3>{t('rejects.title', { count: h.source.rejected })}</h3>
        <button onClick={() => void download()} data-testid="history-rejects-csv">
          {t('rejects.csv')}
        </button>
      </div>
      <ul className="small">
        {reasons.map(([reason, n]) => (
          <li key={reason}>
            {t('rejects.byReason', { reason: t(`cli:vintage.reasons.${reason}`), count: n ?? 0 })}
          </li>
        ))}
      </ul>
      {h.source.rejected > h.source.rejects.length ? (
        <p className="muted small">
          {t('rejects.notListed', {
            listed: integer(h.source.rejects.length),
            count: h.source.rejected,
          })}
        </p>
      ) : null}
      <DataGrid<HistoryReject>
        rowData={h.source.rejects}
        columnDefs={cols}
        // A few rejects take a few rows; many scroll inside the grid.
        height={Math.min(260, 36 + 26 * Math.max(2, h.source.rejects.length) + 4)}
        hideCsv
        testId="history-rejects-grid"
      />
    </div>
  );
}

function CurvesPanel({ r }: { r: HistoryJobResult }) {
  const { t } = useTranslation('history');
  const { lang, scale } = useDisplay();
  const [kept, setMetric] = useKept(KEPT.metric);
  const metric: Metric = isMetric(kept) ? kept : 'cgl';
  const a = r.analysis;
  const option = useMemo(
    () => curvesOption(a, metric, t),
    // lang and scale: the axis names and tooltips read them through t and pct.
    [a, metric, t, lang, scale],
  );
  const cumulative = metric === 'cgl' || metric === 'cnl' || metric === 'prepayment';
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('curves.title')}</h2>
        {a.kind === 'history' ? (
          <label>
            {t('curves.metric')}{' '}
            <select value={metric} onChange={(e) => setMetric(e.target.value)} data-testid="history-metric">
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metric.${m}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <EChart option={option} height={380} testId="history-curves" />
      <p className="muted small">
        {a.kind === 'table' || cumulative ? t('curves.dashed') : t('curves.observedOnly')}
      </p>
    </section>
  );
}

function DevelopmentPanel({ r }: { r: HistoryJobResult }) {
  const { t } = useTranslation('history');
  const { state } = useApp();
  const { lang, scale } = useDisplay();
  const a = r.analysis;
  const currency = state.history.present.deal.currency;
  const tables = useMemo(
    () => ({
      extension: extensionTable(a, t),
      factors: factorsTable(a, t),
      triangle: triangleTable(a, t),
    }),
    // lang and scale: headers through t, money cells through money().
    [a, t, lang, scale],
  );
  const timing = useMemo(() => timingOption(a, t), [a, t, lang]);
  const life = a.lifetime;
  const range = (r2: typeof life.chainLadder): string =>
    r2 === null ? '—' : t('dev.range', { expected: pct(r2.expected), min: pct(r2.min), max: pct(r2.max) });
  return (
    <>
      <div className="kpi-row">
        {a.method !== 'timing' ? (
          <Kpi label={t('dev.lifetimeCl')} value={range(life.chainLadder)} testId="history-lifetime-cl" />
        ) : null}
        {a.method !== 'chain-ladder' ? (
          <Kpi label={t('dev.lifetimeTiming')} value={range(life.timing)} testId="history-lifetime-timing" />
        ) : null}
        {a.method !== 'timing' ? (
          <Kpi
            label={t('dev.totalSe')}
            value={
              a.original ? money(a.chainLadder.total.standardError) : years(a.chainLadder.total.standardError)
            }
          />
        ) : null}
        <Kpi label={t('dev.tail')} value={years(a.chainLadder.tailFactor, 4)} />
        <Kpi
          label={t('dev.horizon')}
          value={t('dev.horizonValue', { horizon: a.timing.horizon, count: a.timing.seasoned.length })}
        />
      </div>
      <p className="muted small">
        {a.original
          ? t('dev.amounts', { unit: amountUnit(currency) })
          : t('dev.tableUnits', {
              unit: t(a.unit === 'percent' ? 'cli:vintage.unitPercent' : 'cli:vintage.unitAmount'),
            })}
      </p>
      <div className="two-col wide-left">
        <section className="card">
          <div className="card-head">
            <h2>{t('dev.extensionTitle')}</h2>
          </div>
          <ReportGrid
            table={tables.extension.table}
            total={tables.extension.total}
            testId="history-extension"
          />
        </section>
        <section className="card">
          <div className="card-head">
            <h2>{t('glossary:timingCurve')}</h2>
          </div>
          <EChart option={timing} height={260} testId="history-timing" />
          <p className="muted small">
            <Trans t={t} i18nKey="dev.timingNote" values={{ count: a.timing.seasoned.length }} />
          </p>
        </section>
      </div>
      <section className="card">
        <div className="card-head">
          <h2>{t('glossary:developmentFactor')}</h2>
          <span className="muted small">
            {t(`dev.factorMethod.${a.chainLadder.method === 'last-n' ? 'lastN' : a.chainLadder.method}`, {
              n: a.lastN,
            })}
          </span>
        </div>
        <ReportGrid
          table={tables.factors}
          testId="history-factors-grid"
          numberText={(n) => years(n, 4)}
          maxBodyHeight={240}
        />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>{t('dev.triangleTitle')}</h2>
        </div>
        <ReportGrid table={tables.triangle} testId="history-triangle" firstWidth={110} />
      </section>
    </>
  );
}

function RollRatePanel({ h }: { h: HistoryAnalysis }) {
  const { t } = useTranslation('history');
  const { lang } = useDisplay();
  const table = useMemo(() => rollRateTable(h, t), [h, t, lang]);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('glossary:rollRate')}</h2>
      </div>
      <p className="muted small">{t('roll.explain')}</p>
      <ReportGrid table={table} testId="history-rollrates" firstWidth={130} />
    </section>
  );
}

function BacktestPanel({ r }: { r: HistoryJobResult }) {
  const { t } = useTranslation('history');
  const { state } = useApp();
  const { lang, scale } = useDisplay();
  const a = r.analysis;
  const amount = a.original ? (v: number) => money(v) : (v: number) => years(v);
  const table = useMemo(() => backtestTable(a, t), [a, t, lang, scale]);
  const option = useMemo(
    () => backtestOption(a, t, a.original ? (v: number) => money(v) : (v: number) => years(v)),
    [a, t, lang, scale],
  );
  if (!a.backtest || !table || !option)
    return (
      <div className="empty">
        <p>{t('backtest.none')}</p>
      </div>
    );
  const mae = a.backtest.meanAbsoluteError;
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('backtest.title', { holdout: a.backtest.holdout })}</h2>
          <span className="muted small">
            {a.original ? t('dev.amounts', { unit: amountUnit(state.history.present.deal.currency) }) : null}
          </span>
        </div>
        <EChart option={option} height={260} testId="history-backtest-chart" />
        <p className="small" data-testid="history-backtest-mae">
          {t('backtest.mae', {
            cl: mae.chainLadder === null ? '—' : amount(mae.chainLadder),
            timing: mae.timing === null ? '—' : amount(mae.timing),
          })}
        </p>
      </section>
      <ReportGrid table={table.table} total={table.total} testId="history-backtest" />
    </>
  );
}

function UseAsScenario({ h, file, field }: { h: HistoryAnalysis; file: string; field: string | null }) {
  const { t } = useTranslation('history');
  const { state } = useApp();
  const write = useWriteScenario(t);
  const [form, setForm] = useKept(KEPT.scenario);
  const [choice] = useKept(KEPT_SEGMENT_MAP);
  const pool = useDealPoolSegments();
  const [problem, setProblem] = useState<string | null>(null);
  const deal = state.history.present.deal;
  const name = form.name.trim() === '' ? t('use.defaultName') : form.name.trim();
  const replaces = deal.scenarios.some((s) => s.name === name);

  function use(): void {
    const stress = scenarioStress(form, t);
    if (typeof stress === 'string') {
      setProblem(stress);
      return;
    }
    if (name.length > 64) {
      setProblem(t('use.nameTooLong'));
      return;
    }
    const o = { name, historyFile: file, ...stress, date: new Date().toISOString().slice(0, 10) };
    // Segmented: the book's curves plus each mapped segment's override, as `vintage --segment … --into` writes.
    const made = field === null ? historyScenario(h, o) : segmentedScenario(h, field, pool, choice, o);
    if (!made) {
      setProblem(t(field === null ? 'use.nothing' : 'segments.noneMapped'));
      return;
    }
    const params = { name, cnl: pct(made.cnl), base: pct(made.base), months: made.months };
    setProblem(
      write(
        made.scenario,
        made.segments
          ? { key: 'history:segments.done', params: { ...params, count: made.segments.written.length } }
          : { key: 'history:use.done', params },
      ),
    );
  }

  return (
    <section className="card" data-testid="history-use">
      <div className="card-head">
        <h2>{t('use.title')}</h2>
      </div>
      <p className="muted small">{t('use.explain')}</p>
      <div className="stress-form">
        <div className="stress-axis">
          <label>
            {t('use.name')}
            <input
              value={form.name}
              placeholder={t('use.defaultName')}
              size={18}
              style={{ textAlign: 'left' }}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              translate="no"
              data-testid="history-scenario-name"
            />
          </label>
          <StressFields form={form} setForm={setForm} testId="history" />
          <button className="primary" onClick={use} data-testid="history-use-scenario">
            {replaces ? t('use.replace') : t('use.add')}
          </button>
        </div>
        {problem ? (
          <p className="bad small" role="alert" data-testid="history-use-problem">
            {problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}
