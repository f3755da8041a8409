/**
 * Assumptions: scenarios side by side. Each curve is a constant, a vector edited in a grid (or pasted), or a
 * formula of `period` and `age` checked as it is typed, with a live preview of the curves by period. Segment
 * overrides are edited below with the same editors, and the preview draws them beside the scenario's curves.
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Deal, Scenario } from '../../core/deal/schema';
import { useApp } from '../AppContext';
import { NumberField, TextField } from '../components/Field';
import { poolSegments, setVector, vectorOf, type CurveTarget } from '../project/assumptionEdit';
import {
  CurveCell,
  DefaultCurveCell,
  DefaultModelSelect,
  defaultText,
  PrepaymentCurveCell,
  PrepaymentModelSelect,
  prepaymentText,
  curveText,
} from './assumptions/CurveEditor';
import { CurvePreview } from './assumptions/CurvePreview';
import { OverridesCard } from './assumptions/OverridesCard';
import { VectorEditor } from './assumptions/VectorEditor';
import { replaceAt, useDealEditor } from './useDealEditor';
import { ProvenanceNote } from './history/ProvenanceNote';

export function AssumptionsScreen() {
  const { t } = useTranslation('assumptions');
  const { state } = useApp();
  const deal = state.history.present.deal;
  const edit = useDealEditor();
  const [focus, setFocus] = useState<CurveTarget | null>(null);
  // One scenario in view for the overrides card and the preview, and the override segment compared in it.
  const [preview, setPreview] = useState(0);
  const [compare, setCompare] = useState<string | null>(null);

  const setScenario = (i: number, label: string, fn: (s: Scenario) => Scenario): string | null =>
    edit(label, (d) => ({ ...d, scenarios: replaceAt(d.scenarios, i, fn(d.scenarios[i] as Scenario)) }));

  const loans = state.history.present.pool?.loans ?? null;
  const segments = useMemo(() => poolSegments(deal, loans), [deal, loans]);
  // A deal whose pool file is not loaded has no segments to check overrides against.
  const poolKnown = loans !== null || deal.pool.kind === 'repLines';

  const scenarios = deal.scenarios;
  const current = Math.min(preview, scenarios.length - 1);
  const shown = scenarios[current];
  // Undo can take away the override being compared; the preview then shows the scenario alone.
  const compared = compare !== null && shown?.overrides.some((o) => o.segment === compare) ? compare : null;
  const showScenario = (i: number): void => {
    setPreview(i);
    setCompare(null);
  };

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('glossary:assumptions')}</h1>
        <p className="muted">
          {/* The formula's variables are its syntax, the same in every language. */}
          <Trans
            t={t}
            i18nKey="intro"
            values={{ period: 'period', age: 'age' }}
            components={[<code key="code" translate="no" />]}
          />
        </p>
      </div>
      <section className="card">
        <div className="card-head">
          <h2>{t('scenarios.title')}</h2>
          <button
            data-testid="add-scenario"
            onClick={() => {
              const base = scenarios[scenarios.length - 1] as Scenario;
              let n = scenarios.length + 1;
              while (scenarios.some((s) => s.name === t('scenarios.newName', { n }))) n++;
              const name = t('scenarios.newName', { n });
              edit(t('undo.addScenario'), (d) => ({
                ...d,
                scenarios: [...d.scenarios, { ...base, name, description: undefined }],
              }));
            }}
          >
            {t('scenarios.add')}
          </button>
        </div>
        <table className="table scenarios" data-testid="scenario-table">
          <thead>
            <tr>
              <th />
              {scenarios.map((s, i) => (
                <th key={i}>
                  <div className="scenario-head">
                    <TextField
                      value={s.name}
                      label={t('scenarios.nameLabel', { n: i + 1 })}
                      width={140}
                      validate={(v) =>
                        v.trim() === ''
                          ? t('scenarios.nameRequired')
                          : scenarios.some((x, j) => j !== i && x.name === v)
                            ? t('scenarios.nameTaken')
                            : null
                      }
                      onCommit={(v) =>
                        edit(t('undo.renameScenario', { name: s.name }), (d) => ({
                          ...d,
                          scenarios: replaceAt(d.scenarios, i, { ...s, name: v }),
                        }))
                      }
                    />
                    <button
                      className="icon"
                      title={t('scenarios.remove')}
                      aria-label={t('scenarios.remove')}
                      disabled={scenarios.length === 1}
                      onClick={() =>
                        edit(t('undo.removeScenario', { name: s.name }), (d) => ({
                          ...d,
                          scenarios: d.scenarios.filter((_, j) => j !== i),
                        }))
                      }
                    >
                      ×
                    </button>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <td className="param">{t('row.prepaymentModel')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <PrepaymentModelSelect
                    value={s.prepayment}
                    label={s.name}
                    onChange={(p) =>
                      setScenario(i, t('field.prepaymentModel', { name: s.name }), (x) => ({
                        ...x,
                        prepayment: p,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.prepaymentCurve')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <PrepaymentCurveCell
                    value={s.prepayment}
                    label={s.name}
                    testId={`prepay-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'prepayment' })}
                    onChange={(p) =>
                      setScenario(i, t('field.prepaymentCurve', { name: s.name }), (x) => ({
                        ...x,
                        prepayment: p,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.prepaymentMultiple')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="number"
                    value={s.prepaymentMultiple}
                    label={t('field.prepaymentMultiple', { name: s.name })}
                    suffix="×"
                    width={90}
                    validate={(v) => (v < 0 || v > 100 ? t('range.multiple') : null)}
                    onCommit={(v) =>
                      setScenario(i, t('field.prepaymentMultiple', { name: s.name }), (x) => ({
                        ...x,
                        prepaymentMultiple: v,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.defaultModel')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <DefaultModelSelect
                    value={s.default}
                    label={s.name}
                    onChange={(m) =>
                      setScenario(i, t('field.defaultModel', { name: s.name }), (x) => ({ ...x, default: m }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.defaultCurve')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <DefaultCurveCell
                    value={s.default}
                    label={s.name}
                    testId={`default-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'default' })}
                    onChange={(d) =>
                      setScenario(i, t('field.defaultCurve', { name: s.name }), (x) => ({ ...x, default: d }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.defaultMultiple')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="number"
                    value={s.defaultMultiple}
                    label={t('field.defaultMultiple', { name: s.name })}
                    testId={`default-multiple-${i}`}
                    suffix="×"
                    width={90}
                    validate={(v) => (v < 0 || v > 100 ? t('range.multiple') : null)}
                    onCommit={(v) =>
                      setScenario(i, t('field.defaultMultiple', { name: s.name }), (x) => ({
                        ...x,
                        defaultMultiple: v,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.severity')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <CurveCell
                    curve={s.severity}
                    unit="rate"
                    label={t('field.severity', { name: s.name })}
                    testId={`severity-${i}`}
                    onOpenVector={() => setFocus({ scenario: i, curve: 'severity' })}
                    onChange={(c) =>
                      setScenario(i, t('field.severity', { name: s.name }), (x) => ({ ...x, severity: c }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.recoveryLag')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <NumberField
                    kind="int"
                    value={s.recoveryLagMonths}
                    label={t('field.recoveryLag', { name: s.name })}
                    width={70}
                    validate={(v) => (v < 0 || v > 1200 ? t('range.lag') : null)}
                    onCommit={(v) =>
                      setScenario(i, t('field.recoveryLag', { name: s.name }), (x) => ({
                        ...x,
                        recoveryLagMonths: v,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.servicerAdvancing')}</td>
              {scenarios.map((s, i) => (
                <td key={i}>
                  <input
                    type="checkbox"
                    checked={s.servicerAdvancing}
                    aria-label={t('field.servicerAdvancing', { name: s.name })}
                    onChange={(e) =>
                      setScenario(i, t('field.servicerAdvancing', { name: s.name }), (x) => ({
                        ...x,
                        servicerAdvancing: e.target.checked,
                      }))
                    }
                  />
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.defaultStop')}</td>
              {scenarios.map((s, i) => (
                <td key={i} className="wrap">
                  <select
                    value={s.defaultStop}
                    aria-label={t('field.defaultStop', { name: s.name })}
                    data-testid={`default-stop-${i}`}
                    title={
                      s.defaultStop === 'maturity'
                        ? t('defaultStop.maturityTitle')
                        : t('defaultStop.lagBeforeMaturityTitle')
                    }
                    onChange={(e) =>
                      setScenario(i, t('field.defaultStop', { name: s.name }), (x) => ({
                        ...x,
                        defaultStop:
                          e.target.value === 'lagBeforeMaturity' ? 'lagBeforeMaturity' : 'maturity',
                      }))
                    }
                  >
                    <option value="maturity">{t('defaultStop.maturity')}</option>
                    <option value="lagBeforeMaturity">{t('defaultStop.lagBeforeMaturity')}</option>
                  </select>
                  {s.servicerAdvancing && s.defaultStop === 'maturity' ? (
                    <div className="muted" data-testid={`default-stop-note-${i}`}>
                      {t('defaultStop.advancingNote')}
                    </div>
                  ) : null}
                </td>
              ))}
            </tr>
            <tr>
              <td className="param">{t('row.overrides')}</td>
              {scenarios.map((s, i) => (
                <td key={i} className="wrap">
                  {s.overrides.map((o, j) => (
                    <div key={j} className="override">
                      <button
                        className="link-button"
                        translate="no"
                        title={t('summary.editBelow')}
                        onClick={() => {
                          setPreview(i);
                          setCompare(o.segment);
                          document.getElementById('segment-overrides')?.scrollIntoView({ block: 'start' });
                        }}
                      >
                        {o.segment}
                      </button>
                      {poolKnown && !segments.includes(o.segment) ? (
                        <span
                          className="override-warning"
                          role="alert"
                          data-testid={`override-unknown-${i}-${j}`}
                        >
                          {t('summary.notInPool', {
                            segments: segments.join(', ') || t('summary.none'),
                          })}
                        </span>
                      ) : null}
                      <span>
                        {[
                          o.prepayment && prepaymentText(o.prepayment, t),
                          o.default && defaultText(o.default, t),
                          o.severity !== undefined &&
                            t('summary.severity', { curve: curveText(o.severity, 'rate', t) }),
                          o.recoveryLagMonths !== undefined &&
                            t('summary.lag', { months: o.recoveryLagMonths }),
                        ]
                          .filter(Boolean)
                          .join(' · ') || t('summary.nothing')}
                      </span>
                    </div>
                  ))}
                  {s.overrides.length === 0 ? <span className="muted">{t('summary.none')}</span> : null}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <ProvenanceNote scenarios={scenarios} />
      </section>

      {shown ? (
        <OverridesCard
          deal={deal}
          scenarioIndex={current}
          segments={segments}
          edit={edit}
          onScenario={showScenario}
          onOpenVector={(t) => setFocus(t ?? (focus?.override === undefined ? focus : null))}
          onPick={setCompare}
        />
      ) : null}

      {focus ? <FocusedVector deal={deal} target={focus} edit={edit} onClose={() => setFocus(null)} /> : null}

      <section className="card">
        <div className="card-head">
          <h2>{t('preview.title')}</h2>
          <div className="override-tools">
            <select
              value={current}
              aria-label={t('preview.scenario')}
              translate="no"
              data-testid="preview-scenario"
              onChange={(e) => showScenario(Number(e.target.value))}
            >
              {scenarios.map((s, i) => (
                <option key={i} value={i}>
                  {s.name}
                </option>
              ))}
            </select>
            {shown && shown.overrides.length > 0 ? (
              <select
                value={compared ?? ''}
                aria-label={t('preview.segment')}
                data-testid="preview-segment"
                onChange={(e) => setCompare(e.target.value === '' ? null : e.target.value)}
              >
                <option value="">{t('preview.scenarioOnly')}</option>
                {[...new Set(shown.overrides.map((o) => o.segment))].map((g) => (
                  <option key={g} value={g}>
                    {t('preview.beside', { segment: g })}
                  </option>
                ))}
              </select>
            ) : null}
          </div>
        </div>
        {shown ? <CurvePreview scenario={shown} segment={compared} /> : null}
      </section>
    </div>
  );
}

/** The vector editor on a scenario's curve or an override's; closes itself when undo takes the curve away. */
function FocusedVector({
  deal,
  target,
  edit,
  onClose,
}: {
  deal: Deal;
  target: CurveTarget;
  edit: (label: string, update: (d: Deal) => Deal) => string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('assumptions');
  const s = deal.scenarios[target.scenario];
  const o = target.override === undefined ? undefined : s?.overrides[target.override];
  if (!s || (target.override !== undefined && !o)) return null;
  const vector = vectorOf(o ?? s, target.curve);
  if (!vector) return null;
  const what = vector.timing
    ? t('vector.timing')
    : target.curve === 'prepayment'
      ? t('vector.prepayment')
      : target.curve === 'default'
        ? t('vector.default')
        : t('vector.severity');
  const title = o
    ? t('vector.titleOverride', { scenario: s.name, segment: o.segment, what })
    : t('vector.titleScenario', { scenario: s.name, what });
  return (
    <VectorEditor
      key={`${target.scenario}-${target.override ?? 's'}-${target.curve}`}
      title={title}
      vector={vector}
      onClose={onClose}
      onCommit={(values) => edit(t('undo.vector', { title }), (d) => setVector(d, target, values))}
    />
  );
}
