/** Results, Triggers tab: the trigger events of the run and the annualised excess spread. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { Deal } from '../../../core/deal/schema';
import type { RunResult } from '../../../core/result';
import { DataGrid } from '../../components/DataGrid';
import { EChart, type ChartOption } from '../../components/EChart';
import { pct } from '../../format';
import { triggerEventRows, type TriggerEventRow } from '../../project/triggerEvents';

const TRIGGER_COLS: ColDef<TriggerEventRow>[] = [
  { field: 'trigger', headerName: 'Trigger', pinned: 'left', width: 200, tooltipField: 'trigger' },
  {
    field: 'event',
    headerName: 'Event',
    flex: 1,
    minWidth: 80,
    cellClassRules: { bad: (p) => p.value === 'breached', ok: (p) => p.value !== 'breached' },
  },
  { field: 'period', headerName: 'Period', type: 'rightAligned', flex: 1, minWidth: 64 },
  { field: 'date', headerName: 'Date', flex: 1, minWidth: 96 },
  { field: 'value', headerName: 'Value', type: 'rightAligned', flex: 1, minWidth: 80 },
  { field: 'threshold', headerName: 'Threshold', type: 'rightAligned', flex: 1, minWidth: 80 },
];

export function TriggersTab({ r, deal }: { r: RunResult; deal: Deal }) {
  const rows = useMemo(() => triggerEventRows(r.triggerEvents, deal), [r, deal]);
  const es = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => pct(Number(v)) },
      xAxis: { type: 'category', data: r.excessSpread.map((x) => x.period) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${(v * 100).toFixed(1)}%` } },
      series: [
        {
          name: 'Excess spread (annualised)',
          type: 'line',
          symbol: 'none',
          areaStyle: { opacity: 0.2 },
          data: r.excessSpread.map((x) => x.annualised),
        },
      ],
    }),
    [r],
  );
  return (
    <div className="two-col">
      <section className="card">
        <div className="card-head">
          <h2>Trigger events</h2>
        </div>
        {r.triggerEvents.length === 0 ? (
          <p className="muted">No trigger fired under this scenario.</p>
        ) : (
          <DataGrid<TriggerEventRow>
            rowData={rows}
            columnDefs={TRIGGER_COLS}
            autoHeight
            maxBodyHeight={390}
            suppressColumnVirtualisation
            testId="trigger-events"
            csvName="trigger events"
          />
        )}
      </section>
      <section className="card">
        <div className="card-head">
          <h2>Excess spread</h2>
        </div>
        <EChart option={es} height={240} />
      </section>
    </div>
  );
}
