/**
 * The Funding screen's optimiser views (the cheapest mix, the cost–liquidity frontier, what binds when nothing
 * is feasible) and a small sources editor whose edits are applied to the case before it goes to the worker.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { FundingScreenModel } from '../../core/funding/report';
import { FundingCase } from '../../core/funding/schema';
import { DataGrid, moneyCol, pctCol, wrappedText } from '../components/DataGrid';
import { EChart, type ChartOption } from '../components/EChart';
import { money, pct } from '../format';
import { fundingWord } from '../project/fundingWords';

/** Field overrides per source id, in the case's own units (rates as decimals, money as amounts). */
export type SourceEdits = Record<string, Record<string, number>>;

/** The terms a treasurer most often flexes; only those a source actually has are offered. */
const EDITABLE: { key: string; label: string; kind: 'rate' | 'money' }[] = [
  { key: 'margin', label: 'Margin over index', kind: 'rate' },
  { key: 'rate', label: 'Rate', kind: 'rate' },
  { key: 'costRate', label: 'Buyer yield', kind: 'rate' },
  { key: 'costOfEquity', label: 'Cost of equity', kind: 'rate' },
  { key: 'percentCost', label: 'Issuance cost', kind: 'rate' },
  { key: 'advanceRate', label: 'Advance rate', kind: 'rate' },
  { key: 'commitment', label: 'Commitment', kind: 'money' },
  { key: 'maximumAmount', label: 'Most equity outstanding', kind: 'money' },
  { key: 'monthlyRaiseCapacity', label: 'Monthly raise capacity', kind: 'money' },
];

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
  const c = useMemo(() => parsed(fundingCase), [fundingCase]);
  if (!c) return <p className="bad">The case does not validate; it cannot be edited here.</p>;
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
        <h2>Funding sources</h2>
        <button onClick={() => onChange({})} disabled={Object.keys(edits).length === 0}>
          Reset to the case
        </button>
      </div>
      <p className="muted small">
        Rates in percent per year, money in {c.currency}. Edits apply on the next Analyse or Optimise.
      </p>
      <table className="table small">
        <thead>
          <tr>
            <th>Source</th>
            <th>Type</th>
            <th>Terms</th>
          </tr>
        </thead>
        <tbody>
          {c.fundingSources.map((s) => {
            const record: Record<string, unknown> = s;
            const fields = EDITABLE.filter((f) => typeof record[f.key] === 'number');
            return (
              <tr key={s.id}>
                <td className="wrap">{s.name ?? s.id}</td>
                <td className="wrap">{s.type}</td>
                <td>
                  <div className="form-grid">
                    {fields.map((f) => {
                      const original = record[f.key] as number;
                      const value = edits[s.id]?.[f.key] ?? original;
                      const shown = f.kind === 'rate' ? Number((value * 100).toFixed(6)) : value;
                      return (
                        <label key={f.key} className="field">
                          {f.label} ({f.kind === 'rate' ? '%' : c.currency})
                          {value !== original ? ', edited' : ''}{' '}
                          <input
                            type="number"
                            step={f.kind === 'rate' ? 0.05 : 1_000_000}
                            min={0}
                            value={shown}
                            aria-label={`${s.id} ${f.label}`}
                            onChange={(e) => {
                              const n = e.target.valueAsNumber;
                              if (!Number.isFinite(n) || n < 0) return;
                              const v = f.kind === 'rate' ? n / 100 : n;
                              set(s.id, f.key, v === original ? null : v);
                            }}
                          />
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

export function OptimumCard({ model, fundingCase }: { model: FundingScreenModel; fundingCase: unknown }) {
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
          Optimal mix:{' '}
          <span className={found ? '' : 'bad'} data-testid="funding-optimum-status">
            {o.status === 'optimal'
              ? 'optimal'
              : o.status === 'stopped'
                ? 'best found (solver stopped at its limit)'
                : o.status === 'infeasible'
                  ? 'infeasible'
                  : 'solver error'}
          </span>
        </h2>
      </div>
      {c?.optimisation ? (
        <p className="muted small">
          Liquidity buffer at least {pct(c.optimisation.minLiquidityBuffer)} of receivables
          {c.optimisation.fundUnderStress ? ', book funded under every stress' : ''}
          {Object.keys(c.optimisation.maxShare).length > 0
            ? `, share caps: ${Object.entries(c.optimisation.maxShare)
                .map(([id, v]) => `${names.get(id) ?? id} ${pct(v, 0)}`)
                .join(', ')}`
            : ''}
          .
        </p>
      ) : null}
      {found ? (
        <>
          <h3 className="grid-title">Average share of funding (base case)</h3>
          <SharesGrid shares={shares} names={names} />
        </>
      ) : null}
      {found && rows.length > 0 ? (
        <>
          <h3 className="grid-title">Cost and liquidity of the optimal mix under each scenario</h3>
          <OptimumCostsGrid rows={rows} />
        </>
      ) : null}
      {model.binding && model.binding.length > 0 ? (
        <>
          <p className="bad">No mix meets every constraint. What binds, and by how much:</p>
          <BindingGrid binding={model.binding} relaxAlone={relaxAlone} />
        </>
      ) : null}
    </section>
  );
}

function SharesGrid({ shares, names }: { shares: [string, number][]; names: Map<string, string> }) {
  const rowData = useMemo(
    () => shares.map(([id, share]) => ({ source: names.get(id) ?? id, share })),
    [shares, names],
  );
  // Two columns stretched over the whole card would leave each share far from its source.
  return (
    <div style={{ maxWidth: 480 }}>
      <DataGrid<ShareRow>
        rowData={rowData}
        columnDefs={SHARE_COLS}
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

const SHARE_COLS: ColDef<ShareRow>[] = [
  { field: 'source', headerName: 'Source', pinned: 'left', width: 240 },
  pctCol<ShareRow>('share', 'Share', { flex: 1, minWidth: 90 }),
];

type SummaryRow = FundingScreenModel['tables'][number]['rows'][number];

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const COST_COLS: ColDef<SummaryRow>[] = [
  { field: 'scenario', headerName: 'Scenario', pinned: 'left', width: 180 },
  { field: 'feasible', headerName: 'Funds the book', flex: 1, minWidth: 110 },
  moneyCol<SummaryRow>('totalCost', 'Total cost', {
    valueFormatter: (p) => money(num(p.value)),
    flex: 1,
    minWidth: 130,
  }),
  pctCol<SummaryRow>('weightedAverageCost', 'Weighted average cost', {
    valueFormatter: (p) => pct(num(p.value)),
    flex: 1,
    minWidth: 120,
  }),
  moneyCol<SummaryRow>('minLiquidity', 'Least liquidity', {
    valueFormatter: (p) => money(num(p.value)),
    flex: 1,
    minWidth: 130,
  }),
];

function OptimumCostsGrid({ rows }: { rows: SummaryRow[] }) {
  return (
    <DataGrid<SummaryRow>
      rowData={rows}
      columnDefs={COST_COLS}
      autoHeight
      suppressColumnVirtualisation
      testId="funding-optimum-costs"
      csvName="optimal mix costs"
    />
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

const BINDING_COLS: ColDef<BindingRow>[] = [
  { field: 'family', headerName: 'Constraint', pinned: 'left', width: 150 },
  { field: 'description', headerName: 'Meaning', flex: 3, minWidth: 220, ...wrappedText },
  moneyCol<BindingRow>('amount', 'Shortfall (sum over months)', { flex: 1, minWidth: 140 }),
  { field: 'months', headerName: 'Months', flex: 1, minWidth: 90, ...wrappedText },
  { field: 'scenarios', headerName: 'Scenarios', tooltipField: 'scenarios', flex: 1, minWidth: 110 },
  { field: 'alone', headerName: 'Relaxing it alone restores feasibility', flex: 1, minWidth: 140 },
];

function BindingGrid({
  binding,
  relaxAlone,
}: {
  binding: Binding[];
  relaxAlone: FundingScreenModel['tables'][number] | undefined;
}) {
  const rowData = useMemo(
    () =>
      binding.map((b, i): BindingRow => ({
        id: b.family,
        family: fundingWord(b.family),
        description: b.description,
        amount: b.amount,
        months: b.months.join(' '),
        scenarios: b.scenarios.join(', '),
        alone: String(relaxAlone?.rows[i]?.['alone'] ?? ''),
      })),
    [binding, relaxAlone],
  );
  return (
    <DataGrid<BindingRow>
      rowData={rowData}
      columnDefs={BINDING_COLS}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="funding-binding"
      csvName="binding constraints"
    />
  );
}

export function FrontierChart({ model, fundingCase }: { model: FundingScreenModel; fundingCase: unknown }) {
  const c = useMemo(() => parsed(fundingCase), [fundingCase]);
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
          return d ? `${one?.seriesName ?? ''}<br/>buffer ${d[0].toFixed(2)}%: ${money(d[1])}` : '';
        },
      },
      legend: { top: 0 },
      grid: { left: 90, right: 30, top: 40, bottom: 50 },
      xAxis: {
        type: 'value',
        name: 'Liquidity buffer (% of receivables)',
        nameLocation: 'middle',
        nameGap: 30,
        min: 0,
        max: toPct(xMax),
        axisLabel: { formatter: (v: number) => `${v}%` },
      },
      yAxis: {
        type: 'value',
        name: 'Total cost',
        scale: true,
        axisLabel: { formatter: (v: number) => `${(v / 1e6).toFixed(digits)}m` },
      },
      series: [
        {
          name: 'Efficient frontier',
          type: 'line',
          symbolSize: 8,
          data: feasible.map((p) => [toPct(p.liquidityBuffer), p.totalCost ?? 0]),
          color: '#1d4f91',
        },
        {
          name: 'Chosen optimum',
          type: 'scatter',
          symbol: 'diamond',
          symbolSize: 18,
          data: optimumCost === null ? [] : [[toPct(buffer), optimumCost]],
          color: '#e0a030',
          z: 5,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'solid', color: '#e0a030', width: 2 },
            label: { formatter: `required ${pct(buffer, 1)}`, color: '#8a5a00', position: 'insideEndTop' },
            data: [{ xAxis: toPct(buffer) }],
          },
        },
        {
          // Infeasible buffers have no cost: marked as vertical lines so the frontier's end is visible.
          name: 'Infeasible buffer',
          type: 'line',
          data: [],
          color: '#c0504d',
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#c0504d' },
            label: { formatter: 'infeasible', color: '#c0504d', position: 'insideStartTop' },
            data: infeasible.map((p) => ({ xAxis: toPct(p.liquidityBuffer) })),
          },
        },
      ],
    };
  }, [model, c]);
  const lastFeasible = [...model.frontier].reverse().find((p) => p.feasible);
  return (
    <section className="card">
      <div className="card-head">
        <h2>Efficient frontier: cheapest mix for each liquidity buffer</h2>
      </div>
      <EChart option={option} height={300} testId="funding-frontier" />
      <p className="muted small">
        {lastFeasible
          ? `Largest buffer on the grid that some mix can carry: ${pct(lastFeasible.liquidityBuffer)}.`
          : 'No buffer on the grid can be carried.'}{' '}
        Total cost is the base case&apos;s, over the horizon.
      </p>
    </section>
  );
}
