/**
 * Per-segment overrides of one scenario, side by side with the scenario they depart from: each override picks
 * its segment and the parts it replaces, and edits them with the same editors as the scenario's own curves.
 */
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { Deal, Scenario } from '../../../core/deal/schema';
import { NumberField } from '../../components/Field';
import {
  addOverride,
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

function scenarioText(s: Scenario, part: OverridePart, t: TFunction): string {
  switch (part) {
    case 'prepayment':
      return prepaymentText(s.prepayment, t);
    case 'default':
      return defaultText(s.default, t);
    case 'severity':
      return curveText(s.severity, 'rate', t);
    case 'recoveryLagMonths':
      return t('assumptions:overrides.lagMonths', { months: s.recoveryLagMonths });
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
  const { t } = useTranslation('assumptions');
  const i = scenarioIndex;
  const s = deal.scenarios[i];
  if (!s) return null;
  const free = segments.filter((g) => !s.overrides.some((o) => o.segment === g));
  const set = (j: number, o: Override, what: string, fn: (x: Override) => Override): string | null =>
    edit(t('undo.overridePart', { scenario: s.name, segment: o.segment, what }), (d) =>
      updateOverride(d, i, j, fn),
    );
  const segmentList = segments.length > 0 ? segments.join(', ') : t('overrides.noSegments');

  return (
    <section className="card" id="segment-overrides" data-testid="overrides-card">
      <div className="card-head">
        <h2>{t('overrides.title')}</h2>
        <div className="override-tools">
          <select
            value={i}
            translate="no"
            aria-label={t('overrides.scenarioPicker')}
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
              aria-label={t('overrides.add')}
              data-testid="add-override"
              onChange={(e) => {
                const g = e.target.value;
                if (!g) return;
                if (
                  edit(t('undo.addOverride', { segment: g, scenario: s.name }), (d) =>
                    addOverride(d, i, g),
                  ) === null
                )
                  onPick(g);
              }}
            >
              <option value="">{t('overrides.addPrompt')}</option>
              {free.map((g) => (
                <option key={g} value={g} translate="no">
                  {g}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
      {s.overrides.length === 0 ? (
        <p className="muted" data-testid="no-overrides">
          <Trans
            t={t}
            i18nKey="overrides.none"
            values={{ scenario: s.name, segments: segmentList }}
            components={[<span key="name" translate="no" />]}
          />
        </p>
      ) : (
        <table className="table scenarios overrides" data-testid="override-table">
          <thead>
            <tr>
              <th />
              <th className="replaced">
                <Trans
                  t={t}
                  i18nKey="overrides.replaced"
                  values={{ scenario: s.name }}
                  components={[<span key="name" translate="no" />]}
                />
              </th>
              {s.overrides.map((o, j) => {
                const options = segments.filter((g) => g === o.segment || free.includes(g));
                // A pool file not loaded yet has no segments to check against.
                const known = segments.length === 0 || segments.includes(o.segment);
                return (
                  <th key={j} data-testid={`override-${j}`} onFocusCapture={() => onPick(o.segment)}>
                    <div className="scenario-head">
                      <select
                        value={o.segment}
                        aria-label={t('overrides.segmentLabel', { scenario: s.name, n: j + 1 })}
                        data-testid={`override-segment-${j}`}
                        translate="no"
                        onChange={(e) => {
                          const g = e.target.value;
                          if (
                            edit(t('undo.overrideSegment', { scenario: s.name, segment: g }), (d) =>
                              setOverrideSegment(d, i, j, g),
                            ) === null
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
                        title={t('overrides.remove', { segment: o.segment })}
                        aria-label={t('overrides.remove', { segment: o.segment })}
                        data-testid={`override-remove-${j}`}
                        onClick={() => {
                          if (
                            edit(t('undo.removeOverride', { segment: o.segment }), (d) =>
                              removeOverride(d, i, j),
                            ) === null
                          ) {
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
                        {t('overrides.unknown', { segment: o.segment, segments: segments.join(', ') })}
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
                <td className="param">{t(`part.${part}`)}</td>
                <td className="replaced">{scenarioText(s, part, t)}</td>
                {s.overrides.map((o, j) => (
                  <td key={j} className="override-cell" onFocusCapture={() => onPick(o.segment)}>
                    <label className="override-toggle">
                      <input
                        type="checkbox"
                        checked={o[part] !== undefined}
                        aria-label={t('overrides.toggle', {
                          segment: o.segment,
                          part: t(`partLower.${part}`),
                        })}
                        data-testid={`override-${j}-${part}-on`}
                        onChange={(e) => {
                          const on = e.target.checked;
                          const what = { scenario: s.name, segment: o.segment, part: t(`partLower.${part}`) };
                          edit(on ? t('undo.overridesPart', what) : t('undo.inheritsPart', what), (d) =>
                            setOverridePart(d, i, j, part, on),
                          );
                        }}
                      />
                      {o[part] === undefined ? (
                        <span className="muted">{t('overrides.asScenario')}</span>
                      ) : (
                        t('overrides.override')
                      )}
                    </label>
                    <PartEditor
                      override={o}
                      part={part}
                      label={t('overrides.cellLabel', { scenario: s.name, segment: o.segment })}
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
  const { t } = useTranslation('assumptions');
  if (part === 'prepayment' && o.prepayment) {
    const p = o.prepayment;
    return (
      <div className="override-editor">
        <PrepaymentModelSelect
          value={p}
          label={label}
          testId={`${testId}-prepay-model`}
          onChange={(x) => set(t('partEdit.prepaymentModel'), (y) => ({ ...y, prepayment: x }))}
        />
        <PrepaymentCurveCell
          value={p}
          label={label}
          testId={`${testId}-prepay`}
          onOpenVector={() => onOpenVector('prepayment')}
          onChange={(x) => set(t('partEdit.prepaymentCurve'), (y) => ({ ...y, prepayment: x }))}
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
          onChange={(x) => set(t('partEdit.defaultModel'), (y) => ({ ...y, default: x }))}
        />
        <DefaultCurveCell
          value={d}
          label={label}
          testId={`${testId}-default`}
          onOpenVector={() => onOpenVector('default')}
          onChange={(x) => set(t('partEdit.defaultCurve'), (y) => ({ ...y, default: x }))}
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
          label={t('field.severity', { name: label })}
          testId={`${testId}-severity`}
          onOpenVector={() => onOpenVector('severity')}
          onChange={(c) => set(t('partEdit.severity'), (y) => ({ ...y, severity: c }))}
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
          label={t('field.recoveryLag', { name: label })}
          testId={`${testId}-lag`}
          suffix={t('overrides.months')}
          width={110}
          validate={(v) => (v < 0 || v > 1200 ? t('range.lag') : null)}
          onCommit={(v) => set(t('partEdit.recoveryLag'), (y) => ({ ...y, recoveryLagMonths: v }))}
        />
      </div>
    );
  }
  return null;
}
