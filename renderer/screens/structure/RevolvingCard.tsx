/** Structure: the revolving period (end, purchase price, eligibility) as its own card. */
import type { Deal } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import { NumberField } from '../../components/Field';
import { setEligibility, type EligibilityLimit } from '../../project/dealEdit';
import { useDealEditor } from '../useDealEditor';

type DealEdit = (label: string, update: (d: Deal) => Deal) => string | null;

export function RevolvingCard() {
  const { state } = useApp();
  const s = state.history.present.deal.structure;
  const edit = useDealEditor();
  return (
    <section className="card" data-testid="revolving-card">
      <div className="card-head">
        <h2>Revolving period</h2>
      </div>
      <div className="form-grid">
        {s.revolving ? (
          <>
            <label>Revolving: last period</label>
            <NumberField
              kind="int"
              value={s.revolving.endPeriod}
              label="Revolving end period"
              onCommit={(v) =>
                edit('revolving end period', (d) => ({
                  ...d,
                  structure: {
                    ...d.structure,
                    revolving: d.structure.revolving && { ...d.structure.revolving, endPeriod: v },
                  },
                }))
              }
            />
            <label>Revolving: purchase price (% par)</label>
            <NumberField
              kind="number"
              value={s.revolving.purchasePrice}
              label="Revolving purchase price"
              onCommit={(v) =>
                edit('revolving purchase price', (d) => ({
                  ...d,
                  structure: {
                    ...d.structure,
                    revolving: d.structure.revolving && { ...d.structure.revolving, purchasePrice: v },
                  },
                }))
              }
            />
            {ELIGIBILITY_FIELDS.map((f) => (
              <EligibilityField
                key={f.key}
                field={f}
                value={s.revolving?.eligibility[f.key]}
                other={
                  f.key === 'minRate'
                    ? s.revolving?.eligibility.maxRate
                    : f.key === 'maxRate'
                      ? s.revolving?.eligibility.minRate
                      : undefined
                }
                edit={edit}
              />
            ))}
          </>
        ) : (
          <>
            <label>Revolving period</label>
            <span className="muted">None (static pool)</span>
          </>
        )}
      </div>
    </section>
  );
}

interface EligibilitySpec {
  key: EligibilityLimit;
  label: string;
  kind: 'int' | 'percent';
}

const ELIGIBILITY_FIELDS: readonly EligibilitySpec[] = [
  { key: 'maxRemainingTerm', label: 'Eligible: max remaining term (months)', kind: 'int' },
  { key: 'minRate', label: 'Eligible: min rate', kind: 'percent' },
  { key: 'maxRate', label: 'Eligible: max rate', kind: 'percent' },
];

/** One optional eligibility limit; an emptied field lifts the limit. */
function EligibilityField({
  field,
  value,
  other,
  edit,
}: {
  field: EligibilitySpec;
  value: number | undefined;
  /** The opposite end of the rate band, so min above max is refused before it reaches the deal. */
  other: number | undefined;
  edit: DealEdit;
}) {
  return (
    <>
      <label>{field.label}</label>
      <NumberField
        kind={field.kind}
        value={value}
        label={field.label}
        testId={`eligibility-${field.key}`}
        suffix={field.kind === 'percent' ? '%' : undefined}
        validate={(v) => {
          if (other === undefined) return null;
          if (field.key === 'minRate' && v > other) return 'Min rate is above the max rate';
          if (field.key === 'maxRate' && v < other) return 'Max rate is below the min rate';
          return null;
        }}
        onCommit={(v) => edit(`eligibility ${field.key}`, (d) => setEligibility(d, field.key, v))}
        onClear={() => edit(`lift eligibility ${field.key}`, (d) => setEligibility(d, field.key, undefined))}
      />
    </>
  );
}
