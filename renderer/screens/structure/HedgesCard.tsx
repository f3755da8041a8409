/** Structure: interest-rate hedges — swaps and caps, each leg, index and notional validated in place. */
import { Trans, useTranslation } from 'react-i18next';
import type { Hedge } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { ChoiceField, NumberField, TextField } from '../../components/Field';
import {
  addHedge,
  nextHedgeId,
  removeHedge,
  setFlatIndex,
  setHedge,
  undefinedHedgeIndices,
} from '../../project/supportEdit';
import { useDealEditor } from '../useDealEditor';
import { editLabel } from './editLabel';

/** One select for the notional and, for a class notional, the class: "tranche:A". */
function notionalKey(n: Hedge['notional']): string {
  return n.type === 'tranche' ? `tranche:${n.tranche}` : n.type;
}

export function HedgesCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const edit = useDealEditor();
  const deal = state.history.present.deal;
  const hedges = deal.structure.hedges ?? [];
  const rateProblem = (v: number) => (v < -1 || v > 10 ? t('support.hedges.problem.rate') : null);

  return (
    <section className="card" data-testid="hedges-card">
      <div className="card-head">
        <h2>{t('support.hedges.title')}</h2>
        <select
          value=""
          aria-label={t('support.hedges.addLabel')}
          data-testid="add-hedge"
          onChange={(e) => {
            const kind = e.target.value;
            if (kind === 'swap' || kind === 'cap') {
              edit(editLabel('addHedge', { id: nextHedgeId(deal, kind) }), (d) => addHedge(d, kind));
            }
          }}
        >
          <option value="">{t('support.hedges.addPrompt')}</option>
          <option value="swap">{t('support.hedges.addSwap')}</option>
          <option value="cap">{t('support.hedges.addCap')}</option>
        </select>
      </div>
      {hedges.length === 0 ? (
        <p className="muted small">{t('support.hedges.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="hedges">
            <thead>
              <tr>
                <th>{t('support.hedges.hedge')}</th>
                <th>{t('support.hedges.dealPays')}</th>
                <th className="num">{t('support.hedges.rate')}</th>
                <th>{t('support.hedges.index')}</th>
                <th className="num">{t('support.hedges.spread')}</th>
                <th>{t('support.hedges.notional')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {hedges.map((h) => (
                <tr key={h.id} data-testid={`hedge-row-${h.id}`}>
                  <td>
                    {t(`support.hedges.type.${h.type}`)} <span translate="no">{h.id}</span>
                  </td>
                  <td>
                    {h.type === 'swap' ? (
                      <ChoiceField
                        value={h.dealPays}
                        label={t('support.hedges.dealPaysLabel', { id: h.id })}
                        options={[
                          { value: 'fixed', label: t('support.hedges.dealPaysOption.fixed') },
                          { value: 'floating', label: t('support.hedges.dealPaysOption.floating') },
                        ]}
                        onChange={(v) =>
                          edit(editLabel('hedgeDealPays', { id: h.id }), (d) =>
                            setHedge(d, h.id, (x) =>
                              x.type === 'swap'
                                ? { ...x, dealPays: v === 'floating' ? 'floating' : 'fixed' }
                                : x,
                            ),
                          )
                        }
                      />
                    ) : (
                      '–'
                    )}
                  </td>
                  <td className="num">
                    <NumberField
                      kind="percent"
                      width={80}
                      suffix="%"
                      value={h.type === 'swap' ? h.fixedRate : typeof h.strike === 'number' ? h.strike : null}
                      label={t('support.hedges.rateLabel', { id: h.id })}
                      testId={`hedge-rate-${h.id}`}
                      validate={rateProblem}
                      onCommit={(v) =>
                        edit(editLabel('hedgeRate', { id: h.id }), (d) =>
                          setHedge(d, h.id, (x) =>
                            x.type === 'swap' ? { ...x, fixedRate: v } : { ...x, strike: v },
                          ),
                        )
                      }
                    />
                  </td>
                  <td>
                    <TextField
                      value={h.index}
                      width={72}
                      label={t('support.hedges.indexLabel', { id: h.id })}
                      validate={(v) =>
                        /^.{1,32}$/.test(v.trim()) ? null : t('support.hedges.problem.index')
                      }
                      onCommit={(v) =>
                        edit(editLabel('hedgeIndex', { id: h.id }), (d) =>
                          setHedge(d, h.id, (x) => ({ ...x, index: v.trim() })),
                        )
                      }
                    />
                  </td>
                  <td className="num">
                    {h.type === 'swap' ? (
                      <NumberField
                        kind="percent"
                        width={72}
                        suffix="%"
                        value={h.spread}
                        label={t('support.hedges.spreadLabel', { id: h.id })}
                        validate={rateProblem}
                        onCommit={(v) =>
                          edit(editLabel('hedgeSpread', { id: h.id }), (d) =>
                            setHedge(d, h.id, (x) => (x.type === 'swap' ? { ...x, spread: v } : x)),
                          )
                        }
                      />
                    ) : (
                      '–'
                    )}
                  </td>
                  <td>
                    <ChoiceField
                      value={notionalKey(h.notional)}
                      label={t('support.hedges.notionalLabel', { id: h.id })}
                      options={[
                        { value: 'pool', label: t('support.hedges.notionalPool') },
                        ...deal.structure.tranches.map((x) => ({
                          value: `tranche:${x.id}`,
                          label: t('support.hedges.notionalClass', { id: x.id }),
                        })),
                        ...(h.notional.type === 'schedule'
                          ? [{ value: 'schedule', label: t('support.hedges.notionalSchedule') }]
                          : []),
                      ]}
                      onChange={(v) =>
                        edit(editLabel('hedgeNotional', { id: h.id }), (d) =>
                          setHedge(d, h.id, (x) => ({
                            ...x,
                            notional:
                              v === 'pool'
                                ? { type: 'pool' }
                                : v.startsWith('tranche:')
                                  ? { type: 'tranche', tranche: v.slice('tranche:'.length) }
                                  : x.notional,
                          })),
                        )
                      }
                    />
                  </td>
                  <td className="row-actions">
                    <button
                      className="icon"
                      title={t('support.hedges.remove', { id: h.id })}
                      onClick={() =>
                        edit(editLabel('removeHedge', { id: h.id }), (d) => removeHedge(d, h.id))
                      }
                    >
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undefinedHedgeIndices(deal).map((index) => (
        <p key={index} className="small" data-testid={`hedge-index-missing-${index}`}>
          <Trans
            t={t}
            i18nKey="support.hedges.indexMissing"
            values={{ index }}
            components={[<span key="index" translate="no" />]}
          />{' '}
          <NumberField
            kind="percent"
            width={72}
            suffix="%"
            value={null}
            label={t('support.hedges.flatIndexLabel', { index })}
            testId={`hedge-flat-index-${index}`}
            validate={(v) => (v < -1 || v > 10 ? t('support.hedges.problem.rate') : null)}
            onCommit={(v) => edit(editLabel('flatIndex', { index }), (d) => setFlatIndex(d, index, v))}
          />
        </p>
      ))}
      <p className="muted small">{t('support.hedges.note')}</p>
    </section>
  );
}
