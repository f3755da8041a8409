/** Structure: the deal's fees — name, basis, amount or rate, cap, carry-forward — each validated in place. */
import { useTranslation } from 'react-i18next';
import type { Fee } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField, TextField } from '../../components/Field';
import { money } from '../../format';
import { poolBalance } from '../../project/dealEdit';
import {
  addFee,
  feeBasisLabel,
  feeValueProblem,
  firstPeriodFee,
  removeFee,
  setFeeBasisType,
  setFeeCap,
  setFeeCarry,
  setFeeName,
  setFeeValue,
  type FeeBasisType,
} from '../../project/feeEdit';
import { useDealEditor } from '../useDealEditor';
import { editLabel } from './editLabel';

/** One select for the basis and, for a class fee, the class: "percentOfTranche:B". */
function basisKey(b: Fee['basis']): string {
  return b.type === 'percentOfTranche' ? `percentOfTranche:${b.tranche}` : b.type;
}

export function FeesCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const edit = useDealEditor();
  const doc = state.history.present;
  const deal = doc.deal;
  const fees = deal.structure.fees;
  const pool = poolBalance(deal, doc.pool?.loans ?? null);

  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('fees.title')}</h2>
        <select
          value=""
          aria-label={t('fees.add')}
          data-testid="add-fee"
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'fixed' || kind === 'percentOfPool')
              edit(editLabel('addFee'), (d) => addFee(d, kind));
          }}
        >
          <option value="">{t('fees.addPrompt')}</option>
          <option value="fixed">{t('fees.addFixed')}</option>
          <option value="percentOfPool">{t('fees.addPercent')}</option>
        </select>
      </div>
      <table className="table fees" data-testid="fees">
        <thead>
          <tr>
            <th>{t('fees.fee')}</th>
            <th title={t('fees.basisHint')}>{t('fees.basis')}</th>
            <th className="num">{t('fees.amount')}</th>
            <th className="num" title={t('fees.capHint')}>
              {t('fees.cap')}
            </th>
            <th title={t('fees.carryHint')}>{t('fees.carry')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {fees.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                {t('fees.none')}
              </td>
            </tr>
          ) : null}
          {fees.map((f) => (
            <tr key={f.id} title={t('fees.firstPeriod', { amount: money(firstPeriodFee(deal, f, pool)) })}>
              <td>
                <TextField
                  value={f.name ?? ''}
                  label={t('fees.nameLabel', { id: f.id })}
                  width={136}
                  validate={(v) => (v.trim().length > 64 ? t('fees.problem.nameLong') : null)}
                  onCommit={(v) => edit(editLabel('feeName', { id: f.id }), (d) => setFeeName(d, f.id, v))}
                />
              </td>
              <td>
                <select
                  value={basisKey(f.basis)}
                  aria-label={t('fees.basisLabel', { id: f.id })}
                  data-testid={`fee-basis-${f.id}`}
                  onChange={(e) => {
                    const [type, tranche] = e.target.value.split(':') as [FeeBasisType, string?];
                    edit(editLabel('feeBasis', { id: f.id }), (d) =>
                      setFeeBasisType(d, f.id, type, pool, tranche),
                    );
                  }}
                >
                  <option value="fixed">{feeBasisLabel('fixed', t)}</option>
                  <option value="percentOfPool">{feeBasisLabel('percentOfPool', t)}</option>
                  {deal.structure.tranches.map((x) => (
                    <option key={x.id} value={`percentOfTranche:${x.id}`}>
                      {t('fees.ofClass', { id: x.id })}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num">
                <NumberField
                  kind={f.basis.type === 'fixed' ? 'money' : 'percent'}
                  value={f.basis.type === 'fixed' ? f.basis.amount : f.basis.rate}
                  label={t('fees.valueLabel', { id: f.id })}
                  testId={`fee-value-${f.id}`}
                  width={92}
                  suffix={f.basis.type === 'fixed' ? undefined : '%'}
                  validate={(v) => feeValueProblem(f, v, t)}
                  onCommit={(v) => edit(editLabel('feeValue', { id: f.id }), (d) => setFeeValue(d, f.id, v))}
                />
              </td>
              <td className="num">
                <NumberField
                  kind="money"
                  value={f.capPerPeriod}
                  label={t('fees.capLabel', { id: f.id })}
                  width={84}
                  validate={(v) => (v < 0 ? t('fees.problem.capNegative') : null)}
                  onCommit={(v) => edit(editLabel('feeCap', { id: f.id }), (d) => setFeeCap(d, f.id, v))}
                  onClear={() =>
                    edit(editLabel('feeNoCap', { id: f.id }), (d) => setFeeCap(d, f.id, undefined))
                  }
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={f.carryUnpaid}
                  aria-label={t('fees.carryLabel', { id: f.id })}
                  onChange={(e) =>
                    edit(editLabel('feeCarry', { id: f.id }), (d) => setFeeCarry(d, f.id, e.target.checked))
                  }
                />
              </td>
              <td className="row-actions">
                <button
                  className="icon"
                  title={t('fees.removeHint')}
                  onClick={() => edit(editLabel('removeFee', { id: f.id }), (d) => removeFee(d, f.id))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('fees.note')}</p>
    </section>
  );
}
