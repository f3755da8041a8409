/**
 * The History screen's grids as ReportTables (the rows and formats ReportGrid shows and exports to CSV): the
 * chain ladder's extension beside the timing curve's, the development factors, the cumulative triangle, the
 * roll-rate matrix and the back-test. A history's amounts are money (shown in the user's unit); a published
 * table keeps its own units (a percent table's 2.31 is 2.31 %), so its cells are plain numbers.
 */
import type { TFunction } from 'i18next';
import {
  totalsOf,
  ultimateOf,
  type HistoryAnalysis,
  type TriangleAnalysis,
} from '../../../core/history/analyse';
import { BUCKETS } from '../../../core/history/fields';
import { tableOf, type ReportTable } from '../../../core/io/report/reportTable';
import type { ColumnFormat } from '../../../core/io/report/sheetWriter';

type Row = ReportTable['rows'][number];

const amountFormat = (a: TriangleAnalysis): ColumnFormat => (a.original ? 'money' : 'number');

const mobOf = (a: TriangleAnalysis, k: number): number => a.triangle.periods?.[k] ?? k + 1;

/** Latest, ultimate and Mack S.E. per vintage by the chain ladder, and the timing curve's ultimate beside it. */
export function extensionTable(a: TriangleAnalysis, t: TFunction): { table: ReportTable; total: Row } {
  const fmt = amountFormat(a);
  const cl = a.method !== 'timing';
  const tm = a.method !== 'chain-ladder';
  const idx = a.chainLadder.origins.map((_, i) => i);
  const table = tableOf(
    { sheetName: 'extension', title: t('history:dev.extensionTitle') },
    [
      {
        key: 'vintage',
        header: t('glossary:vintage'),
        format: 'text',
        value: (i: number) => a.chainLadder.origins[i]!.origin,
      },
      {
        key: 'mob',
        header: t('history:col.mob'),
        format: 'integer',
        value: (i) => mobOf(a, a.chainLadder.origins[i]!.latestPeriod),
      },
      {
        key: 'latest',
        header: t('history:col.latest'),
        format: fmt,
        value: (i) => a.chainLadder.origins[i]!.latest,
      },
      ...(cl
        ? [
            {
              key: 'clUltimate',
              header: t('history:col.clUltimate'),
              format: fmt,
              value: (i: number) => a.chainLadder.origins[i]!.ultimate,
            },
            {
              key: 'se',
              header: t('history:col.se'),
              format: fmt,
              value: (i: number) => a.chainLadder.origins[i]!.standardError,
            },
          ]
        : []),
      ...(tm
        ? [
            {
              key: 'tmUltimate',
              header: t('history:col.timingUltimate'),
              format: fmt,
              value: (i: number) => a.timing.origins[i]!.ultimate,
            },
            {
              key: 'toCome',
              header: t('history:col.toCome'),
              format: fmt,
              value: (i: number) => a.timing.origins[i]!.toCome,
            },
          ]
        : []),
      ...(a.original
        ? [
            {
              key: 'lifetime',
              header: t('history:col.lifetime'),
              format: 'percent' as const,
              value: (i: number) => {
                const u = ultimateOf(a, i);
                const o = a.original![i]!;
                return u === null || !(o > 0) ? null : u / o;
              },
            },
          ]
        : []),
    ],
    idx,
  );
  const tot = totalsOf(a);
  const total: Row = {
    vintage: t('history:col.total'),
    mob: null,
    latest: tot.latest,
    ...(cl ? { clUltimate: tot.chainLadder.ultimate, se: tot.chainLadder.standardError } : {}),
    ...(tm ? { tmUltimate: tot.timing.ultimate, toCome: tot.timing.toCome } : {}),
    ...(a.original ? { lifetime: null } : {}),
  };
  return { table, total };
}

/** f_k from month k to k + 1 with Mack's σ²_k. */
export function factorsTable(a: TriangleAnalysis, t: TFunction): ReportTable {
  const cl = a.chainLadder;
  return tableOf(
    { sheetName: 'factors', title: t('glossary:developmentFactor') },
    [
      {
        key: 'step',
        header: t('history:col.step'),
        format: 'text',
        value: (k: number) => t('history:dev.step', { from: mobOf(a, k), to: mobOf(a, k + 1) }),
      },
      {
        key: 'factor',
        header: t('glossary:developmentFactor'),
        format: 'number',
        value: (k) => cl.developmentFactors[k],
      },
      {
        key: 'sigma2',
        header: t('history:col.sigma2'),
        format: 'number',
        value: (k) => cl.sigma2[k] ?? null,
      },
    ],
    cl.developmentFactors.map((_, k) => k),
  );
}

/** The cumulative triangle as observed (blank where a vintage has not reached the month). */
export function triangleTable(a: TriangleAnalysis, t: TFunction): ReportTable {
  const fmt = amountFormat(a);
  const n = Math.max(0, ...a.triangle.values.map((r) => r.length));
  return tableOf(
    { sheetName: 'triangle', title: t('history:dev.triangleTitle') },
    [
      {
        key: 'vintage',
        header: t('glossary:vintage'),
        format: 'text',
        value: (i: number) => a.triangle.origins[i]!,
      },
      ...Array.from({ length: n }, (_, k) => ({
        key: `m${k}`,
        header: String(mobOf(a, k)),
        format: fmt,
        value: (i: number) => {
          const v = a.triangle.values[i]![k];
          return v === undefined || !Number.isFinite(v) ? null : v;
        },
      })),
    ],
    a.triangle.origins.map((_, i) => i),
  );
}

/** Share of loans moving from the row's bucket to the column's in one month; each row sums to 100 %. */
export function rollRateTable(h: HistoryAnalysis, t: TFunction): ReportTable {
  const name = (b: (typeof BUCKETS)[number]): string => t(`cli:vintage.buckets.${b}`);
  return tableOf(
    { sheetName: 'roll rates', title: t('glossary:rollRate') },
    [
      { key: 'from', header: t('history:col.from'), format: 'text', value: (i: number) => name(BUCKETS[i]!) },
      ...BUCKETS.map((b, j) => ({
        key: b,
        header: name(b),
        format: 'percent' as const,
        value: (i: number) => h.rollRates[i]?.[j] ?? null,
      })),
    ],
    // A bucket no loan was in (paid loans never move on) has no row to show.
    BUCKETS.map((_, i) => i).filter((i) => h.rollRates[i] !== null),
  );
}

export function backtestTable(a: TriangleAnalysis, t: TFunction): { table: ReportTable; total: Row } | null {
  const b = a.backtest;
  if (!b) return null;
  const fmt = amountFormat(a);
  const rows = b.rows.filter((r) => r.fromPeriod >= 0);
  const table = tableOf(
    { sheetName: 'back-test', title: t('glossary:backtest') },
    [
      {
        key: 'vintage',
        header: t('glossary:vintage'),
        format: 'text',
        value: (r: (typeof rows)[number]) => r.origin,
      },
      {
        key: 'from',
        header: t('history:col.fromMob'),
        format: 'integer',
        value: (r) => mobOf(a, r.fromPeriod),
      },
      { key: 'to', header: t('history:col.toMob'), format: 'integer', value: (r) => mobOf(a, r.toPeriod) },
      { key: 'actual', header: t('history:col.actual'), format: fmt, value: (r) => r.actual },
      { key: 'cl', header: t('history:col.clProjected'), format: fmt, value: (r) => r.chainLadder },
      { key: 'clError', header: t('history:col.clError'), format: fmt, value: (r) => r.chainLadderError },
      { key: 'tm', header: t('history:col.timingProjected'), format: fmt, value: (r) => r.timing },
      { key: 'tmError', header: t('history:col.timingError'), format: fmt, value: (r) => r.timingError },
    ],
    rows,
  );
  const total: Row = {
    vintage: t('history:col.total'),
    from: null,
    to: null,
    actual: b.total.actual,
    cl: b.total.chainLadder,
    clError: b.total.chainLadderError,
    tm: b.total.timing,
    tmError: b.total.timingError,
  };
  return { table, total };
}
