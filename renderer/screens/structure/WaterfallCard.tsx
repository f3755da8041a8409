/** Structure: the priority of payments as an ordered, editable list of steps. */
import { useMemo, useState } from 'react';
import type { Deal, FundsSource, WaterfallStep } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import {
  FUNDS_SOURCES,
  movedSources,
  setStepSources,
  setStepTranches,
  SOURCE_LABEL,
  sourcesProblem,
  stepProblems,
  stepSources,
  stepTranches,
  toggledSources,
  toggledTranches,
  trancheToggleProblem,
  unpaidInterestClasses,
} from '../../project/waterfallEdit';
import { move, useDealEditor } from '../useDealEditor';

type DealEdit = (label: string, update: (d: Deal) => Deal) => string | null;

function stepLabel(step: WaterfallStep, deal: Deal): string {
  switch (step.pay) {
    case 'fee': {
      const fee = deal.structure.fees.find((f) => f.id === step.fee);
      return `Fee: ${fee?.name ?? step.fee}`;
    }
    case 'interest':
      return `Interest: ${step.tranches.join(', ')}`;
    case 'principal':
      return `Principal: ${step.tranches.join(', ')}`;
    case 'reserveDeposit':
      return 'Reserve account: top up to target';
    case 'purchase':
      return 'Purchase new receivables (revolving)';
    case 'residual':
      return 'Residual to seller / equity';
  }
}

export function WaterfallCard() {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const s = deal.structure;
  const edit = useDealEditor();

  function editSteps(label: string, update: (w: WaterfallStep[]) => WaterfallStep[]): string | null {
    return edit(label, (d) => ({
      ...d,
      structure: { ...d.structure, waterfall: update(d.structure.waterfall) },
    }));
  }

  // One step open at a time; it follows its step when the step moves.
  const [open, setOpen] = useState<number | null>(null);
  // What the run would refuse, by step, so a broken step is flagged without opening it.
  const refused = useMemo(() => deal.structure.waterfall.map((_, i) => stepProblems(deal, i)[0]), [deal]);
  function moveStep(i: number, to: number, label: string): void {
    if (editSteps(label, (w) => move(w, i, to)) === null && open === i) setOpen(to);
  }

  return (
    <section className="card">
      <div className="card-head">
        <h2>Priority of payments</h2>
        <AddStep onAdd={(step) => editSteps('add waterfall step', (w) => [...w, step])} />
      </div>
      <ol className="waterfall" data-testid="waterfall">
        {s.waterfall.map((step, i) => (
          <li key={i} data-testid={`step-${i}`} className={open === i ? 'step-open' : undefined}>
            <span className="step-no">{i + 1}</span>
            <span className="step-label">
              {stepLabel(step, deal)}
              {refused[i] && open !== i ? (
                <span className="step-refused" data-testid={`step-${i}-refused`}>
                  {' '}
                  · {refused[i]}
                </span>
              ) : null}
            </span>
            <span className="step-from muted small" data-testid={`step-${i}-from`}>
              {step.from ? `from ${step.from.join(' → ')}` : ''}
            </span>
            <span className="row-actions">
              <button
                className="icon"
                title={open === i ? 'Close the step editor' : 'Edit sources and classes'}
                aria-label={`Edit step ${i + 1}`}
                aria-expanded={open === i}
                data-testid={`edit-step-${i}`}
                onClick={() => setOpen(open === i ? null : i)}
              >
                {open === i ? '▾' : '✎'}
              </button>
              <button
                className="icon"
                title="Move up"
                disabled={i === 0}
                onClick={() => moveStep(i, i - 1, 'move step up')}
              >
                ↑
              </button>
              <button
                className="icon"
                title="Move down"
                disabled={i === s.waterfall.length - 1}
                onClick={() => moveStep(i, i + 1, 'move step down')}
              >
                ↓
              </button>
              <button
                className="icon"
                title="Remove"
                disabled={s.waterfall.length === 1}
                onClick={() => {
                  if (editSteps('remove step', (w) => w.filter((_, j) => j !== i)) === null) setOpen(null);
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
  const [sourceMessage, setSourceMessage] = useState<string | null>(null);
  const [classMessage, setClassMessage] = useState<string | null>(null);
  const n = index + 1;
  const sources = stepSources(step);
  const tranches = stepTranches(step);
  const unused = FUNDS_SOURCES.filter((x) => !sources.includes(x));
  const problems = stepProblems(deal, index);

  function applySources(label: string, from: readonly FundsSource[] | undefined): void {
    const problem = from === undefined ? null : sourcesProblem(deal, from);
    setSourceMessage(problem ?? edit(`step ${n} ${label}`, (d) => setStepSources(d, index, from)));
  }

  function toggleTranche(id: string, on: boolean): void {
    const next = toggledTranches(deal, step, id, on);
    const problem = trancheToggleProblem(deal, index, id, on);
    setClassMessage(
      problem ?? edit(`step ${n} ${on ? 'pays' : 'drops'} ${id}`, (d) => setStepTranches(d, index, next)),
    );
  }

  const reserveLimited =
    sources.includes('reserve') && step.pay !== 'fee' && step.pay !== 'interest'
      ? 'The reserve pays this step only in the final period (if it covers principal at maturity)'
      : null;

  return (
    <div className="step-editor" data-testid={`step-${index}-editor`}>
      {tranches ? (
        <div className="step-editor-row">
          <span className="step-editor-label">Classes</span>
          <span className={`field ${classMessage ? 'field-invalid' : ''}`}>
            <span className="checks">
              {deal.structure.tranches.map((t) => (
                <label key={t.id} className="check">
                  <input
                    type="checkbox"
                    checked={tranches.includes(t.id)}
                    data-testid={`step-${index}-tranche-${t.id}`}
                    onChange={(e) => toggleTranche(t.id, e.target.checked)}
                  />
                  {t.id}
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
        <span className="step-editor-label">Draws from</span>
        <span className={`field ${sourceMessage ? 'field-invalid' : ''}`}>
          <span className="checks">
            {sources.map((x, k) => (
              <span key={x} className="source-chip">
                <label className="check">
                  <input
                    type="checkbox"
                    checked
                    data-testid={`step-${index}-source-${x}`}
                    onChange={() => applySources(`stops drawing ${x}`, toggledSources(step, x, false))}
                  />
                  {k + 1}. {SOURCE_LABEL[x]}
                </label>
                {k > 0 ? (
                  <button
                    className="icon"
                    title={`Draw ${x} before ${sources[k - 1] ?? ''}`}
                    aria-label={`Draw ${x} earlier`}
                    data-testid={`step-${index}-source-${x}-earlier`}
                    onClick={() => applySources(`draws ${x} earlier`, movedSources(step, x, -1))}
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
                  onChange={() => applySources(`draws ${x}`, toggledSources(step, x, true))}
                />
                {SOURCE_LABEL[x]}
              </label>
            ))}
            {step.from ? (
              <button
                className="link-button"
                data-testid={`step-${index}-sources-default`}
                title="Draw as the engine does for this kind of step"
                onClick={() => applySources('draws by default', undefined)}
              >
                Default
              </button>
            ) : (
              <span className="muted small">(default)</span>
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

function AddStep({ onAdd }: { onAdd: (step: WaterfallStep) => void }) {
  const { state } = useApp();
  const deal = state.history.present.deal;
  const ids = deal.structure.tranches.map((t) => t.id);
  return (
    <select
      value=""
      aria-label="Add waterfall step"
      onChange={(e) => {
        const v = e.target.value;
        if (v.startsWith('fee:')) onAdd({ pay: 'fee', fee: v.slice(4) });
        else if (v === 'interest') onAdd({ pay: v, tranches: unpaidInterestClasses(deal) });
        else if (v === 'principal') onAdd({ pay: v, tranches: ids });
        else if (v === 'reserveDeposit' || v === 'purchase' || v === 'residual') onAdd({ pay: v });
      }}
    >
      <option value="">+ Add step…</option>
      {deal.structure.fees.map((f) => (
        <option key={f.id} value={`fee:${f.id}`}>
          Fee: {f.name ?? f.id}
        </option>
      ))}
      <option value="interest">Interest (classes without one)</option>
      <option value="principal">Principal (all classes)</option>
      <option value="reserveDeposit">Reserve deposit</option>
      <option value="purchase">Purchase (revolving)</option>
      <option value="residual">Residual</option>
    </select>
  );
}
