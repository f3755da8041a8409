/**
 * The Solver tab: class sizing under a stress, the coupon that prices a class at par at a target yield, and the
 * stress at which a class still earns a target yield (core/scenario/solve.ts, in the engine worker). The answer
 * says when the objective is not monotone and lists every crossing, never a single wrong number.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Crossing } from '../../../core/scenario/solve';
import { useApp } from '../../AppContext';
import { DataGrid } from '../../components/DataGrid';
import { engine } from '../../engine/engineWorker';
import type { SolveAnswer, SolveGoal } from '../../engine/protocol';
import { amountUnit, integer, money, pct } from '../../format';
import { useDisplay } from '../../i18n/DisplayContext';
import { useKept } from '../useKept';
import { base, KEPT, type Held, type SolverForm } from './shared';
import { Stale } from './Stale';

const GOALS: readonly SolverForm['goal'][] = ['size', 'parCoupon', 'targetYield'];

/** The request's goal from the form, or null when a number does not read. */
function goalOf(form: SolverForm, tranche: string): SolveGoal | null {
  const num = (s: string): number | null => {
    const n = Number(s.trim());
    return s.trim() !== '' && Number.isFinite(n) ? n : null;
  };
  if (form.goal === 'size') {
    const v = num(form.stressValue);
    const limit = num(form.limit);
    if (form.stressKind !== 'none' && v === null) return null;
    if (form.objective !== 'whole' && limit === null) return null;
    return {
      kind: 'size',
      tranche,
      stress:
        form.stressKind === 'none'
          ? null
          : { mode: form.stressKind, value: form.stressKind === 'cdr' ? v! / 100 : v! },
      objective:
        form.objective === 'whole'
          ? { kind: 'whole' }
          : form.objective === 'maxLoss'
            ? { kind: 'maxLoss', share: limit! / 100 }
            : { kind: 'minYield', yield: limit! / 100 },
    };
  }
  const y = num(form.targetYield);
  if (y === null) return null;
  if (form.goal === 'parCoupon') return { kind: 'parCoupon', tranche, targetYield: y / 100 };
  return { kind: 'targetYield', tranche, targetYield: y / 100, mode: form.mode };
}

export function SolverPanel({
  held,
  onResult,
}: {
  held: Held<SolveAnswer> | null;
  onResult: (h: Held<SolveAnswer>) => void;
}) {
  const { state, job } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  const [form, setForm] = useKept(KEPT.solverForm);
  const ids = doc.deal.structure.tranches.map((x) => x.id);
  const tranche = form.tranche !== null && ids.includes(form.tranche) ? form.tranche : (ids[0] ?? '');
  const goal = goalOf(form, tranche);
  const set = (patch: Partial<SolverForm>): void => setForm({ ...form, ...patch });

  async function run(): Promise<void> {
    if (!goal) return;
    const value = await job(t('solver.job'), (p) =>
      engine().request({ kind: 'solve', ...base(doc), goal }, p),
    );
    if (value) onResult({ doc, value });
  }

  const a = held?.value ?? null;
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('solver.title')}</h2>
          <span className="muted small">{t('solver.hint')}</span>
        </div>
        <div className="stress-form">
          <div className="stress-axis">
            <label>
              {t('solver.goal')}
              <select
                value={form.goal}
                onChange={(e) => set({ goal: GOALS.find((g) => g === e.target.value) ?? 'size' })}
                data-testid="solver-goal"
              >
                {GOALS.map((g) => (
                  <option key={g} value={g}>
                    {t(`solver.goals.${g}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('solver.class')}
              <select
                translate="no"
                value={tranche}
                onChange={(e) => set({ tranche: e.target.value })}
                data-testid="solver-class"
              >
                {ids.map((id) => (
                  <option key={id} value={id}>
                    {id}
                  </option>
                ))}
              </select>
            </label>
            {form.goal === 'size' ? (
              <>
                <label>
                  {t('solver.stressKind')}
                  <select
                    value={form.stressKind}
                    onChange={(e) =>
                      set({
                        stressKind:
                          e.target.value === 'cdr'
                            ? 'cdr'
                            : e.target.value === 'none'
                              ? 'none'
                              : 'lossMultiple',
                      })
                    }
                    data-testid="solver-stress-kind"
                  >
                    <option value="none">{t('solver.stressNone')}</option>
                    <option value="cdr">{t('solver.stressCdr')}</option>
                    <option value="lossMultiple">{t('solver.stressMultiple')}</option>
                  </select>
                </label>
                {form.stressKind !== 'none' ? (
                  <label>
                    {t('solver.stressValue')}
                    <input
                      className="num"
                      size={5}
                      value={form.stressValue}
                      onChange={(e) => set({ stressValue: e.target.value })}
                      data-testid="solver-stress-value"
                    />
                  </label>
                ) : null}
                <label>
                  {t('solver.objective')}
                  <select
                    value={form.objective}
                    onChange={(e) =>
                      set({
                        objective:
                          e.target.value === 'maxLoss'
                            ? 'maxLoss'
                            : e.target.value === 'minYield'
                              ? 'minYield'
                              : 'whole',
                      })
                    }
                    data-testid="solver-objective"
                  >
                    <option value="whole">{t('solver.objectives.whole')}</option>
                    <option value="maxLoss">{t('solver.objectives.maxLoss')}</option>
                    <option value="minYield">{t('solver.objectives.minYield')}</option>
                  </select>
                </label>
                {form.objective !== 'whole' ? (
                  <label>
                    {t('solver.limit')}
                    <input
                      className="num"
                      size={5}
                      value={form.limit}
                      onChange={(e) => set({ limit: e.target.value })}
                      data-testid="solver-limit"
                    />
                  </label>
                ) : null}
              </>
            ) : (
              <label>
                {t('solver.targetYield')}
                <input
                  className="num"
                  size={5}
                  value={form.targetYield}
                  onChange={(e) => set({ targetYield: e.target.value })}
                  data-testid="solver-target"
                />
              </label>
            )}
            {form.goal === 'targetYield' ? (
              <label>
                {t('solver.mode')}
                <select
                  value={form.mode}
                  onChange={(e) => set({ mode: e.target.value === 'cdr' ? 'cdr' : 'lossMultiple' })}
                  data-testid="solver-mode"
                >
                  <option value="cdr">{t('solver.modes.cdr')}</option>
                  <option value="lossMultiple">{t('solver.modes.lossMultiple')}</option>
                </select>
              </label>
            ) : null}
            <button className="primary" onClick={() => void run()} disabled={!goal} data-testid="run-solver">
              {t('solver.run')}
            </button>
          </div>
          {!goal ? <p className="problem small">{t('solver.badForm')}</p> : null}
        </div>
      </section>
      <Stale held={held} />
      {a ? (
        <SolverAnswerCard answer={a} currency={doc.deal.currency} />
      ) : (
        <div className="empty">
          <p>{t('solver.empty')}</p>
        </div>
      )}
    </>
  );
}

function SolverAnswerCard({ answer: a, currency }: { answer: SolveAnswer; currency: string }) {
  const { t } = useTranslation('stress');
  const { lang } = useDisplay();
  const tr = <span translate="no">{a.trancheId}</span>;
  let sentence: string;
  let show: (x: number) => string;
  if (a.goal === 'size') {
    show = money;
    sentence =
      a.largestSize === null
        ? t('solver.sizeNone', { tranche: a.trancheId })
        : t('solver.sizeAnswer', {
            tranche: a.trancheId,
            size: money(a.largestSize),
            combined: money(a.combined),
            current: money(a.currentSize),
            junior: a.absorbedBy,
          });
  } else if (a.goal === 'parCoupon') {
    show = (x) => pct(x, 4);
    sentence =
      a.coupon === null
        ? t('solver.parNone', { tranche: a.trancheId, min: pct(a.min), max: pct(a.max) })
        : t('solver.parAnswer', {
            tranche: a.trancheId,
            what: a.varies === 'rate' ? t('solver.rate') : t('solver.spreadOverIndex'),
            coupon: pct(a.coupon, 4),
            price: a.priceAtCoupon === null ? '–' : a.priceAtCoupon.toFixed(4),
          });
  } else {
    show = a.mode === 'cdr' ? (x) => pct(x) : (x) => `${x.toFixed(2)}×`;
    const target = pct(a.target, 3);
    sentence =
      a.stress === null
        ? t('solver.yieldNone', { tranche: a.trancheId, target })
        : a.metAtMax
          ? t('solver.yieldAtMax', { tranche: a.trancheId, target, max: show(a.max) })
          : t('solver.yieldAnswer', {
              tranche: a.trancheId,
              target,
              stress: show(a.stress),
              yield: pct(a.yieldAtStress, 3),
            });
  }
  const cols = useMemo<ColDef<Crossing>[]>(
    () => [
      {
        colId: 'from',
        headerName: t('solver.from'),
        type: 'rightAligned',
        flex: 1,
        valueGetter: (p) => (p.data ? show(p.data.from) : ''),
      },
      {
        colId: 'to',
        headerName: t('solver.to'),
        type: 'rightAligned',
        flex: 1,
        valueGetter: (p) => (p.data ? show(p.data.to) : ''),
      },
      {
        colId: 'change',
        headerName: t('solver.change'),
        flex: 1,
        valueGetter: (p) => (p.data ? (p.data.becomesMet ? t('solver.starts') : t('solver.stops')) : ''),
      },
    ],
    // lang: the headers and words come through t, whose identity need not change with the language.
    [t, lang, a],
  );
  return (
    <section className="card" data-testid="solver-answer">
      <div className="card-head">
        <h2>
          {t(`solver.goals.${a.goal}`)} · {tr}
        </h2>
        {a.goal === 'size' ? (
          <span className="muted small">{t('compare.amounts', { unit: amountUnit(currency) })}</span>
        ) : null}
      </div>
      <p className="strong" data-testid="solver-sentence">
        {sentence}
      </p>
      <p className="muted small">
        {t('solver.step', { step: a.goal === 'size' ? money(a.step) : show(a.step), runs: integer(a.runs) })}
      </p>
      <p className={a.monotone ? 'muted small' : 'problem small'} data-testid="solver-monotone">
        {a.monotone ? t('solver.monotone') : t('solver.notMonotone', { count: a.crossings.length })}
      </p>
      {a.crossings.length > 0 ? (
        <>
          <h3>{t('solver.crossings')}</h3>
          <DataGrid<Crossing>
            rowData={a.crossings}
            columnDefs={cols}
            autoHeight
            testId="solver-crossings"
            csvName={`solver-${a.goal}-${a.trancheId}`}
          />
        </>
      ) : null}
    </section>
  );
}
