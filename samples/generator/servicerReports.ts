/**
 * Servicer reports a deal's trustee would publish if the pool did what a run projected, optionally with its
 * defaults scaled (actual losses running above or below the pricing case): every figure in cents, the pool
 * rolled forward from them, the classes as the run paid them. The surveillance sample and tests use them.
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
  /** Actual defaults = projected × this (default 1); the pool's end balance follows. */
  defaultScale?: number;
}

export function servicerReportsFromRun(run: RunResult, opts: ServicerReportOptions): ServicerReport[] {
  const scale = opts.defaultScale ?? 1;
  let begin = cents(run.pool.periods[0]!.beginBalance);
  return run.pool.periods.slice(0, opts.periods).map((r) => {
    const scheduled = cents(r.scheduledPrincipal);
    const prepayments = cents(r.prepayment);
    const defaults = cents(Math.min(r.default * scale, begin - scheduled - prepayments));
    const purchases = cents(r.purchases);
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
        recoveries: cents(r.recovery * scale),
        purchases,
        endBalance: end,
      },
      // The deal's senior fees: what the fee steps had due on this date.
      feesPaid: cents(
        (run.waterfall[r.period - 1]?.steps ?? [])
          .filter((w) => w.label.startsWith('fee '))
          .reduce((x, w) => x + w.due, 0),
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
 * `tsx samples/generator/servicerReports.ts --deal FILE --out DIR [--periods N] [--default-scale X]`: writes
 * the reports as JSON files, the last one as a Chinese item/value CSV.
 */
export function main(args: readonly string[]): void {
  const arg = (n: string): string | undefined => {
    const i = args.indexOf(n);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dealFile = arg('--deal');
  const out = arg('--out');
  if (!dealFile || !out)
    throw new Error('usage: servicerReports.ts --deal FILE --out DIR [--periods N] [--default-scale X]');
  const deal = parseDeal(JSON.parse(readFileSync(dealFile, 'utf8')), dealFile);
  if (deal.pool.kind !== 'repLines') throw new Error('a rep-line deal is needed');
  const run = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines });
  const reports = servicerReportsFromRun(run, {
    periods: Number(arg('--periods') ?? 6),
    defaultScale: Number(arg('--default-scale') ?? 1),
  });
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
