/** Results, Triggers tab: each trigger breach and cure of the run, its value against its threshold. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import type { RunResult } from '../../../core/result';
import { DataGrid } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { triggerEventRows, type TriggerEventRow } from '../../project/triggerEvents';
import { UserTextCell } from './UserTextCell';

export function TriggerEventsCard({ r, deal }: { r: RunResult; deal: Deal }) {
  const { t } = useTranslation('results');
  const rows = useMemo(() => triggerEventRows(r.triggerEvents, deal), [r, deal]);
  const cols = useMemo<ColDef<TriggerEventRow>[]>(() => {
    const measure = textMeasure();
    const word = (e: TriggerEventRow['event']): string =>
      e === 'breached' ? t('triggers.breached') : t('triggers.cured');
    // Each column as wide as its header's longest word or its widest text, spare room shared in proportion:
    // at fixed widths six columns overflowed the half-width card and its scrollbar hid a one-row table.
    const fit = (header: string, texts: readonly string[]): Partial<ColDef<TriggerEventRow>> => {
      const width = columnWidth(header, texts, measure);
      return { headerName: header, flex: width, minWidth: width };
    };
    return [
      {
        // Not pinned: six fitted columns need no horizontal scroll, whose bar covered a one-row table's row.
        field: 'trigger',
        tooltipField: 'trigger',
        cellRenderer: UserTextCell,
        ...fit(
          t('glossary:trigger'),
          rows.map((x) => x.trigger),
        ),
      },
      {
        field: 'event',
        // The interface's word is the value, so the CSV says it too; the colour follows the engine's kind.
        valueGetter: (p) => (p.data ? word(p.data.event) : ''),
        cellClassRules: {
          bad: (p) => p.data?.event === 'breached',
          ok: (p) => p.data !== undefined && p.data.event !== 'breached',
        },
        ...fit(
          t('triggers.event'),
          rows.map((x) => word(x.event)),
        ),
      },
      {
        field: 'period',
        type: 'rightAligned',
        ...fit(
          t('glossary:period'),
          rows.map((x) => String(x.period)),
        ),
      },
      {
        field: 'date',
        ...fit(
          t('glossary:date'),
          rows.map((x) => x.date),
        ),
      },
      {
        field: 'value',
        type: 'rightAligned',
        ...fit(
          t('triggers.value'),
          rows.map((x) => x.value),
        ),
      },
      {
        field: 'threshold',
        type: 'rightAligned',
        ...fit(
          t('triggers.threshold'),
          rows.map((x) => x.threshold),
        ),
      },
    ];
  }, [rows, t]);
  return (
    <section className="card">
      <div className="card-head">
        <h2>{t('triggers.title')}</h2>
      </div>
      {r.triggerEvents.length === 0 ? (
        <p className="muted">{t('triggers.none')}</p>
      ) : (
        <DataGrid<TriggerEventRow>
          rowData={rows}
          columnDefs={cols}
          autoHeight
          maxBodyHeight={390}
          suppressColumnVirtualisation
          testId="trigger-events"
          csvName={t('triggers.csv')}
        />
      )}
    </section>
  );
}
