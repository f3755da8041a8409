/** Results, Reconciliation tab: one period's waterfall steps, due against paid, and its reserve. */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../core/deal/schema';
import type { WaterfallPeriod } from '../../../core/result';
import { DataGrid, moneyCol } from '../../components/DataGrid';
import { columnWidth } from '../../components/reportColumns';
import { textMeasure } from '../../components/textMeasure';
import { moneyExact } from '../../format';
import { i18n } from '../../i18n';
import { stepRowText } from './dealWords';
import { stepOfRow } from '../../../core/structure/phase';

interface StepRow {
  /** 1-based position in the waterfall; null on the total row. */
  n: number | null;
  label: string;
  due: number | null;
  paid: number;
  /** What the step's cap or target allowed (deals with limits). */
  limitedTo?: number | null;
}

/** Amounts to the cent, as the reconciliation above them. */
function stepCols(t: TFunction, amountWidth: number, limits: boolean): ColDef<StepRow>[] {
  return [
    { field: 'n', headerName: '#', pinned: 'left', width: 40, type: 'rightAligned' },
    { field: 'label', headerName: t('results:uses.step'), tooltipField: 'label', flex: 2, minWidth: 110 },
    moneyCol<StepRow>('due', t('results:uses.due'), {
      flex: 1,
      minWidth: amountWidth,
      valueFormatter: (p) => dueText(p.value),
    }),
    ...(limits
      ? [
          moneyCol<StepRow>('limitedTo', t('results:phases.limitedTo'), {
            flex: 1,
            minWidth: amountWidth,
            valueFormatter: (p) => dueText(p.value),
          }),
        ]
      : []),
    moneyCol<StepRow>('paid', t('results:uses.paid'), {
      valueFormatter: (p) => moneyExact(p.value as number),
      flex: 1,
      minWidth: amountWidth,
      cellClassRules: { bad: (p) => p.data?.due != null && p.data.paid < p.data.due },
    }),
  ];
}

/** The total row has no single amount due; a blank reads better there than a dash. */
function dueText(v: unknown): string {
  return typeof v === 'number' ? moneyExact(v) : '';
}

/** The English catalog, to recognise the engine's labels (it writes them in English). */
const en = i18n.getFixedT('en');

function PeriodStepsGrid({ p, deal }: { p: WaterfallPeriod; deal: Deal }) {
  const { t } = useTranslation('results');
  const rows = useMemo<StepRow[]>(
    () =>
      p.steps.map((s) => {
        const text = stepRowText(t, en, s.label, stepOfRow(deal.structure, s, p.phase));
        // Separate priorities of payments number their steps apart: the list's name goes with the step.
        const label = s.ledger
          ? t('phases.ledgerStep', { ledger: t(`phases.${s.ledger}`), label: text })
          : text;
        return { n: s.step + 1, label, due: s.due, paid: s.paid, limitedTo: s.limitedTo ?? null };
      }),
    [p, deal, t],
  );
  const total = useMemo<StepRow[]>(
    () => [{ n: null, label: t('uses.total'), due: null, paid: p.uses.total }],
    [p, t],
  );
  const cols = useMemo(() => {
    const measure = textMeasure();
    const amounts = p.steps.flatMap((s) => [moneyExact(s.due), moneyExact(s.paid)]);
    // The total is bold, as headers are: measured as one.
    return stepCols(
      t,
      Math.max(columnWidth('', amounts, measure), columnWidth(moneyExact(p.uses.total), [], measure)),
      p.steps.some((s) => s.limitedTo !== undefined),
    );
  }, [p, t]);
  return (
    <DataGrid<StepRow>
      rowData={rows}
      columnDefs={cols}
      pinnedBottomRowData={total}
      getRowStyle={(x) => (x.node.rowPinned ? { fontWeight: 600 } : undefined)}
      autoHeight
      suppressColumnVirtualisation
      testId="period-steps"
      csvName={t('uses.csv', { period: p.period })}
    />
  );
}

export function PeriodUsesCard({
  period,
  p,
  deal,
}: {
  period: number;
  p: WaterfallPeriod | undefined;
  /** The run's own deal, for its steps in words. */
  deal: Deal;
}) {
  const { t } = useTranslation('results');
  return (
    <section className="card period-uses">
      <div className="card-head">
        <h2>{t('uses.title', { period })}</h2>
        <span className="muted small">
          {p?.phase ? (
            <span data-testid="period-phase">
              {t('phases.phase', { phase: t(`phases.phaseName.${p.phase}`) })} ·{' '}
            </span>
          ) : null}
          {p?.date}
        </span>
      </div>
      {p ? (
        <>
          <PeriodStepsGrid p={p} deal={deal} />
          <p className="muted small">
            {t('uses.reserve', {
              begin: moneyExact(p.reserve.begin),
              end: moneyExact(p.reserve.end),
              target: moneyExact(p.reserve.target),
            })}
          </p>
        </>
      ) : null}
    </section>
  );
}
