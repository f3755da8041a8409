/**
 * Stress results as the Excel report's extra sheets (`ReportTable` of core/io/report): grid, scenario
 * comparison (in ./grid.ts and ./compare.ts), break-evens, rating stresses and Monte Carlo (here).
 */
import { tableOf, type ColumnOf, type ReportTable } from '../io/report/reportTable';
import type { BreakevenAnswer, BreakevenMode, BreakevenResult } from './breakeven';
import type { MonteCarloResult } from './monteCarlo';
import { ratingStressNotes, type RatingStressResult } from './ratingStress';

export type { ReportTable };

type Col<T> = ColumnOf<T>;

function breakevenColumns(mode: BreakevenMode): Col<BreakevenResult>[] {
  const k = mode === 'cdr' ? 'cdr' : 'multiple';
  const cdr = mode === 'cdr';
  const answer = (r: BreakevenResult): BreakevenAnswer | undefined => r.answers.find((a) => a.mode === mode);
  return [
    {
      key: `${k}Breakeven`,
      header: cdr ? 'Break-even CDR' : 'Break-even loss multiple',
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.breakeven,
    },
    {
      key: `${k}PoolLoss`,
      header: cdr
        ? 'Realised pool loss at CDR break-even (incl. purchases)'
        : 'Realised pool loss at multiple break-even (incl. purchases)',
      format: 'percent',
      value: (r) => answer(r)?.poolLossAtBreakeven,
    },
    {
      key: `${k}LifetimeLoss`,
      header: cdr
        ? 'Original pool lifetime loss at CDR break-even'
        : 'Original pool lifetime loss at multiple break-even',
      format: 'percent',
      value: (r) => answer(r)?.lifetimeLossAtBreakeven,
    },
    {
      key: `${k}FirstFailure`,
      header: cdr ? 'CDR of first failure' : 'Multiple of first failure',
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.firstFailure,
    },
    {
      key: `${k}FirstLoss`,
      header: cdr ? 'CDR of first principal loss' : 'Multiple of first principal loss',
      format: cdr ? 'percent' : 'number',
      value: (r) => answer(r)?.firstPrincipalLoss,
    },
    {
      key: `${k}Note`,
      header: cdr ? 'Note (CDR)' : 'Note (multiple)',
      format: 'text',
      value: (r) => {
        const a = answer(r);
        if (!a) return null;
        if (a.wholeAtMax) return `whole up to the search limit ${a.max}`;
        if (a.breakeven === null) return 'not whole at 0';
        if (a.monotone) return '';
        const windows = a.wholeAgain.map((w) => `${w.from}–${w.to}`).join(', ');
        return `not monotone: whole again at ${windows || 'no tested value, but principal loss comes and goes'} (a harsher stress can end revolving sooner and realise less)`;
      },
    },
  ];
}

export function breakevenReportTable(results: readonly BreakevenResult[]): ReportTable {
  return tableOf(
    {
      sheetName: 'Break-even',
      title: `Break-even stresses, scenario ${results[0]?.scenarioName ?? ''}: largest stress with all interest and principal paid (CDR to 0.01%, multiple to 0.01)`,
    },
    [
      { key: 'tranche', header: 'Class', format: 'text', value: (r) => r.trancheId },
      ...breakevenColumns('cdr'),
      ...breakevenColumns('lossMultiple'),
    ],
    results,
  );
}

export function ratingStressReportTable(r: RatingStressResult): ReportTable {
  type Level = RatingStressResult['levels'][number];
  const ids = Object.keys(r.highestPassing);
  return tableOf(
    {
      sheetName: 'Rating stresses',
      title: [
        `Rating-agency style stresses on scenario ${r.scenarioName} (base pool loss ${(r.baseLossPct * 100).toFixed(2)}%): a class passes a level when it is paid in full in every prepayment and timing case; the highest level passed is one whose milder levels all pass too`,
        ...Object.values(ratingStressNotes(r)),
      ].join(' '),
    },
    [
      { key: 'rating', header: 'Level', format: 'text', value: (l) => l.rating },
      { key: 'multiple', header: 'Loss multiple', format: 'number', value: (l) => l.multiple },
      {
        key: 'worstPoolLoss',
        header: 'Worst realised loss (incl. purchases, % initial pool)',
        format: 'percent',
        value: (l) => Math.max(...l.cases.map((c) => c.poolLossPct)),
      },
      {
        key: 'lifetimeLoss',
        header: 'Original pool lifetime loss (what the cases are matched to)',
        format: 'percent',
        value: (l) => Math.max(...l.cases.map((c) => c.lifetimeLossPct)),
      },
      ...ids.map((id): Col<Level> => ({
        key: `pass_${id}`,
        header: `Class ${id}`,
        format: 'text',
        value: (l) =>
          l.passes[id]
            ? (r.passesAboveFailure[id] ?? []).includes(l.rating)
              ? 'pass, but a milder level fails'
              : 'pass'
            : 'fail',
      })),
      { key: 'source', header: 'Source', format: 'text', value: (l) => l.source },
    ],
    r.levels,
  );
}

export function monteCarloReportTables(r: MonteCarloResult): ReportTable[] {
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
        sheetName: 'Monte Carlo',
        title: `Monte Carlo, ${r.plan.paths} paths, seed ${r.plan.seed}: one-factor Gaussian copula, mean loss ${(r.plan.meanLoss * 100).toFixed(2)}%, ρ ${r.plan.rho.toFixed(4)}, LGD ${r.plan.lossGivenDefault === 1 ? '1 (the copula draws the net loss)' : `${(r.plan.lossGivenDefault * 100).toFixed(2)}% (loss = LGD × drawn defaults)`}; each path draws the original pool's lifetime loss (no purchases, no clean-up call) and runs the deal at the multiple that gives it; class figures are principal loss / original balance${
          r.interpolation
            ? `; interpolated between ${r.interpolation.nodes} deal runs, against exact runs at ${r.interpolation.checkedPaths} paths the largest class-loss error was ${(Math.max(0, ...r.interpolation.maxAbsError) * 100).toFixed(3)}% of balance`
            : ''
        }`,
      },
      [
        { key: 'name', header: 'Pool / class', format: 'text', value: (x) => x.name },
        { key: 'mean', header: 'Mean (expected loss)', format: 'percent', value: (x) => x.s.mean },
        { key: 'stdDev', header: 'Std deviation', format: 'percent', value: (x) => x.s.stdDev },
        {
          key: 'probabilityOfLoss',
          header: 'P(any principal loss)',
          format: 'percent',
          value: (x) => x.probabilityOfLoss,
        },
        {
          key: 'probabilityOfShortfall',
          header: 'P(unpaid interest)',
          format: 'percent',
          value: (x) => x.probabilityOfShortfall,
        },
        ...r.pool.percentiles.map((p, i): Col<Line> => ({
          key: `p${i}`,
          header: `${(p.p * 100).toFixed(1)}th pct`,
          format: 'percent',
          value: (x) => x.s.percentiles[i]?.value,
        })),
      ],
      [
        { name: 'Pool: drawn lifetime loss of the original pool', s: r.pool },
        { name: 'Pool: loss realised in the deal (incl. purchases, to the call)', s: r.dealPool },
        ...r.tranches.map((t) => ({
          name: t.id,
          s: t,
          probabilityOfLoss: t.probabilityOfLoss,
          probabilityOfShortfall: t.probabilityOfShortfall,
        })),
      ],
    ),
    tableOf<Bin>(
      {
        sheetName: 'Monte Carlo pool histogram',
        title: 'Lifetime pool loss: paths per bin',
        totals: ['paths'],
      },
      [
        { key: 'from', header: 'Loss from', format: 'percent', value: (b) => b.from },
        { key: 'to', header: 'Loss to', format: 'percent', value: (b) => b.to },
        { key: 'paths', header: 'Paths', format: 'integer', value: (b) => b.paths },
      ],
      r.pool.histogram.counts.map((c, i) => ({
        from: r.pool.histogram.edges[i]!,
        to: r.pool.histogram.edges[i + 1]!,
        paths: c,
      })),
    ),
  ];
}
