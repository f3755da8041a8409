/**
 * The Funding screen's reading of the funding report (issue 19 item 13): lives in months, amounts inside the
 * terms with thousands separators, ids in a treasurer's words, money and percent left to the grid's formats.
 */
import { describe, expect, it } from 'vitest';
import type { ReportTable } from '../../../core/io/report/reportTable';
import { reportCellText } from '../../../renderer/components/reportColumns';
import { i18n, initI18n } from '../../../renderer/i18n';
import {
  fundingTableTitleKey,
  fundingView as viewIn,
  groupAmounts,
  yearsAsMonths,
} from '../../../renderer/project/fundingColumns';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');
const fundingView = (t: ReportTable, names?: ReadonlyMap<string, string>) => viewIn(t, en, names);

const terms: ReportTable = {
  sheetName: 'Funding terms',
  title: 'Funding sources and their terms (base case)',
  columns: [
    { key: 'source', header: 'Source', format: 'text' },
    { key: 'type', header: 'Type', format: 'text' },
    { key: 'share', header: 'Advance / sold share', format: 'percent' },
    { key: 'life', header: 'Life (years)', format: 'number' },
    { key: 'terms', header: 'Terms', format: 'text' },
  ],
  rows: [
    {
      source: 'Retail capital',
      type: 'retail',
      share: 1,
      // A 6-month retail note repaid evenly is outstanding (6 + 1) / 2 = 3.5 months on average: 0.2917 years.
      life: 3.5 / 12,
      terms: '12.38% for 6 months, 1.00% channel fee, 40000000 a month new money',
    },
  ],
};

describe('fundingView', () => {
  it('reads a life in years as months: 0.2917 years is 3.5 months, a 12-month tenor 12.0', () => {
    const v = fundingView(terms);
    const life = v.table.columns.find((c) => c.key === 'life');
    expect(life?.header).toBe('Life (months)');
    expect(v.cellText['life']?.(terms.rows[0]!['life'] ?? null)).toBe('3.5');
    expect(yearsAsMonths(1)).toBe('12.0');
    expect(yearsAsMonths(null)).toBe('–');
  });

  it("puts text cells in a treasurer's words with grouped amounts, and leaves figures to their formats", () => {
    const v = fundingView(terms);
    const text = (key: string) => v.cellText[key]?.(terms.rows[0]![key] ?? null);
    expect(text('type')).toBe('Retail (personal) capital');
    expect(text('terms')).toBe('12.38% for 6 months, 1.00% channel fee, 40,000,000 a month new money');
    // The share column has no override: the grid reads it as a percent, as on every other screen.
    expect(v.cellText['share']).toBeUndefined();
    expect(reportCellText(terms.rows[0]!['share'], 'percent')).toBe('100.00%');
  });

  it('names a column headed by a source type id in words (the monthly balances by source)', () => {
    const v = fundingView({
      ...terms,
      columns: [{ key: 'bal:bankLine', header: 'bankLine', format: 'money' }],
    });
    expect(v.table.columns[0]?.header).toBe('Bank line');
  });
});

describe('groupAmounts', () => {
  it('groups amounts of five digits or more, keeps decimals, dpd, months and a year alone', () => {
    expect(groupAmounts('450000000 committed, 85.00% advance under 30 dpd, 12-month tenor')).toBe(
      '450,000,000 committed, 85.00% advance under 30 dpd, 12-month tenor',
    );
    expect(groupAmounts('costs 1500000 + 0.30% of notes, at least 300000000.5')).toBe(
      'costs 1,500,000 + 0.30% of notes, at least 300,000,000.5',
    );
    expect(groupAmounts('2008 crisis, issue every 6 months from month 3')).toBe(
      '2008 crisis, issue every 6 months from month 3',
    );
  });
});

describe('fundingView with the case’s sources', () => {
  it('heads a source’s balance and its frontier share with the source’s name, not its id', () => {
    const names = new Map([
      ['warehouse', 'Bank warehouse line'],
      ['abs', 'Term ABS programme'],
    ]);
    const t: ReportTable = {
      ...terms,
      columns: [
        { key: 'bal:warehouse', header: 'warehouse', format: 'money' },
        { key: 'share:abs', header: 'abs share', format: 'percent' },
        { key: 'cash', header: 'Cash', format: 'money' },
      ],
    };
    expect(fundingView(t, names).table.columns.map((c) => c.header)).toEqual([
      'Bank warehouse line',
      'Term ABS programme share',
      'Cash',
    ]);
  });
});

describe('fundingView in Chinese', () => {
  it('heads the terms table in Chinese, a life in months, and a source’s share by its name', () => {
    const v = viewIn(terms, zh);
    expect(v.table.columns.map((c) => c.header)).toEqual([
      '资金来源',
      '类型',
      '融资/出售比例',
      '期限（月）',
      '条款',
    ]);
    expect(v.cellText['type']?.('bankLine')).toBe('银行授信');
    const shares = viewIn(
      { ...terms, columns: [{ key: 'share:abs', header: 'abs share', format: 'percent' }] },
      zh,
      new Map([['abs', 'Term ABS programme']]),
    );
    expect(shares.table.columns[0]?.header).toBe('Term ABS programme占比');
  });

  it('titles a table by its sheet, the summary naming the case (marked as the user’s) and its currency', () => {
    const title = (t: ReportTable, lang: typeof en) =>
      lang(`funding:table.${fundingTableTitleKey(t)}`, { name: 'Book A', currency: 'USD' });
    expect(title(terms, zh)).toBe('资金来源及其条款（基准情景）');
    expect(title({ ...terms, sheetName: 'Funding summary' }, en)).toBe(
      '<0>Book A</0>: cost and liquidity by mix and scenario (USD)',
    );
    // A sheet the screen does not know keeps the report's title.
    expect(fundingTableTitleKey({ ...terms, sheetName: 'Other' })).toBeNull();
  });
});

describe('a share header of a source without a name', () => {
  it('reads "abs share" as the ABS share, and another id’s share with the id kept', () => {
    const t: ReportTable = {
      ...terms,
      columns: [
        { key: 'share:abs', header: 'abs share', format: 'percent' },
        { key: 'share:warehouse-a', header: 'warehouse-a share', format: 'percent' },
      ],
    };
    expect(viewIn(t, en).table.columns.map((c) => c.header)).toEqual(['ABS share', 'warehouse-a share']);
    expect(viewIn(t, zh).table.columns.map((c) => c.header)).toEqual(['ABS 占比', 'warehouse-a占比']);
  });
});
