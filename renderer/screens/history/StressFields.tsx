/**
 * The stress a history-fitted scenario is written with (none, expected + k × standard error, or a loss multiple):
 * one set of fields for every card that writes a scenario from history, so they read and check alike.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioForm } from './historyForm';

export function StressFields({
  form,
  setForm,
  testId,
}: {
  form: ScenarioForm;
  setForm: (f: ScenarioForm) => void;
  /** Prefix of the fields' test ids (`<prefix>-stress`, `-k`, `-multiple`). */
  testId: string;
}): ReactElement {
  const { t } = useTranslation('history');
  return (
    <>
      <label>
        {t('use.stress')}
        <select
          value={form.stress}
          onChange={(e) => setForm({ ...form, stress: e.target.value as ScenarioForm['stress'] })}
          data-testid={`${testId}-stress`}
        >
          <option value="none">{t('use.stresses.none')}</option>
          <option value="k">{t('use.stresses.k')}</option>
          <option value="multiple">{t('use.stresses.multiple')}</option>
        </select>
      </label>
      {form.stress === 'k' ? (
        <label>
          {t('use.k')}
          <input
            className="num"
            size={4}
            value={form.k}
            onChange={(e) => setForm({ ...form, k: e.target.value })}
            data-testid={`${testId}-k`}
          />
        </label>
      ) : null}
      {form.stress === 'multiple' ? (
        <label>
          {t('use.multiple')}
          <input
            className="num"
            size={4}
            value={form.multiple}
            onChange={(e) => setForm({ ...form, multiple: e.target.value })}
            data-testid={`${testId}-multiple`}
          />
        </label>
      ) : null}
    </>
  );
}
