/** Results: analytics summary, pool cash flows, tranche cash flows, reconciliation, triggers. */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import type {
  PoolPeriodRow,
  ProjectionNotes,
  RunResult,
  TrancheCashflowRow,
  TrancheResult,
  WaterfallPeriod,
} from '../../core/result';
import type { BreakevenResult } from '../../core/scenario/breakeven';
import { useApp } from '../AppContext';
import { engine } from '../engine/engineWorker';
import { Kpi } from '../components/Kpi';
import { DataGrid, moneyCol, pctCol } from '../components/DataGrid';
import { columnWidth } from '../components/reportColumns';
import { textMeasure } from '../components/textMeasure';
import { EChart, type ChartOption } from '../components/EChart';
import { money, moneyWhole, pct, years } from '../format';
import { dealRunProblems } from '../project/runCheck';
import { triggerEventRows, type TriggerEventRow } from '../project/triggerEvents';
import type { Deal } from '../../core/deal/schema';
import { NET_LOSS, netLossShare, REALISED_LOSS, realisedLossShare } from '../lossTerms';

type Tab = 'summary' | 'pool' | 'tranches' | 'reconciliation' | 'triggers';

const TABS: { id: Tab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'pool', label: 'Pool cash flows' },
  { id: 'tranches', label: 'Tranche cash flows' },
  { id: 'reconciliation', label: 'Reconciliation' },
  { id: 'triggers', label: 'Triggers' },
];

export function ResultsScreen({ stale }: { stale: boolean }) {
  const { state, runDeal, job, dispatch } = useApp();
  const [tab, setTab] = useState<Tab>('summary');
  const run = state.run;
  const present = state.history.present;
  // The run's own deal (a project saved with a run of an over-issued deal) and the deal as it stands now.
  const runProblems = useMemo(
    () => (run ? dealRunProblems(run.doc.deal, run.doc.pool?.loans ?? null) : []),
    [run],
  );
  const nowProblems = useMemo(
    () => dealRunProblems(present.deal, present.pool?.loans ?? null),
    [present.deal, present.pool],
  );

  async function solveBreakevens(): Promise<void> {
    if (!run) return;
    const d = run.doc;
    const breakevens = await job('Solving break-evens', (p) =>
      engine().request(
        { kind: 'breakeven', deal: d.deal, loans: d.pool?.loans ?? null, scenario: run.result.scenario.name },
        p,
      ),
    );
    if (breakevens) dispatch({ type: 'breakevens', doc: d, breakevens });
  }

  if (!run) {
    return (
      <div className="screen-body">
        <div className="screen-head">
          <h1>Results</h1>
        </div>
        {nowProblems.length > 0 ? (
          <div className="problems" data-testid="results-problems">
            The deal as it stands will not run:
            <ul>
              {nowProblems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="empty">
          <p>No results yet.</p>
          <button className="primary" onClick={() => void runDeal()}>
            Run the deal (Ctrl+Enter)
          </button>
        </div>
      </div>
    );
  }
  const r = run.result;
  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Results</h1>
        <p className="muted">
          {r.deal.name} · scenario <b>{r.scenario.name}</b> · settlement {r.deal.settlementDate} ·{' '}
          {r.pool.periods.length} periods ·{' '}
          {runProblems.length > 0 ? (
            <span className="bad" data-testid="not-sound">
              the deal run is not sound (below); its figures are not meaningful
            </span>
          ) : r.checks.cashConserved ? (
            <span className="ok" data-testid="reconciled">
              every period reconciles to the cent
            </span>
          ) : (
            <span className="bad">{r.checks.failures.length} periods do not reconcile</span>
          )}
        </p>
        {runProblems.length > 0 || nowProblems.length > 0 ? (
          <div className="problems" data-testid="results-problems">
            {runProblems.length > 0
              ? 'This run’s deal should not have run:'
              : 'The deal as it stands will not run:'}
            <ul>
              {(runProblems.length > 0 ? runProblems : nowProblems).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {r.projectionNotes ? <ProjectionNotesView notes={r.projectionNotes} /> : null}
        {stale ? (
          <div className="banner small" data-testid="stale">
            The deal changed since this run. <button onClick={() => void runDeal()}>Run again</button>
          </div>
        ) : null}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            data-testid={`tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'summary' && (
        <Summary r={r} breakevens={run.breakevens} onSolve={() => void solveBreakevens()} />
      )}
      {tab === 'pool' && <PoolFlows r={r} />}
      {tab === 'tranches' && <TrancheFlows r={r} />}
      {tab === 'reconciliation' && <Reconciliation r={r} />}
      {tab === 'triggers' && <Triggers r={r} deal={run.doc.deal} />}
    </div>
  );
}

/** The default stop the run used, its warnings, and the product conventions behind the pool's figures. */
function ProjectionNotesView({ notes }: { notes: ProjectionNotes }) {
  return (
    <div data-testid="projection-notes">
      <p className="muted">
        Defaults{' '}
        {notes.defaultStop === 'maturity'
          ? 'run to maturity'
          : 'stop in the last recovery-lag months (SIFMA)'}
        {notes.cnl ? ` · CNL stated ${pct(notes.cnl.stated)}, realised ${pct(notes.cnl.realised)}` : ''}
      </p>
      {notes.warnings.map((w, k) => (
        <p key={k} className="warn" role="status">
          {w}
        </p>
      ))}
      <details>
        <summary className="muted">Conventions of this projection</summary>
        <ul>
          {notes.conventions.map((c, k) => (
            <li key={k}>{c}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function breakevenText(b: BreakevenResult | undefined, mode: 'cdr' | 'lossMultiple'): string {
  const a = b?.answers.find((x) => x.mode === mode);
  if (!a) return '–';
  if (a.breakeven === null) return 'not whole at 0';
  const fmt = (x: number): string => (mode === 'cdr' ? pct(x) : `${x.toFixed(2)}×`);
  const v = fmt(a.breakeven);
  if (a.wholeAtMax) return `≥ ${v}`;
  // A revolving deal can be whole again above its first failure (a harsher stress ends revolving sooner).
  const again = a.wholeAgain.map((w) => `${fmt(w.from)}–${fmt(w.to)}`).join(', ');
  return again ? `${v} (whole again at ${again}: a harsher stress ends revolving sooner)` : v;
}

function Summary({
  r,
  breakevens,
  onSolve,
}: {
  r: RunResult;
  breakevens: BreakevenResult[] | null;
  onSolve: () => void;
}) {
  const balances = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: {
        type: 'category',
        data: [0, ...r.pool.periods.map((p) => p.period)],
        name: 'Period',
        nameLocation: 'middle',
        nameGap: 24,
      },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => compact(v) } },
      series: r.tranches.map((t) => ({
        name: t.id,
        type: 'line',
        stack: 'notes',
        areaStyle: { opacity: 0.55 },
        symbol: 'none',
        lineStyle: { width: 1 },
        data: [t.originalBalance, ...t.cashflows.map((c) => c.balance)],
      })),
    }),
    [r],
  );
  const totalLoss = r.pool.periods.reduce((a, p) => a + p.loss, 0);
  return (
    <>
      <div className="kpi-row">
        <Kpi label="Initial pool" value={moneyWhole(r.pool.initialBalance)} />
        <Kpi
          label={REALISED_LOSS}
          value={`${moneyWhole(totalLoss)} · ${pct(realisedLossShare(r))}`}
          testId="realised-loss"
        />
        <Kpi label={NET_LOSS} value={pct(netLossShare(r))} testId="net-loss" />
        <Kpi
          label="Revolving ended"
          value={r.revolvingEndPeriod === null ? '–' : `period ${r.revolvingEndPeriod}`}
        />
        <Kpi
          label="Clean-up call"
          value={r.cleanUpCallPeriod === null ? 'not exercised' : `period ${r.cleanUpCallPeriod}`}
        />
        <Kpi label="Trigger events" value={String(r.triggerEvents.length)} />
      </div>
      <section className="card">
        <div className="card-head">
          <h2>Tranche analytics</h2>
          <span className="muted small">
            WAL in years (30/360, delay included); yield bond-equivalent at the price shown
            {breakevens ? null : (
              <button className="solve" onClick={onSolve} data-testid="solve-breakevens">
                Solve break-even CDR and loss multiple
              </button>
            )}
          </span>
        </div>
        <AnalyticsGrid r={r} breakevens={breakevens} />
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Note balances over time</h2>
        </div>
        <EChart option={balances} height={260} testId="balances-chart" />
      </section>
    </>
  );
}

/** One analytics column: how a class's figure reads, so the column can be sized to what it will show. */
interface Figure {
  colId: string;
  header: string;
  /** The figure itself, for the CSV export and the colour rules. */
  value: (t: TrancheResult) => string | number | null | undefined;
  text: (t: TrancheResult) => string;
  /** Text columns read left to right; figures are right-aligned. */
  left?: boolean;
  extra?: ColDef<TrancheResult>;
}

const lossIsBad = { bad: (p: { value: unknown }) => typeof p.value === 'number' && p.value > 0 };

function analyticsFigures(be: Map<string, BreakevenResult> | null): Figure[] {
  const f = (
    colId: string,
    header: string,
    value: Figure['value'],
    text: (v: number | null) => string,
    extra?: ColDef<TrancheResult>,
  ): Figure => ({ colId, header, value, text: (t) => text((value(t) as number | null) ?? null), extra });
  const span = (t: TrancheResult): string =>
    t.principalWindow ? `${t.principalWindow.first}–${t.principalWindow.last}` : '–';
  return [
    { colId: 'rating', header: 'Rating', value: (t) => t.rating, text: (t) => t.rating ?? '', left: true },
    {
      colId: 'couponDescription',
      header: 'Coupon',
      value: (t) => t.couponDescription,
      text: (t) => t.couponDescription,
      left: true,
    },
    f('originalBalance', 'Original balance', (t) => t.originalBalance, money),
    f(
      'price',
      'Price',
      (t) => t.price,
      (v) => (v === null ? '–' : v.toFixed(2)),
    ),
    f(
      'wal',
      'WAL',
      (t) => t.wal,
      (v) => years(v),
    ),
    f(
      'yield',
      'Yield',
      (t) => t.yield,
      (v) => pct(v, 3),
    ),
    f(
      'mortgageYield',
      'Mortgage yield',
      (t) => t.mortgageYield,
      (v) => pct(v, 3),
    ),
    f(
      'modifiedDuration',
      'Mod. duration',
      (t) => t.modifiedDuration,
      (v) => years(v),
    ),
    f(
      'convexity',
      'Convexity',
      (t) => t.convexity,
      (v) => years(v),
    ),
    { colId: 'principalWindow', header: 'Principal window', value: span, text: span },
    f('principalLoss', 'Principal loss', (t) => t.principalLoss, money, { cellClassRules: lossIsBad }),
    f('interestShortfall', 'Interest shortfall', (t) => t.interestShortfall, money, {
      cellClassRules: lossIsBad,
    }),
    ...(be
      ? [
          {
            colId: 'breakevenCdr',
            header: 'Break-even CDR',
            value: (t: TrancheResult) => breakevenText(be.get(t.id), 'cdr'),
            text: (t: TrancheResult) => breakevenText(be.get(t.id), 'cdr'),
            extra: {
              headerTooltip:
                'Largest constant CDR at which the class still gets all interest and principal (to 0.01%)',
            },
          },
          {
            colId: 'breakevenMultiple',
            header: 'Break-even multiple',
            value: (t: TrancheResult) => breakevenText(be.get(t.id), 'lossMultiple'),
            text: (t: TrancheResult) => breakevenText(be.get(t.id), 'lossMultiple'),
            extra: {
              headerTooltip: "Largest multiple of the scenario's default curve the class survives (to 0.01)",
            },
          },
        ]
      : []),
  ];
}

function AnalyticsGrid({ r, breakevens }: { r: RunResult; breakevens: BreakevenResult[] | null }) {
  const cols = useMemo<ColDef<TrancheResult>[]>(() => {
    const measure = textMeasure();
    const be = breakevens ? new Map(breakevens.map((b) => [b.trancheId, b])) : null;
    return [
      {
        field: 'id',
        headerName: 'Class',
        pinned: 'left',
        width: columnWidth(
          'Class',
          r.tranches.map((t) => t.id),
          measure,
        ),
        cellClass: 'strong',
      },
      ...analyticsFigures(be).map((f): ColDef<TrancheResult> => {
        // Never narrower than the header's longest word or the widest figure; spare room shared in proportion.
        const width = columnWidth(f.header, r.tranches.map(f.text), measure);
        return {
          colId: f.colId,
          headerName: f.header,
          valueGetter: (p) => (p.data ? f.value(p.data) : null),
          valueFormatter: (p) => (p.data ? f.text(p.data) : ''),
          ...(f.left
            ? { tooltipValueGetter: (p) => (p.data ? f.text(p.data) : '') }
            : { type: 'rightAligned' }),
          flex: width,
          minWidth: width,
          ...f.extra,
        };
      }),
    ];
  }, [r, breakevens]);
  return (
    <DataGrid<TrancheResult>
      rowData={r.tranches}
      columnDefs={cols}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="analytics"
      csvName="tranche analytics"
    />
  );
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(0)}m`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(0)}k`;
  return String(v);
}

const poolCols: ColDef<PoolPeriodRow>[] = [
  { field: 'period', headerName: 'Period', width: 74, pinned: 'left', type: 'rightAligned' },
  { field: 'date', headerName: 'Date', width: 104, pinned: 'left' },
  moneyCol('beginBalance', 'Begin balance', { width: 140 }),
  moneyCol('scheduledPrincipal', 'Scheduled principal'),
  moneyCol('prepayment', 'Prepayment'),
  moneyCol('default', 'Defaults'),
  moneyCol('loss', REALISED_LOSS),
  moneyCol('recovery', 'Recovery'),
  moneyCol('interest', 'Interest'),
  moneyCol('fees', 'Fee income'),
  moneyCol('purchases', 'Purchases'),
  moneyCol('endBalance', 'End balance', { width: 140 }),
  pctCol('cumulativeNetLossPct', NET_LOSS),
];

function PoolFlows({ r }: { r: RunResult }) {
  const option = useMemo<ChartOption>(() => {
    const p = r.pool.periods;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      xAxis: { type: 'category', data: p.map((x) => x.period) },
      yAxis: [
        { type: 'value', name: 'Flows', axisLabel: { formatter: (v: number) => compact(v) } },
        {
          type: 'value',
          name: 'Balance',
          axisLabel: { formatter: (v: number) => compact(v) },
          splitLine: { show: false },
        },
      ],
      series: [
        { name: 'Scheduled principal', type: 'bar', stack: 'f', data: p.map((x) => x.scheduledPrincipal) },
        { name: 'Prepayment', type: 'bar', stack: 'f', data: p.map((x) => x.prepayment) },
        { name: 'Interest', type: 'bar', stack: 'f', data: p.map((x) => x.interest + x.fees) },
        { name: 'Recovery', type: 'bar', stack: 'f', data: p.map((x) => x.recovery) },
        { name: 'Defaults', type: 'bar', data: p.map((x) => -x.default), itemStyle: { color: '#c0504d' } },
        {
          name: 'End balance',
          type: 'line',
          yAxisIndex: 1,
          symbol: 'none',
          data: p.map((x) => x.endBalance),
          lineStyle: { width: 2 },
        },
      ],
    };
  }, [r]);
  return (
    <>
      <section className="card">
        <EChart option={option} height={280} testId="pool-chart" />
      </section>
      <DataGrid<PoolPeriodRow>
        rowData={r.pool.periods}
        columnDefs={poolCols}
        height={420}
        testId="pool-grid"
      />
    </>
  );
}

const trancheCols: ColDef<TrancheCashflowRow>[] = [
  { field: 'period', headerName: 'Period', width: 74, pinned: 'left', type: 'rightAligned' },
  { field: 'date', headerName: 'Date', width: 104, pinned: 'left' },
  moneyCol('beginBalance', 'Begin balance', { width: 140 }),
  moneyCol('interestDue', 'Interest due'),
  moneyCol('interest', 'Interest paid'),
  moneyCol('interestShortfall', 'Shortfall c/f'),
  moneyCol('principal', 'Principal'),
  moneyCol('writedown', 'Write-down'),
  moneyCol('balance', 'End balance', { width: 140 }),
  pctCol('creditEnhancement', 'Enhancement'),
  // The interest period paid on the date (deal calendar); blank in a collection month that is not a payment date.
  { field: 'accrualStart', headerName: 'Accrual from', width: 112 },
  { field: 'accrualEnd', headerName: 'Accrual to', width: 112 },
  { field: 'accrualDays', headerName: 'Days', width: 70, type: 'rightAligned' },
];

function TrancheFlows({ r }: { r: RunResult }) {
  const [id, setId] = useState(r.tranches[0]?.id ?? '');
  const t = r.tranches.find((x) => x.id === id) ?? r.tranches[0];
  if (!t) return null;
  return (
    <>
      <div className="subtabs">
        {r.tranches.map((x) => (
          <button
            key={x.id}
            className={x.id === t.id ? 'active' : ''}
            onClick={() => setId(x.id)}
            data-testid={`tranche-tab-${x.id}`}
          >
            Class {x.id}
          </button>
        ))}
        <span className="muted small">
          {t.couponDescription} · WAL {years(t.wal)} · yield {pct(t.yield, 3)}
        </span>
      </div>
      <DataGrid<TrancheCashflowRow>
        rowData={t.cashflows}
        columnDefs={trancheCols}
        height={480}
        testId="tranche-grid"
        csvName={`class ${t.id} cash flows`}
      />
    </>
  );
}

interface ReconRow {
  period: number;
  date: string;
  interest: number;
  principal: number;
  recoveries: number;
  reserveDraw: number;
  cleanUp: number;
  sources: number;
  uses: number;
  reserveChange: number;
  collectionChange: number;
  difference: number;
  /** 'revolving', the triggers breached, or both. */
  state: string;
}

type ReconMoney =
  | 'interest'
  | 'principal'
  | 'recoveries'
  | 'reserveDraw'
  | 'cleanUp'
  | 'sources'
  | 'uses'
  | 'reserveChange'
  | 'collectionChange'
  | 'difference';

function reconRows(w: WaterfallPeriod[]): ReconRow[] {
  return w.map((p) => ({
    period: p.period,
    date: p.date,
    interest: p.sources.interestCollections,
    principal: p.sources.principalCollections,
    recoveries: p.sources.recoveries,
    reserveDraw: p.sources.reserveDraw,
    cleanUp: p.sources.cleanUpCallProceeds,
    sources: p.sources.total,
    uses: p.uses.total,
    reserveChange: Math.round((p.reserve.end - p.reserve.begin) * 100) / 100,
    // Between payment dates collections wait in the collection account: without its change a quarterly deal's
    // sources and uses would not visibly reconcile.
    collectionChange: p.collectionAccount
      ? Math.round((p.collectionAccount.end - p.collectionAccount.begin) * 100) / 100
      : 0,
    difference: p.difference,
    state: [...(p.revolving ? ['revolving'] : []), ...p.triggersBreached].join(' · '),
  }));
}

/** What columnWidth adds for a column's resize handle. */
const RESIZE_HANDLE_PX = 8;

function Reconciliation({ r }: { r: RunResult }) {
  const rows = useMemo(() => reconRows(r.waterfall), [r]);
  const [period, setPeriod] = useState<number>(r.waterfall[0]?.period ?? 1);
  const p = r.waterfall.find((x) => x.period === period);
  const cols = useMemo<ColDef<ReconRow>[]>(() => {
    const measure = textMeasure();
    // Each column as wide as its header's longest word or its widest figure (headers wrap at spaces); spare
    // room shared in proportion, so thirteen columns fill the card without clipping or a stray scroll.
    const fit = (header: string, texts: readonly string[], bold = false): Partial<ColDef<ReconRow>> => {
      // Totals are drawn bold, and bold figures are wider: measured as they are drawn.
      // columnWidth leaves 8px for a resize handle: these columns are sized to fit and not resized.
      const width = columnWidth(header, texts, bold ? (t) => measure(t, true) : measure) - RESIZE_HANDLE_PX;
      return { flex: width, minWidth: width };
    };
    const amounts = (key: ReconMoney, header: string, extra: Partial<ColDef<ReconRow>> = {}) =>
      moneyCol<ReconRow>(key, header, {
        ...fit(
          header,
          rows.map((x) => money(x[key])),
          extra.cellClass === 'strong',
        ),
        ...extra,
      });
    // A source or account the run never moves is left out, so the columns fit without clipping; the deal's
    // Excel report keeps every column.
    const optional = (key: ReconMoney, header: string) =>
      rows.some((x) => x[key] !== 0) ? [amounts(key, header)] : [];
    return [
      {
        field: 'period',
        headerName: 'Period',
        pinned: 'left',
        type: 'rightAligned',
        width: columnWidth(
          'Period',
          rows.map((x) => String(x.period)),
          measure,
        ),
      },
      {
        field: 'date',
        headerName: 'Date',
        ...fit(
          'Date',
          rows.map((x) => x.date),
        ),
      },
      amounts('interest', 'Interest coll.'),
      amounts('principal', 'Principal coll.'),
      amounts('recoveries', 'Recoveries'),
      ...optional('reserveDraw', 'Reserve draw'),
      ...optional('cleanUp', 'Clean-up call'),
      amounts('sources', 'Total sources', { cellClass: 'strong' }),
      amounts('uses', 'Total uses', { cellClass: 'strong' }),
      ...optional('reserveChange', 'Δ reserve'),
      ...optional('collectionChange', 'Δ collection account'),
      amounts('difference', 'Difference', {
        cellClassRules: { bad: (x) => (x.value as number) !== 0, ok: (x) => (x.value as number) === 0 },
      }),
      {
        // One column for the period's state: revolving (collections buy receivables) and the triggers breached.
        field: 'state',
        headerName: 'State',
        tooltipField: 'state',
        ...fit(
          'State',
          rows.map((x) => x.state),
        ),
      },
    ];
  }, [rows]);
  return (
    // The grid has the screen's whole width: beside the period's card its thirteen columns were cut off at the
    // card's edge. The period's uses follow under it.
    <div className="stack">
      <DataGrid<ReconRow>
        rowData={rows}
        columnDefs={cols}
        // The report grids' fit: compact padding, headers wrapping at spaces, rows scrolling past the cap.
        autoHeight
        maxBodyHeight={380}
        defaultColDef={{
          sortable: false,
          resizable: false,
          suppressMovable: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
        }}
        // Keeps the vertical scrollbar's room when the columns share out the width (see ReportGrid).
        scrollbarWidth={16}
        alwaysShowVerticalScroll={rows.length * 26 > 380}
        testId="recon-grid"
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e) => e.data && setPeriod(e.data.period)}
      />
      <section className="card period-uses">
        <div className="card-head">
          <h2>Period {period} uses</h2>
          <span className="muted small">{p?.date}</span>
        </div>
        {p ? (
          <>
            <PeriodStepsGrid p={p} />
            <p className="muted small">
              Reserve: begin {money(p.reserve.begin)}, end {money(p.reserve.end)}, target{' '}
              {money(p.reserve.target)}
            </p>
          </>
        ) : null}
      </section>
    </div>
  );
}

interface StepRow {
  /** 1-based position in the waterfall; null on the total row. */
  n: number | null;
  label: string;
  due: number | null;
  paid: number;
}

function stepCols(amountWidth: number): ColDef<StepRow>[] {
  return [
    { field: 'n', headerName: '#', pinned: 'left', width: 40, type: 'rightAligned' },
    { field: 'label', headerName: 'Step', tooltipField: 'label', flex: 2, minWidth: 110 },
    moneyCol<StepRow>('due', 'Due', {
      flex: 1,
      minWidth: amountWidth,
      valueFormatter: (p) => dueText(p.value),
    }),
    moneyCol<StepRow>('paid', 'Paid', {
      flex: 1,
      minWidth: amountWidth,
      cellClassRules: { bad: (p) => p.data?.due != null && p.data.paid < p.data.due },
    }),
  ];
}

/** The total row has no single amount due; a blank reads better there than a dash. */
function dueText(v: unknown): string {
  return typeof v === 'number' ? money(v) : '';
}

function PeriodStepsGrid({ p }: { p: WaterfallPeriod }) {
  const rows = useMemo<StepRow[]>(
    () => p.steps.map((s) => ({ n: s.step + 1, label: s.label, due: s.due, paid: s.paid })),
    [p],
  );
  const total = useMemo<StepRow[]>(
    () => [{ n: null, label: 'Total uses', due: null, paid: p.uses.total }],
    [p],
  );
  const cols = useMemo(() => {
    const measure = textMeasure();
    const amounts = p.steps.flatMap((s) => [money(s.due), money(s.paid)]);
    // The total is bold, as headers are: measured as one.
    return stepCols(
      Math.max(columnWidth('', amounts, measure), columnWidth(money(p.uses.total), [], measure)),
    );
  }, [p]);
  return (
    <DataGrid<StepRow>
      rowData={rows}
      columnDefs={cols}
      pinnedBottomRowData={total}
      getRowStyle={(x) => (x.node.rowPinned ? { fontWeight: 600 } : undefined)}
      autoHeight
      suppressColumnVirtualisation
      testId="period-steps"
      csvName={`period ${p.period} uses`}
    />
  );
}

const TRIGGER_COLS: ColDef<TriggerEventRow>[] = [
  { field: 'trigger', headerName: 'Trigger', pinned: 'left', width: 200, tooltipField: 'trigger' },
  {
    field: 'event',
    headerName: 'Event',
    flex: 1,
    minWidth: 80,
    cellClassRules: { bad: (p) => p.value === 'breached', ok: (p) => p.value !== 'breached' },
  },
  { field: 'period', headerName: 'Period', type: 'rightAligned', flex: 1, minWidth: 64 },
  { field: 'date', headerName: 'Date', flex: 1, minWidth: 96 },
  { field: 'value', headerName: 'Value', type: 'rightAligned', flex: 1, minWidth: 80 },
  { field: 'threshold', headerName: 'Threshold', type: 'rightAligned', flex: 1, minWidth: 80 },
];

function Triggers({ r, deal }: { r: RunResult; deal: Deal }) {
  const rows = useMemo(() => triggerEventRows(r.triggerEvents, deal), [r, deal]);
  const es = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => pct(Number(v)) },
      xAxis: { type: 'category', data: r.excessSpread.map((x) => x.period) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(1)}%` } },
      series: [
        {
          name: 'Excess spread (annualised)',
          type: 'line',
          symbol: 'none',
          areaStyle: { opacity: 0.2 },
          data: r.excessSpread.map((x) => x.annualised),
        },
      ],
    }),
    [r],
  );
  return (
    <div className="two-col">
      <section className="card">
        <div className="card-head">
          <h2>Trigger events</h2>
        </div>
        {r.triggerEvents.length === 0 ? (
          <p className="muted">No trigger fired under this scenario.</p>
        ) : (
          <DataGrid<TriggerEventRow>
            rowData={rows}
            columnDefs={TRIGGER_COLS}
            autoHeight
            maxBodyHeight={390}
            suppressColumnVirtualisation
            testId="trigger-events"
            csvName="trigger events"
          />
        )}
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Excess spread</h2>
        </div>
        <EChart option={es} height={240} />
      </section>
    </div>
  );
}
