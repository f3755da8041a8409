/**
 * The Pool screen's read-only tables as the grids show and export them: rep lines with their pool shares,
 * a stratification with its total kept apart, and rejected rows counted by reason in the report's words.
 */
import { describe, expect, it } from 'vitest';
import type { RepLine } from '../../../core/deal/schema';
import type { StratTable } from '../../../core/pool/strat';
import { reportCellText } from '../../../renderer/components/reportColumns';
import { initI18n } from '../../../renderer/i18n';
import {
  MAX_CHART_BARS,
  orderedStrat,
  rejectReasonsTable,
  repLinesTable,
  stratBars,
  stratReportTable,
} from '../../../renderer/screens/pool/poolTables';

/** The tables take the screen's t; English here, as the screen is on an en-US machine. */
const en = initI18n('en').getFixedT('en');

const line = (over: Partial<RepLine>): RepLine =>
  ({
    id: 'L1',
    segment: 'A',
    product: 'installment',
    balance: 750_000,
    rate: 0.18,
    monthlyFeeRate: 0.00125,
    originalTerm: 12,
    remainingTerm: 9,
    count: 1500,
    ...over,
  }) as RepLine;

describe('repLinesTable', () => {
  it('gives each line its share of the pool and a payment rate only when it revolves', () => {
    const t = repLinesTable(
      [
        line({}),
        line({ id: 'R1', product: 'revolving', balance: 250_000, paymentRate: 0.1 } as Partial<RepLine>),
      ],
      en,
    );
    expect(t.columns.map((c) => c.header)).toEqual([
      'Line',
      'Segment',
      'Product',
      'Balance',
      '% of pool',
      'Rate',
      'Fee / month',
      'Orig. term',
      'Rem. term',
      'Payment rate',
      'Receivables',
    ]);
    expect(t.rows[0]).toMatchObject({
      id: 'L1',
      balance: 750_000,
      share: 0.75,
      paymentRate: null,
      count: 1500,
    });
    expect(t.rows[1]).toMatchObject({ id: 'R1', share: 0.25, paymentRate: 0.1 });
    expect(reportCellText(t.rows[0]!.balance, 'money')).toBe('750,000.00');
    expect(reportCellText(t.rows[1]!.share, 'percent')).toBe('25.00%');
    expect(reportCellText(t.rows[0]!.paymentRate, 'percent')).toBe('–');
  });

  it('reads a zero-balance deal as 0% shares, not NaN', () => {
    expect(repLinesTable([line({ balance: 0 })], en).rows[0]!.share).toBe(0);
  });
});

describe('stratReportTable', () => {
  const strat: StratTable = {
    key: 'segment',
    title: 'By segment',
    rows: [
      {
        label: 'A',
        count: 3,
        balance: 300.004,
        pctBalance: 0.75,
        pctCount: 0.6,
        averageBalance: 100,
        waRate: 0.12,
        waRemainingTerm: 10.25,
        waOriginalTerm: 12,
      },
      {
        label: 'B',
        count: 2,
        balance: 100,
        pctBalance: 0.25,
        pctCount: 0.4,
        averageBalance: 50,
        waRate: 0.2,
        waRemainingTerm: 6,
        waOriginalTerm: 12,
      },
    ],
    total: {
      label: 'all',
      count: 5,
      balance: 400.004,
      pctBalance: 1,
      pctCount: 1,
      averageBalance: 80,
      waRate: 0.14,
      waRemainingTerm: 9.19,
      waOriginalTerm: 12,
    },
  };

  it('keeps the buckets as rows and the total apart, labelled Total, money to the cent', () => {
    const { table, total } = stratReportTable(strat, en);
    expect(table.rows.map((r) => r.label)).toEqual(['A', 'B']);
    expect(table.rows[0]).toEqual({
      label: 'A',
      count: 3,
      balance: 300,
      pctBalance: 0.75,
      waRate: 0.12,
      waRemainingTerm: 10.25,
    });
    expect(total).toEqual({
      label: 'Total',
      count: 5,
      balance: 400,
      pctBalance: 1,
      waRate: 0.14,
      waRemainingTerm: 9.19,
    });
    expect(table.sheetName).toBe('strat segment');
  });
});

describe('rejectReasonsTable', () => {
  it('names each reason as the report does, with its count', () => {
    const t = rejectReasonsTable({ 'missing-required': 4, 'wrong-cell-count': 1 }, en);
    expect(t.rows).toEqual([
      { reason: 'a required field is empty', rows: 4 },
      { reason: 'row has a different number of cells than the header', rows: 1 },
    ]);
  });
});

describe('orderedStrat', () => {
  const row = (label: string): StratTable['rows'][number] => ({
    label,
    count: 1,
    balance: 1,
    pctBalance: 0.2,
    pctCount: 0.2,
    averageBalance: 1,
    waRate: 0.1,
    waRemainingTerm: 6,
    waOriginalTerm: 12,
  });
  const table = (key: StratTable['key'], labels: string[]): StratTable => ({
    key,
    title: 'By segment',
    rows: labels.map(row),
    total: row('Total'),
  });

  it('lists credit grades in order (issue 19 item 14): D, E, B, C, A as A–E, grade 10 after grade 2, unknown last', () => {
    const labels = (t: StratTable) => t.rows.map((r) => r.label);
    expect(labels(orderedStrat(table('segment', ['D', 'E', 'B', 'C', 'A'])))).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(labels(orderedStrat(table('segment', ['not reported', 'G10', 'G2'])))).toEqual([
      'G2',
      'G10',
      'not reported',
    ]);
  });

  it('leaves other strats in the engine’s order (regions by balance)', () => {
    const t = table('region', ['Texas', 'Alaska']);
    expect(orderedStrat(t)).toBe(t);
  });
});

describe('stratBars (issue 19 item 14: 47 states on one small chart)', () => {
  const row = (label: string, pctBalance: number): StratTable['rows'][number] => ({
    label,
    count: 1,
    balance: pctBalance * 1000,
    pctBalance,
    pctCount: pctBalance,
    averageBalance: 1,
    waRate: 0.1,
    waRemainingTerm: 6,
    waOriginalTerm: 12,
  });
  const table = (key: StratTable['key'], rows: StratTable['rows']): StratTable => ({
    key,
    title: 'By region',
    rows,
    total: row('Total', 1),
  });

  it('keeps the 11 largest regions and adds the other 36 up as "Other (36)", so the bars still sum to the pool', () => {
    // 47 states: CA 20%, TX 10%, then 45 states sharing 70% (1.5556% each). Kept: CA, TX and the first nine
    // of the 45 (ties keep the tape's order); Other = 36 × 70%/45 = 56% exactly.
    const small = Array.from({ length: 45 }, (_, i) => row(`S${i + 1}`, 0.7 / 45));
    const bars = stratBars(
      table('region', [...small.slice(0, 5), row('CA', 0.2), ...small.slice(5), row('TX', 0.1)]),
      en,
    );
    expect(bars).toHaveLength(MAX_CHART_BARS);
    expect(bars.slice(0, 3).map((b) => b.label)).toEqual(['CA', 'TX', 'S1']);
    expect(bars.at(-1)?.label).toBe('Other (36)');
    expect(bars.at(-1)?.share).toBeCloseTo(0.56, 12);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12);
  });

  it('leaves a short region list, and ordered buckets of any length, as they are', () => {
    const few = [row('NY', 0.6), row('NJ', 0.4)];
    expect(stratBars(table('region', few), en).map((b) => b.label)).toEqual(['NY', 'NJ']);
    // Remaining-term buckets are a distribution: regrouping its middle as "Other" would misdraw it.
    const terms = Array.from({ length: 14 }, (_, i) => row(`${i}–${i + 1} m`, 1 / 14));
    expect(stratBars(table('remainingTerm', terms), en)).toHaveLength(14);
  });
});
