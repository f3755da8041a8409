/** Results: the tranche analytics card — per class WAL, yields, durations, window, losses, break-evens on request. */
import type { ColDef } from 'ag-grid-community';
import { useMemo } from 'react';
import type { RunResult, TrancheResult } from '../../../core/result';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { DataGrid } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { money, pct, years } from '../../format';

function breakevenText(b: BreakevenResult | undefined, mode: 'cdr' | 'lossMultiple'): string {
  const a = b?.answers.find((x) => x.mode === mode);
  if (!a) return '–';
  if (a.breakeven === null) return 'not whole at 0';
  const fmt = (x: number): string => (mode === 'cdr' ? pct(x) : `${x.toFixed(2)}×`);
  const v = fmt(a.breakeven);
  if (a.wholeAtMax) return `≥ ${v}`;
  // A revolving deal can be whole again above its first failure (a harsher stress ends revolving sooner).
  const again = a.wholeAgain.map((w) => `${fmt(w.from)}–${fmt(w.to)}`).join(', ');
  return again ? `${v} (whole again at ${again}: a harsher stress ends revolving sooner)` : v;
}

/** One analytics column: how a class's figure reads, so the column can be sized to what it will show. */
interface Figure {
  colId: string;
  header: string;
  /** The figure itself, for the CSV export and the colour rules. */
  value: (t: TrancheResult) => string | number | null | undefined;
  text: (t: TrancheResult) => string;
  /** Text columns read left to right; figures are right-aligned. */
  left?: boolean;
  extra?: ColDef<TrancheResult>;
}

const lossIsBad = { bad: (p: { value: unknown }) => typeof p.value === 'number' && p.value > 0 };

function analyticsFigures(be: Map<string, BreakevenResult> | null): Figure[] {
  const f = (
    colId: string,
    header: string,
    value: Figure['value'],
    text: (v: number | null) => string,
    extra?: ColDef<TrancheResult>,
  ): Figure => ({ colId, header, value, text: (t) => text((value(t) as number | null) ?? null), extra });
  const span = (t: TrancheResult): string =>
    t.principalWindow ? `${t.principalWindow.first}–${t.principalWindow.last}` : '–';
  return [
    { colId: 'rating', header: 'Rating', value: (t) => t.rating, text: (t) => t.rating ?? '', left: true },
    {
      colId: 'couponDescription',
      header: 'Coupon',
      value: (t) => t.couponDescription,
      text: (t) => t.couponDescription,
      left: true,
    },
    f('originalBalance', 'Original balance', (t) => t.originalBalance, money),
    f(
      'price',
      'Price',
      (t) => t.price,
      (v) => (v === null ? '–' : v.toFixed(2)),
    ),
    f(
      'wal',
      'WAL',
      (t) => t.wal,
      (v) => years(v),
    ),
    f(
      'yield',
      'Yield',
      (t) => t.yield,
      (v) => pct(v, 3),
    ),
    f(
      'mortgageYield',
      'Mortgage yield',
      (t) => t.mortgageYield,
      (v) => pct(v, 3),
    ),
    f(
      'modifiedDuration',
      'Mod. duration',
      (t) => t.modifiedDuration,
      (v) => years(v),
    ),
    f(
      'convexity',
      'Convexity',
      (t) => t.convexity,
      (v) => years(v),
    ),
    { colId: 'principalWindow', header: 'Principal window', value: span, text: span },
    f('principalLoss', 'Principal loss', (t) => t.principalLoss, money, { cellClassRules: lossIsBad }),
    f('interestShortfall', 'Interest shortfall', (t) => t.interestShortfall, money, {
      cellClassRules: lossIsBad,
    }),
    ...(be
      ? [
          {
            colId: 'breakevenCdr',
            header: 'Break-even CDR',
            value: (t: TrancheResult) => breakevenText(be.get(t.id), 'cdr'),
            text: (t: TrancheResult) => breakevenText(be.get(t.id), 'cdr'),
            extra: {
              headerTooltip:
                'Largest constant CDR at which the class still gets all interest and principal (to 0.01%)',
            },
          },
          {
            colId: 'breakevenMultiple',
            header: 'Break-even multiple',
            value: (t: TrancheResult) => breakevenText(be.get(t.id), 'lossMultiple'),
            text: (t: TrancheResult) => breakevenText(be.get(t.id), 'lossMultiple'),
            extra: {
              headerTooltip: "Largest multiple of the scenario's default curve the class survives (to 0.01)",
            },
          },
        ]
      : []),
  ];
}

function AnalyticsGrid({ r, breakevens }: { r: RunResult; breakevens: BreakevenResult[] | null }) {
  const cols = useMemo<ColDef<TrancheResult>[]>(() => {
    const measure = textMeasure();
    const be = breakevens ? new Map(breakevens.map((b) => [b.trancheId, b])) : null;
    return [
      {
        field: 'id',
        headerName: 'Class',
        pinned: 'left',
        width: columnWidth(
          'Class',
          r.tranches.map((t) => t.id),
          measure,
        ),
        cellClass: 'strong',
      },
      ...analyticsFigures(be).map((f): ColDef<TrancheResult> => {
        // Never narrower than the header's longest word or the widest figure; spare room shared in proportion.
        const width = columnWidth(f.header, r.tranches.map(f.text), measure);
        return {
          colId: f.colId,
          headerName: f.header,
          valueGetter: (p) => (p.data ? f.value(p.data) : null),
          valueFormatter: (p) => (p.data ? f.text(p.data) : ''),
          ...(f.left
            ? { tooltipValueGetter: (p) => (p.data ? f.text(p.data) : '') }
            : { type: 'rightAligned' }),
          flex: width,
          minWidth: width,
          ...f.extra,
        };
      }),
    ];
  }, [r, breakevens]);
  return (
    <DataGrid<TrancheResult>
      rowData={r.tranches}
      columnDefs={cols}
      getRowId={(p) => p.data.id}
      autoHeight
      suppressColumnVirtualisation
      testId="analytics"
      csvName="tranche analytics"
    />
  );
}

export function AnalyticsCard({
  r,
  breakevens,
  onSolve,
}: {
  r: RunResult;
  breakevens: BreakevenResult[] | null;
  onSolve: () => void;
}) {
  return (
    <section className="card">
      <div className="card-head">
        <h2>Tranche analytics</h2>
        <span className="muted small">
          WAL in years (30/360, delay included); yield bond-equivalent at the price shown
          {breakevens ? null : (
            <button className="solve" onClick={onSolve} data-testid="solve-breakevens">
              Solve break-even CDR and loss multiple
            </button>
          )}
        </span>
      </div>
      <AnalyticsGrid r={r} breakevens={breakevens} />
    </section>
  );
}
