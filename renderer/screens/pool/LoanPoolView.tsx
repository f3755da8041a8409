/**
 * An imported pool on the Pool screen: cut-off KPIs, the loan tape grid and the stratification cards.
 * Sized for a million loans: grid rows are built one block at a time from the struct-of-arrays pool, and
 * sort, filter, the summary and the strat tables run in the loan-view worker, so the page paints first
 * and never blocks for long.
 */
import type { ColDef, IDatasource } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { amountUnit, integer, money, pct, years } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { useApp } from '../../AppContext';
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

/**
 * The loan grid's columns in the screen's language. Product and status cells show their code's name (the code
 * itself in English); the filters still match the codes the rows carry.
 */
function loanCols(t: TFunction): ColDef<LoanRow>[] {
  const h = (k: string): string => t(`loans.col.${k}`);
  return [
    { field: 'id', headerName: h('id'), width: 120, pinned: 'left', ...text },
    {
      field: 'product',
      headerName: h('product'),
      width: 130,
      valueFormatter: (p: { value: unknown }) =>
        p.value ? t(`tape:product.${String(p.value)}`, { defaultValue: String(p.value) }) : '',
      ...text,
    },
    { field: 'segment', headerName: h('segment'), width: 90, ...text },
    moneyCol('balance', h('balance'), { width: 120, ...num }),
    moneyCol('originalBalance', h('originalBalance'), { width: 120, ...num }),
    pctCol('rate', h('rate'), { width: 90, headerTooltip: t('loans.rateTip'), ...num }),
    pctCol('monthlyFeeRate', h('monthlyFeeRate'), { width: 100, headerTooltip: t('loans.feeTip'), ...num }),
    { field: 'originalTerm', headerName: h('originalTerm'), width: 90, type: 'rightAligned', ...num },
    { field: 'remainingTerm', headerName: h('remainingTerm'), width: 90, type: 'rightAligned', ...num },
    {
      field: 'status',
      headerName: h('status'),
      width: 100,
      valueFormatter: (p: { value: unknown }) =>
        p.value ? t(`tape:status.${String(p.value)}`, { defaultValue: String(p.value) }) : '',
      ...text,
    },
    { field: 'daysPastDue', headerName: h('daysPastDue'), width: 80, type: 'rightAligned', ...num },
    { field: 'region', headerName: h('region'), width: 100, ...text },
    { field: 'score', headerName: h('score'), width: 80, type: 'rightAligned', ...num },
  ];
}

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
  const { t } = useTranslation('pool');
  const { scale } = useDisplay();
  const currency = useApp().state.history.present.deal.currency;
  const { summary, strats, error } = usePoolFacts(pool);
  const [matches, setMatches] = useState(pool.size);
  const datasource = useMemo(() => loanDatasource(pool, setMatches), [pool]);
  // Depends on the scale too: the money columns' cells are formatted in it.
  const cols = useMemo(() => loanCols(t), [t, scale]);
  return (
    <>
      {autosaved ? null : (
        <div className="banner" data-testid="autosave-note" role="note">
          {notAutosavedText(pool.size)}
        </div>
      )}
      <div className="kpi-row">
        <Kpi label={t('loans.kpiLoans')} value={integer(pool.size)} testId="pool-count" />
        <Kpi
          label={
            scale === 'unit'
              ? t('loans.currentBalance')
              : t('loans.currentBalanceIn', { unit: amountUnit(currency) })
          }
          value={summary ? money(summary.totalBalance) : '…'}
        />
        <Kpi label={t('loans.waRate')} value={summary ? pct(summary.waRate) : '…'} />
        <Kpi
          label={t('loans.waRemainingTerm')}
          value={summary ? t('loans.months', { value: years(summary.waRemainingTerm, 1) }) : '…'}
        />
        <Kpi
          label={t('loans.waSeasoning')}
          value={summary ? t('loans.months', { value: years(summary.waSeasoning, 1) }) : '…'}
        />
        <Kpi
          label={t('loans.delinquent')}
          value={summary === null || summary.delinquentShare === null ? '–' : pct(summary.delinquentShare)}
        />
      </div>
      {error ? (
        <p className="bad" role="alert">
          {t('loans.stratFailed', { error })}
        </p>
      ) : null}
      <section className="card">
        <div className="card-head">
          <h2>{t('loans.title')}</h2>
          <span className="muted small" data-testid="loan-grid-count">
            {[
              matches === pool.size
                ? t('loans.count', { count: pool.size, formatted: integer(pool.size) })
                : t('loans.matching', {
                    count: pool.size,
                    matches: integer(matches),
                    total: integer(pool.size),
                  }),
              t('loans.cutoff', { date: pool.cutoffDate ?? '–' }),
            ].join(' · ')}
            {scale === 'unit' ? null : ` · ${amountUnit(currency)}`}
          </span>
        </div>
        <DataGrid<LoanRow>
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={200}
          maxBlocksInCache={50}
          columnDefs={cols}
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
  const { t } = useTranslation('pool');
  const strat = useMemo(() => stratReportTable(table, t), [table, t]);
  const bars = useMemo(() => stratBars(table, t), [table, t]);
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
        <h2>{t(`strat.${table.key}`)}</h2>
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
