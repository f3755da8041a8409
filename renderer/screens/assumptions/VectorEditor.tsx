/**
 * A vector curve edited in a grid or pasted from Excel: the scenario's curves and a segment override's share it.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { resolveCurve } from '../../../core/assumptions/curve';
import type { Curve } from '../../../core/deal/schema';
import { DataGrid } from '../../components/DataGrid';
import { pct } from '../../format';
import type { CurveTarget, SegmentParts } from '../../project/assumptionEdit';
import { DEFAULT_UNIT, PREPAY_UNIT, type Unit } from './CurveEditor';

interface VectorRow {
  index: number;
  value: number;
}

export interface VectorValues {
  values: number[];
  unit: Unit;
  by: string;
  /** The CNL loss timing rather than a rate curve. */
  timing: boolean;
}

/**
 * The values the editor opens with: the vector itself, or a constant or formula sampled at periods 1–12 as a
 * starting vector. Null when `parts` does not hold the curve (an override that does not replace it).
 */
export function vectorOf(parts: Partial<SegmentParts>, curve: CurveTarget['curve']): VectorValues | null {
  let c: Curve;
  let unit: Unit = 'rate';
  if (curve === 'default') {
    const d = parts.default;
    if (!d) return null;
    if (d.model === 'CNL') return { values: d.timing, unit: 'rate', by: 'period', timing: true };
    c = d.curve;
    unit = DEFAULT_UNIT[d.model];
  } else if (curve === 'prepayment') {
    if (!parts.prepayment) return null;
    c = parts.prepayment.curve;
    unit = PREPAY_UNIT[parts.prepayment.model];
  } else {
    if (parts.severity === undefined) return null;
    c = parts.severity;
  }
  if (typeof c === 'object' && 'vector' in c) return { values: c.vector, unit, by: c.by, timing: false };
  let v = 0;
  try {
    v = resolveCurve(c).at(1, 1);
  } catch {
    // A formula that does not compile starts the vector at zero; the formula field shows why.
  }
  return {
    values: Array.from({ length: 12 }, () => (Number.isFinite(v) ? v : 0)),
    unit,
    by: 'period',
    timing: false,
  };
}

/** Parses pasted values: one per cell, separated by commas, tabs, spaces or new lines; "%" optional. */
export function parseVectorText(text: string, unit: Unit): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return 'Paste at least one value';
  if (parts.length > 1200) return 'At most 1,200 values';
  const out: number[] = [];
  for (const p of parts) {
    const n = Number(p.replace('%', ''));
    if (!Number.isFinite(n)) return `“${p}” is not a number`;
    out.push(unit === 'rate' ? Math.round((n / 100) * 1e10) / 1e10 : n);
  }
  return out;
}

export function VectorEditor({
  title,
  vector,
  onCommit,
  onClose,
}: {
  title: string;
  vector: VectorValues;
  onCommit: (values: number[]) => string | null;
  onClose: () => void;
}) {
  const { values, unit, by } = vector;
  const [paste, setPaste] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const rows = useMemo<VectorRow[]>(() => values.map((value, i) => ({ index: i + 1, value })), [values]);
  const cols = useMemo<ColDef<VectorRow>[]>(
    () => [
      { field: 'index', headerName: by === 'age' ? 'Age' : 'Period', width: 80, type: 'rightAligned' },
      {
        field: 'value',
        headerName: unit === 'rate' ? 'Value (%)' : 'Speed',
        width: 130,
        type: 'rightAligned',
        editable: true,
        valueFormatter: (p) => (unit === 'rate' ? pct(p.value as number, 3) : String(p.value)),
        valueParser: (p) => {
          const n = Number(String(p.newValue).replace('%', ''));
          return Number.isFinite(n) ? (unit === 'rate' ? n / 100 : n) : p.oldValue;
        },
      },
    ],
    [unit, by],
  );
  return (
    <section className="card vector-editor" data-testid="vector-editor">
      <div className="card-head">
        <h2>{title}</h2>
        <button onClick={onClose}>Close</button>
      </div>
      <div className="two-col">
        <DataGrid<VectorRow>
          rowData={rows}
          columnDefs={cols}
          height={260}
          singleClickEdit
          stopEditingWhenCellsLoseFocus
          onCellValueChanged={(e) => {
            const next = rows.map((r) => (r.index === e.data.index ? (e.data.value as number) : r.value));
            setMessage(onCommit(next));
          }}
        />
        <div>
          <p className="muted small">
            Paste a column from Excel or type values separated by spaces or commas
            {unit === 'rate' ? ', in percent' : ''}. The last value holds after the vector ends.
          </p>
          <textarea
            className="paste"
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={6}
            aria-label="Paste values"
          />
          <div className="actions">
            <button
              onClick={() => {
                const parsed = parseVectorText(paste, unit);
                if (typeof parsed === 'string') setMessage(parsed);
                else {
                  setMessage(onCommit(parsed));
                  setPaste('');
                }
              }}
            >
              Replace with pasted values
            </button>
            <button onClick={() => setMessage(onCommit([...values, values[values.length - 1] ?? 0]))}>
              + Add period
            </button>
            <button disabled={values.length <= 1} onClick={() => setMessage(onCommit(values.slice(0, -1)))}>
              − Remove last
            </button>
          </div>
          {message ? <p className="bad">{message}</p> : null}
        </div>
      </div>
    </section>
  );
}
