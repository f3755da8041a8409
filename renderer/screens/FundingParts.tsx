/**
 * The Funding screen's optimiser views (the cheapest mix, the cost–liquidity frontier, what binds when nothing
 * is feasible) and a small sources editor whose edits are applied to the case before it goes to the worker.
 */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { SCALE_FACTOR } from '../../core/i18n/amounts';
import type { FundingScreenModel } from '../../core/funding/report';
import { FundingCase } from '../../core/funding/schema';
import { DataGrid, moneyCol, pctCol, wrappedText } from '../components/DataGrid';
import { EChart, type ChartOption } from '../components/EChart';
import { amountScale, amountUnit, money, moneyExact, parseAmount, pct } from '../format';
import { useDisplay } from '../i18n/DisplayContext';
import { bindingMeaning, fundingWord } from '../project/fundingWords';

/** Field overrides per source id, in the case's own units (rates as decimals, money as amounts). */
export type SourceEdits = Record<string, Record<string, number>>;

type Term =
  | 'margin'
  | 'rate'
  | 'costRate'
  | 'costOfEquity'
  | 'percentCost'
  | 'advanceRate'
  | 'commitment'
  | 'maximumAmount'
  | 'monthlyRaiseCapacity';

/** The terms a treasurer most often flexes; only those a source actually has are offered. */
const EDITABLE: { key: Term; kind: 'rate' | 'spread' | 'money' }[] = [
  // A margin over an index is a spread, which treasurers quote in basis points.
  { key: 'margin', kind: 'spread' },
  { key: 'rate', kind: 'rate' },
  { key: 'costRate', kind: 'rate' },
  { key: 'costOfEquity', kind: 'rate' },
  { key: 'percentCost', kind: 'rate' },
  { key: 'advanceRate', kind: 'rate' },
  { key: 'commitment', kind: 'money' },
  { key: 'maximumAmount', kind: 'money' },
  { key: 'monthlyRaiseCapacity', kind: 'money' },
];

/**
 * A chart's amount tick: millions when amounts are shown in units (the axis would not fit whole units), else the
 * figure in the user's scale, which the card's caption names (万元, 亿元 …).
 */
export function axisAmount(v: number, digits: number, t: TFunction): string {
  const scale = amountScale();
  if (scale === 'unit') return t('funding:chart.millions', { v: (v / 1e6).toFixed(digits) });
  return (v / SCALE_FACTOR[scale]).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * An amount a source editor edits: shown to the cent in units whatever the display scale (it is what the case
 * stores), typed with separators or a multiplier (1.25m, 5000万, 1.2亿); committed on Enter or leaving the field.
 */
function AmountInput({
  value,
  label,
  onCommit,
}: {
  value: number;
  label: string;
  onCommit: (v: number) => void;
}) {
  const { t } = useTranslation('funding');
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const commit = (): void => {
    if (draft === null) return;
    const v = parseAmount(draft);
    if (v === null || v < 0) {
      setBad(true);
      return;
    }
    setBad(false);
    setDraft(null);
    onCommit(v);
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        value={draft ?? moneyExact(value)}
        aria-label={label}
        aria-invalid={bad}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {bad ? <span className="field-message">{t('sources.notAmount')}</span> : null}
    </>
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The case with edited source terms; the original (bundled) object is never mutated. */
export function withEdits(fundingCase: unknown, edits: SourceEdits): unknown {
  if (!isRecord(fundingCase) || Object.keys(edits).length === 0) return fundingCase;
  const sources = fundingCase['fundingSources'];
  if (!Array.isArray(sources)) return fundingCase;
  return {
    ...fundingCase,
    fundingSources: sources.map((s: unknown) => {
      if (!isRecord(s) || typeof s['id'] !== 'string') return s;
      const e = edits[s['id']];
      return e ? { ...s, ...e } : s;
    }),
  };
}

function parsed(fundingCase: unknown): FundingCase | null {
  const r = FundingCase.safeParse(fundingCase);
  return r.success ? r.data : null;
}

export function SourcesEditor({
  fundingCase,
  edits,
  onChange,
}: {
  fundingCase: unknown;
  edits: SourceEdits;
  onChange: (e: SourceEdits) => void;
}) {
  const { t } = useTranslation('funding');
  const c = useMemo(() => parsed(fundingCase), [fundingCase]);
  if (!c) return <p className="bad">{t('sources.invalid')}</p>;
  const set = (id: string, key: string, value: number | null): void => {
    const mine = { ...(edits[id] ?? {}) };
    if (value === null) delete mine[key];
    else mine[key] = value;
    const next = { ...edits, [id]: mine };
    if (Object.keys(mine).length === 0) delete next[id];
    onChange(next);
  };
  return (
    <section className="card" data-testid="funding-sources-editor">
      <div className="card-head">
        <h2>{t('sources.title')}</h2>
        <button onClick={() => onChange({})} disabled={Object.keys(edits).length === 0}>
          {t('sources.reset')}
        </button>
      </div>
      <p className="muted small">{t('sources.hint', { currency: c.currency })}</p>
      <table className="table small">
        <thead>
          <tr>
            <th>{t('sources.source')}</th>
            <th>{t('sources.type')}</th>
            <th>{t('sources.terms')}</th>
          </tr>
        </thead>
        <tbody>
          {c.fundingSources.map((s) => {
            const record: Record<string, unknown> = s;
            const fields = EDITABLE.filter((f) => typeof record[f.key] === 'number');
            return (
              <tr key={s.id}>
                <td className="wrap" translate="no">
                  {s.name ?? s.id}
                </td>
                <td className="wrap">{fundingWord(s.type, t)}</td>
                <td>
                  <div className="form-grid">
                    {fields.map((f) => {
                      const original = record[f.key] as number;
                      const value = edits[s.id]?.[f.key] ?? original;
                      const label = t(`term.${f.key}`);
                      const unit = f.kind === 'rate' ? '%' : f.kind === 'spread' ? 'bp' : c.currency;
                      // Rates typed in percent, spreads in basis points; the case keeps decimals.
                      const per = f.kind === 'spread' ? 10_000 : 100;
                      const aria = t('sources.aria', { id: s.id, label });
                      return (
                        <label key={f.key} className="field">
                          {value !== original
                            ? t('sources.fieldEdited', { label, unit })
                            : t('sources.field', { label, unit })}{' '}
                          {f.kind !== 'money' ? (
                            <input
                              type="number"
                              step={f.kind === 'spread' ? 5 : 0.05}
                              min={0}
                              value={Number((value * per).toFixed(6))}
                              aria-label={aria}
                              onChange={(e) => {
                                const n = e.target.valueAsNumber;
                                if (!Number.isFinite(n) || n < 0) return;
                                const v = Math.round((n / per) * 1e10) / 1e10;
                                set(s.id, f.key, v === original ? null : v);
                              }}
                            />
                          ) : (
                            <AmountInput
                              // A value changed from outside (Reset) drops whatever was being typed.
                              key={value}
                              value={value}
                              label={aria}
                              onCommit={(v) => set(s.id, f.key, v === original ? null : v)}
                            />
                          )}
                        </label>
                      );
                    })}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The optimiser's rows in the summary table: the ones whose mix is not one the case names. */
function optimumRows(model: FundingScreenModel, c: FundingCase | null) {
  const named = new Set(c?.mixes.map((m) => m.name) ?? []);
  const summary = model.tables.find((t) => t.sheetName === 'Funding summary');
  return summary?.rows.filter((r) => typeof r['mix'] === 'string' && !named.has(r['mix'])) ?? [];
}

function statusText(status: string, t: TFunction): string {
  switch (status) {
    case 'optimal':
      return t('funding:optimum.status.optimal');
    case 'stopped':
      return t('funding:optimum.status.stopped');
    case 'infeasible':
      return t('funding:optimum.status.infeasible');
    default:
      return t('funding:optimum.status.error');
  }
}

/** The optimiser's constraints in one sentence: the buffer, funding under stress, the share caps. */
function constraintsText(
  o: NonNullable<FundingCase['optimisation']>,
  names: ReadonlyMap<string, string>,
  t: TFunction,
): string {
  const buffer = pct(o.minLiquidityBuffer);
  const caps = Object.entries(o.maxShare)
    .map(([id, v]) => t('funding:optimum.cap', { source: names.get(id) ?? id, share: pct(v, 0) }))
    .join(t('funding:optimum.listSeparator'));
  if (caps === '') {
    return o.fundUnderStress
      ? t('funding:optimum.constraintsStress', { buffer })
      : t('funding:optimum.constraints', { buffer });
  }
  return o.fundUnderStress
    ? t('funding:optimum.constraintsStressCaps', { buffer, caps })
    : t('funding:optimum.constraintsCaps', { buffer, caps });
}

export function OptimumCard({ model, fundingCase }: { model: FundingScreenModel; fundingCase: unknown }) {
  const { t } = useTranslation('funding');
  const c = useMemo(() => parsed(fundingCase), [fundingCase]);
  const o = model.optimum;
  if (!o) return null;
  const rows = optimumRows(model, c);
  const found = o.status === 'optimal' || o.status === 'stopped';
  const names = new Map(c?.fundingSources.map((s) => [s.id, s.name ?? s.id]) ?? []);
  const shares = Object.entries(o.averageShares).sort((a, b) => b[1] - a[1]);
  const relaxAlone = model.tables.find((t) => t.sheetName === 'Funding binding');
  return (
    <section className="card" data-testid="funding-optimum">
      <div className="card-head">
        <h2>
          <Trans
            t={t}
            i18nKey="optimum.title"
            values={{ status: statusText(o.status, t) }}
            components={[
              <span key="status" className={found ? '' : 'bad'} data-testid="funding-optimum-status" />,
            ]}
          />
        </h2>
      </div>
      {c?.optimisation ? <p className="muted small">{constraintsText(c.optimisation, names, t)}</p> : null}
      {found ? (
        <>
          <h3 className="grid-title">{t('optimum.sharesTitle')}</h3>
          <SharesGrid shares={shares} names={names} />
        </>
      ) : null}
      {found && rows.length > 0 ? (
        <>
          <h3 className="grid-title">{t('optimum.costsTitle')}</h3>
          <OptimumCostsGrid rows={rows} currency={c?.currency ?? 'USD'} />
        </>
      ) : null}
      {model.binding && model.binding.length > 0 ? (
        <>
          <p className="bad">{t('optimum.noMix')}</p>
          <BindingGrid binding={model.binding} relaxAlone={relaxAlone} currency={c?.currency ?? 'USD'} />
        </>
      ) : null}
    </section>
  );
}

function SharesGrid({ shares, names }: { shares: [string, number][]; names: Map<string, string> }) {
  const { t } = useTranslation('funding');
  const rowData = useMemo(
    () => shares.map(([id, share]) => ({ source: names.get(id) ?? id, share })),
    [shares, names],
  );
  const cols = useMemo<ColDef<ShareRow>[]>(
    () => [
      { field: 'source', headerName: t('sheets:funding.col.source'), pinned: 'left', width: 240 },
      pctCol<ShareRow>('share', t('header.share'), { flex: 1, minWidth: 90 }),
    ],
    [t],
  );
  // Two columns stretched over the whole card would leave each share far from its source.
  return (
    <div style={{ maxWidth: 480 }}>
      <DataGrid<ShareRow>
        rowData={rowData}
        columnDefs={cols}
        autoHeight
        testId="funding-optimum-shares"
        csvName="optimal mix shares"
      />
    </div>
  );
}

interface ShareRow {
  source: string;
  share: number;
}

type SummaryRow = FundingScreenModel['tables'][number]['rows'][number];

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function costCols(t: TFunction): ColDef<SummaryRow>[] {
  return [
    { field: 'scenario', headerName: t('sheets:funding.col.scenario'), pinned: 'left', width: 180 },
    {
      field: 'feasible',
      headerName: t('sheets:funding.col.feasible'),
      valueFormatter: (p) => fundingWord(String(p.value ?? ''), t),
      flex: 1,
      minWidth: 110,
    },
    moneyCol<SummaryRow>('totalCost', t('sheets:funding.col.totalCost'), {
      valueFormatter: (p) => money(num(p.value)),
      flex: 1,
      minWidth: 130,
    }),
    pctCol<SummaryRow>('weightedAverageCost', t('sheets:funding.col.weightedAverageCost'), {
      valueFormatter: (p) => pct(num(p.value)),
      flex: 1,
      minWidth: 120,
    }),
    moneyCol<SummaryRow>('minLiquidity', t('sheets:funding.col.minLiquidity'), {
      valueFormatter: (p) => money(num(p.value)),
      flex: 1,
      minWidth: 130,
    }),
  ];
}

/** Grids of amounts name their unit, which the display scale may have changed. */
function UnitCaption({ currency }: { currency: string }) {
  return (
    <p className="muted small" data-testid="amount-unit">
      {amountUnit(currency)}
    </p>
  );
}

function OptimumCostsGrid({ rows, currency }: { rows: SummaryRow[]; currency: string }) {
  const { t } = useTranslation('funding');
  // Language and scale: headers and amounts are redrawn when either changes.
  const { scale } = useDisplay();
  // New columns on a change of unit, so the grid redraws its money.
  const cols = useMemo(() => costCols(t), [t, scale]);
  return (
    <>
      <UnitCaption currency={currency} />
      <DataGrid<SummaryRow>
        rowData={rows}
        columnDefs={cols}
        autoHeight
        suppressColumnVirtualisation
        testId="funding-optimum-costs"
        csvName="optimal mix costs"
      />
    </>
  );
}

type Binding = NonNullable<FundingScreenModel['binding']>[number];
interface BindingRow {
  /** The constraint's id, which keeps the row's identity. */
  id: string;
  family: string;
  description: string;
  amount: number;
  months: string;
  scenarios: string;
  alone: string;
}

function bindingCols(t: TFunction): ColDef<BindingRow>[] {
  return [
    { field: 'family', headerName: t('sheets:funding.col.family'), pinned: 'left', width: 150 },
    {
      field: 'description',
      headerName: t('sheets:funding.col.description'),
      flex: 3,
      minWidth: 220,
      ...wrappedText,
    },
    moneyCol<BindingRow>('amount', t('sheets:funding.col.amount'), { flex: 1, minWidth: 140 }),
    { field: 'months', headerName: t('sheets:funding.col.months'), flex: 1, minWidth: 90, ...wrappedText },
    {
      field: 'scenarios',
      headerName: t('sheets:funding.col.scenarios'),
      tooltipField: 'scenarios',
      flex: 1,
      minWidth: 110,
    },
    {
      field: 'alone',
      headerName: t('sheets:funding.col.alone'),
      headerTooltip: t('sheets:funding.col.alone'),
      flex: 1,
      minWidth: 140,
      ...wrappedText,
    },
  ];
}

function BindingGrid({
  binding,
  relaxAlone,
  currency,
}: {
  binding: Binding[];
  relaxAlone: FundingScreenModel['tables'][number] | undefined;
  currency: string;
}) {
  const { t } = useTranslation('funding');
  const { scale } = useDisplay();
  const rowData = useMemo(
    () =>
      binding.map((b, i): BindingRow => ({
        id: b.family,
        family: fundingWord(b.family, t),
        description: bindingMeaning(b.family, b.description, t),
        amount: b.amount,
        months: b.months.join(' '),
        scenarios: b.scenarios.join(', '),
        alone: fundingWord(String(relaxAlone?.rows[i]?.['alone'] ?? ''), t),
      })),
    [binding, relaxAlone, t],
  );
  // New columns on a change of unit, so the grid redraws its money.
  const cols = useMemo(() => bindingCols(t), [t, scale]);
  return (
    <>
      <UnitCaption currency={currency} />
      <DataGrid<BindingRow>
        rowData={rowData}
        columnDefs={cols}
        getRowId={(p) => p.data.id}
        autoHeight
        suppressColumnVirtualisation
        testId="funding-binding"
        csvName="binding constraints"
      />
    </>
  );
}

export function FrontierChart({ model, fundingCase }: { model: FundingScreenModel; fundingCase: unknown }) {
  const { t } = useTranslation('funding');
  const { scale } = useDisplay();
  const c = useMemo(() => parsed(fundingCase), [fundingCase]);
  const currency = c?.currency ?? 'USD';
  const option = useMemo<ChartOption>(() => {
    const feasible = model.frontier.filter((p) => p.feasible && p.totalCost !== null);
    const infeasible = model.frontier.filter((p) => !p.feasible);
    const buffer = c?.optimisation?.minLiquidityBuffer ?? 0;
    const found = model.optimum?.status === 'optimal' || model.optimum?.status === 'stopped';
    const base = found ? optimumRows(model, c)[0] : undefined;
    const optimumCost = typeof base?.['totalCost'] === 'number' ? base['totalCost'] : null;
    const toPct = (v: number) => Number((v * 100).toFixed(4));
    const costs = feasible.map((p) => p.totalCost ?? 0);
    const spread = costs.length > 1 ? Math.max(...costs) - Math.min(...costs) : 0;
    // Frontier costs often differ by well under a million: enough decimals to tell the ticks apart.
    const digits = spread === 0 || spread >= 5e6 ? 1 : spread >= 5e5 ? 2 : 3;
    // markLines do not widen the axis, so the grid's infeasible end and the required buffer are kept in view.
    const xMax = Math.max(buffer, ...model.frontier.map((p) => p.liquidityBuffer));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const one = Array.isArray(p) ? p[0] : p;
          const d = one?.data as [number, number] | undefined;
          if (!d) return '';
          // ECharts renders the tooltip as HTML: the series name is the only line break.
          return `${one?.seriesName ?? ''}<br/>${t('frontier.tooltip', { buffer: d[0].toFixed(2), cost: money(d[1]) })}`;
        },
      },
      legend: { top: 0 },
      grid: { left: 90, right: 30, top: 40, bottom: 50 },
      xAxis: {
        type: 'value',
        name: t('frontier.xAxis'),
        nameLocation: 'middle',
        nameGap: 30,
        min: 0,
        max: toPct(xMax),
        axisLabel: { formatter: (v: number) => `${v}%` },
      },
      yAxis: {
        type: 'value',
        name:
          scale === 'unit' ? t('frontier.yAxis') : t('frontier.yAxisScaled', { unit: amountUnit(currency) }),
        scale: true,
        axisLabel: { formatter: (v: number) => axisAmount(v, digits, t) },
      },
      series: [
        {
          name: t('frontier.line'),
          type: 'line',
          symbolSize: 8,
          data: feasible.map((p) => [toPct(p.liquidityBuffer), p.totalCost ?? 0]),
          color: '#1d4f91',
        },
        {
          name: t('frontier.optimum'),
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 18,
          data: optimumCost === null ? [] : [[toPct(buffer), optimumCost]],
          color: '#e0a030',
          z: 5,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'solid', color: '#e0a030', width: 2 },
            label: {
              formatter: t('frontier.required', { buffer: pct(buffer, 1) }),
              color: '#8a5a00',
              position: 'insideEndTop',
            },
            data: [{ xAxis: toPct(buffer) }],
          },
        },
        {
          // Infeasible buffers have no cost: marked as vertical lines so the frontier's end is visible.
          name: t('frontier.infeasibleSeries'),
          type: 'line',
          data: [],
          color: '#c0504d',
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#c0504d' },
            label: { formatter: t('frontier.infeasible'), color: '#c0504d', position: 'insideStartTop' },
            data: infeasible.map((p) => ({ xAxis: toPct(p.liquidityBuffer) })),
          },
        },
      ],
    };
    // Language and scale redraw the axes, legend, marks and tooltip.
  }, [model, c, t, scale, currency]);
  const lastFeasible = [...model.frontier].reverse().find((p) => p.feasible);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('frontier.title')}</h2>
      </div>
      <EChart option={option} height={300} testId="funding-frontier" />
      <p className="muted small">
        {lastFeasible
          ? t('frontier.largest', { buffer: pct(lastFeasible.liquidityBuffer) })
          : t('frontier.none')}{' '}
        {t('frontier.costNote')}
      </p>
    </section>
  );
}
