/**
 * The Funding screen's reading of the funding report (issue 19 item 13): lives in months, amounts inside the
 * terms with thousands separators, ids in a treasurer's words, money and percent left to the grid's formats.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFunding } from '../../../core/funding/analyse';
import { fundingScreenModel, type FundingScreenModel } from '../../../core/funding/report';
import type { ReportTable } from '../../../core/io/report/reportTable';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { reportCellText } from '../../../renderer/components/reportColumns';
import { i18n, initI18n } from '../../../renderer/i18n';
import {
  fundingHeaders,
  fundingTableTitleKey,
  fundingView as viewIn,
  groupAmounts,
  yearsAsMonths,
} from '../../../renderer/project/fundingColumns';
import { equity, fundingCase } from '../funding/fixtures';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');
const fundingView = (t: ReportTable, names?: ReadonlyMap<string, string>) => viewIn(t, en, names);

/** A small case with a bank line, retail capital and equity, optimised so the frontier table exists too. */
let model: FundingScreenModel;
beforeAll(async () => {
  const c = fundingCase({
    indexCurves: { SOFR: 0.05 },
    fundingSources: [
      {
        id: 'bank',
        type: 'bankLine',
        commitment: 1_200_000,
        advanceRate: 0.9,
        index: 'SOFR',
        margin: 0.03,
        tenorMonths: 12,
      },
      { id: 'retail', type: 'retail', rate: 0.12, termMonths: 3, monthlyRaiseCapacity: 100_000 },
      equity(),
    ],
    mixes: [{ name: 'bank first', kind: 'rules', order: ['bank', 'retail', 'eq'] }],
    optimisation: { minLiquidityBuffer: 0.05, frontier: { from: 0, to: 0.1, steps: 3 }, mipRelGap: 0 },
  });
  const result = analyseFunding(
    {
      fundingCase: c,
      poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
      scenario: c.scenario!,
      deals: {},
    },
    { solver: await loadHighsSolver() },
  );
  // The engine worker writes the model's tables in English, whatever the app's language.
  model = fundingScreenModel(result);
});

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
    const v = viewIn(terms, zh, undefined, fundingHeaders(model, zh).get('Funding terms'));
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

describe('the screen’s headers are the report’s own, in the screen’s language', () => {
  const headersOf = (lang: typeof en, sheet: string) => {
    const table = model.tables.find((t) => t.sheetName === sheet);
    if (!table) throw new Error(`no table ${sheet}`);
    const names = new Map([['bank', 'Warehouse line']]);
    const view = viewIn(table, lang, names, fundingHeaders(model, lang).get(sheet));
    return Object.fromEntries(view.table.columns.map((c) => [c.key, c.header]));
  };

  it('reads sheets:funding.col in Chinese, a column key the same word in two tables told apart by table', () => {
    const summary = headersOf(zh, 'Funding summary');
    // The summary's IRR is the mix's all-in IRR, the sources' the IRR of one source's flows.
    expect(summary['irr']).toBe('综合内部收益率');
    expect(headersOf(zh, 'Funding by source')['irr']).toBe('现金流内部收益率');
    // "Funds the book" on the summary, "Feasible" on the frontier.
    expect(summary['feasible']).toBe('足额融资');
    expect(headersOf(zh, 'Funding frontier')['feasible']).toBe('可行');
    expect(headersOf(zh, 'Funding terms')['share']).toBe('融资/出售比例');
  });

  it('heads the lives the report gives in years in months, in both languages', () => {
    expect(headersOf(zh, 'Funding summary')['fundingWalYears']).toBe('融资端加权平均期限（月）');
    expect(headersOf(zh, 'Funding terms')['life']).toBe('期限（月）');
    expect(headersOf(en, 'Funding summary')['maturityMismatchYears']).toBe('Maturity mismatch (months)');
  });

  it('heads a source’s balance and frontier share by its name in Chinese too', () => {
    expect(headersOf(zh, 'Funding monthly')['bal:bank']).toBe('Warehouse line');
    expect(headersOf(zh, 'Funding frontier')['share:bank']).toBe('Warehouse line占比');
  });

  it('leaves no English header on the Chinese screen but source ids and acronyms', () => {
    for (const table of model.tables) {
      for (const [key, header] of Object.entries(headersOf(zh, table.sheetName))) {
        if (key.startsWith('bal:') || key.startsWith('share:')) continue;
        expect(header.replace(/HHI|ABS|IRR/g, ''), `${table.sheetName} ${key}`).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });

  it('reads in English exactly as the report heads its columns, but for lives in months', () => {
    for (const table of model.tables) {
      const shown = headersOf(en, table.sheetName);
      for (const c of table.columns) {
        if (c.key.startsWith('bal:') || c.key.startsWith('share:')) continue;
        expect(shown[c.key]).toBe(c.header.replace(/\(years\)$/, '(months)'));
      }
    }
  });
});
