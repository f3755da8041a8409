/**
 * Appending servicer reports to a deal's history: a batch goes in whole or not at all, each report checked on
 * its own, against the month before it (the deal's last report or the batch's previous one) and, for period 1,
 * against the deal at closing. The sample deal closes with a 500,000,000 pool (its rep lines' balances) and
 * classes A 374,250,000, B 30,000,000, C 45,000,000 and D 37,500,000; its trustee's reports are the sample's.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../core/deal/schema';
import { appendReports, closingPoolBalance } from '../../../core/surveillance/append';
import { ServicerReport } from '../../../core/surveillance/servicerReport';
import { sampleDeal } from './fixtures';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const deal = sampleDeal('level-pay-consumer.deal.json');
const reports: ServicerReport[] = [1, 2, 3, 4, 5, 6, 7, 8].map((k) =>
  ServicerReport.parse(
    JSON.parse(
      readFileSync(here(`../../../samples/surveillance/level-pay-consumer/report-0${k}.json`), 'utf8'),
    ),
  ),
);
const clone = (r: ServicerReport): ServicerReport => structuredClone(r);
const periodsOf = (d: Deal): number[] => (d.surveillance?.reports ?? []).map((r) => r.period);

describe('appendReports', () => {
  it('the closing pool balance is the rep lines’ balances summed: 500,000,000', () => {
    expect(closingPoolBalance(deal)).toBe(500_000_000);
  });

  it('appends a batch in period order, whatever order it came in, and leaves the deal given untouched', () => {
    const r = appendReports(deal, [reports[2]!, reports[0]!, reports[1]!]);
    expect(r.problems).toEqual([]);
    expect(r.appended).toEqual([1, 2, 3]);
    expect(periodsOf(r.deal)).toEqual([1, 2, 3]);
    expect(deal.surveillance).toBeUndefined();
    const more = appendReports(r.deal, reports.slice(3, 5));
    expect(more.problems).toEqual([]);
    expect(periodsOf(more.deal)).toEqual([1, 2, 3, 4, 5]);
    expect(periodsOf(r.deal)).toEqual([1, 2, 3]);
  });

  it('a month whose pool does not begin where the held history ended is refused, naming month and field', () => {
    const held = appendReports(deal, reports.slice(0, 3)).deal;
    const bad = clone(reports[3]!);
    bad.pool.beginBalance += 0.01;
    bad.pool.endBalance += 0.01;
    const r = appendReports(held, [bad, reports[4]!]);
    expect(r.deal).toBe(held);
    expect(r.appended).toEqual([]);
    expect(r.problems.map((p) => [p.report, p.period, p.field])).toEqual([
      [0, 4, 'pool.beginBalance'],
      [1, 5, 'pool.beginBalance'],
    ]);
    expect(r.problems[0]!.message.message).toBe(
      `pool begin balance ${(reports[3]!.pool.beginBalance + 0.01).toFixed(2)} is not the previous month’s end balance ${reports[2]!.pool.endBalance.toFixed(2)}`,
    );
  });

  it('a gap after the held history (period 5 after 3) is refused', () => {
    const held = appendReports(deal, reports.slice(0, 3)).deal;
    const r = appendReports(held, [reports[4]!]);
    expect(r.problems.map((p) => [p.period, p.field, p.message.code])).toEqual([
      [5, 'period', 'surveillance.periodGap'],
      [5, 'pool.beginBalance', 'surveillance.poolBeginNotPreviousEnd'],
      ...reports[4]!.classes.map((c) => [
        5,
        `classes.${c.id}.beginBalance`,
        'surveillance.classBeginNotPreviousEnd',
      ]),
    ]);
  });

  it('a class the deal does not have is refused (and the class it replaced is missing)', () => {
    const held = appendReports(deal, reports.slice(0, 1)).deal;
    const bad = clone(reports[1]!);
    bad.classes[3]!.id = 'E';
    const r = appendReports(held, [bad]);
    expect(r.problems.map((p) => [p.period, p.field, p.message.code])).toEqual([
      [2, 'classes.E', 'surveillance.unknownClass'],
      [2, 'classes.D', 'surveillance.classMissing'],
    ]);
    expect(r.problems[0]!.message.message).toBe("class 'E' is not a class of the deal (A, B, C, D)");
  });

  it('a period already held: the same report is skipped and said so, a different one refused', () => {
    const held = appendReports(deal, reports.slice(0, 3)).deal;
    const same = appendReports(held, [clone(reports[1]!)]);
    expect(same).toMatchObject({ problems: [], appended: [], alreadyHeld: [2] });
    expect(same.deal).toBe(held);
    const changed = clone(reports[1]!);
    changed.feesPaid += 1;
    const r = appendReports(held, [changed, reports[3]!]);
    expect(r.problems.map((p) => [p.report, p.period, p.field, p.message.code])).toEqual([
      [0, 2, 'period', 'surveillance.periodHeld'],
    ]);
    expect(r.deal).toBe(held);
  });

  it('two reports for one period in a batch are refused', () => {
    const r = appendReports(deal, [reports[0]!, reports[1]!, clone(reports[1]!)]);
    expect(r.problems.map((p) => [p.report, p.period, p.message.code])).toEqual([
      [2, 2, 'surveillance.duplicatePeriod'],
    ]);
  });

  it('the first report begins where the deal closed: the pool at 500,000,000, class A at 374,250,000', () => {
    const bad = clone(reports[0]!);
    bad.pool.beginBalance = 499_999_000;
    bad.pool.endBalance -= 1000;
    bad.classes[0]!.beginBalance = 374_000_000;
    bad.classes[0]!.endBalance -= 250_000;
    const r = appendReports(deal, [bad]);
    expect(r.problems.map((p) => [p.field, p.message.message])).toEqual([
      [
        'pool.beginBalance',
        'pool begin balance 499999000.00 is not the pool’s balance at closing 500000000.00',
      ],
      [
        'classes.A.beginBalance',
        "class 'A' begins at 374000000.00, not at its original balance 374250000.00",
      ],
    ]);
  });

  it('a deal holding no report starts at period 1', () => {
    const r = appendReports(deal, [reports[1]!]);
    expect(r.problems.map((p) => [p.period, p.field, p.message.code])).toEqual([
      [2, 'period', 'surveillance.historyStartsLate'],
    ]);
  });

  it('a report that does not add up on its own refuses the whole batch, the rest of it still checked', () => {
    const bad = clone(reports[1]!);
    bad.pool.endBalance -= 100;
    const r = appendReports(deal, [reports[0]!, bad, reports[2]!]);
    expect(r.appended).toEqual([]);
    expect(r.deal).toBe(deal);
    expect(r.problems.map((p) => [p.report, p.period, p.field])).toEqual([
      [1, 2, 'pool.endBalance'],
      [2, 3, 'pool.beginBalance'],
    ]);
  });

  it('property: appending the eight months in any split into batches gives the one history', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }), (cuts) => {
        const at = [...new Set(cuts)].sort((a, b) => a - b);
        let d = deal;
        let from = 0;
        for (const to of [...at, 8]) {
          const r = appendReports(d, reports.slice(from, to));
          expect(r.problems).toEqual([]);
          d = r.deal;
          from = to;
        }
        expect(d.surveillance?.reports).toEqual(reports);
      }),
      { numRuns: 30 },
    );
  });
});
