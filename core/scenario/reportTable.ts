/**
 * Stress results as the Excel report's extra sheets (`ReportTable` of core/io/report): grid, scenario
 * comparison (in ./grid.ts and ./compare.ts), break-evens, rating stresses and Monte Carlo (here).
 */
import type { TFunction } from 'i18next';
import { translator } from '../i18n';
import { tableOf, type ColumnOf, type ReportTable } from '../io/report/reportTable';
import type { BreakevenAnswer, BreakevenMode, BreakevenResult } from './breakeven';
import type { MonteCarloResult } from './monteCarlo';
import { coreText } from '../i18n/messages';
import { DEFAULT_RATING_LEVELS, ratingStressNoteMessages, type RatingStressResult } from './ratingStress';

export type { ReportTable };

type Col<T> = ColumnOf<T>;

/** The English sheets, as the workbook wrote them before it had a language (tests compare them byte for byte). */
const englishSheets = (): TFunction => translator('en');

function breakevenColumns(mode: BreakevenMode, t: TFunction): Col<BreakevenResult>[] {
  const k = mode === 'cdr' ? 'cdr' : 'multiple';
  const cdr = mode === 'cdr';
  const answer = (r: BreakevenResult): BreakevenAnswer | undefined => r.answers.find((a) => a.mode === mode);
  return [
    {
      key: `${k}Breakeven`,
      header: t(`sheets:breakeven.${mode}.breakeven`),
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.breakeven,
    },
    {
      key: `${k}PoolLoss`,
      header: t(`sheets:breakeven.${mode}.poolLoss`),
      format: 'percent',
      value: (r) => answer(r)?.poolLossAtBreakeven,
    },
    {
      key: `${k}LifetimeLoss`,
      header: t(`sheets:breakeven.${mode}.lifetimeLoss`),
      format: 'percent',
      value: (r) => answer(r)?.lifetimeLossAtBreakeven,
    },
    {
      key: `${k}FirstFailure`,
      header: t(`sheets:breakeven.${mode}.firstFailure`),
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.firstFailure,
    },
    {
      key: `${k}FirstLoss`,
      header: t(`sheets:breakeven.${mode}.firstLoss`),
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.firstPrincipalLoss,
    },
    {
      key: `${k}Note`,
      header: t(`sheets:breakeven.${mode}.note`),
      format: 'text',
      value: (r) => {
        const a = answer(r);
        if (!a) return null;
        if (a.wholeAtMax) return t('sheets:breakeven.wholeAtMax', { max: a.max });
        if (a.breakeven === null) return t('sheets:breakeven.notWholeAtZero');
        if (a.monotone) return '';
        if (a.wholeAgain.length === 0) return t('sheets:breakeven.comesAndGoes');
        const windows = a.wholeAgain.map((w) => `${w.from}–${w.to}`).join(t('sheets:listSeparator'));
        return t('sheets:breakeven.notMonotone', { windows });
      },
    },
  ];
}

export function breakevenReportTable(
  results: readonly BreakevenResult[],
  t: TFunction = englishSheets(),
): ReportTable {
  return tableOf(
    {
      sheetName: t('sheets:breakeven.sheet'),
      title: t('sheets:breakeven.title', { scenario: results[0]?.scenarioName ?? '' }),
    },
    [
      { key: 'tranche', header: t('sheets:breakeven.class'), format: 'text', value: (r) => r.trancheId },
      ...breakevenColumns('cdr', t),
      ...breakevenColumns('lossMultiple', t),
    ],
    results,
  );
}

/** The S&P deal the default AAA to A multiples come from, named as it is (not translated). */
const SOURCE_DEAL = 'SoFi 2019-2';

/**
 * Where a level's loss multiple comes from, in the language of `t`: the engine's default levels cite their
 * sources in English and are said by level; a level a user defined keeps the source as written.
 */
export function ratingSourceText(
  t: TFunction,
  level: Pick<RatingStressResult['levels'][number], 'rating' | 'source'>,
): string {
  const known = DEFAULT_RATING_LEVELS.find((d) => d.rating === level.rating && d.source === level.source);
  if (!known) return level.source;
  const params = { deal: SOURCE_DEAL, rating: known.rating };
  switch (known.rating) {
    case 'AAA':
      return t('sheets:rating.levelSource.AAA', params);
    case 'AA':
      return t('sheets:rating.levelSource.AA', params);
    case 'A':
      return t('sheets:rating.levelSource.A', params);
    case 'BBB':
      return t('sheets:rating.levelSource.BBB', params);
    case 'BB':
      return t('sheets:rating.levelSource.BB', params);
    default:
      return level.source;
  }
}

export function ratingStressReportTable(r: RatingStressResult, t: TFunction = englishSheets()): ReportTable {
  type Level = RatingStressResult['levels'][number];
  const ids = Object.keys(r.highestPassing);
  return tableOf(
    {
      sheetName: t('sheets:rating.sheet'),
      title: [
        t('sheets:rating.title', { scenario: r.scenarioName, loss: (r.baseLossPct * 100).toFixed(2) }),
        ...Object.values(ratingStressNoteMessages(r)).map((m) => coreText(t, m)),
      ].join(' '),
    },
    [
      { key: 'rating', header: t('sheets:rating.level'), format: 'text', value: (l) => l.rating },
      { key: 'multiple', header: t('sheets:rating.multiple'), format: 'number', value: (l) => l.multiple },
      {
        key: 'worstPoolLoss',
        header: t('sheets:rating.worstPoolLoss'),
        format: 'percent',
        value: (l) => Math.max(...l.cases.map((c) => c.poolLossPct)),
      },
      {
        key: 'lifetimeLoss',
        header: t('sheets:rating.lifetimeLoss'),
        format: 'percent',
        value: (l) => Math.max(...l.cases.map((c) => c.lifetimeLossPct)),
      },
      ...ids.map((id): Col<Level> => ({
        key: `pass_${id}`,
        header: t('sheets:rating.class', { id }),
        format: 'text',
        value: (l) =>
          l.passes[id]
            ? (r.passesAboveFailure[id] ?? []).includes(l.rating)
              ? t('sheets:rating.passAboveFailure')
              : t('sheets:rating.pass')
            : t('sheets:rating.fail'),
      })),
      {
        key: 'source',
        header: t('sheets:rating.source'),
        format: 'text',
        value: (l) => ratingSourceText(t, l),
      },
    ],
    r.levels,
  );
}

export function monteCarloReportTables(r: MonteCarloResult, t: TFunction = englishSheets()): ReportTable[] {
  type Line = {
    name: string;
    s: Pick<MonteCarloResult['pool'], 'mean' | 'stdDev' | 'percentiles'>;
    probabilityOfLoss?: number;
    probabilityOfShortfall?: number;
  };
  type Bin = { from: number; to: number; paths: number };
  return [
    tableOf<Line>(
      {
        sheetName: t('sheets:monteCarlo.sheet'),
        title: t(r.interpolation ? 'sheets:monteCarlo.titleInterpolated' : 'sheets:monteCarlo.title', {
          paths: r.plan.paths,
          seed: r.plan.seed,
          meanLoss: (r.plan.meanLoss * 100).toFixed(2),
          rho: r.plan.rho.toFixed(4),
          lgd:
            r.plan.lossGivenDefault === 1
              ? t('sheets:monteCarlo.lgdOne')
              : t('sheets:monteCarlo.lgdShare', { lgd: (r.plan.lossGivenDefault * 100).toFixed(2) }),
          nodes: r.interpolation?.nodes ?? 0,
          checked: r.interpolation?.checkedPaths ?? 0,
          error: (Math.max(0, ...(r.interpolation?.maxAbsError ?? [])) * 100).toFixed(3),
        }),
      },
      [
        { key: 'name', header: t('sheets:monteCarlo.name'), format: 'text', value: (x) => x.name },
        { key: 'mean', header: t('sheets:monteCarlo.mean'), format: 'percent', value: (x) => x.s.mean },
        { key: 'stdDev', header: t('sheets:monteCarlo.stdDev'), format: 'percent', value: (x) => x.s.stdDev },
        {
          key: 'probabilityOfLoss',
          header: t('sheets:monteCarlo.probabilityOfLoss'),
          format: 'percent',
          value: (x) => x.probabilityOfLoss,
        },
        {
          key: 'probabilityOfShortfall',
          header: t('sheets:monteCarlo.probabilityOfShortfall'),
          format: 'percent',
          value: (x) => x.probabilityOfShortfall,
        },
        ...r.pool.percentiles.map((p, i): Col<Line> => ({
          key: `p${i}`,
          header: t('sheets:monteCarlo.percentile', { p: (p.p * 100).toFixed(1) }),
          format: 'percent',
          value: (x) => x.s.percentiles[i]?.value,
        })),
      ],
      [
        { name: t('sheets:monteCarlo.poolDrawn'), s: r.pool },
        { name: t('sheets:monteCarlo.poolDeal'), s: r.dealPool },
        ...r.tranches.map((c) => ({
          name: c.id,
          s: c,
          probabilityOfLoss: c.probabilityOfLoss,
          probabilityOfShortfall: c.probabilityOfShortfall,
        })),
      ],
    ),
    tableOf<Bin>(
      {
        sheetName: t('sheets:monteCarlo.histogramSheet'),
        title: t('sheets:monteCarlo.histogramTitle'),
        totals: ['paths'],
      },
      [
        { key: 'from', header: t('sheets:monteCarlo.from'), format: 'percent', value: (b) => b.from },
        { key: 'to', header: t('sheets:monteCarlo.to'), format: 'percent', value: (b) => b.to },
        { key: 'paths', header: t('sheets:monteCarlo.paths'), format: 'integer', value: (b) => b.paths },
      ],
      r.pool.histogram.counts.map((c, i) => ({
        from: r.pool.histogram.edges[i]!,
        to: r.pool.histogram.edges[i + 1]!,
        paths: c,
      })),
    ),
  ];
}
