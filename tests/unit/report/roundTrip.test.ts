import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { POOL_COLUMNS, TRANCHE_COLUMNS } from '../../../core/io/report/cashflowSheets';
import type { RunResult } from '../../../core/result';
import { DEAL_INPUT, fixtureRun, PERIODS } from './fixture';
import { at, cell, find, packageText, readReport, sheet } from './readBack';

const deal = Deal.parse(DEAL_INPUT);
const result = fixtureRun(deal);
const bytes = await buildTrancheReport({ deal, result });
const wb = readReport(bytes);

/** Excel serial of an ISO date (1900 system), computed independently of the report code. */
const serial = (iso: string): number =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000;
const cents = (v: unknown): number => Math.round((v as number) * 100);

/** Rows of every sheet's title block (title, caption): headers sit on the row below, data from the next. */
const HEADER = 2;
const FIRST = HEADER + 1;

describe('tranche report round trip (read back with SheetJS)', () => {
  it('has the sheets in report order with Excel-valid names', () => {
    expect(wb.SheetNames).toEqual([
      'Contents',
      'Summary',
      'Investor summary',
      'Assumptions',
      'Pool cash flows',
      'Tranche A',
      'Tranche B',
      'Waterfall',
    ]);
  });

  it('gives every pool column of every period back to the cent, dates as real dates', () => {
    const ws = sheet(wb, 'Pool cash flows');
    POOL_COLUMNS.forEach((col, c) => expect(at(ws, HEADER, c)?.v).toBe(col.header));
    result.pool.periods.forEach((p, i) => {
      const r = FIRST + i;
      expect(at(ws, r, 0)?.v).toBe(p.period);
      expect(at(ws, r, 1)?.v).toBe(serial(p.date));
      expect(at(ws, r, 1)?.z).toBe('yyyy-mm-dd');
      expect(at(ws, r, 1)?.w).toBe(p.date);
      for (const [c, col] of POOL_COLUMNS.entries()) {
        if (col.key === 'period' || col.key === 'date' || col.key === 'excessSpread') continue;
        const expected = p[col.key as keyof typeof p] as number;
        if (col.format === 'money')
          expect(cents(at(ws, r, c)?.v), `${col.key} period ${p.period}`).toBe(cents(expected));
        else expect(at(ws, r, c)?.v).toBe(expected);
      }
      expect(
        at(
          ws,
          r,
          POOL_COLUMNS.findIndex((c) => c.key === 'excessSpread'),
        )?.v,
      ).toBe(result.excessSpread[i]?.annualised);
    });
  });

  it('writes pool totals as live SUM formulas cached at the hand-checked totals', () => {
    const ws = sheet(wb, 'Pool cash flows');
    const totalsRow = FIRST + PERIODS;
    expect(at(ws, totalsRow, 0)?.v).toBe('Total');
    const sched = at(ws, totalsRow, 3);
    expect(sched?.f).toBe('SUM(D4:D7)');
    // 80,000 + 72,759.68 + 66,174.64 + 60,185.57
    expect(sched?.v).toBe(279_119.89);
    const interest = at(ws, totalsRow, 8);
    expect(interest?.f).toBe('SUM(I4:I7)');
    // 9,000 + 8,185.46 + 7,444.65 + 6,770.88
    expect(interest?.v).toBe(31_400.99);
    // Negative amounts red, in parentheses.
    expect(interest?.z).toBe('#,##0.00;[Red](#,##0.00)');
    // Balances do not add up over periods: no total under them.
    expect(at(ws, totalsRow, 2)).toBeUndefined();
  });

  it('gives every tranche cash flow back to the cent, with totals that tie to the balances', () => {
    for (const t of result.tranches) {
      const ws = sheet(wb, `Tranche ${t.id}`);
      t.cashflows.forEach((row, i) => {
        TRANCHE_COLUMNS.forEach((col, c) => {
          const got = at(ws, FIRST + i, c)?.v;
          const want = row[col.key as keyof typeof row];
          // Dates are Excel serials; an absent accrual date (not a payment date) is an empty cell.
          if (col.format === 'date') expect(got).toBe(typeof want === 'string' ? serial(want) : undefined);
          else if (col.format === 'money')
            expect(cents(got), `${t.id} ${col.key} ${row.period}`).toBe(
              cents(row[col.key as keyof typeof row]),
            );
          else expect(got).toBe(row[col.key as keyof typeof row]);
        });
      });
      expect(at(ws, FIRST, 9)?.z).toBe('0.00%;[Red]-0.00%');
    }
    const a = sheet(wb, 'Tranche A');
    const principal = at(a, FIRST + PERIODS, 6);
    expect(principal?.f).toBe('SUM(G4:G7)');
    // Principal paid over the run = 800,000 − 484,231.66 still outstanding.
    expect(principal?.v).toBe(315_768.34);
  });

  it('shows each waterfall step and reconciles sources and uses as visible formulas', () => {
    const ws = sheet(wb, 'Waterfall');
    const totalSources = find(ws, 'Total sources');
    const totalUses = find(ws, 'Total uses');
    const difference = find(ws, 'Sources − uses − change in reserve');
    expect(find(ws, '1. fee servicing').r).toBe(HEADER);
    expect(find(ws, '5. principal A, B').r).toBe(HEADER);
    result.waterfall.forEach((p, i) => {
      const r = FIRST + i;
      const src = at(ws, r, totalSources.c);
      expect(src?.f).toBe(`C${r + 1}+D${r + 1}+E${r + 1}+G${r + 1}`);
      expect(src?.v).toBe(p.sources.total);
      expect(at(ws, r, totalUses.c)?.f).toMatch(/^I\d+\+J\d+\+K\d+\+L\d+\+M\d+\+N\d+-\w+\d+$/);
      expect(at(ws, r, totalUses.c)?.v).toBe(p.uses.total);
      expect(at(ws, r, difference.c)?.f).toBe(`ROUND(H${r + 1}-O${r + 1}-(S${r + 1}-P${r + 1}),2)`);
      expect(at(ws, r, difference.c)?.v).toBe(0);
      p.steps.forEach((s) => expect(at(ws, r, 8 + s.step)?.v).toBe(s.paid));
    });
  });

  it('puts the tranche table, triggers and checks on the Summary', () => {
    const ws = sheet(wb, 'Summary');
    expect(at(ws, find(ws, 'Deal').r, 1)?.v).toBe(deal.name);
    expect(at(ws, find(ws, 'Cut-off date').r, 1)?.w).toBe('2024-01-31');
    const header = find(ws, 'Class');
    const wal = find(ws, 'WAL (years)');
    expect(at(ws, header.r + 1, 0)?.v).toBe('A');
    expect(at(ws, header.r + 1, wal.c)?.v).toBe(0.2146);
    expect(at(ws, header.r + 2, wal.c)?.v).toBe('n/a');
    const original = find(ws, 'Original balance');
    expect(at(ws, header.r + 3, original.c)?.f).toMatch(/^SUM\(/);
    expect(at(ws, header.r + 3, original.c)?.v).toBe(1_000_000);
    expect(at(ws, find(ws, 'Cash conserved (every period reconciles to the cent)').r, 1)).toMatchObject({
      t: 'b',
      v: true,
    });
    // 0.6 × 18% + 0.4 × 0%
    expect(at(ws, find(ws, 'Weighted average APR (by balance)').r, 1)?.v).toBeCloseTo(0.108, 12);
    expect(at(ws, find(ws, 'cnl').r, 4)?.v).toBe('breached');
  });

  it('writes every assumption by period: vectors held, formulas evaluated, and the rates the engine used', () => {
    const ws = sheet(wb, 'Assumptions');
    expect(at(ws, find(ws, 'Index curve SOFR').r, 1)?.v).toBe('formula: 0.05 + 0.001 * period');
    const period = find(ws, 'Period');
    const col = (header: string): number[] =>
      [1, 2, 3, 4].map((i) => at(ws, period.r + i, find(ws, header).c)?.v as number);
    // The vector's last value holds after it ends.
    expect(col('Default CDR curve')).toEqual([0.02, 0.03, 0.04, 0.04]);
    col('Index SOFR').forEach((v, i) => expect(v).toBeCloseTo(0.05 + 0.001 * (i + 1), 12));
    expect(col('near-prime: severity')).toEqual([0.9, 0.9, 0.9, 0.9]);
    // MDR = 1 − (1 − CDR)^(1/12); SMM from 10% CPR likewise. The override gives near-prime its own severity.
    const mdr = col('Engine MDR (prime, seasoning 2)');
    [0.02, 0.03, 0.04, 0.04].forEach((cdr, i) => expect(mdr[i]).toBeCloseTo(1 - (1 - cdr) ** (1 / 12), 12));
    expect(col('Engine SMM (prime, seasoning 2)')[0]).toBeCloseTo(1 - 0.9 ** (1 / 12), 12);
    expect(col('Engine severity (prime, seasoning 2)')).toEqual([0.8, 0.8, 0.8, 0.8]);
    expect(col('Engine severity (near-prime, seasoning 0)')).toEqual([0.9, 0.9, 0.9, 0.9]);
    expect(at(ws, find(ws, 'Deal sources').r + 1, 0)?.v).toBe(DEAL_INPUT.sources?.[0]);
  });

  it('adds break-evens and extra tables when given', async () => {
    const extra = readReport(
      await buildTrancheReport({
        deal,
        result,
        extras: {
          breakevens: [
            { trancheId: 'A', cdr: 0.35, lossMultiple: 6.2 },
            { trancheId: 'B', cdr: null, lossMultiple: null },
          ],
          tables: [
            {
              sheetName: 'Summary',
              title: 'Grid',
              columns: [
                { key: 'cdr', header: 'CDR', format: 'percent' },
                { key: 'loss', header: 'Loss', format: 'money' },
              ],
              rows: [
                { cdr: 0.1, loss: 100.1 },
                { cdr: 0.2, loss: 200.2 },
              ],
              totals: ['loss'],
            },
          ],
        },
      }),
    );
    expect(extra.SheetNames.at(-1)).toBe('Summary (2)');
    const grid = sheet(extra, 'Summary (2)');
    expect(cell(grid, 'B6')).toMatchObject({ f: 'SUM(B4:B5)', v: 300.3 });
    expect(grid['!autofilter']).toEqual({ ref: 'A3:B5' });
    const summary = sheet(extra, 'Summary');
    const be = find(summary, 'Break-even CDR');
    expect(at(summary, be.r + 1, be.c)?.v).toBe(0.35);
    expect(at(summary, be.r + 2, be.c)?.v).toBe('not found');
  });

  it('sets number formats, column widths, autofilters and frozen header rows', () => {
    const ws = sheet(wb, 'Pool cash flows');
    expect(ws['!autofilter']).toEqual({ ref: `A3:O${FIRST + PERIODS}` });
    const xml = packageText(bytes, 'xl/worksheets/sheet5.xml');
    expect(xml).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    expect(xml).toMatch(/<cols>.*<col min="3" max="3" width="[\d.]+"/);
    // The Summary mixes several tables: nothing frozen there.
    expect(packageText(bytes, 'xl/worksheets/sheet2.xml')).not.toContain('<pane');
  });

  it('writes no cached value that disagrees with the engine when a class never pays principal', async () => {
    const r: RunResult = fixtureRun(deal);
    const b = r.tranches[1];
    expect(b?.principalWindow).toBeNull();
    const ws = sheet(readReport(await buildTrancheReport({ deal, result: r })), 'Tranche B');
    expect(at(ws, FIRST + PERIODS, 6)).toMatchObject({ f: 'SUM(G4:G7)', v: 0 });
  });

  it('still writes a valid workbook for an empty run and non-finite analytics', async () => {
    const empty: RunResult = {
      ...fixtureRun(deal),
      pool: { initialBalance: 0, periods: [] },
      waterfall: [],
      excessSpread: [],
      triggerEvents: [],
    };
    empty.tranches = empty.tranches.map((t) => ({ ...t, cashflows: [], yield: Number.NaN }));
    const back = readReport(await buildTrancheReport({ deal, result: empty }));
    expect(back.SheetNames).toEqual([
      'Contents',
      'Summary',
      'Investor summary',
      'Assumptions',
      'Pool cash flows',
      'Tranche A',
      'Tranche B',
      'Waterfall',
    ]);
    const summary = sheet(back, 'Summary');
    const y = find(summary, 'Yield (bond-equivalent)');
    expect(at(summary, y.r + 1, y.c)?.v).toBe('n/a');
    // No rows: the total is a plain zero, not a SUM over its own cell.
    expect(cell(sheet(back, 'Tranche A'), 'G4')).toMatchObject({ t: 'n', v: 0 });
    expect(cell(sheet(back, 'Tranche A'), 'G4')?.f).toBeUndefined();
  });

  it('shows an unpaid column for a step that ever paid less than was due, without a total', async () => {
    const short = fixtureRun(deal);
    const step = short.waterfall[1]?.steps[2];
    if (!step) throw new Error('fixture has no step 3 in period 2');
    step.due = step.paid + 100;
    const ws = sheet(readReport(await buildTrancheReport({ deal, result: short })), 'Waterfall');
    const unpaid = find(ws, 'Unpaid (due − paid): 3. interest B');
    expect([0, 1, 2, 3].map((i) => at(ws, FIRST + i, unpaid.c)?.v)).toEqual([0, 100, 0, 0]);
    expect(at(ws, FIRST + PERIODS, unpaid.c)?.v).toBeUndefined();
    expect(() => find(ws, 'Unpaid (due − paid): 2. interest A')).toThrow();
    expect(() => find(wb.Sheets['Waterfall'] ?? {}, 'Unpaid (due − paid): 3. interest B')).toThrow();
  });
});
