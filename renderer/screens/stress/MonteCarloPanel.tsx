/** The Monte Carlo tab: the simulation's form, its statistics, the pool loss histogram and the class table. */
import { useMemo } from 'react';
import type { MonteCarloResult } from '../../../core/scenario/monteCarlo';
import { useApp } from '../../AppContext';
import { EChart, type ChartOption } from '../../components/EChart';
import { Kpi } from '../../components/Kpi';
import { engine } from '../../engine/engineWorker';
import { integer, pct } from '../../format';
import { monteCarloFormProblem } from '../../project/stressForms';
import { useKept } from '../useKept';
import { MonteCarloGrid } from './MonteCarloGrid';
import { percentile } from './percentile';
import { base, KEPT, type Held } from './shared';
import { Stale } from './Stale';

export function MonteCarloPanel({
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
