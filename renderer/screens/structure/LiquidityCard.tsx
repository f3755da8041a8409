/** Structure: the liquidity facility — commitment, what it covers, its order against the reserve, its costs. */
import { Trans, useTranslation } from 'react-i18next';
import { useApp } from '../../AppContext';
import { ChoiceField, NumberField } from '../../components/Field';
import {
  addLiquidityFacility,
  removeLiquidityFacility,
  setCommitment,
  setCoveredClass,
  switchCommitment,
  setLiquidity,
} from '../../project/supportEdit';
import { useDealEditor } from '../useDealEditor';
import { editLabel } from './editLabel';

export function LiquidityCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const edit = useDealEditor();
  const deal = state.history.present.deal;
  const f = deal.structure.liquidityFacility;
  const rateProblem = (v: number) => (v < -1 || v > 10 ? t('support.liquidity.problem.rate') : null);

  return (
    <section className="card" data-testid="liquidity-card">
      <div className="card-head">
        <h2>{t('support.liquidity.title')}</h2>
        {f ? (
          <button onClick={() => edit(editLabel('removeLiquidity'), removeLiquidityFacility)}>
            {t('support.liquidity.remove')}
          </button>
        ) : (
          <button
            data-testid="add-liquidity"
            onClick={() => edit(editLabel('addLiquidity'), addLiquidityFacility)}
          >
            {t('support.liquidity.add')}
          </button>
        )}
      </div>
      {!f ? (
        <p className="muted small">{t('support.liquidity.none')}</p>
      ) : (
        <>
          <div className="form-grid">
            <label>{t('support.liquidity.commitment')}</label>
            <span>
              <ChoiceField
                value={f.commitment.amount !== undefined ? 'amount' : 'percentOfNotes'}
                label={t('support.liquidity.commitmentByLabel')}
                options={[
                  { value: 'amount', label: t('support.liquidity.commitmentBy.amount') },
                  { value: 'percentOfNotes', label: t('support.liquidity.commitmentBy.percentOfNotes') },
                ]}
                onChange={(v) =>
                  edit(editLabel('liquidityCommitment'), (d) => switchCommitment(d, v === 'amount'))
                }
              />{' '}
              {f.commitment.amount !== undefined ? (
                <NumberField
                  kind="money"
                  width={120}
                  value={f.commitment.amount}
                  label={t('support.liquidity.commitmentLabel')}
                  testId="liquidity-commitment"
                  validate={(v) => (v < 0 ? t('support.liquidity.problem.negative') : null)}
                  onCommit={(v) =>
                    edit(editLabel('liquidityCommitment'), (d) => setCommitment(d, 'amount', v))
                  }
                />
              ) : (
                <NumberField
                  kind="percent"
                  width={80}
                  suffix="%"
                  value={f.commitment.percentOfNotes ?? 0}
                  label={t('support.liquidity.commitmentLabel')}
                  testId="liquidity-commitment"
                  validate={(v) => (v < 0 || v > 1 ? t('support.liquidity.problem.share') : null)}
                  onCommit={(v) =>
                    edit(editLabel('liquidityCommitment'), (d) => setCommitment(d, 'percentOfNotes', v))
                  }
                />
              )}
            </span>
            <label>{t('support.liquidity.reducing')}</label>
            <input
              type="checkbox"
              style={{ justifySelf: 'start' }}
              checked={f.commitment.reducing}
              aria-label={t('support.liquidity.reducing')}
              onChange={(e) =>
                edit(editLabel('liquidityReducing'), (d) =>
                  setLiquidity(d, { commitment: { ...f.commitment, reducing: e.target.checked } }),
                )
              }
            />
            <label>{t('support.liquidity.order')}</label>
            <span style={{ justifySelf: 'start' }}>
              <ChoiceField
                value={f.order}
                label={t('support.liquidity.order')}
                options={[
                  { value: 'reserveFirst', label: t('support.liquidity.orderOption.reserveFirst') },
                  { value: 'facilityFirst', label: t('support.liquidity.orderOption.facilityFirst') },
                ]}
                onChange={(v) =>
                  edit(editLabel('liquidityOrder'), (d) =>
                    setLiquidity(d, { order: v === 'facilityFirst' ? 'facilityFirst' : 'reserveFirst' }),
                  )
                }
              />
            </span>
            <label>{t('support.liquidity.rate')}</label>
            <NumberField
              kind="percent"
              width={80}
              suffix="%"
              value={f.rate.type === 'fixed' ? f.rate.rate : f.rate.spread}
              label={t('support.liquidity.rateLabel')}
              testId="liquidity-rate"
              validate={rateProblem}
              onCommit={(v) =>
                edit(editLabel('liquidityRate'), (d) =>
                  setLiquidity(d, {
                    rate: f.rate.type === 'fixed' ? { ...f.rate, rate: v } : { ...f.rate, spread: v },
                  }),
                )
              }
            />
            <label>{t('support.liquidity.feeRate')}</label>
            <NumberField
              kind="percent"
              width={80}
              suffix="%"
              value={f.commitmentFeeRate}
              label={t('support.liquidity.feeRateLabel')}
              testId="liquidity-fee-rate"
              validate={(v) => (v < 0 || v > 10 ? t('support.liquidity.problem.rate') : null)}
              onCommit={(v) =>
                edit(editLabel('liquidityFeeRate'), (d) => setLiquidity(d, { commitmentFeeRate: v }))
              }
            />
            <label>{t('support.liquidity.covers')}</label>
            <span style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 4 }}>
              <label style={{ whiteSpace: 'nowrap' }}>
                <input
                  type="checkbox"
                  checked={f.covers.fees}
                  onChange={(e) =>
                    edit(editLabel('liquidityCoversFees'), (d) =>
                      setLiquidity(d, { covers: { ...f.covers, fees: e.target.checked } }),
                    )
                  }
                />{' '}
                {t('support.liquidity.coversFees')}
              </label>
              {deal.structure.tranches
                .filter((x) => !x.principalOnly)
                .map((x) => (
                  <label key={x.id} style={{ whiteSpace: 'nowrap' }}>
                    <input
                      type="checkbox"
                      checked={f.covers.interest.includes(x.id)}
                      aria-label={t('support.liquidity.coversClassLabel', { id: x.id })}
                      onChange={(e) =>
                        edit(editLabel('liquidityCovers', { id: x.id }), (d) =>
                          setCoveredClass(d, x.id, e.target.checked),
                        )
                      }
                    />{' '}
                    <Trans
                      t={t}
                      i18nKey="support.liquidity.coversClass"
                      values={{ id: x.id }}
                      components={[<span key="id" translate="no" />]}
                    />
                  </label>
                ))}
            </span>
          </div>
          <p className="muted small">{t('support.liquidity.note')}</p>
        </>
      )}
    </section>
  );
}
