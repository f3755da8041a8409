import { describe, expect, it } from 'vitest';
import { renderRun } from '../../../core/node/cli/commands/run';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  renderPairs,
  renderTable,
} from '../../../core/node/cli/format';
import { parseDeal } from '../../../core/deal/load';
import { runDeal } from '../../../core/run';
import { minimalDeal } from '../deal/minimalDeal';
import { translator } from '../../../core/i18n';

describe('CLI number formats', () => {
  it('uses thousands separators, fixed decimals and a dash for missing values', () => {
    expect(formatMoney(1234567.891)).toBe('1,234,567.89');
    expect(formatMoney(-0.001)).toBe('0.00');
    expect(formatMoney(-1500)).toBe('-1,500.00');
    expect(formatNumber(1.23456, 3)).toBe('1.235');
    expect(formatPercent(0.051)).toBe('5.10%');
    expect(formatPercent(0.0515462, 3)).toBe('5.155%');
    expect(formatPercent(null)).toBe('-');
    expect(formatNumber(Number.NaN)).toBe('-');
  });

  it('pads table columns: text left, numbers right', () => {
    expect(
      renderTable(
        [{ header: 'Class', align: 'left' }, 'Balance'],
        [
          ['A', '600,000,000.00'],
          ['Sub', '80.00'],
        ],
      ),
    ).toBe(
      [
        'Class         Balance',
        '-----  --------------',
        'A      600,000,000.00',
        'Sub             80.00',
      ].join('\n'),
    );
    expect(
      renderPairs([
        ['Deal', 'x'],
        ['Currency', 'CNY'],
      ]),
    ).toBe('Deal:      x\nCurrency:  CNY');
  });
});

describe('renderRun', () => {
  it('flags a run whose periods do not reconcile', () => {
    const deal = parseDeal(minimalDeal(), 'x.json');
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const r = runDeal(deal, { kind: 'repLines', lines: deal.pool.lines });
    expect(renderRun(deal, r, 'x.json')).toContain('Cash conserved');
    const broken = { ...r, checks: { cashConserved: false, failures: [{ period: 3, difference: 0.01 }] } };
    const text = renderRun(deal, broken, 'x.json');
    expect(text).toContain(`CASH NOT CONSERVED in 1 of ${r.waterfall.length} periods:`);
    expect(text).toContain('period 3: difference 0.01');
  });

  it('states when the run was made in words, to the minute in UTC, in the language of the output', () => {
    const deal = parseDeal(minimalDeal(), 'x.json');
    if (deal.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const r = {
      ...runDeal(deal, { kind: 'repLines', lines: deal.pool.lines }),
      runAt: '2026-12-03T21:07:45.123Z',
    };
    expect(renderRun(deal, r, 'x.json', translator('en'), 'en')).toContain('run 3 Dec 2026 21:07 UTC');
    expect(renderRun(deal, r, 'x.json', translator('zh-CN'), 'zh-CN')).toContain(
      '测算时间 2026年12月3日 21:07（UTC）',
    );
  });
});
