/** One axis of the sensitivity grid: its kind and from / to / step in the screen's units. */
import { useTranslation } from 'react-i18next';
import { AXIS_KINDS, type AxisKind } from '../../../core/scenario/axis';
import { axisName, axisUnitText, type AxisForm } from '../../project/stressForms';
import { AXIS_DEFAULTS } from './shared';

export function AxisEditor({
  axis,
  value,
  onChange,
}: {
  /** Which axis: names its test ids (grid-x-kind…) and its caption. */
  axis: 'x' | 'y';
  value: AxisForm;
  onChange: (a: AxisForm) => void;
}) {
  const { t } = useTranslation('stress');
  return (
    <div className="stress-axis">
      <span className="stress-axis-name">{axis === 'x' ? t('grid.x') : t('grid.y')}</span>
      <select
        value={value.kind}
        data-testid={`grid-${axis}-kind`}
        onChange={(e) => {
          const kind = e.target.value as AxisKind;
          onChange({ kind, ...AXIS_DEFAULTS[kind] });
        }}
      >
        {AXIS_KINDS.map((k) => (
          <option key={k} value={k}>
            {axisName(t, k)}
          </option>
        ))}
      </select>
      {(['from', 'to', 'step'] as const).map((k) => (
        <label key={k}>
          {t(`form.field.${k}`)}
          <input
            className="num"
            value={value[k]}
            size={6}
            data-testid={`grid-${axis}-${k}`}
            onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          />
        </label>
      ))}
      <span className="muted small">{axisUnitText(t, value.kind)}</span>
    </div>
  );
}
