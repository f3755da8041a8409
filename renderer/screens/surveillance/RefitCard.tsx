/**
 * Re-fit assumptions (core/surveillance/refit.ts): the reported months replace the assumptions and the months to
 * come are the base scenario's curves times actual/expected to date — the agencies' way of revising a base case.
 * Fitted in the engine worker (it runs the deal), written into the deal as a scenario with its provenance in one
 * undoable edit, as History's "Use as scenario" does.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Scenario, type Deal } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { engine } from '../../engine/engineWorker';
import { years } from '../../format';
import { validatedDeal } from '../../project/dealEdit';
import { withDeal } from '../../project/state';
import { useKept } from '../useKept';
import { KEPT } from './surveillanceKept';

/** `afterEdit`: the screen projects the deal written (the new scenario's breaches) before the notice. */
export function RefitCard({ afterEdit }: { afterEdit: (deal: Deal) => Promise<void> }) {
  const { t } = useTranslation('surveillance');
  const { state, dispatch, job, notify } = useApp();
  const [form, setForm] = useKept(KEPT.refit);
  const [problem, setProblem] = useState<string | null>(null);
  const doc = state.history.present;
  const deal = doc.deal;
  const reports = deal.surveillance?.reports ?? [];
  const through = reports[reports.length - 1]?.paymentDate ?? '';
  const name = form.name.trim() === '' ? t('refit.defaultName', { date: through }) : form.name.trim();
  const base = deal.scenarios.some((s) => s.name === form.base) ? form.base : doc.scenario;
  const replaces = deal.scenarios.some((s) => s.name === name);

  async function refit(): Promise<void> {
    if (name.length > 64) {
      setProblem(t('refit.nameTooLong'));
      return;
    }
    setProblem(null);
    const d = doc;
    const made = await job(t('refit.job'), (p) =>
      engine().request(
        {
          kind: 'surveillanceRefit',
          deal: d.deal,
          loans: d.pool?.loans ?? null,
          baseScenario: base,
          name,
          date: new Date().toISOString().slice(0, 10),
        },
        p,
      ),
    );
    if (!made) return;
    const scenario = Scenario.parse(made.scenario);
    const r = validatedDeal(
      d.deal,
      (x) => ({
        ...x,
        scenarios: replaces
          ? x.scenarios.map((s) => (s.name === name ? scenario : s))
          : [...x.scenarios, scenario],
      }),
      t,
    );
    if ('error' in r) {
      setProblem(r.error);
      return;
    }
    dispatch({
      type: 'edit',
      label: {
        key: replaces ? 'surveillance:undo.refitReplace' : 'surveillance:undo.refitAdd',
        params: { name },
      },
      update: (x) => withDeal(x, () => r.deal),
    });
    await afterEdit(r.deal);
    notify({
      kind: 'success',
      text: {
        key: 'surveillance:refit.done',
        params: {
          name,
          count: made.observed.length,
          defaults: years(made.defaultRatio),
          prepayments: years(made.prepaymentRatio),
        },
      },
    });
  }

  return (
    <section className="card" data-testid="surveillance-refit">
      <div className="card-head">
        <h2>{t('refit.title')}</h2>
      </div>
      <p className="muted small">{t('refit.explain')}</p>
      <div className="stress-form">
        <div className="stress-axis">
          <label>
            {t('refit.name')}
            <input
              value={form.name}
              placeholder={t('refit.defaultName', { date: through })}
              size={20}
              style={{ textAlign: 'left' }}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              translate="no"
              data-testid="surveillance-refit-name"
            />
          </label>
          <label>
            {t('refit.base')}
            <select
              value={base}
              translate="no"
              onChange={(e) => setForm({ ...form, base: e.target.value })}
              data-testid="surveillance-refit-base"
            >
              {deal.scenarios.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <button className="primary" onClick={() => void refit()} data-testid="surveillance-refit-run">
            {replaces ? t('refit.replace') : t('refit.add')}
          </button>
        </div>
        {problem ? (
          <p className="bad small" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </section>
  );
}
