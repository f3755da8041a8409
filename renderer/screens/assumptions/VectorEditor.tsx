/**
 * A vector curve edited in a grid or pasted from Excel: the scenario's curves and a segment override's share it.
 */
import type { ColDef } from 'ag-grid-community';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('assumptions');
  const { values, unit, by } = vector;
  const [paste, setPaste] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const rows = useMemo<VectorRow[]>(() => values.map((value, i) => ({ index: i + 1, value })), [values]);
  const cols = useMemo<ColDef<VectorRow>[]>(
    () => [
      {
        field: 'index',
        headerName: by === 'age' ? t('vector.age') : t('vector.period'),
        width: 80,
        type: 'rightAligned',
      },
      {
        field: 'value',
        headerName: unit === 'rate' ? t('vector.valuePercent') : t('vector.speed'),
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
    [unit, by, t],
  );
  return (
    <section className="card vector-editor" data-testid="vector-editor">
      <div className="card-head">
        <h2>{title}</h2>
        <button onClick={onClose}>{t('vector.close')}</button>
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
          <p className="muted small">{unit === 'rate' ? t('vector.hintPercent') : t('vector.hint')}</p>
          <textarea
            className="paste"
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={6}
            aria-label={t('vector.paste')}
          />
          <div className="actions">
            <button
              onClick={() => {
                const parsed = parseVectorText(paste, unit, t);
                if (typeof parsed === 'string') setMessage(parsed);
                else {
                  setMessage(onCommit(parsed));
                  setPaste('');
                }
              }}
            >
              {t('vector.replace')}
            </button>
            <button onClick={() => setMessage(onCommit([...values, values[values.length - 1] ?? 0]))}>
              {t('vector.addPeriod')}
            </button>
            <button disabled={values.length <= 1} onClick={() => setMessage(onCommit(values.slice(0, -1)))}>
              {t('vector.removeLast')}
            </button>
          </div>
          {message ? <p className="bad">{message}</p> : null}
        </div>
      </div>
    </section>
  );
}
