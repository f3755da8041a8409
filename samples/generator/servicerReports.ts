/**
 * Servicer reports a deal's trustee would publish if the pool did what one run projected: the pool's
 * collections, defaults and recoveries and the classes' payments all from that run, every figure in cents and
 * the pool rolled forward from them. Pool and notes come from ONE run so the notes are paid from the
 * collections the report states: a report whose pool ran worse than the pricing case while its notes were paid
 * as priced could not come from any waterfall, and every figure surveillance derives from it (OC, CE, actual
 * against projected, the re-fit) would be off. Reports of a pool running worse than priced therefore come from a
 * run under a worse scenario (`--default-multiple`), not from scaling one run's defaults.
 *
 * The surveillance sample (nine months, defaults at 1.4 × the pricing case's CDR):
 *   npx tsx samples/generator/servicerReports.ts --deal samples/deals/level-pay-consumer.deal.json \
 *     --out samples/surveillance/level-pay-consumer --periods 9 --default-multiple 1.4
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDeal } from '../../core/deal/load';
import type { RunResult } from '../../core/result';
import { runDeal } from '../../core/run';
import { ServicerReport } from '../../core/surveillance/servicerReport';

const cents = (x: number): number => Math.round(x * 100) / 100;

export interface ServicerReportOptions {
  /** Reports for periods 1 … periods. */
  periods: number;
}

/** Reports of periods 1 … `periods` of `run`: the pool's figures and the classes' payments from the same run. */
export function servicerReportsFromRun(run: RunResult, opts: ServicerReportOptions): ServicerReport[] {
  let begin = cents(run.pool.periods[0]!.beginBalance);
  return run.pool.periods.slice(0, opts.periods).map((r) => {
    const scheduled = cents(r.scheduledPrincipal);
    const prepayments = cents(r.prepayment);
    const defaults = cents(r.default);
    const purchases = cents(r.purchases);
    // Rolled forward from the rounded figures so the report adds up to the cent (the run's own end balance,
    // rounded on its own, may differ by a cent).
    const end = cents(begin - scheduled - prepayments - defaults + purchases);
    const report = ServicerReport.parse({
      period: r.period,
      paymentDate: r.date,
      pool: {
        beginBalance: begin,
        principalCollections: cents(scheduled + prepayments),
        prepayments,
        // The pool's fee income (instalment fees) is collected as revenue beside interest.
        interestCollections: cents(r.interest + r.fees),
        defaults,
        recoveries: cents(r.recovery),
        purchases,
        endBalance: end,
      },
      // The deal's senior fees as the fee steps paid them on this date.
      feesPaid: cents(
        (run.waterfall[r.period - 1]?.steps ?? [])
          .filter((w) => w.label.startsWith('fee '))
          .reduce((x, w) => x + w.paid, 0),
      ),
      classes: run.tranches.map((t) => {
        const c = t.cashflows[r.period - 1]!;
        return {
          id: t.id,
          beginBalance: c.beginBalance,
          interestPaid: c.interest,
          principalPaid: c.principal,
          writeDown: Math.max(0, c.writedown),
          interestShortfall: c.interestShortfall,
          endBalance: c.balance,
        };
      }),
    });
    begin = end;
    return report;
  });
}

/** Chinese item names for a report written as item/value rows (受托机构报告), as core/surveillance/reportItems.ts reads them. */
export function reportItemRowsZh(r: ServicerReport): string[][] {
  const p = r.pool;
  const rows: [string, string | number][] = [
    ['期数', r.period],
    ['兑付日', r.paymentDate],
    ['期初资产池余额', p.beginBalance],
    ['本期本金回收款', p.principalCollections],
    ['提前还款', p.prepayments],
    ['本期收入回收款', p.interestCollections],
    ['新增违约', p.defaults],
    ['违约回收', p.recoveries],
    ['循环购买', p.purchases],
    ['期末资产池余额', p.endBalance],
    ['税费及费用', r.feesPaid],
  ];
  for (const c of r.classes)
    rows.push(
      [`${c.id}档期初余额`, c.beginBalance],
      [`${c.id}档利息兑付`, c.interestPaid],
      [`${c.id}档本金兑付`, c.principalPaid],
      [`${c.id}档未付利息`, c.interestShortfall],
      [`${c.id}档期末余额`, c.endBalance],
    );
  return [['项目', '金额'], ...rows.map(([k, v]) => [k, typeof v === 'number' ? v.toFixed(2) : v])];
}

/**
 * `tsx samples/generator/servicerReports.ts --deal FILE --out DIR [--periods N] [--scenario NAME]
 * [--default-multiple X]`: runs the deal under the scenario (default the deal's first) with its defaultMultiple
 * × X, and writes that run's reports as JSON files, the last one as a Chinese item/value CSV.
 */
export function main(args: readonly string[]): void {
  const arg = (n: string): string | undefined => {
    const i = args.indexOf(n);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dealFile = arg('--deal');
  const out = arg('--out');
  const usage =
    'usage: servicerReports.ts --deal FILE --out DIR [--periods N] [--scenario NAME] [--default-multiple X]';
  if (!dealFile || !out) throw new Error(usage);
  const multiple = Number(arg('--default-multiple') ?? 1);
  if (!(multiple >= 0))
    throw new Error(`--default-multiple: a number ≥ 0 is needed, got ${arg('--default-multiple')}\n${usage}`);
  const deal = parseDeal(JSON.parse(readFileSync(dealFile, 'utf8')), dealFile);
  if (deal.pool.kind !== 'repLines') throw new Error('a rep-line deal is needed');
  const scenarioName = arg('--scenario');
  const base =
    scenarioName === undefined ? deal.scenarios[0] : deal.scenarios.find((s) => s.name === scenarioName);
  if (!base) throw new Error(`--scenario: the deal has no scenario '${scenarioName}'`);
  const run = runDeal(
    deal,
    { kind: 'repLines', lines: deal.pool.lines },
    { scenario: { ...base, defaultMultiple: base.defaultMultiple * multiple } },
  );
  const reports = servicerReportsFromRun(run, { periods: Number(arg('--periods') ?? 6) });
  mkdirSync(out, { recursive: true });
  reports.forEach((r, i) => {
    const name = `report-${String(r.period).padStart(2, '0')}`;
    if (i === reports.length - 1)
      writeFileSync(
        join(out, `${name}.csv`),
        reportItemRowsZh(r)
          .map((x) => x.join(','))
          .join('\n') + '\n',
      );
    else writeFileSync(join(out, `${name}.json`), JSON.stringify(r, null, 2) + '\n');
  });
  process.stdout.write(`wrote ${reports.length} reports to ${out}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
