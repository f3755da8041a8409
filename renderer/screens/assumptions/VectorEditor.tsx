/**
 * A vector curve edited in a grid or pasted from Excel: the scenario's curves and a segment override's share it.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { DataGrid } from '../../components/DataGrid';
import { pct } from '../../format';
import { parseVectorText, type VectorValues } from '../../project/assumptionEdit';

interface VectorRow {
  index: number;
  value: number;
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
