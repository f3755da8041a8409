/**
 * History mappings: the suggestion for an unfamiliar header (confidence per field, as the tape's matcher scores
 * it), the presets, a renamed-header file read under its mapping giving the standard file's figures to the cent,
 * unknown status codes counted, month formats and 万元 amounts, and an unmapped required field refused by name.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseHistory, DEFAULT_VINTAGE_OPTIONS, historyJson } from '../../../core/history/analyse';
import {
  HISTORY_MAPPING_PRESETS,
  HistoryMapping,
  parseHistoryMapping,
  suggestHistoryMapping,
} from '../../../core/history/mapping';
import { monthIndex, readMonthAs } from '../../../core/history/months';
import {
  historyColumns,
  HistoryFormatError,
  looksLikeHistory,
  readHistoryRows,
  readHistoryText,
} from '../../../core/history/reader';
import { parseCsvText } from '../../../core/io/tape/csv';
import {
  HISTORY_HEADER_EN,
  HISTORY_HEADER_PLATFORM,
  HISTORY_HEADER_REG_AB,
  HISTORY_HEADER_ZH,
  historyCsv,
  type HistoryGeneratorOptions,
} from '../../../samples/generator/historyGenerator';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const PLATFORM_MAPPING = HistoryMapping.parse(
  JSON.parse(readFileSync(here('../../../samples/history/consumer-history-platform.mapping.json'), 'utf8')),
);
// A 6-month term so that loans mature (PO) within the 12 months on book.
const OPTS: HistoryGeneratorOptions = {
  seed: 5,
  vintages: 8,
  loansPerVintage: 40,
  maxMob: 12,
  lastAsOf: 14,
  term: 6,
};

function analysed(text: string, mapping?: HistoryMapping): Record<string, unknown> {
  const acc = readHistoryText(text, mapping ? { mapping } : {});
  return historyJson(analyseHistory(acc, DEFAULT_VINTAGE_OPTIONS, { rowsRead: 0, blankLines: 0 }));
}

describe('suggestHistoryMapping', () => {
  it('scores an unfamiliar header as the tape matcher does: exact synonyms 1, a contained one 0.5 + 0.4 × its share', () => {
    const s = suggestHistoryMapping(HISTORY_HEADER_PLATFORM);
    expect(s.preset).toBeNull();
    const conf = Object.fromEntries(s.fields.map((f) => [f.field, [f.column, f.confidence]]));
    // "acct no", "ovd days", "acct stat", "tenor" are synonyms as written.
    expect(conf.loanId).toEqual(['acct_no', 1]);
    expect(conf.daysPastDue).toEqual(['ovd_days', 1]);
    expect(conf.status).toEqual(['acct_stat', 1]);
    expect(conf.originalTerm).toEqual(['tenor', 1]);
    // "loan amt" (8 characters) inside "loan amt wan" (12): 0.5 + 0.4 × 8/12 = 0.7667.
    expect(conf.originalBalance).toEqual(['loan_amt_wan', 0.77]);
    // "wo amt" (6) inside "wo amt wan" (10): 0.5 + 0.4 × 6/10 = 0.74.
    expect(conf.chargeOffAmount).toEqual(['wo_amt_wan', 0.74]);
    expect(s.missingRequired).toEqual(['asOf', 'originationDate', 'currentBalance']);
    // A "_wan" suffix states 万元, as "金额（万元）" would.
    expect(s.mapping.amountUnits.originalBalance).toBe('wan');
    expect(s.mapping.segments).toEqual(['risk_grade']);
    expect(s.unmappedColumns).toEqual(['rpt_prd', 'disb_dt', 'os_prin_wan', 'risk_grade']);
  });

  it('recognises the presets’ layouts whole, with confidence 1', () => {
    expect(suggestHistoryMapping(HISTORY_HEADER_EN).preset).toBe('generator');
    expect(suggestHistoryMapping(HISTORY_HEADER_ZH).preset).toBe('generator-zh');
    const reg = suggestHistoryMapping(HISTORY_HEADER_REG_AB);
    expect(reg.preset).toBe('reg-ab-ii');
    expect(reg.confidence).toBe(1);
    expect(reg.mapping.dateFormats).toEqual({ asOf: 'MDY', originationDate: 'MM/YYYY' });
  });

  it('finds a Chinese header by its synonyms and reads its unit annotation', () => {
    const s = suggestHistoryMapping([
      '借据号',
      '报告期',
      '放款月份',
      '放款金额（万元）',
      '贷款余额（万元）',
      '逾期天数',
    ]);
    expect(s.preset).toBeNull();
    expect(s.missingRequired).toEqual([]);
    expect(s.mapping.columns.currentBalance).toBe('贷款余额（万元）');
    expect(s.mapping.amountUnits).toEqual({ originalBalance: 'wan', currentBalance: 'wan' });
  });
});

describe('reading under a mapping', () => {
  it('a renamed-header file (万元, YYYYMM, C/D/CO/PP/PO) gives the standard file’s figures to the cent', () => {
    const en = historyCsv(OPTS);
    const platform = historyCsv({ ...OPTS, layout: 'platform' });
    expect(platform.split('\n')[0]).not.toBe(en.split('\n')[0]);
    expect(analysed(platform, PLATFORM_MAPPING)).toEqual(analysed(en));
    // Split rows (a sheet) read the same as the streamed text.
    const rows = parseCsvText(platform, ',').rows;
    const acc = readHistoryRows(rows, { mapping: PLATFORM_MAPPING });
    expect(acc.result()).toEqual(readHistoryText(en).result());
  });

  it('the Reg AB II preset reads a Schedule AL layout to the same losses', () => {
    const en = readHistoryText(historyCsv(OPTS)).result();
    const reg = readHistoryText(historyCsv({ ...OPTS, layout: 'reg-ab-ii' }), {
      mapping: HISTORY_MAPPING_PRESETS['reg-ab-ii']!,
    }).result();
    // Schedule AL has no grade: one group per vintage, as the English file without a segment.
    expect(reg.map((v) => v.vintage)).toEqual(en.map((v) => v.vintage));
    for (let i = 0; i < en.length; i++) {
      expect(reg[i]!.originalBalance).toBe(en[i]!.originalBalance);
      expect(reg[i]!.defaults).toEqual(en[i]!.defaults);
      expect(reg[i]!.recoveries).toEqual(en[i]!.recoveries);
    }
  });

  it('lists status codes nobody knows with their row counts, and rejects those rows', () => {
    const text = historyCsv({ ...OPTS, layout: 'platform' });
    const { values: _, ...withoutCodes } = PLATFORM_MAPPING;
    const acc = readHistoryText(text, { mapping: HistoryMapping.parse(withoutCodes) });
    const count = (code: string): number => text.split('\n').filter((l) => l.includes(`,${code},`)).length;
    expect(count('PP')).toBeGreaterThan(0);
    expect(Object.fromEntries(acc.unknownStatusCodes)).toEqual({ PP: count('PP'), PO: count('PO') });
    expect(acc.rejectCounts.unknownStatus).toBe(count('PP') + count('PO'));
    const h = analyseHistory(acc, DEFAULT_VINTAGE_OPTIONS, { rowsRead: 0, blankLines: 0 });
    expect(h.source.unknownCodes.map((c) => c.code).sort()).toEqual(['PO', 'PP']);
  });

  it('refuses a header whose required fields stay unmapped, naming them and the headers it has', () => {
    let err: unknown;
    try {
      historyColumns(HISTORY_HEADER_PLATFORM);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HistoryFormatError);
    const p = (err as HistoryFormatError).problem;
    expect(p.code).toBe('history.noColumn');
    expect(p.params).toMatchObject({ fields: 'asOf, originationDate, currentBalance' });
    expect(p.message).toContain('rpt_prd');
    // Unfamiliar headers are a history to refuse, not a vintage table to misread.
    expect(looksLikeHistory(HISTORY_HEADER_PLATFORM)).toBe(true);
    expect(looksLikeHistory(['Vintage', 'M1', 'M2', 'M3'])).toBe(false);
  });

  it('the mapping’s codes come before the built-in table: a platform whose D means default', () => {
    const text = [
      'loan id,as of,origination date,original balance,current balance,status,charge off amount',
      'A1,2023-02,2023-01,1000,900,C,',
      'A1,2023-03,2023-01,1000,0,D,900',
    ].join('\n');
    const mapping = HistoryMapping.parse({
      ...suggestHistoryMapping(text.split('\n')[0]!.split(',')).mapping,
      values: { status: { D: 'charged-off' } },
    });
    const plain = readHistoryText(text).result()[0]!;
    const mapped = readHistoryText(text, { mapping }).result()[0]!;
    // Built in, D is delinquent: the 900 stays on book. Mapped, it is charged off in month 2 on book.
    expect(plain.defaults.reduce((a, b) => a + b, 0)).toBe(0);
    expect(mapped.defaults[2]).toBe(900);
  });

  it('days-past-due bucket codes (M1 = 1–30 days) read as the days the mapping gives', () => {
    const text = [
      'loan id,as of,origination date,original balance,current balance,days past due',
      'A1,2023-02,2023-01,1000,1000,M1',
    ].join('\n');
    expect(readHistoryText(text).rejectCounts.badNumber).toBe(1);
    const mapping = HistoryMapping.parse({
      ...suggestHistoryMapping(text.split('\n')[0]!.split(',')).mapping,
      values: { daysPastDue: { M1: 30 } },
    });
    const acc = readHistoryText(text, { mapping });
    expect(acc.rowsAccepted).toBe(1);
  });

  it('万元 amounts are shifted exactly: 1.362911 万元 is 13,629.11 元, not 13629.109999…', () => {
    const text = [
      'loan id,as of,origination date,original balance,current balance,status',
      'A1,2023-02,2023-01,1.362911,1.362911,current',
    ].join('\n');
    const mapping = HistoryMapping.parse({
      ...suggestHistoryMapping(text.split('\n')[0]!.split(',')).mapping,
      amountUnits: { originalBalance: 'wan', currentBalance: 'wan' },
    });
    expect(readHistoryText(text, { mapping }).result()[0]!.originalBalance).toBe(13629.11);
  });
});

describe('month formats a mapping states', () => {
  it('reads MDY, DMY, MM/YYYY and MON-YYYY, and nothing else in their place', () => {
    expect(readMonthAs('03-31-2023', 'MDY')).toBe(monthIndex(2023, 3));
    expect(readMonthAs('31/03/2023', 'DMY')).toBe(monthIndex(2023, 3));
    expect(readMonthAs('01/2022', 'MM/YYYY')).toBe(monthIndex(2022, 1));
    expect(readMonthAs('Dec-2011', 'MON-YYYY')).toBe(monthIndex(2011, 12));
    expect(readMonthAs('02-30-2023', 'MDY')).toBeNaN();
    expect(readMonthAs('31/03/2023', 'MDY')).toBeNaN();
    expect(readMonthAs('13/2022', 'MM/YYYY')).toBeNaN();
    expect(readMonthAs('202303', 'auto')).toBe(monthIndex(2023, 3));
  });
});

describe('mapping files', () => {
  it('are validated, naming the path of the first problem; a key naming a prototype slot is refused', () => {
    expect(parseHistoryMapping({ name: 'x', columns: {}, values: { status: { Z: 'gone' } } })).toEqual({
      problem: expect.stringContaining('values.status.Z') as unknown,
    });
    expect(
      parseHistoryMapping(
        JSON.parse('{"name":"x","columns":{},"values":{"status":{"constructor":"current"}}}'),
      ),
    ).toEqual({ problem: expect.stringContaining('values.status.constructor') as unknown });
    expect(parseHistoryMapping(PLATFORM_MAPPING)).toEqual(PLATFORM_MAPPING);
  });
});
