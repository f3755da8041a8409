/** Structure: the priority of payments as an ordered, editable list of steps. */
import type { Deal, WaterfallStep } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { move, useDealEditor } from '../useDealEditor';

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

  return (
    <section className="card">
      <div className="card-head">
        <h2>Priority of payments</h2>
        <AddStep onAdd={(step) => editSteps('add waterfall step', (w) => [...w, step])} />
      </div>
      <ol className="waterfall" data-testid="waterfall">
        {s.waterfall.map((step, i) => (
          <li key={i}>
            <span className="step-no">{i + 1}</span>
            <span className="step-label">{stepLabel(step, deal)}</span>
            <span className="step-from muted small">{step.from ? `from ${step.from.join(' → ')}` : ''}</span>
            <span className="row-actions">
              <button
                className="icon"
                title="Move up"
                disabled={i === 0}
                onClick={() => editSteps('move step up', (w) => move(w, i, i - 1))}
              >
                ↑
              </button>
              <button
                className="icon"
                title="Move down"
                disabled={i === s.waterfall.length - 1}
                onClick={() => editSteps('move step down', (w) => move(w, i, i + 1))}
              >
                ↓
              </button>
              <button
                className="icon"
                title="Remove"
                disabled={s.waterfall.length === 1}
                onClick={() => editSteps('remove step', (w) => w.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
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
        else if (v === 'interest' || v === 'principal') onAdd({ pay: v, tranches: ids });
        else if (v === 'reserveDeposit' || v === 'purchase' || v === 'residual') onAdd({ pay: v });
      }}
    >
      <option value="">+ Add step…</option>
      {deal.structure.fees.map((f) => (
        <option key={f.id} value={`fee:${f.id}`}>
          Fee: {f.name ?? f.id}
        </option>
      ))}
      <option value="interest">Interest (all classes)</option>
      <option value="principal">Principal (all classes)</option>
      <option value="reserveDeposit">Reserve deposit</option>
      <option value="purchase">Purchase (revolving)</option>
      <option value="residual">Residual</option>
    </select>
  );
}
