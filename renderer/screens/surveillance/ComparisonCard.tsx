/**
 * Actual against projected (core/surveillance/compare.ts): the six measures as charts, then the same figures
 * as a table with the difference actual − projected, under the scenario the comparison was projected on.
 */
import type { ColDef, ColGroupDef } from 'ag-grid-community';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from '../../../core/surveillance/compare';
import { DataGrid } from '../../components/DataGrid';
import { EChart } from '../../components/EChart';
import type { SurveillanceResult } from '../../engine/surveillanceAdapter';
import { useDisplay } from '../../i18n/DisplayContext';
import { monthsHeight, WRAPPED_HEADERS } from './gridLayout';
import { comparisonOption, MEASURES, measureOf, measureText, type Measure } from './comparisonChart';

function ComparisonChart({ rows, m }: { rows: readonly ComparisonRow[]; m: Measure }) {
  const { t } = useTranslation('surveillance');
  const { lang, scale } = useDisplay();
  // lang and scale: titles, legend and axis labels read them through t, money() and pct().
  const option = useMemo(() => comparisonOption(rows, m, t), [rows, m, t, lang, scale]);
  return <EChart option={option} height={230} testId={`surveillance-chart-${m}`} />;
}

const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

export function ComparisonCard({
  result,
  currencyUnit,
}: {
  result: SurveillanceResult;
  currencyUnit: string;
}) {
  const { t } = useTranslation('surveillance');
  const { lang, scale } = useDisplay();
  const cols = useMemo<(ColDef<ComparisonRow> | ColGroupDef<ComparisonRow>)[]>(
    () => [
      {
        field: 'period',
        headerName: t('history.col.period'),
        width: 70,
        type: 'rightAligned',
        pinned: 'left',
      },
      { field: 'date', headerName: t('history.col.date'), width: 110, pinned: 'left' },
      ...MEASURES.map((m): ColGroupDef<ComparisonRow> => ({
        headerName: m === 'pool' ? `${t(`compare.metric.${m}`)} (${currencyUnit})` : t(`compare.metric.${m}`),
        children: (m === 'dq60'
          ? (['actual'] as const)
          : (['actual', 'projected', 'difference'] as const)
        ).map((side): ColDef<ComparisonRow> => ({
          colId: `${m}-${side}`,
          headerName: t(`compare.${side}`),
          type: 'rightAligned',
          width: m === 'pool' ? 130 : 92,
          valueGetter: (p) =>
            p.data === undefined
              ? null
              : side === 'difference'
                ? diff(measureOf(p.data, m, 'actual'), measureOf(p.data, m, 'projected'))
                : measureOf(p.data, m, side),
          valueFormatter: (p) => measureText(m, p.value as number | null),
        })),
      })),
    ],
    [t, lang, scale, currencyUnit],
  );
  return (
    <section className="card" data-testid="surveillance-compare">
      <div className="card-head">
        <h2>{t('compare.title')}</h2>
      </div>
      <p className="muted small">
        {t('compare.legend')} {t('compare.noDelinquencyProjection')}
      </p>
      <div className="surveillance-charts">
        {MEASURES.map((m) => (
          <ComparisonChart key={m} rows={result.rows} m={m} />
        ))}
      </div>
      <div className="card-head">
        <h3>{t('compare.tableTitle')}</h3>
      </div>
      <DataGrid<ComparisonRow>
        rowData={result.rows}
        columnDefs={cols}
        height={monthsHeight(result.rows.length)}
        defaultColDef={WRAPPED_HEADERS}
        csvName={t('compare.csvName')}
        testId="surveillance-compare-grid"
      />
    </section>
  );
}
