/**
 * Stress results as the Excel report's extra sheets (`ReportTable` of core/io/report): grid, scenario
 * comparison (in ./grid.ts and ./compare.ts), break-evens, rating stresses and Monte Carlo (here).
 */
import type { ReportTable } from '../io/report/reportTable';
import type { BreakevenResult } from './breakeven';
import type { MonteCarloResult } from './monteCarlo';
import type { RatingStressResult } from './ratingStress';

export type { ReportTable };

export function breakevenReportTable(results: readonly BreakevenResult[]): ReportTable {
  const rows = results.map((r) => {
    const row: Record<string, string | number | null> = { tranche: r.trancheId };
    for (const a of r.answers) {
      const k = a.mode === 'cdr' ? 'cdr' : 'multiple';
      row[`${k}Breakeven`] = a.breakeven;
      row[`${k}PoolLoss`] = a.poolLossAtBreakeven;
      row[`${k}FirstLoss`] = a.firstPrincipalLoss;
      row[`${k}Note`] = a.wholeAtMax
        ? `whole up to the search limit ${a.max}`
        : a.breakeven === null
          ? 'not whole at 0'
          : '';
    }
    return row;
  });
  return {
    sheetName: 'Break-even',
    title: `Break-even stresses, scenario ${results[0]?.scenarioName ?? ''}: largest stress with all interest and principal paid (CDR to 0.01%, multiple to 0.01)`,
    columns: [
      { key: 'tranche', header: 'Class', format: 'text' },
      { key: 'cdrBreakeven', header: 'Break-even CDR', format: 'percent' },
      { key: 'cdrPoolLoss', header: 'Pool loss at CDR break-even', format: 'percent' },
      { key: 'cdrFirstLoss', header: 'CDR of first principal loss', format: 'percent' },
      { key: 'cdrNote', header: 'Note (CDR)', format: 'text' },
      { key: 'multipleBreakeven', header: 'Break-even loss multiple', format: 'number' },
      { key: 'multiplePoolLoss', header: 'Pool loss at multiple break-even', format: 'percent' },
      { key: 'multipleFirstLoss', header: 'Multiple of first principal loss', format: 'number' },
      { key: 'multipleNote', header: 'Note (multiple)', format: 'text' },
    ],
    rows,
  };
}

export function ratingStressReportTable(r: RatingStressResult): ReportTable {
  const ids = Object.keys(r.highestPassing);
  return {
    sheetName: 'Rating stresses',
    title: `Rating-agency style stresses on scenario ${r.scenarioName} (base pool loss ${(r.baseLossPct * 100).toFixed(2)}%): a class passes a level when it is paid in full in every prepayment and timing case`,
    columns: [
      { key: 'rating', header: 'Level', format: 'text' },
      { key: 'multiple', header: 'Loss multiple', format: 'number' },
      { key: 'worstPoolLoss', header: 'Worst pool loss', format: 'percent' },
      ...ids.map((id) => ({ key: `pass_${id}`, header: `Class ${id}`, format: 'text' as const })),
      { key: 'source', header: 'Source', format: 'text' },
    ],
    rows: r.levels.map((l) => {
      const row: Record<string, string | number | null> = {
        rating: l.rating,
        multiple: l.multiple,
        worstPoolLoss: Math.max(...l.cases.map((c) => c.poolLossPct)),
        source: l.source,
      };
      for (const id of ids) row[`pass_${id}`] = l.passes[id] ? 'pass' : 'fail';
      return row;
    }),
  };
}

export function monteCarloReportTables(r: MonteCarloResult): ReportTable[] {
  const pcts = r.pool.percentiles.map((p) => p.p);
  const pctCols = pcts.map((p, i) => ({
    key: `p${i}`,
    header: `${(p * 100).toFixed(1)}th pct`,
    format: 'percent' as const,
  }));
  const summaryRow = (name: string, s: MonteCarloResult['pool'] | MonteCarloResult['tranches'][number]) => {
    const row: Record<string, string | number | null> = { name, mean: s.mean, stdDev: s.stdDev };
    s.percentiles.forEach((p, i) => (row[`p${i}`] = p.value));
    return row;
  };
  return [
    {
      sheetName: 'Monte Carlo',
      title: `Monte Carlo, ${r.plan.paths} paths, seed ${r.plan.seed}: one-factor Gaussian copula, mean loss ${(r.plan.meanLoss * 100).toFixed(2)}%, ρ ${r.plan.rho.toFixed(4)}; class figures are principal loss / original balance`,
      columns: [
        { key: 'name', header: 'Pool / class', format: 'text' },
        { key: 'mean', header: 'Mean (expected loss)', format: 'percent' },
        { key: 'stdDev', header: 'Std deviation', format: 'percent' },
        { key: 'probabilityOfLoss', header: 'P(any principal loss)', format: 'percent' },
        { key: 'probabilityOfShortfall', header: 'P(unpaid interest)', format: 'percent' },
        ...pctCols,
      ],
      rows: [
        summaryRow('Pool (lifetime)', r.pool),
        summaryRow('Pool (inside the deal)', { ...r.dealPool, modelMean: 0, modelStdDev: 0 }),
        ...r.tranches.map((t) => ({
          ...summaryRow(t.id, t),
          probabilityOfLoss: t.probabilityOfLoss,
          probabilityOfShortfall: t.probabilityOfShortfall,
        })),
      ],
    },
    {
      sheetName: 'Monte Carlo pool histogram',
      title: 'Lifetime pool loss: paths per bin',
      columns: [
        { key: 'from', header: 'Loss from', format: 'percent' },
        { key: 'to', header: 'Loss to', format: 'percent' },
        { key: 'paths', header: 'Paths', format: 'integer' },
      ],
      rows: r.pool.histogram.counts.map((c, i) => ({
        from: r.pool.histogram.edges[i]!,
        to: r.pool.histogram.edges[i + 1]!,
        paths: c,
      })),
      totals: ['paths'],
    },
  ];
}
