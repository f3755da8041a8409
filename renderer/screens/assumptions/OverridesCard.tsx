/**
 * Per-segment overrides of one scenario, side by side with the scenario they depart from: each override picks
 * its segment and the parts it replaces, and edits them with the same editors as the scenario's own curves.
 */
import type { Deal, Scenario } from '../../../core/deal/schema';
import { NumberField } from '../../components/Field';
import {
  addOverride,
  OVERRIDE_PART_LABEL,
  OVERRIDE_PARTS,
  removeOverride,
  setOverridePart,
  setOverrideSegment,
  updateOverride,
  type CurveTarget,
  type Override,
  type OverridePart,
} from '../../project/assumptionEdit';
import {
  CurveCell,
  curveText,
  DefaultCurveCell,
  DefaultModelSelect,
  defaultText,
  PrepaymentCurveCell,
  PrepaymentModelSelect,
  prepaymentText,
} from './CurveEditor';

type Edit = (label: string, update: (d: Deal) => Deal) => string | null;

function scenarioText(s: Scenario, part: OverridePart): string {
  switch (part) {
    case 'prepayment':
      return prepaymentText(s.prepayment);
    case 'default':
      return defaultText(s.default);
    case 'severity':
      return curveText(s.severity, 'rate');
    case 'recoveryLagMonths':
      return `${s.recoveryLagMonths} months`;
  }
}

export function OverridesCard({
  deal,
  scenarioIndex,
  segments,
  edit,
  onScenario,
  onOpenVector,
  onPick,
}: {
  deal: Deal;
  scenarioIndex: number;
  /** Segments the pool holds, in pool order. */
  segments: readonly string[];
  edit: Edit;
  onScenario: (i: number) => void;
  /** Opens the vector editor on a curve; null closes it (its override is gone). */
  onOpenVector: (t: CurveTarget | null) => void;
  /** The override the user is working on, for the preview to compare. */
  onPick: (segment: string | null) => void;
}) {
  const i = scenarioIndex;
  const s = deal.scenarios[i];
  if (!s) return null;
  const free = segments.filter((g) => !s.overrides.some((o) => o.segment === g));
  const set = (j: number, o: Override, what: string, fn: (x: Override) => Override): string | null =>
    edit(`${s.name} ${o.segment} ${what}`, (d) => updateOverride(d, i, j, fn));

  return (
    <section className="card" id="segment-overrides" data-testid="overrides-card">
      <div className="card-head">
        <h2>Segment overrides</h2>
        <div className="override-tools">
          <select
            value={i}
            aria-label="Scenario whose overrides are shown"
            data-testid="override-scenario"
            onChange={(e) => onScenario(Number(e.target.value))}
          >
            {deal.scenarios.map((x, k) => (
              <option key={k} value={k}>
                {x.name}
              </option>
            ))}
          </select>
          {free.length > 0 ? (
            <select
              value=""
              aria-label="Add segment override"
              data-testid="add-override"
              onChange={(e) => {
                const g = e.target.value;
                if (!g) return;
                if (edit(`add ${g} override to ${s.name}`, (d) => addOverride(d, i, g)) === null) onPick(g);
              }}
            >
              <option value="">+ override for segment…</option>
              {free.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
      {s.overrides.length === 0 ? (
        <p className="muted" data-testid="no-overrides">
          Every segment runs under {s.name}’s assumptions. Segments in the pool:{' '}
          {segments.length > 0 ? segments.join(', ') : 'none'}. An override replaces some of the curves for
          one segment; the scenario’s multiples still apply to it.
        </p>
      ) : (
        <table className="table scenarios overrides" data-testid="override-table">
          <thead>
            <tr>
              <th />
              <th className="replaced">{s.name} (what an override replaces)</th>
              {s.overrides.map((o, j) => {
                const options = segments.filter((g) => g === o.segment || free.includes(g));
                // A pool file not loaded yet has no segments to check against.
                const known = segments.length === 0 || segments.includes(o.segment);
                return (
                  <th key={j} data-testid={`override-${j}`} onFocusCapture={() => onPick(o.segment)}>
                    <div className="scenario-head">
                      <select
                        value={o.segment}
                        aria-label={`${s.name} override ${j + 1} segment`}
                        data-testid={`override-segment-${j}`}
                        onChange={(e) => {
                          const g = e.target.value;
                          if (
                            edit(`${s.name} override for ${g}`, (d) => setOverrideSegment(d, i, j, g)) ===
                            null
                          )
                            onPick(g);
                        }}
                      >
                        {known ? null : <option value={o.segment}>{o.segment}</option>}
                        {options.map((g) => (
                          <option key={g} value={g}>
                            {g}
                          </option>
                        ))}
                      </select>
                      <button
                        className="icon"
                        title={`Remove the ${o.segment} override`}
                        data-testid={`override-remove-${j}`}
                        onClick={() => {
                          if (edit(`remove ${o.segment} override`, (d) => removeOverride(d, i, j)) === null) {
                            onPick(null);
                            onOpenVector(null);
                          }
                        }}
                      >
                        ×
                      </button>
                    </div>
                    {known ? null : (
                      <div className="override-warning" role="alert">
                        No loan in the pool is in segment {o.segment}: this override changes nothing, and a
                        deal file with it is refused for a run. Segments in the pool: {segments.join(', ')}.
                      </div>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {OVERRIDE_PARTS.map((part) => (
              <tr key={part}>
                <td className="param">{OVERRIDE_PART_LABEL[part]}</td>
                <td className="replaced">{scenarioText(s, part)}</td>
                {s.overrides.map((o, j) => (
                  <td key={j} className="override-cell" onFocusCapture={() => onPick(o.segment)}>
                    <label className="override-toggle">
                      <input
                        type="checkbox"
                        checked={o[part] !== undefined}
                        aria-label={`${o.segment} overrides ${OVERRIDE_PART_LABEL[part].toLowerCase()}`}
                        data-testid={`override-${j}-${part}-on`}
                        onChange={(e) => {
                          const on = e.target.checked;
                          edit(
                            `${s.name} ${o.segment} ${on ? 'overrides' : 'inherits'} ${OVERRIDE_PART_LABEL[part].toLowerCase()}`,
                            (d) => setOverridePart(d, i, j, part, on),
                          );
                        }}
                      />
                      {o[part] === undefined ? <span className="muted">as scenario</span> : 'override'}
                    </label>
                    <PartEditor
                      override={o}
                      part={part}
                      label={`${s.name} · ${o.segment}`}
                      testId={`override-${j}`}
                      set={(what, fn) => set(j, o, what, fn)}
                      onOpenVector={(curve) => {
                        onPick(o.segment);
                        onOpenVector({ scenario: i, override: j, curve });
                      }}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PartEditor({
  override: o,
  part,
  label,
  testId,
  set,
  onOpenVector,
}: {
  override: Override;
  part: OverridePart;
  label: string;
  testId: string;
  set: (what: string, fn: (o: Override) => Override) => string | null;
  onOpenVector: (curve: CurveTarget['curve']) => void;
}) {
  if (part === 'prepayment' && o.prepayment) {
    const p = o.prepayment;
    return (
      <div className="override-editor">
        <PrepaymentModelSelect
          value={p}
          label={label}
          testId={`${testId}-prepay-model`}
          onChange={(x) => set('prepayment model', (y) => ({ ...y, prepayment: x }))}
        />
        <PrepaymentCurveCell
          value={p}
          label={label}
          testId={`${testId}-prepay`}
          onOpenVector={() => onOpenVector('prepayment')}
          onChange={(x) => set('prepayment curve', (y) => ({ ...y, prepayment: x }))}
        />
      </div>
    );
  }
  if (part === 'default' && o.default) {
    const d = o.default;
    return (
      <div className="override-editor">
        <DefaultModelSelect
          value={d}
          label={label}
          testId={`${testId}-default-model`}
          onChange={(x) => set('default model', (y) => ({ ...y, default: x }))}
        />
        <DefaultCurveCell
          value={d}
          label={label}
          testId={`${testId}-default`}
          onOpenVector={() => onOpenVector('default')}
          onChange={(x) => set('default curve', (y) => ({ ...y, default: x }))}
        />
      </div>
    );
  }
  if (part === 'severity' && o.severity !== undefined) {
    return (
      <div className="override-editor">
        <CurveCell
          curve={o.severity}
          unit="rate"
          label={`${label} severity`}
          testId={`${testId}-severity`}
          onOpenVector={() => onOpenVector('severity')}
          onChange={(c) => set('severity', (y) => ({ ...y, severity: c }))}
        />
      </div>
    );
  }
  if (part === 'recoveryLagMonths' && o.recoveryLagMonths !== undefined) {
    return (
      <div className="override-editor">
        <NumberField
          kind="int"
          value={o.recoveryLagMonths}
          label={`${label} recovery lag`}
          testId={`${testId}-lag`}
          suffix="months"
          width={110}
          validate={(v) => (v < 0 || v > 1200 ? 'Between 0 and 1,200 months' : null)}
          onCommit={(v) => set('recovery lag', (y) => ({ ...y, recoveryLagMonths: v }))}
        />
      </div>
    );
  }
  return null;
}
