/**
 * The wizard's unknown-code step: each value of a coded column the tables do not know, with the rows it
 * stopped and a picker for what it means. Applying validates again with the choices in the mapping's value
 * map; saving writes that mapping as a file for the platform's next tape.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnknownValue } from '../../../core/io/tape/report';
import { integer } from '../../format';
import {
  allChosen,
  choiceKey,
  codeOptions,
  mergeChoices,
  type CodeChoices,
  type ValueMap,
} from './unknownCodes';

export { mappingFileName, withValues, type ValueMap } from './unknownCodes';

export function UnknownCodesCard({
  unknown,
  values,
  onApply,
  onSave,
}: {
  unknown: readonly UnknownValue[];
  values: ValueMap;
  onApply: (values: ValueMap) => void;
  onSave: (values: ValueMap) => void;
}) {
  const { t } = useTranslation('pool');
  const [choices, setChoices] = useState<CodeChoices>({});
  const ready = allChosen(unknown, choices);
  return (
    <section className="card" data-testid="unknown-codes">
      <div className="card-head">
        <h2 className="bad">{t('codes.title')}</h2>
      </div>
      <p className="warn small">{t('codes.intro')}</p>
      <table className="table">
        <thead>
          <tr>
            <th>{t('codes.field')}</th>
            <th>{t('codes.column')}</th>
            <th>{t('codes.value')}</th>
            <th className="num">{t('codes.rows')}</th>
            <th>{t('codes.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {unknown.map((u) => (
            <tr key={choiceKey(u)} data-testid={`unknown-${u.field}`}>
              <td>{t(`tape:fields.${u.field}`)}</td>
              <td translate="no">{u.column}</td>
              <td translate="no" data-testid="unknown-value">
                {u.value}
              </td>
              <td className="num" data-testid="unknown-rows">
                {integer(u.rows)}
              </td>
              <td>
                <select
                  value={choices[choiceKey(u)] ?? ''}
                  aria-label={t('codes.meaningOf', { value: u.value })}
                  data-testid={`code-${u.field}-${u.value}`}
                  onChange={(e) => setChoices({ ...choices, [choiceKey(u)]: e.target.value })}
                >
                  <option value="">{t('codes.choose')}</option>
                  {codeOptions(u.field).map((c) => (
                    <option key={c} value={c}>
                      {u.field === 'status' || u.field === 'classification'
                        ? t(`tape:status.${c}`)
                        : t(`tape:product.${c}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          className="primary"
          disabled={!ready}
          data-testid="apply-codes"
          onClick={() => onApply(mergeChoices(values, unknown, choices))}
        >
          {t('codes.apply')}
        </button>
        <button data-testid="save-mapping" onClick={() => onSave(mergeChoices(values, unknown, choices))}>
          {t('codes.save')}
        </button>
      </div>
    </section>
  );
}
