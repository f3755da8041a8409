/**
 * The tranche analytics columns as the Results screen shows them: each figure's header (glossary terms), how it
 * reads, and the break-even answers in words. Pure, so each language's text is unit-tested.
 */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { TrancheResult } from '../../../core/result';
import type { BreakevenResult } from '../../../core/scenario/breakeven';
import { money, pct, years } from '../../format';

export function breakevenText(
  t: TFunction,
  b: BreakevenResult | undefined,
  mode: 'cdr' | 'lossMultiple',
): string {
  const a = b?.answers.find((x) => x.mode === mode);
  if (!a) return '–';
  if (a.breakeven === null) return t('results:analytics.notWhole');
  const fmt = (x: number): string => (mode === 'cdr' ? pct(x) : `${x.toFixed(2)}×`);
  const v = fmt(a.breakeven);
  if (a.wholeAtMax) return `≥ ${v}`;
  // A revolving deal can be whole again above its first failure (a harsher stress ends revolving sooner).
  const again = a.wholeAgain.map((w) => `${fmt(w.from)}–${fmt(w.to)}`).join(', ');
  return again ? t('results:analytics.wholeAgain', { value: v, ranges: again }) : v;
}

/** One analytics column: how a class's figure reads, so the column can be sized to what it will show. */
export interface Figure {
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

/** The analytics columns after the class, in the interface's language; break-evens once solved. */
export function analyticsFigures(
  t: TFunction,
  tranches: readonly TrancheResult[],
  be: Map<string, BreakevenResult> | null,
  /** The class's coupon in words (dealWords.couponText over the run's deal); the engine's English by default. */
  coupon: (x: TrancheResult) => string = (x) => x.couponDescription,
): Figure[] {
  const f = (
    colId: string,
    header: string,
    value: Figure['value'],
    text: (v: number | null) => string,
    extra?: ColDef<TrancheResult>,
  ): Figure => ({ colId, header, value, text: (x) => text((value(x) as number | null) ?? null), extra });
  const span = (x: TrancheResult): string =>
    x.principalWindow ? `${x.principalWindow.first}–${x.principalWindow.last}` : '–';
  const dateFigure = (
    colId: string,
    header: string,
    date: (x: TrancheResult) => string | null | undefined,
  ): Figure[] =>
    tranches.some((x) => date(x) !== undefined)
      ? [{ colId, header, value: (x) => date(x) ?? null, text: (x) => date(x) ?? '–' }]
      : [];
  return [
    {
      colId: 'rating',
      header: t('glossary:rating'),
      value: (x) => x.rating,
      text: (x) => x.rating ?? '',
      left: true,
    },
    {
      colId: 'couponDescription',
      header: t('glossary:coupon'),
      value: coupon,
      text: coupon,
      left: true,
    },
    f('originalBalance', t('glossary:originalBalance'), (x) => x.originalBalance, money),
    f(
      'price',
      t('glossary:price'),
      (x) => x.price,
      (v) => (v === null ? '–' : v.toFixed(2)),
    ),
    f(
      'wal',
      t('glossary:wal'),
      (x) => x.wal,
      (v) => years(v),
    ),
    f(
      'yield',
      t('glossary:yield'),
      (x) => x.yield,
      (v) => pct(v, 3),
    ),
    f(
      'mortgageYield',
      t('results:analytics.mortgageYield'),
      (x) => x.mortgageYield,
      (v) => pct(v, 3),
    ),
    f(
      'modifiedDuration',
      t('results:analytics.modifiedDuration'),
      (x) => x.modifiedDuration,
      (v) => years(v),
    ),
    f(
      'convexity',
      t('glossary:convexity'),
      (x) => x.convexity,
      (v) => years(v),
    ),
    { colId: 'principalWindow', header: t('glossary:principalWindow'), value: span, text: span },
    // Dates of results written before the deal calendar are absent: their columns are left out.
    ...dateFigure('expectedFinalDate', t('glossary:expectedFinal'), (x) => x.expectedFinalDate),
    ...dateFigure('legalFinalDate', t('glossary:legalFinal'), (x) => x.legalFinalDate),
    f('principalLoss', t('glossary:principalLoss'), (x) => x.principalLoss, money, {
      cellClassRules: lossIsBad,
    }),
    f('interestShortfall', t('glossary:interestShortfall'), (x) => x.interestShortfall, money, {
      cellClassRules: lossIsBad,
    }),
    ...(be
      ? [
          {
            colId: 'breakevenCdr',
            header: t('results:analytics.breakevenCdr'),
            value: (x: TrancheResult) => breakevenText(t, be.get(x.id), 'cdr'),
            text: (x: TrancheResult) => breakevenText(t, be.get(x.id), 'cdr'),
            extra: {
              headerTooltip: t('results:analytics.breakevenCdrTip'),
            },
          },
          {
            colId: 'breakevenMultiple',
            header: t('results:analytics.breakevenMultiple'),
            value: (x: TrancheResult) => breakevenText(t, be.get(x.id), 'lossMultiple'),
            text: (x: TrancheResult) => breakevenText(t, be.get(x.id), 'lossMultiple'),
            extra: {
              headerTooltip: t('results:analytics.breakevenMultipleTip'),
            },
          },
        ]
      : []),
  ];
}
