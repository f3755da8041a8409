/** Results, Reconciliation tab: one period's waterfall steps, due against paid, and its reserve. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { WaterfallPeriod } from '../../../core/result';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { money } from '../../format';

interface StepRow {
  /** 1-based position in the waterfall; null on the total row. */
  n: number | null;
  label: string;
  due: number | null;
  paid: number;
}

function stepCols(amountWidth: number): ColDef<StepRow>[] {
  return [
    { field: 'n', headerName: '#', pinned: 'left', width: 40, type: 'rightAligned' },
    { field: 'label', headerName: 'Step', tooltipField: 'label', flex: 2, minWidth: 110 },
    moneyCol<StepRow>('due', 'Due', {
      flex: 1,
      minWidth: amountWidth,
      valueFormatter: (p) => dueText(p.value),
    }),
    moneyCol<StepRow>('paid', 'Paid', {
      flex: 1,
      minWidth: amountWidth,
      cellClassRules: { bad: (p) => p.data?.due != null && p.data.paid < p.data.due },
    }),
  ];
}

/** The total row has no single amount due; a blank reads better there than a dash. */
function dueText(v: unknown): string {
  return typeof v === 'number' ? money(v) : '';
}

function PeriodStepsGrid({ p }: { p: WaterfallPeriod }) {
  const rows = useMemo<StepRow[]>(
    () => p.steps.map((s) => ({ n: s.step + 1, label: s.label, due: s.due, paid: s.paid })),
    [p],
  );
  const total = useMemo<StepRow[]>(
    () => [{ n: null, label: 'Total uses', due: null, paid: p.uses.total }],
    [p],
  );
  const cols = useMemo(() => {
    const measure = textMeasure();
    const amounts = p.steps.flatMap((s) => [money(s.due), money(s.paid)]);
    // The total is bold, as headers are: measured as one.
    return stepCols(
      Math.max(columnWidth('', amounts, measure), columnWidth(money(p.uses.total), [], measure)),
    );
  }, [p]);
  return (
    <DataGrid<StepRow>
      rowData={rows}
      columnDefs={cols}
      pinnedBottomRowData={total}
      getRowStyle={(x) => (x.node.rowPinned ? { fontWeight: 600 } : undefined)}
      autoHeight
      suppressColumnVirtualisation
      testId="period-steps"
      csvName={`period ${p.period} uses`}
    />
  );
}

export function PeriodUsesCard({ period, p }: { period: number; p: WaterfallPeriod | undefined }) {
  return (
    <section className="card period-uses">
      <div className="card-head">
        <h2>Period {period} uses</h2>
        <span className="muted small">{p?.date}</span>
      </div>
      {p ? (
        <>
          <PeriodStepsGrid p={p} />
          <p className="muted small">
            Reserve: begin {money(p.reserve.begin)}, end {money(p.reserve.end)}, target{' '}
            {money(p.reserve.target)}
          </p>
        </>
      ) : null}
    </section>
  );
}
