/** Structure: tranche stack, priority of payments, credit enhancement, fees, triggers, revolving, calendar. */
import { useMemo } from 'react';
import type { Tranche } from '../../core/deal/schema';
import { useApp } from '../AppContext';
import { EChart, type ChartOption } from '../components/EChart';
import { NumberField, TextField } from '../components/Field';
import { money, pct } from '../format';
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
import { move, replaceAt, useDealEditor } from './useDealEditor';

const SENIORITIES: Tranche['seniority'][] = ['senior', 'mezzanine', 'subordinated', 'equity'];

export function StructureScreen() {
  const { state, notify } = useApp();
  const doc = state.history.present;
  const deal = doc.deal;
  const s = deal.structure;
  const edit = useDealEditor();
  const pool = poolBalance(deal, doc.pool?.loans ?? null);
  const notes = s.tranches.reduce((a, t) => a + t.balance, 0);
  const problems = dealProblems(deal, doc.pool?.loans ?? null);

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
        name: 'OC',
        type: 'bar',
        stack: 'cap',
        barWidth: 38,
        data: [(oc / denom) * 100],
        label: {
          show: true,
          formatter: `OC ${((oc / denom) * 100).toFixed(1)}%`,
          color: '#333',
          fontSize: 11,
        },
      });
    }
    return {
      grid: { left: 10, right: 10, top: 8, bottom: 24 },
      tooltip: { trigger: 'item', valueFormatter: (v) => `${Number(v).toFixed(2)}%` },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', data: ['Capital'], show: false },
      color: ['#c8ced8', '#6b7785', '#e0a030', '#7fb3e6', '#3a8dde', '#1d4f91'].slice(oc > 0 ? 0 : 1),
      series,
    };
  }, [s.tranches, pool, notes]);

  function resizeToPool(): void {
    const resized = scaleTranchesToPool(deal, pool);
    if (edit('resize tranches to the pool', () => resized) === null) {
      notify({ kind: 'success', text: resizeSummary(deal, resized) });
    }
  }

  function editTranche(i: number, label: string, update: (t: Tranche) => Tranche): string | null {
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
    edit(`add tranche ${id}`, (d) => ({
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
        <h1>Structure</h1>
        <p className="muted">
          {deal.name} · cut-off {deal.cutoffDate} · {deal.currency}
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
              Resize the tranches to the pool ({money(pool)}), keeping their shares
            </button>
          ) : null}
        </div>
      ) : pool > 0 && Math.abs(notes - pool) > 0.005 ? (
        <p className="muted small">
          Notes are {pct(notes / pool)} of the pool.{' '}
          <button className="link-button" data-testid="scale-to-pool" onClick={resizeToPool}>
            Resize the tranches to the pool
          </button>
        </p>
      ) : null}

      <section className="card">
        <div className="card-head">
          <h2>Capital structure</h2>
          <div className="kpis">
            <span>
              Pool <b data-testid="pool-balance">{money(pool)}</b>
            </span>
            <span>
              Notes <b>{money(notes)}</b>
            </span>
            <span>
              OC <b>{pool > 0 ? pct((pool - notes) / pool) : '–'}</b>
            </span>
          </div>
        </div>
        <EChart option={chart} height={64} testId="capital-chart" />
        <table className="table" data-testid="tranche-table">
          <thead>
            <tr>
              <th>Class</th>
              <th>Name</th>
              <th>Seniority</th>
              <th>Rating</th>
              <th className="num">Balance</th>
              <th className="num">% of pool</th>
              <th className="num">Enhancement</th>
              <th>Coupon</th>
              <th className="num">Rate / spread %</th>
              <th>Day count</th>
              <th className="num">Price</th>
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
                      label={`Class ${t.id} id`}
                      validate={(v) =>
                        /^[A-Za-z0-9_.-]{1,64}$/.test(v) ? null : 'Use letters, digits, _ . -'
                      }
                      onCommit={(v) =>
                        edit(`rename tranche ${t.id}`, (d) => ({
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
                      label={`Class ${t.id} name`}
                      onCommit={(v) =>
                        editTranche(i, `rename ${t.id}`, (x) => ({ ...x, name: v || undefined }))
                      }
                    />
                  </td>
                  <td>
                    <select
                      value={t.seniority}
                      aria-label={`Class ${t.id} seniority`}
                      onChange={(e) =>
                        editTranche(i, `${t.id} seniority`, (x) => ({
                          ...x,
                          seniority: e.target.value as Tranche['seniority'],
                        }))
                      }
                    >
                      {SENIORITIES.map((v) => (
                        <option key={v}>{v}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <TextField
                      value={t.rating ?? ''}
                      width={56}
                      label={`Class ${t.id} rating`}
                      onCommit={(v) =>
                        editTranche(i, `${t.id} rating`, (x) => ({ ...x, rating: v || undefined }))
                      }
                    />
                  </td>
                  <td className="num">
                    <NumberField
                      kind="money"
                      value={t.balance}
                      width={140}
                      label={`Class ${t.id} balance`}
                      testId={`tranche-balance-${t.id}`}
                      validate={(v) => (v < 0 ? 'A balance cannot be negative' : null)}
                      onCommit={(v) => editTranche(i, `${t.id} balance`, (x) => ({ ...x, balance: v }))}
                    />
                  </td>
                  <td className="num">{pool > 0 ? pct(t.balance / pool) : '–'}</td>
                  <td className="num">{ce === null ? '–' : pct(ce)}</td>
                  <td>
                    <select
                      value={t.coupon.type}
                      aria-label={`Class ${t.id} coupon type`}
                      onChange={(e) =>
                        editTranche(i, `${t.id} coupon type`, (x) => ({
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
                      <option value="fixed">Fixed</option>
                      <option value="floating">Floating</option>
                    </select>
                    {t.coupon.type === 'floating' ? (
                      <span className="muted small"> {t.coupon.index} +</span>
                    ) : null}
                  </td>
                  <td className="num">
                    <NumberField
                      kind="percent"
                      width={80}
                      value={t.coupon.type === 'fixed' ? t.coupon.rate : t.coupon.spread}
                      label={`Class ${t.id} coupon`}
                      testId={`tranche-coupon-${t.id}`}
                      validate={(v) => (v < -0.1 || v > 1 ? 'Coupon must be between -10% and 100%' : null)}
                      onCommit={(v) =>
                        editTranche(i, `${t.id} coupon`, (x) => ({
                          ...x,
                          coupon:
                            x.coupon.type === 'fixed' ? { ...x.coupon, rate: v } : { ...x.coupon, spread: v },
                        }))
                      }
                    />
                  </td>
                  <td>
                    <select
                      value={t.dayCount}
                      aria-label={`Class ${t.id} day count`}
                      onChange={(e) =>
                        editTranche(i, `${t.id} day count`, (x) => ({
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
                      label={`Class ${t.id} price`}
                      validate={(v) =>
                        v <= 0 || v > 1000 ? 'Price is % of par, above 0 and at most 1000' : null
                      }
                      onCommit={(v) => editTranche(i, `${t.id} price`, (x) => ({ ...x, price: v }))}
                    />
                  </td>
                  <td className="row-actions">
                    <button
                      className="icon"
                      title="Move up"
                      disabled={i === 0}
                      onClick={() =>
                        edit(`move ${t.id} up`, (d) => ({
                          ...d,
                          structure: { ...d.structure, tranches: move(d.structure.tranches, i, i - 1) },
                        }))
                      }
                    >
                      ↑
                    </button>
                    <button
                      className="icon"
                      title="Move down"
                      disabled={i === s.tranches.length - 1}
                      onClick={() =>
                        edit(`move ${t.id} down`, (d) => ({
                          ...d,
                          structure: { ...d.structure, tranches: move(d.structure.tranches, i, i + 1) },
                        }))
                      }
                    >
                      ↓
                    </button>
                    <button
                      className="icon"
                      title="Remove"
                      disabled={s.tranches.length === 1}
                      onClick={() =>
                        edit(`remove tranche ${t.id}`, (d) => ({
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
                <button onClick={addTranche}>+ Add tranche</button>
              </td>
              <td className="num">
                <b>{money(notes)}</b>
              </td>
              <td className="num">{pool > 0 ? pct(notes / pool) : '–'}</td>
              <td colSpan={6} />
            </tr>
          </tfoot>
        </table>
      </section>

      <div className="two-col">
        <WaterfallCard />

        <section className="card">
          <div className="card-head">
            <h2>Credit enhancement</h2>
          </div>
          <div className="form-grid">
            <label>Principal rule</label>
            <select
              value={s.principalRule.normal.type}
              onChange={(e) =>
                edit('principal rule', (d) => ({
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
              <option value="sequential">Sequential</option>
              <option value="proRata">Pro rata</option>
            </select>
            <label>After a trigger</label>
            <select
              value={s.principalRule.afterTrigger.type}
              onChange={(e) =>
                edit('principal rule after trigger', (d) => ({
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
              <option value="sequential">Sequential</option>
              <option value="proRata">Pro rata</option>
            </select>
            <label>Reserve: initial balance</label>
            <NumberField
              kind="money"
              value={s.reserve?.initialBalance ?? 0}
              label="Reserve initial balance"
              onCommit={(v) => edit('reserve initial balance', (d) => setReserveInitialBalance(d, v))}
            />
            <label>Reserve target, % of initial pool</label>
            <NumberField
              kind="percent"
              value={s.reserve?.target.percentOfInitialPool ?? 0}
              label="Reserve target percent of initial pool"
              suffix="%"
              onCommit={(v) => edit('reserve target', (d) => setReserveTarget(d, 'percentOfInitialPool', v))}
            />
            <label>OC target, % of current pool</label>
            <NumberField
              kind="percent"
              value={s.ocTarget?.percentOfCurrentPool ?? 0}
              label="OC target percent of current pool"
              suffix="%"
              onCommit={(v) => edit('OC target', (d) => setOcTarget(d, 'percentOfCurrentPool', v))}
            />
            <label>OC target, % of initial pool</label>
            <NumberField
              kind="percent"
              value={s.ocTarget?.percentOfInitialPool ?? 0}
              label="OC target percent of initial pool"
              suffix="%"
              onCommit={(v) => edit('OC target', (d) => setOcTarget(d, 'percentOfInitialPool', v))}
            />
            <label>Clean-up call at pool share</label>
            <NumberField
              kind="percent"
              value={s.cleanUpCall?.poolShare ?? 0}
              label="Clean-up call pool share"
              suffix="%"
              onCommit={(v) =>
                edit('clean-up call', (d) => ({
                  ...d,
                  structure: { ...d.structure, cleanUpCall: v > 0 ? { poolShare: v } : undefined },
                }))
              }
            />
          </div>
        </section>
      </div>

      <RevolvingCard />

      <div className="two-col">
        <FeesCard />
        <TriggersCard />
      </div>

      <CalendarCard />
    </div>
  );
}
