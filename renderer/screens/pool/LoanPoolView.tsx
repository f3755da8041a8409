/**
 * An imported pool on the Pool screen: cut-off KPIs, the loan tape grid and the stratification cards.
 * Sized for a million loans: grid rows are built one block at a time from the struct-of-arrays pool, and
 * sort, filter, the summary and the strat tables run in the loan-view worker, so the page paints first
 * and never blocks for long.
 */
import type { ColDef, IDatasource } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { STATUS_CODES } from '../../../core/io/tape/fields';
import { PRODUCT_CODES } from '../../../core/pool/loanPool';
import { isEmptyQuery } from '../../../core/pool/loanView';
import { NO_REGION, NO_STATUS, type ImportedPool } from '../../../core/pool/poolFile';
import type { PoolSummary, StratTable } from '../../../core/pool/strat';
import { DataGrid, moneyCol, pctCol } from '../../components/DataGrid';
import { EChart, type ChartOption } from '../../components/EChart';
import { Kpi } from '../../components/Kpi';
import { WhenVisible } from '../../components/WhenVisible';
import { ReportGrid } from '../../components/ReportGrid';
import { poolFacts, queryPool, type PoolFacts } from '../../engine/loanView';
import { integer, money, pct, years } from '../../format';
import { notAutosavedText } from '../../project/autosave';
import { loanGridQuery } from './loanGridQuery';
import { orderedStrat, stratBars, stratReportTable } from './poolTables';

interface LoanRow {
  id: string;
  product: string;
  segment: string;
  balance: number;
  originalBalance: number;
  rate: number;
  monthlyFeeRate: number;
  originalTerm: number;
  remainingTerm: number;
  status: string;
  region: string;
  score: number | null;
  daysPastDue: number | null;
}

function loanRow(p: ImportedPool, i: number): LoanRow {
  const status = p.status?.[i] ?? NO_STATUS;
  const region = p.region?.[i] ?? NO_REGION;
  const score = p.score?.[i];
  const dpd = p.daysPastDue?.[i];
  return {
    id: p.ids[i] ?? '',
    product: PRODUCT_CODES[p.product[i] ?? 0] ?? '',
    segment: p.segmentNames[p.segment[i] ?? 0] ?? '',
    balance: p.balance[i] ?? 0,
    originalBalance: p.originalBalance[i] ?? 0,
    rate: p.rate[i] ?? 0,
    monthlyFeeRate: p.monthlyFeeRate[i] ?? 0,
    originalTerm: p.originalTerm[i] ?? 0,
    remainingTerm: p.remainingTerm[i] ?? 0,
    status: status === NO_STATUS ? '' : (STATUS_CODES[status] ?? ''),
    region: region === NO_REGION ? '' : (p.regionNames[region] ?? ''),
    score: score === undefined || Number.isNaN(score) ? null : score,
    daysPastDue: dpd === undefined || Number.isNaN(dpd) ? null : dpd,
  };
}

const text = { sortable: true, filter: 'agTextColumnFilter', filterParams: { debounceMs: 400 } };
const num = { sortable: true, filter: 'agNumberColumnFilter', filterParams: { debounceMs: 400 } };

const loanCols: ColDef<LoanRow>[] = [
  { field: 'id', headerName: 'Loan', width: 120, pinned: 'left', ...text },
  { field: 'product', headerName: 'Product', width: 130, ...text },
  { field: 'segment', headerName: 'Segment', width: 90, ...text },
  moneyCol('balance', 'Balance', { width: 120, ...num }),
  moneyCol('originalBalance', 'Original', { width: 120, ...num }),
  pctCol('rate', 'Rate', { width: 90, headerTooltip: 'Annual rate; filter in %', ...num }),
  pctCol('monthlyFeeRate', 'Fee / month', { width: 100, headerTooltip: 'Monthly fee; filter in %', ...num }),
  { field: 'originalTerm', headerName: 'Orig. term', width: 90, type: 'rightAligned', ...num },
  { field: 'remainingTerm', headerName: 'Rem. term', width: 90, type: 'rightAligned', ...num },
  { field: 'status', headerName: 'Status', width: 100, ...text },
  { field: 'daysPastDue', headerName: 'DPD', width: 70, type: 'rightAligned', ...num },
  { field: 'region', headerName: 'Region', width: 100, ...text },
  { field: 'score', headerName: 'Score', width: 80, type: 'rightAligned', ...num },
];

/**
 * The grid asks for blocks of rows with its current sort and filter; a changed query is answered by the
 * worker once (an index order), and every block after that is read through it. A query overtaken by a newer
 * one fails its blocks so stale rows never show.
 */
function loanDatasource(p: ImportedPool, onMatches: (n: number) => void): IDatasource {
  let current: { key: string; order: Promise<Uint32Array | null> } | null = null;
  return {
    rowCount: p.size,
    getRows: (params) => {
      const query = loanGridQuery(params.sortModel, params.filterModel);
      const key = JSON.stringify(query);
      if (current?.key !== key) {
        current = { key, order: isEmptyQuery(query) ? Promise.resolve(null) : queryPool(p, query) };
      }
      const mine = current;
      mine.order.then(
        (order) => {
          if (current !== mine) {
            params.failCallback();
            return;
          }
          const count = order ? order.length : p.size;
          const end = Math.min(params.endRow, count);
          const rows: LoanRow[] = [];
          for (let k = params.startRow; k < end; k++) rows.push(loanRow(p, order ? order[k]! : k));
          params.successCallback(rows, count);
          onMatches(count);
        },
        () => {
          // A failed query is asked again on the grid's next request rather than failing every block after it.
          if (current === mine) current = null;
          params.failCallback();
        },
      );
    },
  };
}

/** Per pool, so returning to the screen (or undoing back to a pool) shows its tables at once. */
const factsCache = new WeakMap<ImportedPool, Promise<PoolFacts>>();

function factsOf(pool: ImportedPool): Promise<PoolFacts> {
  let f = factsCache.get(pool);
  if (!f) {
    f = poolFacts(pool);
    factsCache.set(pool, f);
    f.catch(() => factsCache.delete(pool));
  }
  return f;
}

/**
 * The summary and strat tables from the worker; the cards then appear one per task, because each card
 * lays out a chart and ten at once block the page for a few hundred ms.
 */
function usePoolFacts(pool: ImportedPool): {
  summary: PoolSummary | null;
  strats: StratTable[];
  error: string | null;
} {
  const [shown, setShown] = useState<{
    summary: PoolSummary | null;
    strats: StratTable[];
    error: string | null;
  }>({
    summary: null,
    strats: [],
    error: null,
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let live = true;
    setShown({ summary: null, strats: [], error: null });
    factsOf(pool).then(
      (f) => {
        if (!live) return;
        let n = 0;
        const next = () => {
          n++;
          setShown({ summary: f.summary, strats: f.strats.slice(0, n), error: null });
          if (n < f.strats.length) timer = setTimeout(next, 0);
        };
        next();
      },
      (err: unknown) => {
        if (live)
          setShown({ summary: null, strats: [], error: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
    };
  }, [pool]);
  return shown;
}

export function LoanPoolView({ pool, autosaved }: { pool: ImportedPool; autosaved: boolean }) {
  const { summary, strats, error } = usePoolFacts(pool);
  const [matches, setMatches] = useState(pool.size);
  const datasource = useMemo(() => loanDatasource(pool, setMatches), [pool]);
  return (
    <>
      {autosaved ? null : (
        <div className="banner" data-testid="autosave-note" role="note">
          {notAutosavedText(pool.size)}
        </div>
      )}
      <div className="kpi-row">
        <Kpi label="Loans" value={integer(pool.size)} testId="pool-count" />
        <Kpi label="Current balance" value={summary ? money(summary.totalBalance) : '…'} />
        <Kpi label="WA rate" value={summary ? pct(summary.waRate) : '…'} />
        <Kpi label="WA remaining term" value={summary ? `${years(summary.waRemainingTerm, 1)} m` : '…'} />
        <Kpi label="WA seasoning" value={summary ? `${years(summary.waSeasoning, 1)} m` : '…'} />
        <Kpi
          label="Delinquent"
          value={summary === null || summary.delinquentShare === null ? '–' : pct(summary.delinquentShare)}
        />
      </div>
      {error ? (
        <p className="bad" role="alert">
          Stratification failed: {error}
        </p>
      ) : null}
      <section className="card">
        <div className="card-head">
          <h2>Loan tape</h2>
          <span className="muted small" data-testid="loan-grid-count">
            {matches === pool.size
              ? `${integer(pool.size)} loans`
              : `${integer(matches)} of ${integer(pool.size)} loans match`}{' '}
            · cut-off {pool.cutoffDate ?? '–'}
          </span>
        </div>
        <DataGrid<LoanRow>
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={200}
          maxBlocksInCache={50}
          columnDefs={loanCols}
          defaultColDef={{ resizable: true, suppressMovable: true, floatingFilter: true }}
          height={370}
          testId="loan-grid"
        />
      </section>
      <div className="strat-grid">
        {strats.map((t) => (
          <StratCard key={t.key} table={orderedStrat(t)} />
        ))}
      </div>
    </>
  );
}

/** WA remaining term in months, to one decimal. */
const months = (n: number): string => years(n, 1);

function StratCard({ table }: { table: StratTable }) {
  const strat = useMemo(() => stratReportTable(table), [table]);
  const bars = useMemo(() => stratBars(table), [table]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 8, top: 6, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(1)}%` },
      xAxis: {
        type: 'category',
        data: bars.map((b) => b.label),
        axisLabel: { fontSize: 10, interval: 0, rotate: bars.length > 6 ? 30 : 0 },
      },
      // A 120px chart has room for three or four readable ticks, not ten.
      yAxis: { type: 'value', splitNumber: 3, axisLabel: { formatter: '{value}%', fontSize: 10 } },
      series: [{ type: 'bar', data: bars.map((b) => b.share * 100), barMaxWidth: 28 }],
    }),
    [bars],
  );
  return (
    <section className="card" data-testid={`strat-${table.key}`}>
      <div className="card-head">
        <h2>{table.title}</h2>
      </div>
      {/* The bars' labels, for tests: the canvas has no text to read. */}
      <div data-testid={`strat-${table.key}-chart`} data-labels={JSON.stringify(bars.map((b) => b.label))}>
        <EChart option={option} height={120} />
      </div>
      {/* Row height 26 plus header and total: what the grid will take, held until it is near the screen. */}
      <WhenVisible minHeight={26 * (table.rows.length + 2) + 56}>
        <ReportGrid
          table={strat.table}
          total={strat.total}
          numberText={months}
          testId={`strat-${table.key}-table`}
        />
      </WhenVisible>
    </section>
  );
}
