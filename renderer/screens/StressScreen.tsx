/**
 * Stress (issue #5): sensitivity grids, rating-agency stresses, Monte Carlo and scenario comparison over the
 * current deal and pool. Every run goes through the engine worker (progress and Cancel in the status bar);
 * results stay on the screen until the next run of the same kind, and are marked when the deal has changed.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { AXIS_KINDS, axisIsRate, axisLabel, type AxisKind } from '../../core/scenario/axis';
import type { ScenarioComparison } from '../../core/scenario/compare';
import { scenarioComparisonTables } from '../../core/scenario/compare';
import {
  formatAxisValue,
  GRID_METRICS,
  gridAxisNotes,
  gridMatrix,
  gridReportTable,
  metricLabel,
  metricNeedsAnalytics,
  type GridMetric,
  type GridResult,
} from '../../core/scenario/grid';
import type { MonteCarloResult } from '../../core/scenario/monteCarlo';
import { ratingStressNotes, type RatingStressResult } from '../../core/scenario/ratingStress';
import {
  monteCarloReportTables,
  ratingStressReportTable,
  type ReportTable,
} from '../../core/scenario/reportTable';
import { useApp } from '../AppContext';
import { Kpi } from '../components/Kpi';
import { DataGrid, wrappedText } from '../components/DataGrid';
import { ReportGrid } from '../components/ReportGrid';
import { EChart, type ChartOption } from '../components/EChart';
import { engine } from '../engine/engineWorker';
import type { ProjectDoc } from '../project/document';
import type { AnalysisId } from '../project/state';
import { keptKey } from '../project/kept';
import { heatRange } from '../project/heatRange';
import {
  axisFromForm,
  axisProblemText,
  monteCarloFormProblem,
  type AxisForm,
  type MonteCarloForm,
} from '../project/stressForms';
import { useKept } from './useKept';
import { integer, money, pct, years } from '../format';
import { REALISED_LOSS } from '../lossTerms';

type Tab = 'grid' | 'rating' | 'monteCarlo' | 'compare';

const TABS: { id: Tab; label: string }[] = [
  { id: 'grid', label: 'Sensitivity grid' },
  { id: 'rating', label: 'Rating stresses' },
  { id: 'monteCarlo', label: 'Monte Carlo' },
  { id: 'compare', label: 'Scenario comparison' },
];

/** A result with the document it was computed from, so the screen can say when the deal changed since. */
interface Held<T> {
  doc: ProjectDoc;
  value: T;
}

export function StressScreen() {
  const { state, dispatch } = useApp();
  const doc = state.history.present;
  // Each result also goes to the app state, so the Export screen can put it in the tranche report.
  function keep<T>(
    id: AnalysisId,
    set: (h: Held<T>) => void,
    describe: (v: T) => { label: string; tables: ReportTable[] },
  ): (h: Held<T>) => void {
    return (h) => {
      set(h);
      dispatch({ type: 'analysis', snapshot: { id, doc: h.doc, ...describe(h.value) } });
    };
  }
  const [tab, setTab] = useKept(KEPT.tab);
  const [grid, setGrid] = useKept(KEPT.grid);
  const [rating, setRating] = useKept(KEPT.rating);
  const [mc, setMc] = useKept(KEPT.monteCarlo);
  const [cmp, setCmp] = useKept(KEPT.compare);

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>Stress</h1>
        <p className="muted">
          {doc.deal.name} · base scenario <b>{doc.scenario}</b> ·{' '}
          {doc.pool ? `${integer(doc.pool.loans.size)} loans` : 'deal rep lines'} · runs in the engine worker
          (Cancel in the status bar)
        </p>
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button
            key={t.id}
            role="tab"
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
            data-testid={`stress-tab-${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'grid' && (
        <GridPanel
          held={grid}
          onResult={keep('grid', setGrid, (g) => ({
            label: `Sensitivity grid: ${metricLabel(g.spec.metric)}, ${axisLabel(g.spec.y.kind)} × ${axisLabel(g.spec.x.kind)}`,
            tables: g.trancheIds.map((t) => gridReportTable(g, t)),
          }))}
        />
      )}
      {tab === 'rating' && (
        <RatingPanel
          held={rating}
          onResult={keep('ratingStresses', setRating, (r) => ({
            label: `Rating stresses on scenario ${r.scenarioName}`,
            tables: [ratingStressReportTable(r)],
          }))}
        />
      )}
      {tab === 'monteCarlo' && (
        <MonteCarloPanel
          held={mc}
          onResult={keep('monteCarlo', setMc, (r) => ({
            label: `Monte Carlo, ${integer(r.plan.paths)} paths, seed ${r.plan.seed}`,
            tables: monteCarloReportTables(r),
          }))}
        />
      )}
      {tab === 'compare' && (
        <ComparePanel
          held={cmp}
          onResult={keep('scenarioComparison', setCmp, (c) => ({
            label: `Scenario comparison: ${c.scenarios.join(', ')}`,
            tables: scenarioComparisonTables(c),
          }))}
        />
      )}
    </div>
  );
}

function Stale({ held }: { held: Held<unknown> | null }) {
  const { state } = useApp();
  if (!held || held.doc === state.history.present) return null;
  return (
    <div className="banner small" data-testid="stress-stale">
      The deal, pool or scenario changed since this was run; run it again to update.
    </div>
  );
}

/** Base request fields from the current document. */
function base(doc: ProjectDoc) {
  return { deal: doc.deal, loans: doc.pool?.loans ?? null, scenario: doc.scenario };
}

// ---------------------------------------------------------------------------------------------- grid

/** Sensible starting ranges per kind, in display units (percent for rates). */
const AXIS_DEFAULTS: Record<AxisKind, Omit<AxisForm, 'kind'>> = {
  cdr: { from: '0', to: '20', step: '5' },
  cpr: { from: '0', to: '30', step: '10' },
  absSpeed: { from: '0.5', to: '2.5', step: '0.5' },
  lossMultiple: { from: '1', to: '5', step: '1' },
  prepaymentMultiple: { from: '0.5', to: '1.5', step: '0.5' },
  severity: { from: '50', to: '100', step: '10' },
  lagMonths: { from: '0', to: '12', step: '3' },
  rateShift: { from: '-2', to: '4', step: '1' },
};

/** What the Stress screen keeps in the project state when the user leaves it (see project/kept.ts). */
const KEPT = {
  tab: keptKey<Tab>('stress.tab', 'grid'),
  grid: keptKey<Held<GridResult> | null>('stress.grid', null),
  rating: keptKey<Held<RatingStressResult> | null>('stress.rating', null),
  monteCarlo: keptKey<Held<MonteCarloResult> | null>('stress.monteCarlo', null),
  compare: keptKey<Held<ScenarioComparison> | null>('stress.compare', null),
  gridX: keptKey<AxisForm>('stress.grid.x', { kind: 'cdr', ...AXIS_DEFAULTS.cdr }),
  gridY: keptKey<AxisForm>('stress.grid.y', { kind: 'cpr', ...AXIS_DEFAULTS.cpr }),
  /** null: the deal's first class. */
  gridTranche: keptKey<string | null>('stress.grid.tranche', null),
  gridMetric: keptKey<GridMetric>('stress.grid.metric', 'wal'),
  monteCarloForm: keptKey<MonteCarloForm>('stress.monteCarlo.form', {
    paths: '2000',
    seed: '1',
    meanLoss: '',
    rho: '10',
  }),
  /** Loss given default of the Monte Carlo copula: 1 (the drawn loss is net) or the scenario's severity. */
  monteCarloLgd: keptKey<'one' | 'severity'>('stress.monteCarlo.lgd', 'one'),
  compareClass: keptKey<string | null>('stress.compare.class', null),
};

function axisUnit(kind: AxisKind): string {
  if (axisIsRate(kind)) return '%';
  if (kind === 'lagMonths') return 'months';
  return '×';
}

function metricText(metric: GridMetric, v: number | null): string {
  if (v === null) return '–';
  switch (metric) {
    case 'yield':
    case 'loss':
      return pct(v);
    case 'lastPeriod':
      return integer(v);
    case 'interestShortfall':
      return money(v);
    default:
      return years(v);
  }
}

function AxisEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: AxisForm;
  onChange: (a: AxisForm) => void;
}) {
  const id = label.toLowerCase().charAt(0);
  return (
    <div className="stress-axis">
      <span className="stress-axis-name">{label}</span>
      <select
        value={value.kind}
        data-testid={`grid-${id}-kind`}
        onChange={(e) => {
          const kind = e.target.value as AxisKind;
          onChange({ kind, ...AXIS_DEFAULTS[kind] });
        }}
      >
        {AXIS_KINDS.map((k) => (
          <option key={k} value={k}>
            {axisLabel(k)}
          </option>
        ))}
      </select>
      {(['from', 'to', 'step'] as const).map((k) => (
        <label key={k}>
          {k}
          <input
            className="num"
            value={value[k]}
            size={6}
            data-testid={`grid-${id}-${k}`}
            onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          />
        </label>
      ))}
      <span className="muted small">{axisUnit(value.kind)}</span>
    </div>
  );
}

function GridPanel({
  held,
  onResult,
}: {
  held: Held<GridResult> | null;
  onResult: (h: Held<GridResult>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  const trancheIds = doc.deal.structure.tranches.map((t) => t.id);
  const [x, setX] = useKept(KEPT.gridX);
  const [y, setY] = useKept(KEPT.gridY);
  const [keptTranche, setTranche] = useKept(KEPT.gridTranche);
  const tranche =
    keptTranche !== null && trancheIds.includes(keptTranche) ? keptTranche : (trancheIds[0] ?? '');
  const [metric, setMetric] = useKept(KEPT.gridMetric);
  // Checked as typed, in the units typed; the grid runs only from a form that passes.
  const formProblem = axisProblemText(x) ?? axisProblemText(y);

  async function run(): Promise<void> {
    if (formProblem) return;
    const spec = { x: axisFromForm(x), y: axisFromForm(y), tranche, metric, scenario: doc.scenario };
    const value = await job('Running sensitivity grid', (p) =>
      engine().request({ kind: 'stressGrid', ...base(doc), spec }, p),
    );
    if (value) onResult({ doc, value });
  }

  const grid = held?.value ?? null;
  const shownTranche = grid && grid.trancheIds.includes(tranche) ? tranche : (grid?.trancheIds[0] ?? tranche);
  const missingAnalytics =
    grid !== null && metricNeedsAnalytics(metric) && !metricNeedsAnalytics(grid.spec.metric);

  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Sensitivity grid</h2>
          <span className="muted small">
            One deal run per cell; rates in percent, multiples of the base case
          </span>
        </div>
        <div className="stress-form">
          <AxisEditor label="X (columns)" value={x} onChange={setX} />
          <AxisEditor label="Y (rows)" value={y} onChange={setY} />
          <div className="stress-axis">
            <span className="stress-axis-name">Show</span>
            <label>
              class
              <select value={tranche} onChange={(e) => setTranche(e.target.value)} data-testid="grid-tranche">
                {trancheIds.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              metric
              <select
                value={metric}
                onChange={(e) => setMetric(e.target.value as GridMetric)}
                data-testid="grid-metric"
              >
                {GRID_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {metricLabel(m)}
                  </option>
                ))}
              </select>
            </label>
            <button
              className="primary"
              onClick={() => void run()}
              disabled={formProblem !== null}
              data-testid="run-grid"
            >
              Run grid
            </button>
          </div>
          {formProblem ? (
            <p className="bad small" role="alert" data-testid="grid-form-problem">
              {formProblem}
            </p>
          ) : null}
        </div>
      </section>
      <Stale held={held} />
      {grid ? (
        <GridView grid={grid} tranche={shownTranche} metric={metric} missingAnalytics={missingAnalytics} />
      ) : (
        <div className="empty">
          <p>Choose the axes and run the grid.</p>
        </div>
      )}
    </>
  );
}

function GridView({
  grid,
  tranche,
  metric,
  missingAnalytics,
}: {
  grid: GridResult;
  tranche: string;
  metric: GridMetric;
  missingAnalytics: boolean;
}) {
  const { x, y } = grid.spec;
  const { state } = useApp();
  const scenario = state.history.present.deal.scenarios.find((sc) => sc.name === grid.scenarioName);
  const notes = scenario ? gridAxisNotes(grid.spec, scenario) : [];
  const matrix = useMemo(() => gridMatrix(grid, tranche, metric), [grid, tranche, metric]);
  const range = useMemo(() => heatRange(matrix), [matrix]);
  const option = useMemo<ChartOption>(() => {
    const data: [number, number, number | '-'][] = [];
    matrix.forEach((row, iy) => row.forEach((v, ix) => data.push([ix, iy, v ?? '-'])));
    const { min, max } = range;
    const cells = grid.xValues.length * grid.yValues.length;
    return {
      tooltip: {
        formatter: (p: unknown) => {
          const d = (p as { data: [number, number, number | '-'] }).data;
          const v = d[2] === '-' ? null : d[2];
          return `${axisLabel(y.kind)} ${formatAxisValue(y.kind, grid.yValues[d[1]]!)}, ${axisLabel(x.kind)} ${formatAxisValue(x.kind, grid.xValues[d[0]]!)}<br/><b>${metricText(metric, v)}</b>`;
        },
      },
      grid: { left: 90, right: 110, top: 20, bottom: 56 },
      xAxis: {
        type: 'category',
        name: axisLabel(x.kind),
        nameLocation: 'middle',
        nameGap: 32,
        data: grid.xValues.map((v) => formatAxisValue(x.kind, v)),
        splitArea: { show: true },
      },
      yAxis: {
        type: 'category',
        name: axisLabel(y.kind),
        nameLocation: 'middle',
        nameGap: 62,
        data: grid.yValues.map((v) => formatAxisValue(y.kind, v)),
        splitArea: { show: true },
      },
      visualMap: {
        min,
        max,
        // One value everywhere: no scale to drag, and the cells in the scale's middle colour, not its pale end.
        calculable: range.uniform === null,
        show: range.uniform === null,
        orient: 'vertical',
        right: 10,
        top: 'middle',
        itemHeight: 160,
        formatter: (v: unknown) => metricText(metric, Number(v)),
        // Low is good for losses and shortfalls, so they run light to red; other metrics light to blue.
        inRange: {
          color:
            metric === 'loss' || metric === 'interestShortfall'
              ? ['#f4f8fb', '#f2c46d', '#c0504d']
              : ['#f4f8fb', '#7fb3e6', '#1d4f91'],
        },
      },
      series: [
        {
          type: 'heatmap',
          data,
          label: {
            show: cells <= 400,
            fontSize: 10,
            formatter: (p: unknown) => {
              const d = (p as { data: [number, number, number | '-'] }).data;
              return metricText(metric, d[2] === '-' ? null : d[2]);
            },
          },
          emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
        },
      ],
    };
  }, [grid, matrix, range, metric, x.kind, y.kind]);
  const table = useMemo(() => gridReportTable(grid, tranche, metric), [grid, tranche, metric]);
  const height = Math.max(260, Math.min(560, 90 + grid.yValues.length * 34));
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>
            {metricLabel(metric)} of class {tranche}
          </h2>
          <span className="muted small">
            {grid.yValues.length} × {grid.xValues.length} cells · scenario {grid.scenarioName}
            {grid.cells.every((c) => c.cashConserved)
              ? ' · every cell reconciles'
              : ' · some cells do not reconcile'}
          </span>
        </div>
        {missingAnalytics ? (
          <div className="banner small">
            This grid was run without yield/duration analytics; run it again with this metric selected.
          </div>
        ) : null}
        {range.uniform !== null ? (
          <p className="muted small" data-testid="grid-uniform">
            Every cell is {metricText(metric, range.uniform)}: {metricLabel(metric)} of class {tranche} does
            not move over these ranges.
          </p>
        ) : null}
        {notes.map((n) => (
          <p key={n} className="muted small" data-testid="grid-axis-note">
            {n}
          </p>
        ))}
        <EChart option={option} height={height} testId="grid-heatmap" />
      </section>
      <ReportGrid table={table} testId="grid-table" firstWidth={160} />
    </>
  );
}

// ------------------------------------------------------------------------------------ rating stresses

function RatingPanel({
  held,
  onResult,
}: {
  held: Held<RatingStressResult> | null;
  onResult: (h: Held<RatingStressResult>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  async function run(): Promise<void> {
    const value = await job('Running rating stresses', (p) =>
      engine().request({ kind: 'ratingStress', ...base(doc) }, p),
    );
    if (value) onResult({ doc, value });
  }
  const r = held?.value ?? null;
  const ids = r ? Object.keys(r.highestPassing) : [];
  const notes = r ? ratingStressNotes(r) : {};
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Rating-agency stresses</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-rating">
            Run rating stresses
          </button>
        </div>
        <p className="muted small">
          Each level multiplies the base case&apos;s loss, under prepayment speeds of 0.5×, 1× and 1.5× the
          base and with losses at base timing, front-loaded and back-loaded (same lifetime loss). A class
          passes a level when it receives all interest and principal in every one of those nine runs. The
          timing cases are matched to the original pool&apos;s lifetime loss (no purchases, no clean-up call),
          which rises with the multiple; loss a reshape places after a clean-up call is not realised. The
          highest level passed is one whose milder levels all pass too.
        </p>
      </section>
      <Stale held={held} />
      {r ? (
        <>
          <div className="kpi-row" data-testid="rating-highest">
            <Kpi
              label={`${REALISED_LOSS}, base case (${r.scenarioName})`}
              value={pct(r.baseLossPct)}
              testId="rating-base-loss"
            />
            {ids.map((id) => (
              <Kpi
                key={id}
                label={`Class ${id}: highest level passed`}
                value={r.highestPassing[id] ?? 'none'}
                tone={r.highestPassing[id] ? 'ok' : 'bad'}
                testId={`highest-${id}`}
              />
            ))}
          </div>
          {Object.entries(notes).map(([id, note]) => (
            <p key={id} className="muted small" data-testid={`rating-note-${id}`}>
              {note}
            </p>
          ))}
          <section className="card">
            <div className="card-head">
              <h2>Levels</h2>
              <span className="muted small">pass: all interest and principal paid in all nine runs</span>
            </div>
            <RatingGrid r={r} />
          </section>
        </>
      ) : (
        <div className="empty">
          <p>Run the stresses to see which classes pass each rating level.</p>
        </div>
      )}
    </>
  );
}

type Level = RatingStressResult['levels'][number];

function RatingGrid({ r }: { r: RatingStressResult }) {
  const cols = useMemo<ColDef<Level>[]>(
    () => [
      { field: 'rating', headerName: 'Level', pinned: 'left', width: 84, cellClass: 'strong' },
      {
        field: 'multiple',
        headerName: 'Loss multiple',
        type: 'rightAligned',
        valueFormatter: (p) => `${(p.value as number).toFixed(2)}×`,
        flex: 1,
        minWidth: 100,
      },
      {
        colId: 'worstPoolLoss',
        headerName: 'Worst realised loss',
        // A revolving deal's harsher stress can realise less: it ends revolving sooner, so fewer receivables are bought.
        headerTooltip:
          'Pool losses realised inside the deal, receivables bought while revolving included, as a share of the initial pool; the worst of the level’s prepayment and timing cases',
        type: 'rightAligned',
        valueGetter: (p) => (p.data ? Math.max(...p.data.cases.map((c) => c.poolLossPct)) : null),
        valueFormatter: (p) => pct(p.value as number | null),
        flex: 1,
        minWidth: 110,
      },
      ...Object.keys(r.highestPassing).map((id): ColDef<Level> => ({
        colId: `pass-${id}`,
        headerName: `Class ${id}`,
        type: 'rightAligned',
        valueGetter: (p) =>
          p.data?.passes[id]
            ? (r.passesAboveFailure[id] ?? []).includes(p.data.rating)
              ? 'pass, but a milder level fails'
              : 'pass'
            : 'fail',
        cellClassRules: { ok: (p) => p.value === 'pass', bad: (p) => p.value === 'fail' },
        flex: 1,
        minWidth: 80,
      })),
      {
        field: 'source',
        headerName: 'Source',
        flex: 5,
        minWidth: 240,
        ...wrappedText,
        cellStyle: { ...wrappedText.cellStyle, color: 'var(--muted)' },
      },
    ],
    [r],
  );
  return (
    <DataGrid<Level>
      rowData={r.levels}
      columnDefs={cols}
      getRowId={(p) => p.data.rating}
      autoHeight
      suppressColumnVirtualisation
      testId="rating-table"
      csvName="rating stresses"
    />
  );
}

// ---------------------------------------------------------------------------------------- Monte Carlo

function MonteCarloPanel({
  held,
  onResult,
}: {
  held: Held<MonteCarloResult> | null;
  onResult: (h: Held<MonteCarloResult>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  const [form, setForm] = useKept(KEPT.monteCarloForm);
  const { paths, seed, meanLoss, rho } = form;
  const setPaths = (v: string): void => setForm({ ...form, paths: v });
  const setSeed = (v: string): void => setForm({ ...form, seed: v });
  const setMeanLoss = (v: string): void => setForm({ ...form, meanLoss: v });
  const setRho = (v: string): void => setForm({ ...form, rho: v });
  const [lgd, setLgd] = useKept(KEPT.monteCarloLgd);

  // Checked as typed, in the units typed; Monte Carlo runs only from a form that passes.
  const formProblem = monteCarloFormProblem(form);

  async function run(): Promise<void> {
    if (formProblem) return;
    const p = Number(paths.replace(/,/g, ''));
    const s = Number(seed);
    const m = meanLoss.trim() === '' ? null : Number(meanLoss) / 100;
    const c = Number(rho) / 100;
    const value = await job('Running Monte Carlo', (pr) =>
      engine().request(
        { kind: 'monteCarlo', ...base(doc), paths: p, seed: s, meanLoss: m, correlation: c, lgd },
        pr,
      ),
    );
    if (value) onResult({ doc, value });
  }

  const r = held?.value ?? null;
  const option = useMemo<ChartOption | null>(() => {
    if (!r) return null;
    const h = r.pool.histogram;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 20, top: 20, bottom: 50 },
      xAxis: {
        type: 'category',
        name: 'Lifetime pool loss',
        nameLocation: 'middle',
        nameGap: 30,
        data: h.counts.map((_, i) => pct((h.edges[i]! + h.edges[i + 1]!) / 2, 1)),
      },
      yAxis: { type: 'value', name: 'Paths' },
      series: [{ type: 'bar', name: 'Paths', data: h.counts, barCategoryGap: '5%' }],
    };
  }, [r]);
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Monte Carlo</h2>
          <span className="muted small">
            One-factor Gaussian copula; class losses interpolated between deal runs (fast in the browser)
          </span>
        </div>
        <div className="stress-form">
          <div className="stress-axis">
            <label>
              paths
              <input
                className="num"
                size={7}
                value={paths}
                onChange={(e) => setPaths(e.target.value)}
                data-testid="mc-paths"
              />
            </label>
            <label>
              seed
              <input
                className="num"
                size={5}
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                data-testid="mc-seed"
              />
            </label>
            <label>
              mean loss %
              <input
                className="num"
                size={6}
                value={meanLoss}
                placeholder="base"
                onChange={(e) => setMeanLoss(e.target.value)}
                data-testid="mc-mean"
              />
            </label>
            <label>
              correlation %
              <input
                className="num"
                size={5}
                value={rho}
                onChange={(e) => setRho(e.target.value)}
                data-testid="mc-rho"
              />
            </label>
            <label>
              loss given default
              <select
                value={lgd}
                onChange={(e) => setLgd(e.target.value === 'severity' ? 'severity' : 'one')}
                data-testid="mc-lgd"
              >
                <option value="one">1: draw the net loss</option>
                <option value="severity">the scenario&apos;s severity</option>
              </select>
            </label>
            <button
              className="primary"
              onClick={() => void run()}
              disabled={formProblem !== null}
              data-testid="run-mc"
            >
              Run Monte Carlo
            </button>
          </div>
          {formProblem ? (
            <p className="bad small" role="alert" data-testid="mc-form-problem">
              {formProblem}
            </p>
          ) : null}
        </div>
      </section>
      <Stale held={held} />
      {r && option ? (
        <>
          <div className="kpi-row">
            <Kpi label="Paths · seed" value={`${integer(r.plan.paths)} · ${r.plan.seed}`} />
            <Kpi label="Mean drawn lifetime loss (sample)" value={pct(r.pool.mean)} />
            <Kpi label="Mean drawn lifetime loss (model)" value={pct(r.pool.modelMean)} />
            <Kpi label="Mean loss realised in the deal" value={pct(r.dealPool.mean)} />
            <Kpi
              label="Std deviation (sample / model)"
              value={`${pct(r.pool.stdDev)} / ${pct(r.pool.modelStdDev)}`}
            />
            <Kpi label="Asset correlation" value={pct(r.plan.rho)} />
            <Kpi label="99th pct pool loss" value={pct(percentile(r.pool, 0.99))} />
          </div>
          <div className="two-col">
            <section className="card">
              <div className="card-head">
                <h2>Pool loss distribution</h2>
                <span className="muted small">
                  {r.cappedPaths > 0
                    ? `${integer(r.cappedPaths)} paths drew a loss beyond the worst the deal model reaches (100 times the base case's loss); they count at that worst loss`
                    : ''}
                </span>
              </div>
              <EChart option={option} height={280} testId="mc-histogram" />
            </section>
            <section className="card">
              <div className="card-head">
                <h2>Classes</h2>
              </div>
              <MonteCarloGrid r={r} />
              <p className="muted small">
                Loss is principal loss as a share of the class&apos;s original balance.
              </p>
              <p className="muted small" data-testid="mc-conventions">
                Each path draws a lifetime loss of the original pool (no purchases, no clean-up call) and runs
                the deal at the default multiple that gives it; the loss realised in the deal includes
                receivables bought while revolving and stops at the clean-up call. LGD{' '}
                {r.plan.lossGivenDefault === 1
                  ? 'is 1: the copula draws the net loss itself'
                  : `is ${pct(r.plan.lossGivenDefault)}: the copula draws defaults and loss is LGD × defaults`}
                .
              </p>
              {r.interpolation ? (
                <p className="muted small" data-testid="mc-method-error">
                  Class losses are interpolated between {integer(r.interpolation.nodes)} deal runs (extra runs
                  where a class or the clean-up call changes state). Re-run exactly at{' '}
                  {r.interpolation.checkedPaths} paths, the largest difference in a class loss was{' '}
                  {pct(Math.max(0, ...r.interpolation.maxAbsError), 3)} of its balance and the mean bias{' '}
                  {pct(Math.max(0, ...r.interpolation.meanError.map(Math.abs)), 3)}.
                </p>
              ) : null}
            </section>
          </div>
        </>
      ) : (
        <div className="empty">
          <p>
            Set the paths and correlation and run the simulation. Mean loss blank uses the base
            scenario&apos;s.
          </p>
        </div>
      )}
    </>
  );
}

function percentile(s: { percentiles: { p: number; value: number }[] }, p: number): number | null {
  return s.percentiles.find((x) => Math.abs(x.p - p) < 1e-9)?.value ?? null;
}

type McClass = MonteCarloResult['tranches'][number];

function MonteCarloGrid({ r }: { r: MonteCarloResult }) {
  const cols = useMemo<ColDef<McClass>[]>(() => {
    const share = (
      colId: string,
      headerName: string,
      get: (t: McClass) => number | null,
      digits = 2,
    ): ColDef<McClass> => ({
      colId,
      headerName,
      type: 'rightAligned',
      valueGetter: (p) => (p.data ? get(p.data) : null),
      valueFormatter: (p) => pct(p.value as number | null, digits),
      flex: 1,
      minWidth: 84,
    });
    return [
      { field: 'id', headerName: 'Class', pinned: 'left', width: 70, cellClass: 'strong' },
      share('expectedLoss', 'Expected loss', (t) => t.expectedLoss, 3),
      share('probabilityOfLoss', 'P(any loss)', (t) => t.probabilityOfLoss),
      share('probabilityOfShortfall', 'P(unpaid interest)', (t) => t.probabilityOfShortfall),
      share('p95', '95th pct loss', (t) => percentile(t, 0.95)),
      share('p99', '99th pct loss', (t) => percentile(t, 0.99)),
    ];
  }, []);
  return (
    <DataGrid<McClass>
      rowData={r.tranches}
      columnDefs={cols}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="mc-table"
      csvName="monte carlo classes"
    />
  );
}

// ------------------------------------------------------------------------------------ scenario compare

function ComparePanel({
  held,
  onResult,
}: {
  held: Held<ScenarioComparison> | null;
  onResult: (h: Held<ScenarioComparison>) => void;
}) {
  const { state, job } = useApp();
  const doc = state.history.present;
  const [cls, setCls] = useKept(KEPT.compareClass);
  async function run(): Promise<void> {
    const value = await job('Comparing scenarios', (p) =>
      engine().request({ kind: 'compareScenarios', ...base(doc) }, p),
    );
    if (value) onResult({ doc, value });
  }
  const c = held?.value ?? null;
  const classes = c ? Object.keys(c.trancheBalance) : [];
  const shown = cls !== null && classes.includes(cls) ? cls : (classes[0] ?? null);
  const option = useMemo<ChartOption | null>(() => {
    if (!c || shown === null) return null;
    const series = c.trancheBalance[shown] ?? [];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
      legend: { top: 0 },
      grid: { left: 80, right: 20, top: 36, bottom: 44 },
      xAxis: { type: 'value', name: 'Period', nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: {
        type: 'value',
        name: `Class ${shown} balance`,
        axisLabel: { formatter: (v: number) => compact(v) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        symbol: 'none',
        data: s.periods.map((p, i) => [p, s.values[i]!]),
      })),
    };
  }, [c, shown]);
  const tables = useMemo(() => (c ? scenarioComparisonTables(c) : null), [c]);
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Scenario comparison</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-compare">
            Compare all scenarios
          </button>
        </div>
        <p className="muted small">
          Runs every scenario of the deal ({doc.deal.scenarios.map((s) => s.name).join(', ')}) on the current
          pool.
        </p>
      </section>
      <Stale held={held} />
      {c && option && tables ? (
        <>
          <section className="card">
            <div className="card-head">
              <h2>Class balance by scenario</h2>
              <div className="subtabs">
                {classes.map((id) => (
                  <button key={id} className={id === shown ? 'active' : ''} onClick={() => setCls(id)}>
                    Class {id}
                  </button>
                ))}
              </div>
            </div>
            <EChart option={option} height={280} testId="compare-chart" />
          </section>
          <ReportGrid table={tables[0]!} testId="compare-table" />
          <ReportGrid table={tables[1]!} testId="compare-pool-table" />
        </>
      ) : (
        <div className="empty">
          <p>Compare the deal&apos;s scenarios side by side.</p>
        </div>
      )}
    </>
  );
}

function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(1)}bn`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(0)}m`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(0)}k`;
  return String(v);
}
