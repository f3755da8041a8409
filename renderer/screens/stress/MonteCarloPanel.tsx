/** The Monte Carlo tab: the simulation's form, its statistics, the pool loss histogram and the class table. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useDisplay } from '../../i18n/DisplayContext';

export function MonteCarloPanel({
  held,
  onResult,
}: {
  held: Held<MonteCarloResult> | null;
  onResult: (h: Held<MonteCarloResult>) => void;
}) {
  const { state, job } = useApp();
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const doc = state.history.present;
  const [form, setForm] = useKept(KEPT.monteCarloForm);
  const { paths, seed, meanLoss, rho } = form;
  const setPaths = (v: string): void => setForm({ ...form, paths: v });
  const setSeed = (v: string): void => setForm({ ...form, seed: v });
  const setMeanLoss = (v: string): void => setForm({ ...form, meanLoss: v });
  const setRho = (v: string): void => setForm({ ...form, rho: v });
  const [lgd, setLgd] = useKept(KEPT.monteCarloLgd);

  // Checked as typed, in the units typed; Monte Carlo runs only from a form that passes.
  const formProblem = monteCarloFormProblem(t, form);

  async function run(): Promise<void> {
    if (formProblem) return;
    const p = Number(paths.replace(/,/g, ''));
    const s = Number(seed);
    const m = meanLoss.trim() === '' ? null : Number(meanLoss) / 100;
    const c = Number(rho) / 100;
    const value = await job(t('mc.job'), (pr) =>
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
        name: t('mc.lifetimeLoss'),
        nameLocation: 'middle',
        nameGap: 30,
        data: h.counts.map((_, i) => pct((h.edges[i]! + h.edges[i + 1]!) / 2, 1)),
      },
      yAxis: { type: 'value', name: t('mc.pathsAxis') },
      series: [{ type: 'bar', name: t('mc.pathsAxis'), data: h.counts, barCategoryGap: '5%' }],
    };
    // lang: the axis names above come through t, whose identity need not change with the language.
  }, [r, t, lang]);
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('mc.title')}</h2>
          <span className="muted small">{t('mc.hint')}</span>
        </div>
        <div className="stress-form">
          <div className="stress-axis">
            <label>
              {t('mc.paths')}
              <input
                className="num"
                size={7}
                value={paths}
                onChange={(e) => setPaths(e.target.value)}
                data-testid="mc-paths"
              />
            </label>
            <label>
              {t('mc.seed')}
              <input
                className="num"
                size={5}
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                data-testid="mc-seed"
              />
            </label>
            <label>
              {t('mc.meanLoss')}
              <input
                className="num"
                size={6}
                value={meanLoss}
                placeholder={t('mc.meanLossBase')}
                onChange={(e) => setMeanLoss(e.target.value)}
                data-testid="mc-mean"
              />
            </label>
            <label>
              {t('mc.correlation')}
              <input
                className="num"
                size={5}
                value={rho}
                onChange={(e) => setRho(e.target.value)}
                data-testid="mc-rho"
              />
            </label>
            <label>
              {t('mc.lgd')}
              <select
                value={lgd}
                onChange={(e) => setLgd(e.target.value === 'severity' ? 'severity' : 'one')}
                data-testid="mc-lgd"
              >
                <option value="one">{t('mc.lgdOne')}</option>
                <option value="severity">{t('mc.lgdSeverity')}</option>
              </select>
            </label>
            <button
              className="primary"
              onClick={() => void run()}
              disabled={formProblem !== null}
              data-testid="run-mc"
            >
              {t('mc.run')}
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
            <Kpi label={t('mc.kpi.pathsSeed')} value={`${integer(r.plan.paths)} · ${r.plan.seed}`} />
            <Kpi label={t('mc.kpi.meanSample')} value={pct(r.pool.mean)} />
            <Kpi label={t('mc.kpi.meanModel')} value={pct(r.pool.modelMean)} />
            <Kpi label={t('mc.kpi.meanDeal')} value={pct(r.dealPool.mean)} />
            <Kpi label={t('mc.kpi.stdDev')} value={`${pct(r.pool.stdDev)} / ${pct(r.pool.modelStdDev)}`} />
            <Kpi label={t('mc.kpi.rho')} value={pct(r.plan.rho)} />
            <Kpi label={t('mc.kpi.p99')} value={pct(percentile(r.pool, 0.99))} />
          </div>
          <div className="two-col">
            <section className="card">
              <div className="card-head">
                <h2>{t('mc.distribution')}</h2>
                <span className="muted small">
                  {r.cappedPaths > 0 ? t('mc.capped', { paths: integer(r.cappedPaths) }) : ''}
                </span>
              </div>
              <EChart option={option} height={280} testId="mc-histogram" />
            </section>
            <section className="card">
              <div className="card-head">
                <h2>{t('mc.classes')}</h2>
              </div>
              <MonteCarloGrid r={r} />
              <p className="muted small">{t('mc.lossShare')}</p>
              <p className="muted small" data-testid="mc-conventions">
                {r.plan.lossGivenDefault === 1
                  ? t('mc.conventionsLgdOne')
                  : t('mc.conventionsLgd', { lgd: pct(r.plan.lossGivenDefault) })}
              </p>
              {r.interpolation ? (
                <p className="muted small" data-testid="mc-method-error">
                  {t('mc.methodError', {
                    nodes: integer(r.interpolation.nodes),
                    checked: r.interpolation.checkedPaths,
                    maxError: pct(Math.max(0, ...r.interpolation.maxAbsError), 3),
                    bias: pct(Math.max(0, ...r.interpolation.meanError.map(Math.abs)), 3),
                  })}
                </p>
              ) : null}
            </section>
          </div>
        </>
      ) : (
        <div className="empty">
          <p>{t('mc.empty')}</p>
        </div>
      )}
    </>
  );
}
