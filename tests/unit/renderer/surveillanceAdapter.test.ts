/**
 * The Surveillance screen's engine jobs (renderer/engine/surveillanceAdapter.ts). Reading: a trustee's report is
 * appended only when it reconciles to the cent on its own and follows on from the month before (the history's
 * last, or the report accepted just before it); everything else is refused by file, month and field, and no
 * report read is lost (each is appended or named in a refusal). Comparing: the actuals are set against the
 * scenario asked for.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ServicerReport } from '../../../core/surveillance/servicerReport';
import {
  compareToProjection,
  readReports,
  type ReportFile,
} from '../../../renderer/engine/surveillanceAdapter';
import { reportsOf, sampleDeal, sampleRun } from '../surveillance/fixtures';

const DIR = 'samples/surveillance/level-pay-consumer';
const CLASSES = ['A', 'B', 'C', 'D'];
const file = (name: string): ReportFile => ({
  name,
  bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)),
});
const json = (name: string, value: unknown): ReportFile => ({
  name,
  bytes: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)),
});
const monthJson = (k: number): ServicerReport =>
  ServicerReport.parse(JSON.parse(readFileSync(`${DIR}/report-0${k}.json`, 'utf8')));
const firstEight = [1, 2, 3, 4, 5, 6, 7, 8].map(monthJson);

describe('reading servicer reports against a deal history', () => {
  it('appends the Chinese item/value CSV of month 9 after months 1–8, with its figures as written', () => {
    const r = readReports({ files: [file('report-09.csv')], classIds: CLASSES, history: firstEight });
    expect(r.refused).toEqual([]);
    expect(r.accepted.map((a) => a.report.period)).toEqual([9]);
    const p = r.accepted[0]!.report;
    // The CSV's own lines: 期初资产池余额 353575009.96, 期末资产池余额 335412876.28, A档期末余额 240788467.72.
    expect(p.pool.beginBalance).toBe(353575009.96);
    expect(p.pool.endBalance).toBe(335412876.28);
    expect(p.classes.find((c) => c.id === 'A')?.endBalance).toBe(240788467.72);
  });

  it('refuses a month whose pool does not roll forward, and the month after it for the gap', () => {
    const bad = JSON.parse(readFileSync(`${DIR}/report-08.json`, 'utf8')) as {
      pool: { endBalance: number };
    };
    // Month 8 with its end balance 1.00 high: begin 371,818,559.05 − principal 16,382,625.82 − defaults
    // 1,860,923.27 = 353,575,009.96, not 353,575,010.96.
    bad.pool.endBalance = 353575010.96;
    const r = readReports({
      files: [json('report-08.json', bad), file('report-09.csv')],
      classIds: CLASSES,
      history: firstEight.slice(0, 7),
    });
    expect(r.accepted).toEqual([]);
    expect(r.refused.map((x) => [x.file, x.period, x.field, x.message.code])).toEqual([
      ['report-08.json', 8, 'pool.endBalance', 'surveillance.poolRollForward'],
      ['report-09.csv', 9, 'period', 'surveillance.periodGap'],
      ['report-09.csv', 9, 'pool.beginBalance', 'surveillance.poolBeginNotPreviousEnd'],
      ['report-09.csv', 9, 'classes.A.beginBalance', 'surveillance.classBeginNotPreviousEnd'],
      ['report-09.csv', 9, 'classes.B.beginBalance', 'surveillance.classBeginNotPreviousEnd'],
      ['report-09.csv', 9, 'classes.C.beginBalance', 'surveillance.classBeginNotPreviousEnd'],
      ['report-09.csv', 9, 'classes.D.beginBalance', 'surveillance.classBeginNotPreviousEnd'],
    ]);
  });

  it('refuses a month the history already holds, a class the deal lacks, a missing field and bad JSON', () => {
    const extra = {
      ...monthJson(1),
      classes: [...monthJson(1).classes, { ...monthJson(1).classes[0]!, id: 'Z' }],
    };
    const undated: Record<string, unknown> = { ...monthJson(1) };
    delete undated.paymentDate;
    const r = readReports({
      files: [
        json('again.json', monthJson(8)),
        json('z.json', extra),
        json('undated.json', undated),
        json('broken.json', '{ "period": 1,\n  }'),
      ],
      classIds: CLASSES,
      history: firstEight,
    });
    expect(r.accepted).toEqual([]);
    const by = (f: string) => r.refused.filter((x) => x.file === f);
    expect(by('again.json').map((x) => [x.period, x.field, x.message.code])).toEqual([
      [8, 'period', 'surveillance.duplicatePeriod'],
    ]);
    expect(by('z.json').map((x) => x.message.code)).toContain('surveillance.unknownClass');
    expect(by('undated.json').map((x) => [x.period, x.field])).toEqual([[1, 'paymentDate']]);
    const broken = by('broken.json');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.place?.params).toEqual({ line: 2, column: 3 });
    expect(broken[0]!.message.code?.startsWith('json.')).toBe(true);
  });

  it('names the line of an item it does not know in a CSV', () => {
    const csv = json('odd.csv', '项目,金额\n期数,9\n本月天气,晴\n');
    const r = readReports({ files: [csv], classIds: CLASSES, history: firstEight });
    expect(r.refused.map((x) => [x.file, x.message.code, x.message.params?.line])).toEqual([
      ['odd.csv', 'surveillance.unknownItem', 3],
    ]);
  });

  it('keeps every report read: appended in consecutive months after the history, or named in a refusal', () => {
    const nine = readReports({ files: [file('report-09.csv')], classIds: CLASSES, history: firstEight });
    const all = [...firstEight, nine.accepted[0]!.report];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4 }),
        fc.shuffledSubarray(all.map((r) => r.period)),
        fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
        (held, picked, broken) => {
          const history = all.slice(0, held);
          const files = picked.map((k) => {
            const r = all[k - 1]!;
            // One report may arrive with its pool end a cent off.
            const v = k === broken ? { ...r, pool: { ...r.pool, endBalance: r.pool.endBalance + 0.01 } } : r;
            return json(`m${k}.json`, v);
          });
          const out = readReports({ files, classIds: CLASSES, history });
          const appended = out.accepted.map((a) => a.report.period);
          // After a history, the month after its last; a deal's first reports may start at any month.
          const start = held > 0 ? held + 1 : (appended[0] ?? 1);
          appended.forEach((p, i) => expect(p).toBe(start + i));
          for (const f of files)
            expect(
              out.accepted.some((a) => a.file === f.name) || out.refused.some((x) => x.file === f.name),
            ).toBe(true);
          expect(out.accepted.some((a) => a.file === `m${broken}.json`)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('comparing against the projection', () => {
  it('sets the reports against the scenario asked for: a servicer that did exactly the stress run matches it', () => {
    const deal = sampleDeal('level-pay-consumer.deal.json');
    const reports = reportsOf(sampleRun('level-pay-consumer.deal.json', 'stress'), 6);
    const withReports = { ...deal, surveillance: { reports } };
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: deal.pool.lines };
    const stress = compareToProjection(withReports, pool, 'stress');
    expect(stress.scenario).toBe('stress');
    // The reports roll the pool forward in cents, the run in floating point: equal to within a few cents.
    for (const r of stress.rows)
      expect(Math.abs(r.actual.poolEndBalance - r.projected!.poolEndBalance)).toBeLessThan(0.05);
    const base = compareToProjection(withReports, pool, 'base');
    expect(base.rows.some((r) => Math.abs(r.actual.poolEndBalance - r.projected!.poolEndBalance) > 1)).toBe(
      true,
    );
    // Every scenario's run is there for the projected breaches, one row per scenario and trigger.
    expect(base.breaches.map((b) => b.scenario)).toEqual(deal.scenarios.map((s) => s.name));
    expect(base.headroom).toHaveLength(deal.structure.triggers.length * reports.length);
  });
});
