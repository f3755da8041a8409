import * as XLSX from 'xlsx';
import type { CellObject } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { POOL_COLUMNS, TRANCHE_COLUMNS } from '../../../core/io/report/cashflowSheets';
import { DEAL_INPUT, fixtureRun } from './fixture';
import { convertToCsv, csvNumber, type Converted, INSTALL_HINT, sofficeVersion } from './libreoffice';
import { readReport } from './readBack';

const version = sofficeVersion();
if (!version) console.log(`LibreOffice checks skipped: soffice is not on PATH (${INSTALL_HINT}).`);

const deal = Deal.parse(DEAL_INPUT);
const result = fixtureRun(deal);
const report = buildTrancheReport({ deal, result });

/** The same workbook with every formula's cached value zeroed: only a recalculation can give the totals back. */
function staleCopy(bytes: Uint8Array): Uint8Array {
  const wb = readReport(bytes);
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] ?? {};
    for (const key of Object.keys(ws)) {
      const c = ws[key] as CellObject;
      if (!key.startsWith('!') && c.f !== undefined) {
        c.v = 0;
        delete c.w;
      }
    }
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const cents = (x: number): number => Math.round(x * 100);
const sumCents = (xs: number[]): number => xs.reduce((s, x) => s + cents(x), 0);

describe.skipIf(!version)(`LibreOffice (${version ?? 'absent'}) opens the report`, () => {
  let lo: Converted;
  beforeAll(() => {
    lo = convertToCsv({ report, stale: staleCopy(report) });
  }, 300_000);

  it('converts every sheet of the workbook to CSV', () => {
    const names = readReport(report).SheetNames;
    for (const file of ['report', 'stale'])
      expect([...(lo.files.get(file)?.keys() ?? [])].sort(), lo.log).toEqual([...names].sort());
  });

  for (const file of ['report', 'stale']) {
    it(`recalculates the totals to the engine's, to the cent (${file === 'stale' ? 'cached values zeroed' : 'as written'})`, () => {
      const sheets = lo.files.get(file);
      const pool = sheets?.get('Pool cash flows') ?? [];
      const periods = result.pool.periods;
      const totals = pool[2 + periods.length] ?? [];
      expect(totals[0]).toBe('Total');
      for (const [c, col] of POOL_COLUMNS.entries()) {
        if (col.format !== 'money' || col.key === 'beginBalance' || col.key === 'endBalance') continue;
        const engine = sumCents(periods.map((p) => p[col.key as keyof typeof p] as number));
        expect(cents(csvNumber(totals[c])), `pool ${col.key}`).toBe(engine);
      }
      // Hand-checked: pool interest 9,000 + 8,185.46 + 7,444.65 + 6,770.88.
      expect(csvNumber(totals[8])).toBe(31_400.99);
      // Every period's values, as LibreOffice reads them.
      periods.forEach((p, i) => {
        const row = pool[2 + i] ?? [];
        expect(row[1]).toBe(p.date);
        expect(cents(csvNumber(row[11]))).toBe(cents(p.endBalance));
      });

      for (const t of result.tranches) {
        const rows = sheets?.get(`Tranche ${t.id}`) ?? [];
        const total = rows[2 + t.cashflows.length] ?? [];
        for (const key of ['interest', 'principal', 'writedown'] as const) {
          const c = TRANCHE_COLUMNS.findIndex((col) => col.key === key);
          expect(cents(csvNumber(total[c])), `${t.id} ${key}`).toBe(sumCents(t.cashflows.map((f) => f[key])));
        }
      }

      const wf = sheets?.get('Waterfall') ?? [];
      const header = wf[1] ?? [];
      const src = header.indexOf('Total sources');
      const uses = header.indexOf('Total uses');
      const diff = header.indexOf('Sources − uses − change in reserve');
      result.waterfall.forEach((p, i) => {
        const row = wf[2 + i] ?? [];
        expect(cents(csvNumber(row[src]))).toBe(cents(p.sources.total));
        expect(cents(csvNumber(row[uses]))).toBe(cents(p.uses.total));
        expect(csvNumber(row[diff])).toBe(0);
      });
      const wfTotal = wf[2 + result.waterfall.length] ?? [];
      expect(cents(csvNumber(wfTotal[src]))).toBe(sumCents(result.waterfall.map((p) => p.sources.total)));

      const summary = sheets?.get('Summary') ?? [];
      const totalRow = summary.find((r) => r[0] === 'Total') ?? [];
      const original = summary.find((r) => r[0] === 'Class')?.indexOf('Original balance') ?? -1;
      expect(csvNumber(totalRow[original])).toBe(1_000_000);
    });
  }
});
