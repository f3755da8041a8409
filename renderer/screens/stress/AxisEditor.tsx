/** One axis of the sensitivity grid: its kind and from / to / step in the screen's units. */
import { AXIS_KINDS, axisIsRate, axisLabel, type AxisKind } from '../../../core/scenario/axis';
import type { AxisForm } from '../../project/stressForms';
import { AXIS_DEFAULTS } from './shared';

function axisUnit(kind: AxisKind): string {
  if (axisIsRate(kind)) return '%';
  if (kind === 'lagMonths') return 'months';
  return '×';
}

export function AxisEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: AxisForm;
  onChange: (a: AxisForm) => void;
}) {
  const id = label.toLowerCase().charAt(0);
  return (
    <div className="stress-axis">
      <span className="stress-axis-name">{label}</span>
      <select
        value={value.kind}
        data-testid={`grid-${id}-kind`}
        onChange={(e) => {
          const kind = e.target.value as AxisKind;
          onChange({ kind, ...AXIS_DEFAULTS[kind] });
        }}
      >
        {AXIS_KINDS.map((k) => (
          <option key={k} value={k}>
            {axisLabel(k)}
          </option>
        ))}
      </select>
      {(['from', 'to', 'step'] as const).map((k) => (
        <label key={k}>
          {k}
          <input
            className="num"
            value={value[k]}
            size={6}
            data-testid={`grid-${id}-${k}`}
            onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          />
        </label>
      ))}
      <span className="muted small">{axisUnit(value.kind)}</span>
    </div>
  );
}
