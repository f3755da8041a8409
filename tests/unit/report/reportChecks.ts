/** Checks shared by the fixture and real-run report tests. */
import { expect } from 'vitest';
import type { WorkBook } from 'xlsx';
import { POOL_COLUMNS, TRANCHE_COLUMNS, footedPoolPeriods } from '../../../core/io/report/cashflowSheets';
import type { RunResult } from '../../../core/result';
import { csvNumber } from './libreoffice';
import { at, find, sheet } from './readBack';

/** Rows of every sheet's title block: headers on the row below it, data from the next. */
export const HEADER_ROW = 2;
const FIRST = HEADER_ROW + 1;

/** Whole cents (a float sum of cents can land a hair below zero: -0 and 0 are the same cent). */
export const cents = (x: unknown): number => Math.round((x as number) * 100) || 0;
const sumCents = (xs: number[]): number => xs.reduce((s, x) => s + cents(x), 0);
const serial = (iso: string): number =>
  (Date.parse(`${iso}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000;

/** The workbook read back with SheetJS gives every pool column and tranche cash flow to the cent. */
export function expectEngineNumbers(wb: WorkBook, result: RunResult, label: string): void {
  const pool = sheet(wb, 'Pool cash flows');
  const col = (key: string): number => POOL_COLUMNS.findIndex((x) => x.key === key);
  result.pool.periods.forEach((p, i) => {
    // Every row foots to the cent (begin − scheduled − prepayment − defaults + purchases = end), and the
    // derived scheduled principal is the engine's within two cents: it is built from five figures each rounded
    // from the projection (under 2.5 cents off the exact value), the engine's own under half a cent off, and both
    // are whole cents, so they differ by less than 3 cents.
    const cell = (key: string): number => cents(at(pool, FIRST + i, col(key))?.v);
    expect(
      cell('beginBalance') -
        cell('scheduledPrincipal') -
        cell('prepayment') -
        cell('default') +
        cell('purchases'),
      `${label} pool row ${p.period} foots`,
    ).toBe(cell('endBalance'));
    expect(Math.abs(cell('scheduledPrincipal') - cents(p.scheduledPrincipal))).toBeLessThanOrEqual(2);
  });
  footedPoolPeriods(result.pool.periods).forEach((p, i) => {
    POOL_COLUMNS.forEach((col, c) => {
      if (col.key === 'excessSpread') return;
      const got = at(pool, FIRST + i, c)?.v;
      const want = p[col.key as keyof typeof p];
      if (col.key === 'date') expect(got, `${label} pool date ${p.period}`).toBe(serial(want as string));
      else if (col.format === 'money')
        expect(cents(got), `${label} pool ${col.key} ${p.period}`).toBe(cents(want));
      else expect(got, `${label} pool ${col.key} ${p.period}`).toBe(want);
    });
  });
  for (const t of result.tranches) {
    const ws = sheet(wb, `Tranche ${t.id}`);
    t.cashflows.forEach((f, i) => {
      TRANCHE_COLUMNS.forEach((col, c) => {
        const got = at(ws, FIRST + i, c)?.v;
        const want = f[col.key as keyof typeof f];
        // Dates are Excel serials; an absent accrual date (not a payment date) is an empty cell.
        if (col.format === 'date') expect(got).toBe(typeof want === 'string' ? serial(want) : undefined);
        else if (col.format === 'money')
          expect(cents(got), `${label} ${t.id} ${col.key} ${f.period}`).toBe(cents(want));
        else expect(got, `${label} ${t.id} ${col.key} ${f.period}`).toBe(want);
      });
    });
  }
  const wf = sheet(wb, 'Waterfall');
  const diff = find(wf, 'Sources − uses − change in reserve');
  const src = find(wf, 'Total sources');
  result.waterfall.forEach((p, i) => {
    expect(at(wf, FIRST + i, diff.c)?.f, `${label} difference formula`).toBeDefined();
    expect(at(wf, FIRST + i, diff.c)?.v).toBe(p.difference);
    expect(cents(at(wf, FIRST + i, src.c)?.v)).toBe(cents(p.sources.total));
  });
  if (result.revolving) {
    const rev = sheet(wb, 'Revolving purchases');
    result.revolving.purchases.forEach((p, i) => {
      expect(at(rev, FIRST + i, 0)?.v).toBe(p.period);
      expect(cents(at(rev, FIRST + i, 2)?.v), `${label} purchase par ${p.period}`).toBe(cents(p.par));
      expect(cents(at(rev, FIRST + i, 3)?.v), `${label} purchase cash ${p.period}`).toBe(cents(p.cash));
    });
    const total = at(rev, FIRST + result.revolving.purchases.length, 2);
    expect(total?.f).toMatch(/^SUM\(/);
    expect(cents(total?.v)).toBe(sumCents(result.revolving.purchases.map((p) => p.par)));
  }
}

/** LibreOffice's recalculated sheets (as CSV) give the engine's totals and reconcile every waterfall period. */
export function expectRecalculatedTotals(
  sheets: Map<string, string[][]> | undefined,
  result: RunResult,
  label: string,
): void {
  expect(sheets, `${label}: no sheets converted`).toBeDefined();
  const pool = sheets?.get('Pool cash flows') ?? [];
  // The sheet's scheduled principal is derived so that each row foots (see footedPoolPeriods).
  const periods = footedPoolPeriods(result.pool.periods);
  const totals = pool[FIRST + periods.length] ?? [];
  expect(totals[0], `${label} pool totals row`).toBe('Total');
  for (const [c, col] of POOL_COLUMNS.entries()) {
    if (col.format !== 'money' || col.key === 'beginBalance' || col.key === 'endBalance') continue;
    const engine = sumCents(periods.map((p) => p[col.key as keyof typeof p] as number));
    expect(cents(csvNumber(totals[c])), `${label} pool total ${col.key}`).toBe(engine);
  }
  periods.forEach((p, i) => {
    const row = pool[FIRST + i] ?? [];
    expect(row[1]).toBe(p.date);
    expect(cents(csvNumber(row[11])), `${label} pool end balance ${p.period}`).toBe(cents(p.endBalance));
  });
  for (const t of result.tranches) {
    const rows = sheets?.get(`Tranche ${t.id}`) ?? [];
    const total = rows[FIRST + t.cashflows.length] ?? [];
    for (const key of ['interest', 'principal', 'writedown'] as const) {
      const c = TRANCHE_COLUMNS.findIndex((col) => col.key === key);
      expect(cents(csvNumber(total[c])), `${label} ${t.id} total ${key}`).toBe(
        sumCents(t.cashflows.map((f) => f[key])),
      );
    }
    // Principal loss on the Summary is the engine's; the write-downs recalculated must add up to it.
    expect(cents(csvNumber(total[TRANCHE_COLUMNS.findIndex((col) => col.key === 'writedown')]))).toBe(
      cents(t.principalLoss),
    );
  }
  const wf = sheets?.get('Waterfall') ?? [];
  const header = wf[HEADER_ROW] ?? [];
  const src = header.indexOf('Total sources');
  const uses = header.indexOf('Total uses');
  const diff = header.indexOf('Sources − uses − change in reserve');
  result.waterfall.forEach((p, i) => {
    const row = wf[FIRST + i] ?? [];
    expect(cents(csvNumber(row[src])), `${label} sources ${p.period}`).toBe(cents(p.sources.total));
    expect(cents(csvNumber(row[uses])), `${label} uses ${p.period}`).toBe(cents(p.uses.total));
    // Rounded to the cent in the sheet, so a reconciled period shows exactly 0.
    expect(csvNumber(row[diff]), `${label} difference ${p.period}`).toBe(p.difference);
  });
  const wfTotal = wf[FIRST + result.waterfall.length] ?? [];
  expect(cents(csvNumber(wfTotal[src]))).toBe(sumCents(result.waterfall.map((p) => p.sources.total)));
  expect(cents(csvNumber(wfTotal[uses]))).toBe(sumCents(result.waterfall.map((p) => p.uses.total)));
  const summary = sheets?.get('Summary') ?? [];
  const header2 = summary.find((r) => r[0] === 'Class') ?? [];
  const totalRow = summary[summary.indexOf(header2) + 1 + result.tranches.length] ?? [];
  expect(totalRow[0]).toBe('Total');
  expect(cents(csvNumber(totalRow[header2.indexOf('Original balance')]))).toBe(
    sumCents(result.tranches.map((t) => t.originalBalance)),
  );
}
