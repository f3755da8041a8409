/**
 * Structure: coupon features per class — interest-only or principal-only, the IO notional, a step-up (from a
 * date or from the clean-up call date, with its new rate or margin) and the available-funds cap.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../../AppContext';
import { ChoiceField, NumberField, TextField } from '../../components/Field';
import {
  cashflowKind,
  setAvailableFundsCap,
  setCashflowKind,
  setIoNotional,
  setStepUpDate,
  setStepUpFrom,
  setStepUpRate,
  type StepUpFrom,
} from '../../project/supportEdit';
import { useDealEditor } from '../useDealEditor';
import { editLabel } from './editLabel';

const KINDS = ['both', 'interestOnly', 'principalOnly'] as const;
const STEP_UP: readonly StepUpFrom[] = ['none', 'date', 'cleanUpCallDate'];

export function CouponFeaturesCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const edit = useDealEditor();
  const deal = state.history.present.deal;
  // A new dated step-up starts three years after the cut-off, a common first step-up date, for the user to set.
  const defaultDate = `${Number(deal.cutoffDate.slice(0, 4)) + 3}${deal.cutoffDate.slice(4)}`;

  return (
    <section className="card" data-testid="coupons-card">
      <div className="card-head">
        <h2>{t('support.coupons.title')}</h2>
      </div>
      <div className="table-scroll">
        <table className="table" data-testid="coupon-features">
          <thead>
            <tr>
              <th>{t('support.coupons.class')}</th>
              <th>{t('support.coupons.kind')}</th>
              <th>{t('support.coupons.stepUp')}</th>
              <th>{t('support.coupons.stepUpDate')}</th>
              <th className="num">{t('support.coupons.stepUpRate')}</th>
              <th>{t('support.coupons.afc')}</th>
            </tr>
          </thead>
          <tbody>
            {deal.structure.tranches.map((x) => {
              const kind = cashflowKind(x);
              const up = x.stepUp;
              const from: StepUpFrom = !up
                ? 'none'
                : up.from === 'cleanUpCallDate'
                  ? 'cleanUpCallDate'
                  : 'date';
              return (
                <tr key={x.id} data-testid={`coupon-row-${x.id}`}>
                  <td translate="no">{x.id}</td>
                  <td>
                    <ChoiceField
                      value={kind}
                      label={t('support.coupons.kindLabel', { id: x.id })}
                      testId={`coupon-kind-${x.id}`}
                      options={KINDS.map((k) => ({ value: k, label: t(`support.coupons.kindOption.${k}`) }))}
                      onChange={(v) => {
                        const k = KINDS.find((x) => x === v) ?? 'both';
                        return edit(editLabel('cashflowKind', { id: x.id }), (d) =>
                          setCashflowKind(d, x.id, k),
                        );
                      }}
                    />
                    {x.interestOnly ? (
                      <>
                        {' '}
                        <ChoiceField
                          value={
                            x.interestOnly.notional.type === 'pool' ? 'pool' : x.interestOnly.notional.tranche
                          }
                          label={t('support.coupons.ioNotionalLabel', { id: x.id })}
                          options={[
                            { value: 'pool', label: t('support.coupons.pool') },
                            ...deal.structure.tranches
                              .filter((o) => o.id !== x.id)
                              .map((o) => ({ value: o.id, label: o.id })),
                          ]}
                          onChange={(v) =>
                            edit(editLabel('ioNotional', { id: x.id }), (d) => setIoNotional(d, x.id, v))
                          }
                        />
                      </>
                    ) : null}
                  </td>
                  <td>
                    <ChoiceField
                      value={from}
                      label={t('support.coupons.stepUpLabel', { id: x.id })}
                      testId={`coupon-stepup-${x.id}`}
                      options={STEP_UP.map((k) => ({
                        value: k,
                        label: t(`support.coupons.stepUpOption.${k}`),
                      }))}
                      onChange={(v) => {
                        const k = STEP_UP.find((s) => s === v) ?? 'none';
                        return edit(editLabel('couponStepUp', { id: x.id }), (d) =>
                          setStepUpFrom(d, x.id, k, defaultDate),
                        );
                      }}
                    />
                  </td>
                  <td>
                    {up && up.from !== 'cleanUpCallDate' ? (
                      <TextField
                        value={up.from}
                        width={104}
                        label={t('support.coupons.stepUpDateLabel', { id: x.id })}
                        validate={(v) =>
                          /^\d{4}-\d{2}-\d{2}$/.test(v)
                            ? null
                            : t('support.coupons.notDate', { format: 'YYYY-MM-DD' })
                        }
                        onCommit={(v) =>
                          edit(editLabel('couponStepUpDate', { id: x.id }), (d) => setStepUpDate(d, x.id, v))
                        }
                      />
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="num">
                    {up ? (
                      <NumberField
                        kind="percent"
                        width={72}
                        suffix="%"
                        value={up.coupon.type === 'fixed' ? up.coupon.rate : up.coupon.spread}
                        label={t('support.coupons.stepUpRateLabel', { id: x.id })}
                        testId={`coupon-stepup-rate-${x.id}`}
                        validate={(v) => (v < -0.1 || v > 1 ? t('tranches.couponProblem') : null)}
                        onCommit={(v) =>
                          edit(editLabel('couponStepUpRate', { id: x.id }), (d) => setStepUpRate(d, x.id, v))
                        }
                      />
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={x.availableFundsCap === true}
                      disabled={kind === 'interestOnly'}
                      aria-label={t('support.coupons.afcLabel', { id: x.id })}
                      data-testid={`coupon-afc-${x.id}`}
                      onChange={(e) =>
                        edit(editLabel('afc', { id: x.id }), (d) =>
                          setAvailableFundsCap(d, x.id, e.target.checked),
                        )
                      }
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small">{t('support.coupons.note')}</p>
    </section>
  );
}
