import { describe, expect, it } from 'vitest';
import { zeroCurve } from '../../../core/analytics/curve';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { translator } from '../../../core/i18n';
import {
  cprColumns,
  priceRows,
  priceTableReportTable,
  priceYieldTable,
  spreadRows,
} from '../../../core/scenario/priceTable';
import { fixtureDeal } from './fixtures';

describe('price/yield table (decrement and yield table)', () => {
  const { deal, pool } = fixtureDeal();
  const engine = dealEngine(deal, pool);
  const curve = zeroCurve('2025-01-31', [0.5, 1, 2], [0.018, 0.019, 0.021], { compounding: 'annual' });
  const rows = priceRows(99, 101, 0.25);
  const table = priceYieldTable(engine, deal, { tranche: 'A', columns: deal.scenarios, rows, curve });

  it('rows 99–101 by 0.25, one column per scenario', () => {
    expect(rows.map((r) => (r.kind === 'price' ? r.clean : NaN))).toEqual([
      99, 99.25, 99.5, 99.75, 100, 100.25, 100.5, 100.75, 101,
    ]);
    expect(table.columns.map((c) => c.scenario)).toEqual(['base', 'cnl']);
  });

  it('at the class’s own price the cell’s yield, WAL and duration are the run’s', () => {
    for (const col of table.columns) {
      const run = engine
        .run(deal.scenarios.find((s) => s.name === col.scenario)!)
        .tranches.find((t) => t.id === 'A')!;
      const par = col.cells[4]!;
      expect(par.cleanPrice).toBe(100);
      expect(par.yield).toBeCloseTo(run.yield!, 12);
      expect(par.modifiedDuration).toBeCloseTo(run.modifiedDuration!, 12);
      expect(col.wal).toBeCloseTo(run.wal!, 12);
    }
  });

  it('yield and Z-spread fall as the price rises', () => {
    for (const col of table.columns) {
      for (let i = 1; i < col.cells.length; i++) {
        expect(col.cells[i]!.yield!).toBeLessThan(col.cells[i - 1]!.yield!);
        expect(col.cells[i]!.zSpread!).toBeLessThan(col.cells[i - 1]!.zSpread!);
      }
    }
  });

  it('spread rows price the class; that price read back gives the spread', () => {
    const bySpread = priceYieldTable(engine, deal, {
      tranche: 'A',
      columns: deal.scenarios.slice(0, 1),
      rows: spreadRows([0.01, 0.015]),
      curve,
    });
    for (const cell of bySpread.columns[0]!.cells) {
      const back = priceYieldTable(engine, deal, {
        tranche: 'A',
        columns: deal.scenarios.slice(0, 1),
        rows: [{ kind: 'price', clean: cell.cleanPrice! }],
        curve,
      });
      expect(back.columns[0]!.cells[0]!.zSpread).toBeCloseTo(cell.zSpread!, 10);
    }
  });

  it('CPR columns keep the base defaults and name the speed', () => {
    const cols = cprColumns(deal.scenarios[0]!, [0, 0.15]);
    expect(cols.map((c) => c.name)).toEqual(['CPR 0%', 'CPR 15%']);
    expect(cols[1]!.prepayment).toEqual({ model: 'CPR', curve: 0.15 });
    expect(cols[1]!.default).toEqual(deal.scenarios[0]!.default);
  });
});

describe('price/yield table as a report sheet', () => {
  const { deal, pool } = fixtureDeal();
  const curve = zeroCurve('2025-01-31', [1], [0.02], { compounding: 'annual' });
  const table = priceYieldTable(dealEngine(deal, pool), deal, {
    tranche: 'B',
    columns: deal.scenarios,
    rows: priceRows(99, 100, 0.5),
    curve,
  });

  it('one row per price; per scenario yield, Z-spread in bp, duration, spread to curve and WAL', () => {
    const sheet = priceTableReportTable(table, 'flat 2%');
    expect(sheet.rows.map((r) => r['quote'])).toEqual([99, 99.5, 100]);
    expect(sheet.columns).toHaveLength(1 + 5 * deal.scenarios.length);
    const cell = table.columns[1]!.cells[2]!;
    expect(sheet.rows[2]!['y1']).toBe(cell.yield);
    expect(sheet.rows[2]!['z1']).toBe(Number((cell.zSpread! * 10_000).toFixed(2)));
    expect(sheet.title).toContain('flat 2%');
  });

  it('written in Chinese with the Chinese translator', () => {
    const sheet = priceTableReportTable(table, 'flat 2%', translator('zh-CN'));
    expect(sheet.columns[0]!.header).toBe('净价');
    expect(sheet.title).toMatch(/^价格收益率表/);
  });
});
