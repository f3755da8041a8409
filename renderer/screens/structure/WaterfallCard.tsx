/** Structure: the priority of payments as an ordered, editable list of steps. */
import type { TFunction } from 'i18next';
import { useMemo, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Deal, FundsSource, WaterfallStep } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import {
  FUNDS_SOURCES,
  movedSources,
  setStepSources,
  setStepTranches,
  sourceLabel,
  sourcesProblem,
  stepProblems,
  stepSources,
  stepTranches,
  toggledSources,
  toggledTranches,
  trancheToggleProblem,
  unpaidInterestClasses,
} from '../../project/waterfallEdit';
import { move, useDealEditor, type DealEdit } from '../useDealEditor';
import { editLabel } from './editLabel';
import type { EditLabel } from '../../project/history';

/** A step as the list reads it; the names in it (fees, classes) are the user's, so marked not to translate. */
export function stepLabel(step: WaterfallStep, deal: Deal, t: TFunction): ReactNode {
  const data = [<span key="data" translate="no" />];
  switch (step.pay) {
    case 'fee': {
      const fee = deal.structure.fees.find((f) => f.id === step.fee);
      return (
        <Trans t={t} i18nKey="waterfall.fee" values={{ name: fee?.name ?? step.fee }} components={data} />
      );
    }
    case 'interest':
    case 'principal':
      return (
        <Trans
          t={t}
          i18nKey={step.pay === 'interest' ? 'waterfall.interest' : 'waterfall.principal'}
          values={{ classes: step.tranches.join(t('nameSep')) }}
          components={data}
        />
      );
    case 'reserveDeposit':
      return t('waterfall.reserveDeposit');
    case 'purchase':
      return t('waterfall.purchase');
    case 'residual':
      return t('waterfall.residual');
    case 'pdlCure':
      return (
        <Trans
          t={t}
          i18nKey="phases.pdlCure"
          values={{ classes: step.tranches.join(t('nameSep')) }}
          components={data}
        />
      );
    case 'hedge':
      return <Trans t={t} i18nKey="support.steps.hedge" values={{ id: step.hedge }} components={data} />;
    case 'liquidity':
      return step.part === 'repay'
        ? t('support.steps.liquidityRepay')
        : step.part === 'interest'
          ? t('support.steps.liquidityInterest')
          : t('support.steps.liquidityCommitmentFee');
    case 'capCarryover':
      return (
        <Trans
          t={t}
          i18nKey="support.steps.capCarryover"
          values={{ classes: step.tranches.join(t('nameSep')) }}
          components={data}
        />
      );
  }
}

export function WaterfallCard() {
  const { state } = useApp();
  const { t } = useTranslation('structure');
  const deal = state.history.present.deal;
  const s = deal.structure;
  const edit = useDealEditor();

  function editSteps(label: EditLabel, update: (w: WaterfallStep[]) => WaterfallStep[]): string | null {
    return edit(label, (d) => ({
      ...d,
      structure: { ...d.structure, waterfall: update(d.structure.waterfall) },
    }));
  }

  // One step open at a time; it follows its step when the step moves.
  const [open, setOpen] = useState<number | null>(null);
  // What the run would refuse, by step, so a broken step is flagged without opening it.
  const refused = useMemo(
    () => deal.structure.waterfall.map((_, i) => stepProblems(deal, i, t)[0]),
    [deal, t],
  );
  function moveStep(i: number, to: number, label: EditLabel): void {
    if (editSteps(label, (w) => move(w, i, to)) === null && open === i) setOpen(to);
  }

  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('waterfall.title')}</h2>
        <AddStep deal={deal} onAdd={(step) => editSteps(editLabel('addStep'), (w) => [...w, step])} />
      </div>
      <ol className="waterfall" data-testid="waterfall">
        {s.waterfall.map((step, i) => (
          <li key={i} data-testid={`step-${i}`} className={open === i ? 'step-open' : undefined}>
            <span className="step-no">{i + 1}</span>
            <span className="step-label">
              {stepLabel(step, deal, t)}
              {refused[i] && open !== i ? (
                <span className="step-refused" data-testid={`step-${i}-refused`}>
                  {' '}
                  · {refused[i]}
                </span>
              ) : null}
            </span>
            <span className="step-from muted small" data-testid={`step-${i}-from`}>
              {step.from
                ? t('waterfall.from', {
                    sources: step.from.map((x) => t(`waterfall.sourceInline.${x}`)).join(' → '),
                  })
                : ''}
            </span>
            <span className="row-actions">
              <button
                className="icon"
                title={open === i ? t('waterfall.close') : t('waterfall.open')}
                aria-label={t('waterfall.editStep', { n: i + 1 })}
                aria-expanded={open === i}
                data-testid={`edit-step-${i}`}
                onClick={() => setOpen(open === i ? null : i)}
              >
                {open === i ? '▾' : '✎'}
              </button>
              <button
                className="icon"
                title={t('actions.moveUp')}
                disabled={i === 0}
                onClick={() => moveStep(i, i - 1, editLabel('stepUp'))}
              >
                ↑
              </button>
              <button
                className="icon"
                title={t('actions.moveDown')}
                disabled={i === s.waterfall.length - 1}
                onClick={() => moveStep(i, i + 1, editLabel('stepDown'))}
              >
                ↓
              </button>
              <button
                className="icon"
                title={t('actions.remove')}
                disabled={s.waterfall.length === 1}
                onClick={() => {
                  if (editSteps(editLabel('removeStep'), (w) => w.filter((_, j) => j !== i)) === null)
                    setOpen(null);
                }}
              >
                ×
              </button>
            </span>
            {open === i ? <StepEditor index={i} step={step} deal={deal} edit={edit} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Where a step draws its cash from (in order) and, for interest and principal, which classes it pays. */
function StepEditor({
  index,
  step,
  deal,
  edit,
}: {
  index: number;
  step: WaterfallStep;
  deal: Deal;
  edit: DealEdit;
}) {
  const { t } = useTranslation('structure');
  const [sourceMessage, setSourceMessage] = useState<string | null>(null);
  const [classMessage, setClassMessage] = useState<string | null>(null);
  const n = index + 1;
  const sources = stepSources(step);
  const tranches = stepTranches(step);
  const unused = FUNDS_SOURCES.filter((x) => !sources.includes(x));
  const problems = stepProblems(deal, index, t);

  function applySources(label: EditLabel, from: readonly FundsSource[] | undefined): void {
    const problem = from === undefined ? null : sourcesProblem(deal, from, t);
    setSourceMessage(problem ?? edit(label, (d) => setStepSources(d, index, from)));
  }

  function toggleTranche(id: string, on: boolean): void {
    const next = toggledTranches(deal, step, id, on);
    const problem = trancheToggleProblem(deal, index, id, on, t);
    setClassMessage(
      problem ??
        edit(editLabel(on ? 'stepPays' : 'stepDrops', { n, id }), (d) => setStepTranches(d, index, next)),
    );
  }

  const reserveLimited =
    sources.includes('reserve') && step.pay !== 'fee' && step.pay !== 'interest'
      ? t('waterfall.reserveLimited')
      : null;

  return (
    <div className="step-editor" data-testid={`step-${index}-editor`}>
      {tranches ? (
        <div className="step-editor-row">
          <span className="step-editor-label">{t('waterfall.classes')}</span>
          <span className={`field ${classMessage ? 'field-invalid' : ''}`}>
            <span className="checks">
              {deal.structure.tranches.map((x) => (
                <label key={x.id} className="check">
                  <input
                    type="checkbox"
                    checked={tranches.includes(x.id)}
                    data-testid={`step-${index}-tranche-${x.id}`}
                    onChange={(e) => toggleTranche(x.id, e.target.checked)}
                  />
                  <span translate="no">{x.id}</span>
                </label>
              ))}
            </span>
            {classMessage ? (
              <span className="field-message" role="alert">
                {classMessage}
              </span>
            ) : null}
          </span>
        </div>
      ) : null}
      <div className="step-editor-row">
        <span className="step-editor-label">{t('waterfall.drawsFrom')}</span>
        <span className={`field ${sourceMessage ? 'field-invalid' : ''}`}>
          <span className="checks">
            {sources.map((x, k) => (
              <span key={x} className="source-chip">
                <label className="check">
                  <input
                    type="checkbox"
                    checked
                    data-testid={`step-${index}-source-${x}`}
                    onChange={() =>
                      applySources(
                        editLabel('stepSourceOff', { n, source: x }),
                        toggledSources(step, x, false),
                      )
                    }
                  />
                  {k + 1}. {sourceLabel(x, t)}
                </label>
                {k > 0 ? (
                  <button
                    className="icon"
                    title={t('waterfall.drawEarlier', {
                      source: t(`waterfall.sourceInline.${x}`),
                      before: t(`waterfall.sourceInline.${sources[k - 1] ?? x}`),
                    })}
                    aria-label={t('waterfall.drawEarlierLabel', { source: t(`waterfall.sourceInline.${x}`) })}
                    data-testid={`step-${index}-source-${x}-earlier`}
                    onClick={() =>
                      applySources(
                        editLabel('stepSourceEarlier', { n, source: x }),
                        movedSources(step, x, -1),
                      )
                    }
                  >
                    ←
                  </button>
                ) : null}
              </span>
            ))}
            {unused.map((x) => (
              <label key={x} className="check muted">
                <input
                  type="checkbox"
                  checked={false}
                  data-testid={`step-${index}-source-${x}`}
                  onChange={() =>
                    applySources(editLabel('stepSourceOn', { n, source: x }), toggledSources(step, x, true))
                  }
                />
                {sourceLabel(x, t)}
              </label>
            ))}
            {step.from ? (
              <button
                className="link-button"
                data-testid={`step-${index}-sources-default`}
                title={t('waterfall.defaultHint')}
                onClick={() => applySources(editLabel('stepSourceDefault', { n }), undefined)}
              >
                {t('waterfall.default')}
              </button>
            ) : (
              <span className="muted small">{t('waterfall.isDefault')}</span>
            )}
          </span>
          {sourceMessage ? (
            <span className="field-message" role="alert">
              {sourceMessage}
            </span>
          ) : reserveLimited ? (
            <span className="muted small">{reserveLimited}</span>
          ) : null}
        </span>
      </div>
      {problems.length > 0 ? (
        <div className="step-problems" role="alert">
          {problems.map((p) => (
            <div key={p}>{p}</div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The "add a step" menu of a priority of payments: fees, interest, principal, reserve, purchases, residual, and
 * with `withCure` (a phase's list on a deal with a principal deficiency ledger) the ledger's cure step.
 */
export function AddStep({
  deal,
  onAdd,
  testId,
  withCure = false,
}: {
  deal: Deal;
  onAdd: (step: WaterfallStep) => void;
  testId?: string;
  withCure?: boolean;
}) {
  const { t } = useTranslation('structure');
  const ids = deal.structure.tranches.map((x) => x.id);
  return (
    <select
      value=""
      aria-label={t('waterfall.addStep')}
      {...(testId !== undefined ? { 'data-testid': testId } : {})}
      onChange={(e) => {
        const v = e.target.value;
        if (v.startsWith('fee:')) onAdd({ pay: 'fee', fee: v.slice(4) });
        else if (v === 'interest') onAdd({ pay: v, tranches: unpaidInterestClasses(deal) });
        else if (v === 'principal' || v === 'pdlCure') onAdd({ pay: v, tranches: ids });
        else if (v === 'reserveDeposit' || v === 'purchase' || v === 'residual') onAdd({ pay: v });
      }}
    >
      <option value="">{t('waterfall.addStepPrompt')}</option>
      {deal.structure.fees.map((f) => (
        <option key={f.id} value={`fee:${f.id}`}>
          {t('waterfall.feeOption', { name: f.name ?? f.id })}
        </option>
      ))}
      <option value="interest">{t('waterfall.addInterest')}</option>
      <option value="principal">{t('waterfall.addPrincipal')}</option>
      {withCure ? <option value="pdlCure">{t('phases.addCure')}</option> : null}
      <option value="reserveDeposit">{t('waterfall.addReserve')}</option>
      <option value="purchase">{t('waterfall.addPurchase')}</option>
      <option value="residual">{t('waterfall.addResidual')}</option>
    </select>
  );
}
