/**
 * The Pricing tab: one class's price/yield table (the prospectus decrement and yield table) off a discount curve,
 * rows clean prices, columns the deal's scenarios, solved in the engine worker; a second table gives each
 * scenario's WAL, principal window and principal loss. Kept for the Excel report as an extra sheet.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassPricing, PriceQuote } from '../../../core/analytics/classPricing';
import type { CurveFile } from '../../../core/analytics/curve';
import { priceRows, type PriceTable, type PriceTableColumn } from '../../../core/scenario/priceTable';
import { useApp } from '../../AppContext';
import { DataGrid } from '../../components/DataGrid';
import { engine } from '../../engine/engineWorker';
import { amountUnit, money, pct, years } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { parseCurveText, sampleCurves } from '../../project/curves';
import { useKept } from '../useKept';
import { base, KEPT, type Held } from './shared';
import { Stale } from './Stale';
import { userDataCell } from './userData';

const LOADED = '__file__';
const bp = (x: number | null): string => (x === null ? '–' : (x * 10_000).toFixed(1));

export function PricingPanel({
  held,
  onResult,
}: {
  held: Held<{ table: PriceTable; curveName: string }> | null;
  onResult: (h: Held<{ table: PriceTable; curveName: string }>) => void;
}) {
  const { state, job } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  const samples = useMemo(() => sampleCurves(), []);
  const [curveKey, setCurveKey] = useKept(KEPT.pricingCurve);
  const [loaded, setLoaded] = useKept(KEPT.pricingLoaded);
  const [klass, setKlass] = useKept(KEPT.pricingClass);
  const [rowsForm, setRowsForm] = useKept(KEPT.pricingRows);
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = doc.deal.structure.tranches.map((x) => x.id);
  const tranche = klass !== null && ids.includes(klass) ? klass : (ids[0] ?? '');
  const chosen: { name: string; file: CurveFile } | null =
    curveKey === LOADED && loaded
      ? loaded
      : (() => {
          const s = samples.find((x) => x.key === curveKey) ?? samples[0];
          return s ? { name: s.file.name, file: s.file } : null;
        })();

  let rows: PriceQuote[] | null = null;
  try {
    rows = priceRows(Number(rowsForm.from), Number(rowsForm.to), Number(rowsForm.step));
  } catch {
    rows = null;
  }

  async function loadFile(f: File): Promise<void> {
    const r = parseCurveText(await f.text());
    if ('problem' in r) {
      setProblem(t('pricing.badCurve', { file: f.name, reason: r.problem }));
      return;
    }
    setProblem(null);
    setLoaded({ name: r.file.name, file: r.file });
    setCurveKey(LOADED);
  }

  async function run(): Promise<void> {
    if (!rows || !chosen) return;
    const value = await job(t('pricing.job'), (p) =>
      engine().request({ kind: 'priceTable', ...base(doc), tranche, curve: chosen.file, rows: rows! }, p),
    );
    if (value) onResult({ doc, value: { table: value, curveName: chosen.name } });
  }

  const r = held?.value ?? null;
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('pricing.title')}</h2>
          <span className="muted small">{t('pricing.hint')}</span>
        </div>
        <div className="stress-form">
          <div className="stress-axis">
            <label>
              {t('pricing.curve')}
              <select
                translate="no"
                value={curveKey === LOADED && loaded ? LOADED : chosen ? curveKey : ''}
                onChange={(e) => setCurveKey(e.target.value)}
                data-testid="pricing-curve"
              >
                {samples.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.file.name}
                  </option>
                ))}
                {loaded ? <option value={LOADED}>{loaded.name}</option> : null}
              </select>
            </label>
            <button type="button" onClick={() => fileInput.current?.click()} data-testid="pricing-load">
              {t('pricing.fromFile')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void loadFile(f);
                e.target.value = '';
              }}
              data-testid="pricing-file"
            />
            <label>
              {t('pricing.class')}
              <select
                translate="no"
                value={tranche}
                onChange={(e) => setKlass(e.target.value)}
                data-testid="pricing-class"
              >
                {ids.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('pricing.from')}
              <input
                className="num"
                size={5}
                value={rowsForm.from}
                onChange={(e) => setRowsForm({ ...rowsForm, from: e.target.value })}
                data-testid="pricing-from"
              />
            </label>
            <label>
              {t('pricing.to')}
              <input
                className="num"
                size={5}
                value={rowsForm.to}
                onChange={(e) => setRowsForm({ ...rowsForm, to: e.target.value })}
                data-testid="pricing-to"
              />
            </label>
            <label>
              {t('pricing.step')}
              <input
                className="num"
                size={4}
                value={rowsForm.step}
                onChange={(e) => setRowsForm({ ...rowsForm, step: e.target.value })}
                data-testid="pricing-step"
              />
            </label>
            <button
              className="primary"
              onClick={() => void run()}
              disabled={!rows || !chosen}
              data-testid="run-pricing"
            >
              {t('pricing.run')}
            </button>
          </div>
          {!rows ? <p className="problem small">{t('pricing.badForm')}</p> : null}
          {problem ? (
            <p className="problem small" data-testid="pricing-problem">
              {problem}
            </p>
          ) : null}
          {chosen ? (
            <p className="muted small">
              {t('pricing.curveInfo', {
                asOf: chosen.file.asOf,
                settlement: doc.deal.settlementDate ?? doc.deal.cutoffDate,
              })}{' '}
              <span translate="no">{chosen.file.source?.publisher ?? chosen.name}</span>
            </p>
          ) : null}
        </div>
      </section>
      <Stale held={held} />
      {r ? (
        <>
          <section className="card">
            <div className="card-head">
              <h2>
                {t('pricing.title')} · <span translate="no">{r.table.trancheId}</span> ·{' '}
                <span translate="no">{r.curveName}</span>
              </h2>
            </div>
            <PriceYieldGrid table={r.table} />
          </section>
          <section className="card">
            <div className="card-head">
              <h2>{t('pricing.columnsTitle')}</h2>
              <span className="muted small">
                {t('compare.amounts', { unit: amountUnit(doc.deal.currency) })}
              </span>
            </div>
            <ScenarioGrid table={r.table} />
          </section>
        </>
      ) : (
        <div className="empty">
          <p>{t('pricing.empty')}</p>
        </div>
      )}
    </>
  );
}

interface PriceRow {
  quote: PriceQuote;
  cells: ClassPricing[];
}

function PriceYieldGrid({ table }: { table: PriceTable }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const rowData = useMemo<PriceRow[]>(
    () => table.rows.map((quote, i) => ({ quote, cells: table.columns.map((c) => c.cells[i]!) })),
    [table],
  );
  const cols = useMemo<(ColDef<PriceRow> | ColGroupDef<PriceRow>)[]>(() => {
    const figure = (j: number, colId: string, headerName: string, text: (c: ClassPricing) => string) => ({
      colId: `${colId}${j}`,
      headerName,
      type: 'rightAligned',
      valueGetter: (p: { data?: PriceRow }) => (p.data ? text(p.data.cells[j]!) : ''),
      // Shrink to fit the card (three scenarios × four figures) rather than scroll sideways over the last row.
      flex: 1,
      minWidth: 84,
      wrapHeaderText: true,
      autoHeaderHeight: true,
    });
    return [
      {
        colId: 'price',
        headerName: t('pricing.price'),
        pinned: 'left',
        width: 96,
        cellClass: 'strong',
        valueGetter: (p) => (p.data?.quote.kind === 'price' ? p.data.quote.clean.toFixed(3) : ''),
      },
      ...table.columns.map((c, j): ColGroupDef<PriceRow> => ({
        headerName: c.scenario,
        headerClass: 'user-data',
        children: [
          figure(j, 'yield', t('pricing.yield'), (x) => pct(x.yield, 3)),
          figure(j, 'z', t('pricing.zSpread'), (x) => bp(x.zSpread)),
          figure(j, 'dur', t('pricing.duration'), (x) => years(x.modifiedDuration, 3)),
          figure(j, 'spread', t('pricing.spreadToCurve'), (x) => bp(x.spreadToCurveAtWal)),
        ],
      })),
    ];
    // lang: the headers come through t, whose identity need not change with the language.
  }, [table, t, lang]);
  return (
    <DataGrid<PriceRow>
      rowData={rowData}
      columnDefs={cols}
      autoHeight
      suppressColumnVirtualisation
      testId="pricing-table"
      csvName={`price-yield-${table.trancheId}`}
    />
  );
}

function ScenarioGrid({ table }: { table: PriceTable }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const cols = useMemo<ColDef<PriceTableColumn>[]>(
    () => [
      {
        field: 'scenario',
        headerName: t('pricing.scenario'),
        cellRenderer: userDataCell,
        pinned: 'left',
        width: 120,
        cellClass: 'strong',
      },
      {
        colId: 'wal',
        headerName: t('pricing.wal'),
        type: 'rightAligned',
        flex: 1,
        valueGetter: (p) => years(p.data?.wal),
      },
      { field: 'firstPrincipalDate', headerName: t('pricing.firstPrincipal'), flex: 1 },
      { field: 'lastPrincipalDate', headerName: t('pricing.lastPrincipal'), flex: 1 },
      {
        colId: 'loss',
        headerName: t('pricing.principalLoss'),
        type: 'rightAligned',
        flex: 1,
        valueGetter: (p) => money(p.data?.principalLoss),
      },
    ],
    // lang: as above.
    [t, lang],
  );
  return (
    <DataGrid<PriceTableColumn>
      rowData={table.columns}
      columnDefs={cols}
      getRowId={(p) => p.data.scenario}
      autoHeight
      testId="pricing-scenarios"
      csvName={`price-yield-${table.trancheId}-scenarios`}
    />
  );
}
