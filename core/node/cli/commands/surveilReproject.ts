/**
 * `surveil … --reproject`: the deal re-projected from the state of its latest servicer report
 * (core/surveillance/stateFromReports.ts), what the state took from outside the reports, and the periods after
 * it under the chosen scenario. The pool as of that date is the deal's pool state there rolled forward to the
 * reports (core/surveillance/reprojection.ts, which the Surveillance screen calls too). `--json` prints the state
 * and the run.
 */
import type { Deal } from '../../../deal/schema';
import { coreText } from '../../../i18n/messages';
import type { PoolInput } from '../../../projection/project';
import { RestartError } from '../../../projection/restart';
import { DealError } from '../../../run';
import { reprojectFromReports } from '../../../surveillance/reprojection';
import type { ServicerReport } from '../../../surveillance/servicerReport';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, renderTable } from '../format';
import { cliT } from '../lang';
import { dealErrorLines } from '../problems';

/** Amounts exact to the cent added without float drift. */
const sumCents = (xs: readonly number[]): number => xs.reduce((a, x) => a + Math.round(x * 100), 0) / 100;

export function printReprojection(
  deal: Deal,
  pool: PoolInput,
  reports: readonly ServicerReport[],
  opts: { scenario: string | undefined; json: boolean; dealPath: string },
): void {
  const t = cliT();
  let state;
  let run;
  try {
    ({ state, run } = reprojectFromReports(deal, pool, reports, opts.scenario));
  } catch (e) {
    if (e instanceof DealError) throw new CliError(dealErrorLines(t, opts.dealPath, e));
    if (e instanceof RestartError) throw new CliError(`${opts.dealPath}: ${coreText(t, e.problem)}`);
    throw e;
  }

  if (opts.json) {
    process.stdout.write(
      JSON.stringify(
        {
          kind: 'reprojection',
          deal: deal.name,
          scenario: run.scenario.name,
          reports: reports.length,
          state,
          pool: { periods: run.pool.periods },
          tranches: run.tranches.map((tr) => ({
            id: tr.id,
            principalLoss: tr.principalLoss,
            interestShortfall: tr.interestShortfall,
            cashflows: tr.cashflows,
          })),
          triggerEvents: run.triggerEvents,
          cleanUpCallPeriod: run.cleanUpCallPeriod,
          checks: run.checks,
        },
        null,
        1,
      ) + '\n',
    );
    return;
  }

  const source = state.source;
  const derived = source.kind === 'reports' ? source.derived : [];
  const previous = source.kind === 'reports' ? source.previousState : null;
  const out = [
    t('cli:surveilReproject.title', {
      deal: deal.name,
      period: state.period,
      date: state.date,
      scenario: run.scenario.name,
      reports: reports.length,
    }),
    '',
    heading(t('cli:surveilReproject.derivedTitle')),
    previous === null
      ? t('cli:surveilReproject.noState')
      : t('cli:surveilReproject.fromState', { period: previous }),
    ...derived.map((d) => `  - ${t(`cli:surveilReproject.derived.${d}`)}`),
    '',
    heading(t('cli:surveilReproject.stateTitle', { period: state.period })),
    renderTable(
      [
        { header: t('cli:surveilReproject.col.classId'), align: 'left' },
        t('cli:surveilReproject.col.balance'),
        t('cli:surveilReproject.col.shortfall'),
      ],
      state.classes.map((c) => [c.id, formatNumber(c.balance, 2), formatNumber(c.interestShortfall, 2)]),
    ),
    '',
    heading(t('cli:surveilReproject.periodsTitle')),
    renderTable(
      [
        t('cli:surveilReproject.col.period'),
        { header: t('cli:surveilReproject.col.date'), align: 'left' },
        t('cli:surveilReproject.col.pool'),
        t('cli:surveilReproject.col.cnl'),
        t('cli:surveilReproject.col.notes'),
        t('cli:surveilReproject.col.reserve'),
        { header: t('cli:surveilReproject.col.triggers'), align: 'left' },
      ],
      run.waterfall.map((w, i) => {
        const p = run.pool.periods[i]!;
        const notes = sumCents(run.tranches.map((tr) => tr.cashflows[i]?.balance ?? 0));
        return [
          String(w.period),
          w.date,
          formatNumber(p.endBalance, 2),
          formatPercent(p.cumulativeNetLossPct),
          formatNumber(notes, 2),
          formatNumber(w.reserve.end, 2),
          w.triggersBreached.length > 0 ? w.triggersBreached.join(', ') : t('cli:surveilReproject.none'),
        ];
      }),
    ),
    '',
    heading(t('cli:surveilReproject.classesTitle', { period: state.period })),
    renderTable(
      [
        { header: t('cli:surveilReproject.col.classId'), align: 'left' },
        t('cli:surveilReproject.col.interest'),
        t('cli:surveilReproject.col.principal'),
        t('cli:surveilReproject.col.loss'),
        t('cli:surveilReproject.col.shortfall'),
      ],
      run.tranches.map((tr) => [
        tr.id,
        formatNumber(sumCents(tr.cashflows.map((c) => c.interest)), 2),
        formatNumber(sumCents(tr.cashflows.map((c) => c.principal)), 2),
        formatNumber(tr.principalLoss, 2),
        formatNumber(tr.interestShortfall, 2),
      ]),
    ),
  ];
  process.stdout.write(out.join('\n') + '\n');
}
