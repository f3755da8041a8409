/**
 * "Use as scenario" for a published vintage table (cumulative net loss in % of original balance): the lifetime
 * net loss by the chain ladder or the timing curve, and the timing curve by month on book, laid on another
 * scenario's prepayment and severity (core/history/analyse.ts `tableScenario`, as `vintage table.csv --into …
 * --from …` writes it), stressed as a multiple or base + k × S.E., with its provenance. One undoable edit.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  tableScenario,
  tableScenarioBase,
  type TableAnalysis,
  type TableScenarioProblem,
} from '../../../core/history/analyse';
import { useApp } from '../../AppContext';
import { pct } from '../../format';
import { keptKey } from '../../project/kept';
import { useKept } from '../useKept';
import { KEPT, scenarioStress } from './historyForm';
import { useWriteScenario } from './scenarioWrite';
import { StressFields } from './StressFields';

const KEPT_TABLE = keptKey<{ basis: 'chain-ladder' | 'timing'; from: string }>('history.tableScenario', {
  basis: 'chain-ladder',
  from: '',
});

const PROBLEM: Record<TableScenarioProblem, 'table.amountTable' | 'table.nothing' | 'table.noStandardError'> =
  {
    amountTable: 'table.amountTable',
    nothing: 'table.nothing',
    noStandardError: 'table.noStandardError',
  };

export function TableToScenario({ a, file }: { a: TableAnalysis; file: string }) {
  const { t } = useTranslation('history');
  const { state } = useApp();
  const write = useWriteScenario(t);
  const [form, setForm] = useKept(KEPT.scenario);
  const [opts, setOpts] = useKept(KEPT_TABLE);
  const [problem, setProblem] = useState<string | null>(null);
  const doc = state.history.present;
  const deal = doc.deal;
  const name = form.name.trim() === '' ? t('table.defaultName') : form.name.trim();
  const replaces = deal.scenarios.some((s) => s.name === name);
  // Unless the user picks one: the scenario replaced, else the one the deal runs.
  const fromName =
    opts.from !== '' && deal.scenarios.some((s) => s.name === opts.from)
      ? opts.from
      : replaces
        ? name
        : doc.scenario;
  const stress = scenarioStress(form, t);

  const made = useMemo(() => {
    const base = tableScenarioBase(deal.scenarios, name, fromName);
    if (base === undefined) return null;
    return tableScenario(a, {
      name,
      tableFile: file,
      basis: opts.basis,
      ...(typeof stress === 'string' ? {} : stress),
      date: new Date().toISOString().slice(0, 10),
      base,
    });
  }, [a, deal.scenarios, name, fromName, file, opts.basis, stress]);

  function use(): void {
    if (typeof stress === 'string') return setProblem(stress);
    if (name.length > 64) return setProblem(t('use.nameTooLong'));
    if (made === null) return setProblem(t('table.nothing'));
    if ('problem' in made) return setProblem(t(PROBLEM[made.problem]));
    setProblem(
      write(made.scenario, {
        key: 'history:table.done',
        params: { name, cnl: pct(made.cnl), base: pct(made.base), months: made.months },
      }),
    );
  }

  const refusal = made !== null && 'problem' in made ? t(PROBLEM[made.problem]) : null;
  return (
    <section className="card" data-testid="history-table-use">
      <div className="card-head">
        <h2>{t('table.title')}</h2>
      </div>
      <p className="muted small">{t('table.explain')}</p>
      <div className="stress-form">
        <div className="stress-axis">
          <label>
            {t('use.name')}
            <input
              value={form.name}
              placeholder={t('table.defaultName')}
              size={18}
              style={{ textAlign: 'left' }}
              onChange={(e) => setForm({ ...form, name: e.target.value })}
              translate="no"
              data-testid="history-table-scenario-name"
            />
          </label>
          <label>
            {t('table.basis')}
            <select
              value={opts.basis}
              onChange={(e) => setOpts({ ...opts, basis: e.target.value as typeof opts.basis })}
              data-testid="history-table-basis"
            >
              <option value="chain-ladder">{t('glossary:chainLadder')}</option>
              <option value="timing">{t('glossary:timingCurve')}</option>
            </select>
          </label>
          <label>
            {t('table.from')}
            <select
              value={fromName}
              onChange={(e) => setOpts({ ...opts, from: e.target.value })}
              data-testid="history-table-from"
            >
              {deal.scenarios.map((s) => (
                <option key={s.name} value={s.name} translate="no">
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <StressFields form={form} setForm={setForm} testId="history-table" />
          <button
            className="primary"
            onClick={use}
            disabled={made !== null && 'problem' in made && made.problem === 'amountTable'}
            data-testid="history-table-use-scenario"
          >
            {replaces ? t('use.replace') : t('use.add')}
          </button>
        </div>
        {made !== null && !('problem' in made) ? (
          <p className="small" data-testid="history-table-preview">
            {t('table.preview', { base: pct(made.base), cnl: pct(made.cnl), months: made.months })}
          </p>
        ) : null}
        {(problem ?? refusal) ? (
          <p className="bad small" role="alert" data-testid="history-table-problem">
            {problem ?? refusal}
          </p>
        ) : null}
      </div>
    </section>
  );
}
