/** Structure: tranche stack, priority of payments, credit enhancement, fees, triggers, revolving, calendar. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tranche } from '../../core/deal/schema';
import { useApp } from '../AppContext';
import { EChart, type ChartOption } from '../components/EChart';
import { NumberField, TextField } from '../components/Field';
import { amountUnit, money, pct } from '../format';
import { useDisplay } from '../i18n/DisplayContext';
import {
  dealProblems,
  poolBalance,
  resizeSummary,
  scaleTranchesToPool,
  setOcTarget,
  setReserveInitialBalance,
  setReserveTarget,
} from '../project/dealEdit';
import { CalendarCard } from './structure/CalendarCard';
import { RevolvingCard } from './structure/RevolvingCard';
import { FeesCard } from './structure/FeesCard';
import { TriggersCard } from './structure/TriggersCard';
import { WaterfallCard } from './structure/WaterfallCard';
import { PhasesCard } from './structure/PhasesCard';
import { CouponFeaturesCard } from './structure/CouponFeaturesCard';
import { HedgesCard } from './structure/HedgesCard';
import { LiquidityCard } from './structure/LiquidityCard';
import type { EditLabel } from '../project/history';
import { move, replaceAt, useDealEditor } from './useDealEditor';
import { editLabel } from './structure/editLabel';

const SENIORITIES: Tranche['seniority'][] = ['senior', 'mezzanine', 'subordinated', 'equity'];

export function StructureScreen() {
  const { state, notify } = useApp();
  const { t } = useTranslation('structure');
  // Chart labels are built in the memo below: it must run again when the language or amount scale changes.
  const { lang, scale } = useDisplay();
  // In the tranche rows `t` is the tranche.
  const tr = t;
  const doc = state.history.present;
  const deal = doc.deal;
  const s = deal.structure;
  const edit = useDealEditor();
  const pool = poolBalance(deal, doc.pool?.loans ?? null);
  const notes = s.tranches.reduce((a, t) => a + t.balance, 0);
  const problems = dealProblems(deal, doc.pool?.loans ?? null, t);

  const chart = useMemo<ChartOption>(() => {
    // Bars are scaled to the larger of pool and notes so an over-issued stack still fits the axis.
    const denom = Math.max(pool, notes);
    const share = (x: number) => (pool > 0 ? (x / pool) * 100 : denom > 0 ? (x / denom) * 100 : 0);
    const oc = Math.max(0, pool - notes);
    const series = [...s.tranches].reverse().map((t) => ({
      name: t.id,
      type: 'bar' as const,
      stack: 'cap',
      barWidth: 38,
      data: [denom > 0 ? (t.balance / denom) * 100 : 0],
      label: {
        show: true,
        formatter: `${t.id} ${share(t.balance).toFixed(1)}%`,
        color: '#fff',
        fontSize: 11,
      },
    }));
    if (oc > 0) {
      series.unshift({
        name: t('capital.oc'),
        type: 'bar',
        stack: 'cap',
        barWidth: 38,
        data: [(oc / denom) * 100],
        label: {
          show: true,
          formatter: `${t('capital.oc')} ${((oc / denom) * 100).toFixed(1)}%`,
          color: '#333',
          fontSize: 11,
        },
      });
    }
    return {
      grid: { left: 10, right: 10, top: 8, bottom: 24 },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${Number(v).toFixed(2)}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: [t('capital.axis')], show: false },
      color: ['#c8ced8', '#6b7785', '#e0a030', '#7fb3e6', '#3a8dde', '#1d4f91'].slice(oc > 0 ? 0 : 1),
      series,
    };
    // lang and scale: the labels are translated here; a change must rebuild them.
  }, [s.tranches, pool, notes, t, lang, scale]);

  function resizeToPool(): void {
    const resized = scaleTranchesToPool(deal, pool);
    if (edit(editLabel('resize'), () => resized) === null) {
      notify({ kind: 'success', text: resizeSummary(deal, resized, t) });
    }
  }

  function editTranche(i: number, label: EditLabel, update: (t: Tranche) => Tranche): string | null {
    return edit(label, (d) => ({
      ...d,
      structure: {
        ...d.structure,
        tranches: replaceAt(d.structure.tranches, i, update(d.structure.tranches[i] as Tranche)),
      },
    }));
  }

  function addTranche(): void {
    const ids = new Set(s.tranches.map((t) => t.id));
    let n = 1;
    while (ids.has(`T${n}`)) n++;
    const id = `T${n}`;
    edit(editLabel('addTranche', { id }), (d) => ({
      ...d,
      structure: {
        ...d.structure,
        tranches: [
          ...d.structure.tranches,
          {
            id,
            seniority: 'subordinated',
            balance: 0,
            coupon: { type: 'fixed', rate: 0 },
            dayCount: '30/360',
            price: 100,
          },
        ],
      },
    }));
  }

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <p className="muted">
          <span translate="no">{deal.name}</span> ·{' '}
          {t('subtitle', { cutoff: deal.cutoffDate, currency: deal.currency })}
        </p>
      </div>
      {problems.length > 0 ? (
        <div className="problems" data-testid="structure-problems">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
          {pool > 0 && Math.abs(notes - pool) > 0.005 ? (
            <button data-testid="scale-to-pool" onClick={resizeToPool}>
              {t('notes.resizeButton', { pool: money(pool) })}
            </button>
          ) : null}
        </div>
      ) : pool > 0 && Math.abs(notes - pool) > 0.005 ? (
        <p className="muted small">
          {t('notes.share', { share: pct(notes / pool) })}{' '}
          <button className="link-button" data-testid="scale-to-pool" onClick={resizeToPool}>
            {t('notes.resizeLink')}
          </button>
        </p>
      ) : null}

      <section className="card">
        <div className="card-head">
          <h2>{t('capital.title')}</h2>
          <div className="kpis">
            <span className="muted small" data-testid="amount-unit">
              {t('capital.unit', { unit: amountUnit(deal.currency) })}
            </span>
            <span>
              {t('capital.pool')} <b data-testid="pool-balance">{money(pool)}</b>
            </span>
            <span>
              {t('capital.notes')} <b>{money(notes)}</b>
            </span>
            <span>
              {t('capital.oc')} <b>{pool > 0 ? pct((pool - notes) / pool) : '–'}</b>
            </span>
          </div>
        </div>
        <EChart option={chart} height={64} testId="capital-chart" />
        <div className="table-scroll">
          <table className="table" data-testid="tranche-table">
            <thead>
              <tr>
                <th>{t('tranches.class')}</th>
                <th>{t('tranches.name')}</th>
                <th>{t('tranches.seniority')}</th>
                <th>{t('tranches.rating')}</th>
                <th className="num">{t('tranches.balance')}</th>
                <th className="num">{t('tranches.ofPool')}</th>
                <th className="num">{t('tranches.enhancement')}</th>
                <th>{t('tranches.coupon')}</th>
                <th className="num">{t('tranches.rate')}</th>
                <th>{t('tranches.dayCount')}</th>
                <th className="num">{t('tranches.price')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {s.tranches.map((t, i) => {
                const below = s.tranches.slice(i + 1).reduce((a, x) => a + x.balance, 0);
                const ce = pool > 0 ? (pool - notes + below) / pool : null;
                return (
                  <tr key={`${t.id}-${i}`} data-testid={`tranche-row-${t.id}`}>
                    <td>
                      <TextField
                        value={t.id}
                        width={64}
                        label={tr('tranches.idLabel', { id: t.id })}
                        validate={(v) => (/^[A-Za-z0-9_.-]{1,64}$/.test(v) ? null : tr('tranches.idProblem'))}
                        onCommit={(v) =>
                          edit(editLabel('renameTrancheId', { id: t.id }), (d) => ({
                            ...d,
                            structure: {
                              ...d.structure,
                              tranches: replaceAt(d.structure.tranches, i, { ...t, id: v }),
                              waterfall: d.structure.waterfall.map((w) =>
                                'tranches' in w
                                  ? { ...w, tranches: w.tranches.map((x) => (x === t.id ? v : x)) }
                                  : w,
                              ),
                            },
                          }))
                        }
                      />
                    </td>
                    <td>
                      <TextField
                        value={t.name ?? ''}
                        width={120}
                        label={tr('tranches.nameLabel', { id: t.id })}
                        onCommit={(v) =>
                          editTranche(i, editLabel('renameTranche', { id: t.id }), (x) => ({
                            ...x,
                            name: v || undefined,
                          }))
                        }
                      />
                    </td>
                    <td>
                      <select
                        value={t.seniority}
                        aria-label={tr('tranches.seniorityLabel', { id: t.id })}
                        onChange={(e) =>
                          editTranche(i, editLabel('seniority', { id: t.id }), (x) => ({
                            ...x,
                            seniority: e.target.value as Tranche['seniority'],
                          }))
                        }
                      >
                        {SENIORITIES.map((v) => (
                          <option key={v} value={v}>
                            {tr(`seniority.${v}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <TextField
                        value={t.rating ?? ''}
                        width={56}
                        label={tr('tranches.ratingLabel', { id: t.id })}
                        onCommit={(v) =>
                          editTranche(i, editLabel('rating', { id: t.id }), (x) => ({
                            ...x,
                            rating: v || undefined,
                          }))
                        }
                      />
                    </td>
                    <td className="num">
                      <NumberField
                        kind="money"
                        value={t.balance}
                        width={140}
                        label={tr('tranches.balanceLabel', { id: t.id })}
                        testId={`tranche-balance-${t.id}`}
                        validate={(v) => (v < 0 ? tr('tranches.balanceProblem') : null)}
                        onCommit={(v) =>
                          editTranche(i, editLabel('balance', { id: t.id }), (x) => ({ ...x, balance: v }))
                        }
                      />
                    </td>
                    <td className="num">{pool > 0 ? pct(t.balance / pool) : '–'}</td>
                    <td className="num">{ce === null ? '–' : pct(ce)}</td>
                    <td>
                      <select
                        value={t.coupon.type}
                        aria-label={tr('tranches.couponTypeLabel', { id: t.id })}
                        onChange={(e) =>
                          editTranche(i, editLabel('couponType', { id: t.id }), (x) => ({
                            ...x,
                            coupon:
                              e.target.value === 'fixed'
                                ? {
                                    type: 'fixed',
                                    rate: x.coupon.type === 'fixed' ? x.coupon.rate : x.coupon.spread,
                                  }
                                : {
                                    type: 'floating',
                                    index: Object.keys(deal.scenarios[0]?.indexCurves ?? {})[0] ?? 'SOFR',
                                    spread: x.coupon.type === 'fixed' ? x.coupon.rate : x.coupon.spread,
                                  },
                          }))
                        }
                      >
                        <option value="fixed">{tr('tranches.fixed')}</option>
                        <option value="floating">{tr('tranches.floating')}</option>
                      </select>
                      {t.coupon.type === 'floating' ? (
                        <span className="muted small" translate="no">
                          {' '}
                          {t.coupon.index} +
                        </span>
                      ) : null}
                    </td>
                    <td className="num">
                      <NumberField
                        kind="percent"
                        width={80}
                        value={t.coupon.type === 'fixed' ? t.coupon.rate : t.coupon.spread}
                        label={tr('tranches.couponLabel', { id: t.id })}
                        testId={`tranche-coupon-${t.id}`}
                        validate={(v) => (v < -0.1 || v > 1 ? tr('tranches.couponProblem') : null)}
                        onCommit={(v) =>
                          editTranche(i, editLabel('coupon', { id: t.id }), (x) => ({
                            ...x,
                            coupon:
                              x.coupon.type === 'fixed'
                                ? { ...x.coupon, rate: v }
                                : { ...x.coupon, spread: v },
                          }))
                        }
                      />
                    </td>
                    <td>
                      <select
                        value={t.dayCount}
                        aria-label={tr('tranches.dayCountLabel', { id: t.id })}
                        onChange={(e) =>
                          editTranche(i, editLabel('dayCount', { id: t.id }), (x) => ({
                            ...x,
                            dayCount: e.target.value as Tranche['dayCount'],
                          }))
                        }
                      >
                        <option>30/360</option>
                        <option>ACT/360</option>
                        <option>ACT/365F</option>
                      </select>
                    </td>
                    <td className="num">
                      <NumberField
                        kind="number"
                        width={70}
                        value={t.price}
                        label={tr('tranches.priceLabel', { id: t.id })}
                        validate={(v) => (v <= 0 || v > 1000 ? tr('tranches.priceProblem') : null)}
                        onCommit={(v) =>
                          editTranche(i, editLabel('price', { id: t.id }), (x) => ({ ...x, price: v }))
                        }
                      />
                    </td>
                    <td className="row-actions">
                      <button
                        className="icon"
                        title={tr('actions.moveUp')}
                        disabled={i === 0}
                        onClick={() =>
                          edit(editLabel('moveUp', { id: t.id }), (d) => ({
                            ...d,
                            structure: { ...d.structure, tranches: move(d.structure.tranches, i, i - 1) },
                          }))
                        }
                      >
                        ↑
                      </button>
                      <button
                        className="icon"
                        title={tr('actions.moveDown')}
                        disabled={i === s.tranches.length - 1}
                        onClick={() =>
                          edit(editLabel('moveDown', { id: t.id }), (d) => ({
                            ...d,
                            structure: { ...d.structure, tranches: move(d.structure.tranches, i, i + 1) },
                          }))
                        }
                      >
                        ↓
                      </button>
                      <button
                        className="icon"
                        title={tr('actions.remove')}
                        disabled={s.tranches.length === 1}
                        onClick={() =>
                          edit(editLabel('removeTranche', { id: t.id }), (d) => ({
                            ...d,
                            structure: {
                              ...d.structure,
                              tranches: d.structure.tranches.filter((_, j) => j !== i),
                              waterfall: d.structure.waterfall
                                .map((w) =>
                                  'tranches' in w
                                    ? { ...w, tranches: w.tranches.filter((x) => x !== t.id) }
                                    : w,
                                )
                                .filter((w) => !('tranches' in w) || w.tranches.length > 0),
                            },
                          }))
                        }
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={4}>
                  <button onClick={addTranche}>{t('tranches.add')}</button>
                </td>
                <td className="num">
                  <b>{money(notes)}</b>
                </td>
                <td className="num">{pool > 0 ? pct(notes / pool) : '–'}</td>
                <td colSpan={6} />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <div className="two-col">
        <WaterfallCard />

        <section className="card">
          <div className="card-head">
            <h2>{t('enhancement.title')}</h2>
          </div>
          <div className="form-grid">
            <label>{t('enhancement.principalRule')}</label>
            <select
              value={s.principalRule.normal.type}
              onChange={(e) =>
                edit(editLabel('principalRule'), (d) => ({
                  ...d,
                  structure: {
                    ...d.structure,
                    principalRule: {
                      ...d.structure.principalRule,
                      normal: { type: e.target.value as 'sequential' | 'proRata' },
                    },
                  },
                }))
              }
            >
              <option value="sequential">{t('enhancement.sequential')}</option>
              <option value="proRata">{t('enhancement.proRata')}</option>
            </select>
            <label>{t('enhancement.afterTrigger')}</label>
            <select
              value={s.principalRule.afterTrigger.type}
              onChange={(e) =>
                edit(editLabel('principalRuleAfter'), (d) => ({
                  ...d,
                  structure: {
                    ...d.structure,
                    principalRule: {
                      ...d.structure.principalRule,
                      afterTrigger: { type: e.target.value as 'sequential' | 'proRata' },
                    },
                  },
                }))
              }
            >
              <option value="sequential">{t('enhancement.sequential')}</option>
              <option value="proRata">{t('enhancement.proRata')}</option>
            </select>
            <label>{t('enhancement.reserveInitial')}</label>
            <NumberField
              kind="money"
              value={s.reserve?.initialBalance ?? 0}
              label={t('enhancement.reserveInitialLabel')}
              onCommit={(v) => edit(editLabel('reserveInitial'), (d) => setReserveInitialBalance(d, v))}
            />
            <label>{t('enhancement.reserveTarget')}</label>
            <NumberField
              kind="percent"
              value={s.reserve?.target.percentOfInitialPool ?? 0}
              label={t('enhancement.reserveTargetLabel')}
              suffix="%"
              onCommit={(v) =>
                edit(editLabel('reserveTarget'), (d) => setReserveTarget(d, 'percentOfInitialPool', v))
              }
            />
            <label>{t('enhancement.ocCurrent')}</label>
            <NumberField
              kind="percent"
              value={s.ocTarget?.percentOfCurrentPool ?? 0}
              label={t('enhancement.ocCurrentLabel')}
              suffix="%"
              onCommit={(v) => edit(editLabel('ocTarget'), (d) => setOcTarget(d, 'percentOfCurrentPool', v))}
            />
            <label>{t('enhancement.ocInitial')}</label>
            <NumberField
              kind="percent"
              value={s.ocTarget?.percentOfInitialPool ?? 0}
              label={t('enhancement.ocInitialLabel')}
              suffix="%"
              onCommit={(v) => edit(editLabel('ocTarget'), (d) => setOcTarget(d, 'percentOfInitialPool', v))}
            />
            <label>{t('enhancement.cleanUp')}</label>
            <NumberField
              kind="percent"
              value={s.cleanUpCall?.poolShare ?? 0}
              label={t('enhancement.cleanUpLabel')}
              suffix="%"
              onCommit={(v) =>
                edit(editLabel('cleanUp'), (d) => ({
                  ...d,
                  structure: { ...d.structure, cleanUpCall: v > 0 ? { poolShare: v } : undefined },
                }))
              }
            />
          </div>
        </section>
      </div>

      <RevolvingCard />

      <CouponFeaturesCard />
      <LiquidityCard />
      <HedgesCard />

      <div className="two-col">
        <FeesCard />
        <TriggersCard />
      </div>

      <PhasesCard />

      <CalendarCard />
    </div>
  );
}
