/**
 * The tranche report in Chinese and in a chosen amount unit (issue 13): Chinese sheet names, titles, headers and
 * notes with no English left in them; every number, formula and date cell the same as in the English workbook;
 * scaled amounts exactly the unit amounts divided by the scale, the Waterfall reconciliation left in units; and
 * LibreOffice opens the Chinese workbook and recalculates every formula to the English workbook's values.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellObject, WorkBook } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeal } from '../../../core/deal/load';
import { Deal } from '../../../core/deal/schema';
import { translator } from '../../../core/i18n';
import { SCALE_FACTOR, type AmountScale } from '../../../core/i18n/amounts';
import { buildTrancheReport } from '../../../core/io/report';
import { poolColumns, poolSheet, trancheColumns } from '../../../core/io/report/cashflowSheets';
import { reportText } from '../../../core/io/report/reportText';
import { safeSheetName, trancheReportSheetNames } from '../../../core/io/report/sheetName';
import { textWidth, wrappedLines } from '../../../core/io/report/sheetWriter';
import type { RunResult } from '../../../core/result';
import { runDeal } from '../../../core/run';
import { untranslatedWords } from '../../support/latin';
import { DEAL_INPUT, fixtureRun, PERIODS } from './fixture';
import { HEADER_ROW } from './reportChecks';
import { convertToCsv, csvNumber, type Converted, INSTALL_HINT, sofficeVersion } from './libreoffice';
import { at, find, readReport, sheet } from './readBack';

const zh = translator('zh-CN');
const SAMPLES = join(import.meta.dirname, '../../../samples/deals');

interface Case {
  name: string;
  deal: Deal;
  result: RunResult;
}

/** The fixture and each rep-line sample deal under every scenario, so stressed runs (triggers, revolving) count. */
function cases(): Case[] {
  const fixture = Deal.parse(DEAL_INPUT);
  const out: Case[] = [{ name: 'fixture', deal: fixture, result: fixtureRun(fixture) }];
  if (!existsSync(SAMPLES)) return out;
  for (const f of readdirSync(SAMPLES)
    .filter((x) => x.endsWith('.deal.json'))
    .sort()) {
    const file = join(SAMPLES, f);
    const deal = parseDeal(JSON.parse(readFileSync(file, 'utf8')), file);
    const pool = deal.pool;
    if (pool.kind !== 'repLines') continue;
    for (const s of deal.scenarios) {
      out.push({
        name: `${f.replace(/\.deal\.json$/, '')}-${s.name}`.replace(/[^A-Za-z0-9_-]/g, '_'),
        deal,
        result: runDeal(deal, { kind: 'repLines', lines: pool.lines }, { scenario: s.name }),
      });
    }
  }
  return out;
}

const runs = cases();
const build = async (c: Case, lang: 'en' | 'zh-CN', amounts: AmountScale = 'unit'): Promise<WorkBook> =>
  readReport(await buildTrancheReport({ deal: c.deal, result: c.result, lang, amounts }));

/** Every cell of a sheet but the sheet's own keys (`!ref`, `!cols`…). */
function cells(wb: WorkBook, name: string): [string, CellObject][] {
  const ws = sheet(wb, name);
  return Object.keys(ws)
    .filter((k) => !k.startsWith('!'))
    .map((k) => [k, ws[k] as CellObject]);
}

/** Every string in the deal and the run that came from the user or the engine's identifiers, longest first. */
function userStrings(c: Case): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        // Object keys name user things too (index curves by name).
        out.add(k);
        walk(x);
      }
    }
  };
  walk(c.deal);
  walk(c.result.scenario);
  out.add(c.result.engineVersion);
  out.add(c.result.runAt);
  for (const p of c.result.revolving?.purchases ?? []) p.limitedBy.forEach((x) => out.add(x));
  // Schema words that are not user text must still be translated: keep them out of the user list.
  for (const word of [
    'senior',
    'mezzanine',
    'subordinated',
    'equity',
    'sequential',
    'proRata',
    'fixed',
    'floating',
    'period',
    'age',
    'fee',
    'interest',
    'principal',
    'reserve',
    'residual',
    'purchase',
    'reserveDeposit',
    'cumulativeNetLoss',
    'delinquency',
    'excessSpread',
    'ocRatio',
    'endRevolving',
    'trapCash',
    'due',
    'capExcess',
    'regular',
    'firstPriority',
    'maturity',
    'lagBeforeMaturity',
  ])
    out.delete(word);
  // Ids that happen to be schema words are still user data where they name the thing.
  if (c.deal.structure.reserve) out.add(c.deal.structure.reserve.id);
  return [...out].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/** The English left in a Chinese text once user data is taken out. */
function untranslated(text: string, user: readonly string[]): string[] {
  let rest = text;
  // Whole words only: a segment called "S" must not eat the S of SMM.
  for (const u of user)
    rest = rest.replace(
      new RegExp(`(?<![A-Za-z0-9])${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'),
      ' ',
    );
  // Numbers in exponent form and column letters of a formula the note spells out ("C + D + G") are not words.
  return untranslatedWords(
    rest.replace(/\d+(?:\.\d+)?e[-+]?\d+/gi, ' ').replace(/\b[A-Z]{1,3}(?:\s*\+\s*[A-Z]{1,3})+\b/g, ' '),
  );
}

describe('the tranche report in Chinese', () => {
  const fixture = runs[0]!;
  let cn: WorkBook;
  beforeAll(async () => {
    cn = await build(fixture, 'zh-CN');
  });

  it('has Chinese sheet names, valid for Excel and as the Export screen lists them', () => {
    expect(cn.SheetNames).toEqual([
      '目录',
      '概要',
      '投资者摘要',
      '假设',
      '资产池现金流',
      'A档现金流',
      'B档现金流',
      '现金流支付顺序',
    ]);
    expect(cn.SheetNames).toEqual(trancheReportSheetNames(fixture.result, zh));
    for (const name of cn.SheetNames) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(safeSheetName(name, new Set())).toBe(name);
    }
  });

  it('cuts a long Chinese sheet name at 31 characters, never half a character, and keeps it unique', () => {
    const taken = new Set<string>();
    const long = `${'长'.repeat(29)}档现金流`;
    const first = safeSheetName(long, taken);
    expect(first).toBe('长'.repeat(29) + '档现');
    expect(safeSheetName(long, taken)).toBe(`${'长'.repeat(27)} (2)`);
    // A full-width colon is not Excel's forbidden ':'; the ASCII one is replaced.
    expect(safeSheetName('触发事件：明细', new Set())).toBe('触发事件：明细');
    expect(safeSheetName('触发事件:明细', new Set())).toBe('触发事件_明细');
  });

  it('writes the headers in Chinese, with the glossary’s terms', () => {
    const pool = sheet(cn, '资产池现金流');
    poolColumns(zh).forEach((col, c) => expect(at(pool, HEADER_ROW, c)?.v).toBe(col.header));
    expect(at(pool, HEADER_ROW, 1)?.v).toBe('兑付日');
    const a = sheet(cn, 'A档现金流');
    trancheColumns(zh).forEach((col, c) => expect(at(a, HEADER_ROW, c)?.v).toBe(col.header));
    const summary = sheet(cn, '概要');
    // The same 加权平均期限 the screens use, from the glossary.
    const wal = find(summary, '加权平均期限（年）');
    const header = find(summary, '证券档次');
    expect(wal.r).toBe(header.r);
    expect(at(summary, header.r + 1, wal.c)?.v).toBe(0.2146);
    expect(at(summary, header.r + 1, 2)?.v).toBe('优先级');
    expect(at(summary, header.r + 2, 2)?.v).toBe('次级');
    expect(at(summary, header.r + 1, 6)?.v).toBe('固定利率 5.10%');
    expect(at(summary, header.r + 3, 0)?.v).toBe('合计');
    expect(at(summary, find(summary, 'cnl').r, 4)?.v).toBe('触发');
    const wf = sheet(cn, '现金流支付顺序');
    expect(find(wf, '1. 费用 servicing').r).toBe(HEADER_ROW);
    expect(find(wf, '5. A、B档本金').r).toBe(HEADER_ROW);
    expect(find(wf, '资金来源合计').r).toBe(HEADER_ROW);
  });

  it('has every number, formula, date and flag of the English workbook, cell for cell', async () => {
    for (const c of runs) {
      const e = await build(c, 'en');
      const z = await build(c, 'zh-CN');
      expect(z.SheetNames).toHaveLength(e.SheetNames.length);
      e.SheetNames.forEach((name, i) => {
        const zname = z.SheetNames[i] as string;
        const zs = sheet(z, zname);
        const es = sheet(e, name);
        expect(zs['!ref'], `${c.name} ${name} range`).toBe(es['!ref']);
        let numbers = 0;
        for (const [addr, cell] of cells(e, name)) {
          const other = zs[addr] as CellObject | undefined;
          if (cell.t === 's') {
            expect(other?.t, `${c.name} ${name}!${addr} text`).toBe('s');
            continue;
          }
          numbers++;
          expect(other?.t, `${c.name} ${name}!${addr}`).toBe(cell.t);
          expect(other?.v, `${c.name} ${name}!${addr}`).toBe(cell.v);
          expect(other?.f, `${c.name} ${name}!${addr} formula`).toBe(cell.f);
          expect(other?.z, `${c.name} ${name}!${addr} format`).toBe(cell.z);
        }
        // And nothing in Chinese that English lacks.
        for (const [addr] of cells(z, zname)) expect(es[addr], `${c.name} ${zname}!${addr}`).toBeDefined();
        if (!['Contents', 'Summary', 'Assumptions'].includes(name)) expect(numbers).toBeGreaterThan(0);
      });
    }
  });

  it('leaves no English word in a sheet name, title, header, note or label, user data aside', async () => {
    for (const c of runs) {
      const z = await build(c, 'zh-CN');
      const user = userStrings(c);
      const left: string[] = [];
      for (const name of z.SheetNames) {
        for (const w of untranslated(name, user)) left.push(`${c.name} sheet name ${name}: ${w}`);
        for (const [addr, cell] of cells(z, name)) {
          if (cell.t !== 's') continue;
          const words = untranslated(String(cell.v), user);
          if (words.length > 0)
            left.push(`${c.name} ${name}!${addr} "${String(cell.v)}": ${words.join(' ')}`);
        }
      }
      expect(left).toEqual([]);
    }
  });
});

describe('amounts in a chosen unit', () => {
  const fixture = runs[0]!;

  for (const scale of ['wan', 'yi', 'thousand', 'million'] as const) {
    it(`shows money in ${scale} as the unit amount / ${SCALE_FACTOR[scale]}, the Waterfall in units`, async () => {
      const factor = SCALE_FACTOR[scale];
      for (const lang of ['en', 'zh-CN'] as const) {
        // Every run in 万 (the Chinese default of practitioners); the fixture alone in the other units.
        for (const c of scale === 'wan' ? runs : [fixture]) {
          const unit = await build(c, lang);
          const scaled = await build(c, lang, scale);
          expect(scaled.SheetNames).toEqual(unit.SheetNames);
          // The Waterfall sheet reconciles to the cent with ROUND(…, 2): it stays in units.
          const waterfall = unit.SheetNames[unit.SheetNames.length - (c.result.revolving ? 2 : 1)] as string;
          // The Contents' legend shows a sample negative amount, not one of the deal's.
          const contents = unit.SheetNames[0];
          for (const name of unit.SheetNames) {
            const ss = sheet(scaled, name);
            for (const [addr, cell] of cells(unit, name)) {
              const other = ss[addr] as CellObject | undefined;
              if (cell.t !== 'n') continue;
              const money = cell.z === '#,##0.00;[Red](#,##0.00)';
              if (!money || name === waterfall || name === contents) {
                expect(other?.v, `${lang} ${scale} ${name}!${addr}`).toBe(cell.v);
                continue;
              }
              expect(other?.v, `${lang} ${scale} ${name}!${addr}`).toBe((cell.v as number) / factor);
              expect(other?.f).toBe(cell.f);
              expect(other?.z).toBe(
                scale === 'yi' ? '#,##0.0000;[Red](#,##0.0000)' : '#,##0.00;[Red](#,##0.00)',
              );
            }
          }
        }
      }
    });
  }

  it('scales the money of an extra sheet (stress, funding) too, and says so in its title', async () => {
    const table = {
      sheetName: 'Grid',
      title: 'Grid A loss',
      columns: [
        { key: 'cdr', header: 'CDR', format: 'percent' as const },
        { key: 'loss', header: 'Loss', format: 'money' as const },
      ],
      rows: [
        { cdr: 0.1, loss: 12_345.67 },
        { cdr: 0.2, loss: 20_000 },
      ],
      totals: ['loss'],
    };
    const wb = readReport(
      await buildTrancheReport({
        deal: fixture.deal,
        result: fixture.result,
        lang: 'zh-CN',
        amounts: 'wan',
        extras: { tables: [table] },
      }),
    );
    const grid = sheet(wb, 'Grid');
    expect(at(grid, 0, 0)?.v).toBe('Grid A loss（金额单位：万元）');
    expect(at(grid, 3, 1)?.v).toBe(12_345.67 / 1e4);
    expect(at(grid, 3, 0)?.v).toBe(0.1);
    expect(at(grid, 5, 1)).toMatchObject({ f: 'SUM(B4:B5)', v: 32_345.67 / 1e4 });
    expect(at(grid, 5, 0)?.v).toBe('合计');
  });

  it('states its unit on the Summary and in each sheet title, and why the Waterfall is in units', async () => {
    const wb = await build(fixture, 'zh-CN', 'wan');
    const summary = sheet(wb, '概要');
    const unitRow = find(summary, '金额单位');
    expect(String(at(summary, unitRow.r, 1)?.v)).toMatch(/^万元（/);
    expect(String(at(sheet(wb, '资产池现金流'), 0, 0)?.v)).toMatch(/（金额单位：万元）$/);
    expect(String(at(sheet(wb, 'A档现金流'), 0, 0)?.v)).toMatch(/（金额单位：万元）$/);
    const wf = sheet(wb, '现金流支付顺序');
    expect(String(at(wf, 0, 0)?.v)).toMatch(/（金额单位：元）$/);
    expect(() =>
      find(wf, '无论其他工作表采用何种金额单位，本表金额均以元列示并精确至分：每期在本表勾稽至分。'),
    ).not.toThrow();
    // Initial pool 1,000,000 元 = 100 万元.
    const initial = find(summary, '初始资产池余额');
    expect(at(summary, initial.r, 1)).toMatchObject({ v: 100, z: '#,##0.00;[Red](#,##0.00)' });
    const en = await build(fixture, 'en', 'million');
    expect(String(at(sheet(en, 'Pool cash flows'), 0, 0)?.v)).toMatch(/\(amounts in CNY millions\)$/);
    expect(at(sheet(en, 'Summary'), find(sheet(en, 'Summary'), 'Amounts in').r, 1)?.v).toBe(
      'CNY millions (reconciliation on the Waterfall sheet in CNY, to the cent)',
    );
    // In units the unit is the currency, and the totals row of a tranche sheet is where it was.
    const plain = await build(fixture, 'en');
    expect(at(sheet(plain, 'Summary'), find(sheet(plain, 'Summary'), 'Amounts in').r, 1)?.v).toBe('CNY');
    expect(at(sheet(plain, 'Tranche A'), HEADER_ROW + 1 + PERIODS, 0)?.v).toBe('Total');
  });
});

const version = sofficeVersion();
if (!version) console.log(`LibreOffice checks of the Chinese report skipped: no soffice (${INSTALL_HINT}).`);

describe.skipIf(!version)(`LibreOffice (${version ?? 'absent'}) opens the Chinese report`, () => {
  // The fixture and the revolving sample (its extra sheet and purchase steps).
  const picked = runs.filter((c) => c.name === 'fixture' || c.name.startsWith('revolving-installment'));
  const picks = picked.length > 1 ? [picked[0]!, picked[1]!] : picked;
  let lo: Converted;
  const books: Record<string, Uint8Array> = {};
  beforeAll(async () => {
    for (const c of picks) {
      books[`${c.name}-en`] = await buildTrancheReport({ deal: c.deal, result: c.result });
      books[`${c.name}-zh`] = await buildTrancheReport({ deal: c.deal, result: c.result, lang: 'zh-CN' });
      books[`${c.name}-zhwan`] = await buildTrancheReport({
        deal: c.deal,
        result: c.result,
        lang: 'zh-CN',
        amounts: 'wan',
      });
    }
    lo = convertToCsv(books);
  }, 300_000);

  for (const c of picks) {
    it(`${c.name}: recalculates every sheet of the Chinese workbook to the English one's values`, () => {
      const en = lo.files.get(`${c.name}-en`);
      const cn = lo.files.get(`${c.name}-zh`);
      const enNames = readReport(books[`${c.name}-en`]!).SheetNames;
      const cnNames = readReport(books[`${c.name}-zh`]!).SheetNames;
      expect([...(cn?.keys() ?? [])].sort(), lo.log).toEqual([...cnNames].sort());
      enNames.forEach((name, i) => {
        const e = en?.get(name) ?? [];
        const z = cn?.get(cnNames[i] as string) ?? [];
        expect(z.length, `${name} rows`).toBe(e.length);
        e.forEach((row, r) =>
          row.forEach((text, col) => {
            if (Number.isNaN(csvNumber(text))) return;
            expect(z[r]?.[col], `${cnNames[i]} row ${r + 1} column ${col + 1}`).toBe(text);
          }),
        );
      });
    });

    it(`${c.name}: recalculates scaled totals to the unit totals / 10,000`, () => {
      const unit = lo.files.get(`${c.name}-zh`);
      const wan = lo.files.get(`${c.name}-zhwan`);
      const names = readReport(books[`${c.name}-zh`]!).SheetNames;
      // Pool and tranche sheets (after Contents, Summary, Investor summary, Assumptions): every number in a money
      // column of the totals row.
      for (const name of names.slice(4, 5 + c.result.tranches.length)) {
        const u = unit?.get(name) ?? [];
        const w = wan?.get(name) ?? [];
        const totals = u.findIndex((row) => row[0] === '合计');
        expect(totals, name).toBeGreaterThan(1);
        (u[totals] ?? []).forEach((text, col) => {
          const v = csvNumber(text);
          if (Number.isNaN(v)) return;
          expect(csvNumber(w[totals]?.[col]), `${name} total column ${col + 1}`).toBeCloseTo(v / 1e4, 8);
        });
      }
    });
  }
});

describe('column widths', () => {
  it('counts a Chinese character as two columns, so Chinese headers are not cut', () => {
    expect(textWidth('加权平均期限（年）')).toBe(18);
    expect(textWidth('WAL (years)')).toBe(11);
    expect(textWidth('A档现金流')).toBe(9);
    const fixture = runs[0]!;
    const pool = poolSheet(fixture.result, reportText('zh-CN', 'unit', 'CNY')).columnWidths();
    const header = poolColumns(zh).findIndex((c) => c.key === 'cumulativeNetLossPct');
    // 累计净损失率（占初始资产池余额）: 16 wide characters, 32 columns, wrapped onto two lines at most.
    expect(wrappedLines(32, pool[header] as number)).toBeLessThanOrEqual(2);
    expect(wrappedLines(32, 16)).toBe(3);
  });
});
