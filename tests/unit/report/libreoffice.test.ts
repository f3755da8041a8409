import * as XLSX from 'xlsx';
import type { CellObject } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { buildTrancheReport } from '../../../core/io/report';
import { DEAL_INPUT, fixtureRun } from './fixture';
import { convertToCsv, csvNumber, type Converted, INSTALL_HINT, sofficeVersion } from './libreoffice';
import { readReport } from './readBack';
import { expectRecalculatedTotals } from './reportChecks';

const version = sofficeVersion();
if (!version) console.log(`LibreOffice checks skipped: soffice is not on PATH (${INSTALL_HINT}).`);

const deal = Deal.parse(DEAL_INPUT);
const result = fixtureRun(deal);
const report = await buildTrancheReport({ deal, result });

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
      expectRecalculatedTotals(sheets, result, file);
      // Hand-checked: pool interest 9,000 + 8,185.46 + 7,444.65 + 6,770.88.
      expect(csvNumber(sheets?.get('Pool cash flows')?.[7]?.[8])).toBe(31_400.99);
      // Class A principal over the run: 800,000 − 484,231.66.
      expect(csvNumber(sheets?.get('Tranche A')?.[7]?.[6])).toBe(315_768.34);
    });
  }
});
