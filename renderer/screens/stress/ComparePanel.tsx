/** The scenario comparison tab: every scenario of the deal on the current pool, class balances and tables. */
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { scenarioComparisonTables, type ScenarioComparison } from '../../../core/scenario/compare';
import { useApp } from '../../AppContext';
import { EChart, type ChartOption } from '../../components/EChart';
import { ReportGrid } from '../../components/ReportGrid';
import { engine } from '../../engine/engineWorker';
import { amountUnit, money } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { compactAmount } from './compactAmount';
import { useKept } from '../useKept';
import { base, KEPT, type Held } from './shared';
import { Stale } from './Stale';

export function ComparePanel({
  held,
  onResult,
}: {
  held: Held<ScenarioComparison> | null;
  onResult: (h: Held<ScenarioComparison>) => void;
}) {
  const { state, job } = useApp();
  const { t } = useTranslation('stress');
  // The chart's option and the tables are memoised: they must change with the language and the amount scale.
  const { lang, scale } = useDisplay();
  const doc = state.history.present;
  const [cls, setCls] = useKept(KEPT.compareClass);
  async function run(): Promise<void> {
    const value = await job(t('compare.job'), (p) =>
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
      xAxis: { type: 'value', name: t('compare.period'), nameLocation: 'middle', nameGap: 26, min: 0 },
      yAxis: {
        type: 'value',
        name: t('compare.balanceAxis', { id: shown, unit: amountUnit(doc.deal.currency) }),
        axisLabel: { formatter: (v: number) => compactAmount(t, lang, scale, v) },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        symbol: 'none',
        data: s.periods.map((p, i) => [p, s.values[i]!]),
      })),
    };
  }, [c, shown, t, lang, scale, doc.deal.currency]);
  const tables = useMemo(() => {
    if (!c) return null;
    // The report's tables in the screen's language; lang and scale: money cells read them through money().
    return scenarioComparisonTables(c, t);
  }, [c, t, lang, scale]);
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('compare.title')}</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-compare">
            {t('compare.run')}
          </button>
        </div>
        <p className="muted small">
          <Trans
            t={t}
            i18nKey={'compare.explain'}
            values={{ scenarios: doc.deal.scenarios.map((s) => s.name).join(', ') }}
            components={[<span key="scenarios" translate="no" />]}
          />
        </p>
      </section>
      <Stale held={held} />
      {c && option && tables ? (
        <>
          <section className="card">
            <div className="card-head">
              <h2>{t('compare.balanceTitle')}</h2>
              <div className="subtabs">
                {classes.map((id) => (
                  <button key={id} className={id === shown ? 'active' : ''} onClick={() => setCls(id)}>
                    {t('compare.class', { id })}
                  </button>
                ))}
              </div>
            </div>
            <EChart option={option} height={280} testId="compare-chart" />
          </section>
          <p className="muted small" data-testid="compare-unit">
            {t('compare.amounts', { unit: amountUnit(doc.deal.currency) })}
          </p>
          <ReportGrid table={tables[0]!} testId="compare-table" />
          <ReportGrid table={tables[1]!} testId="compare-pool-table" />
        </>
      ) : (
        <div className="empty">
          <p>{t('compare.empty')}</p>
        </div>
      )}
    </>
  );
}
