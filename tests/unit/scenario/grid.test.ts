import { describe, expect, it } from 'vitest';
import { dealEngine } from '../../../core/scenario/dealEngine';
import {
  cellScenario,
  gridAxisNotes,
  gridJobs,
  gridMatrix,
  gridReportTable,
  runGridInline,
  type GridSpec,
} from '../../../core/scenario/grid';
import { fixtureDeal } from './fixtures';
import { toyBase, toyEngine } from './toyEngine';

const spec: GridSpec = {
  y: { kind: 'cdr', from: 0, to: 0.4, step: 0.1 },
  x: { kind: 'cpr', from: 0, to: 0.2, step: 0.1 },
  metric: 'loss',
  tranche: 'B',
};

describe('grid cells', () => {
  it('lists cells row-major, y outer', () => {
    const jobs = gridJobs(spec);
    expect(jobs).toHaveLength(15);
    expect(jobs[4]).toEqual({ index: 4, ix: 1, iy: 1, x: 0.1, y: 0.1 });
  });

  it('applies both axes to the cell scenario', () => {
    const s = cellScenario(toyBase, spec, gridJobs(spec)[5]!);
    expect(s.default).toEqual({ model: 'CDR', curve: 0.1 });
    expect(s.prepayment).toEqual({ model: 'CPR', curve: 0.2 });
  });

  it('toy grid: loss of B by hand, matrix orientation and report sheet', () => {
    const grid = runGridInline(toyEngine(), toyBase, spec);
    const m = gridMatrix(grid);
    // CDR 30%: pool loss 21%, cushion 2%, C takes 10%, B takes 9% of the pool = 90,000 of 150,000 = 60%.
    expect(m[3]![0]).toBeCloseTo(0.6, 12);
    expect(m[3]![2]).toBeCloseTo(0.6, 12);
    expect(m[1]![1]).toBe(0);
    expect(m[4]![0]).toBe(1);
    const walM = gridMatrix(grid, 'A', 'wal');
    expect(walM[0]![2]).toBeCloseTo(2 / 1.2, 12);
    const t = gridReportTable(grid);
    expect(t.columns.map((c) => c.header)).toEqual(['CDR \\ CPR', '0%', '10%', '20%']);
    expect(t.rows[3]).toMatchObject({ y: '30%', x0: m[3]![0] });
    expect(t.sheetName.length).toBeLessThanOrEqual(31);
  });
});

describe('grid axes combine the same way in either order (issue 21 item 5)', () => {
  // Convention: a loss-multiple axis scales whatever default assumption the cell has, so beside a CDR axis it
  // multiplies that CDR (the rating-agency "multiple of the base case" reading). Toy pool loss = 0.7 × CDR × m.
  // Cell m = 2, CDR 10%: pool loss 0.7 × 0.10 × 2 = 14%; after the 2% cushion C (10%) is gone and B takes 2% of
  // the pool = 20,000 of its 150,000 = 13.33…%. The old code reset the multiple to 1 when the CDR axis came
  // second (rows all equal: pool loss 7%, B untouched).
  const multiple = { kind: 'lossMultiple', from: 1, to: 3, step: 1 } as const;
  const cdr = { kind: 'cdr', from: 0.1, to: 0.2, step: 0.05 } as const;

  it('loss multiple × CDR, both orientations', () => {
    const rows = runGridInline(toyEngine(), toyBase, { y: multiple, x: cdr, metric: 'loss', tranche: 'B' });
    const cols = runGridInline(toyEngine(), toyBase, { y: cdr, x: multiple, metric: 'loss', tranche: 'B' });
    const m = gridMatrix(rows);
    expect(m[1]![0]).toBeCloseTo(20_000 / 150_000, 12);
    expect(rows.cells[3]!.poolLossPct).toBeCloseTo(0.14, 12);
    const t = gridMatrix(cols);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(t[j]![i]).toBe(m[i]![j]);
  });

  it('prepayment multiple × CPR scales the CPR in either order', () => {
    const pm = { kind: 'prepaymentMultiple', from: 1, to: 2, step: 1 } as const;
    const cpr = { kind: 'cpr', from: 0.1, to: 0.1, step: 0 } as const;
    const a = cellScenario(toyBase, { x: pm, y: cpr }, gridJobs({ x: pm, y: cpr })[1]!);
    const b = cellScenario(toyBase, { x: cpr, y: pm }, gridJobs({ x: cpr, y: pm })[1]!);
    expect(a.prepaymentMultiple).toBe(2);
    expect(b.prepaymentMultiple).toBe(2);
    expect(a.prepayment).toEqual(b.prepayment);
  });

  it('states what the axes mean where it is not obvious (multiple on CDR; severity on a CNL scenario)', () => {
    expect(gridAxisNotes({ x: cdr, y: multiple }, toyBase).join(' ')).toMatch(
      /scales each column’s or row’s CDR/,
    );
    const sev = { kind: 'severity', from: 0.5, to: 1, step: 0.25 } as const;
    const cnl = { ...toyBase, default: { model: 'CNL' as const, lifetimeNetLoss: 0.08, timing: [0.5, 0.5] } };
    expect(gridAxisNotes({ x: sev, y: multiple }, cnl).join(' ')).toMatch(/keeps the net loss/);
    expect(gridAxisNotes({ x: sev, y: multiple }, toyBase)).toEqual([]);
  });

  it('refuses two axes that set the same assumption', () => {
    const abs = { kind: 'absSpeed', from: 0.01, to: 0.02, step: 0.01 } as const;
    const cpr = { kind: 'cpr', from: 0.1, to: 0.2, step: 0.1 } as const;
    expect(() => gridJobs({ x: abs, y: cpr })).toThrow(/both set the prepayment model/);
  });
});

describe('grid on a real deal', () => {
  const { deal, pool } = fixtureDeal();
  const engine = dealEngine(deal, pool);
  const grid = runGridInline(engine, deal.scenarios[0]!, { ...spec, metric: 'wal', tranche: 'A' });

  it('every cell reconciles and carries every class', () => {
    for (const c of grid.cells) {
      expect(c.cashConserved).toBe(true);
      expect(Object.keys(c.tranches)).toEqual(['A', 'B', 'C']);
    }
  });

  it('more defaults never lower a class loss; faster prepayment shortens the senior WAL', () => {
    for (const id of ['A', 'B', 'C']) {
      const m = gridMatrix(grid, id, 'loss');
      for (let ix = 0; ix < 3; ix++)
        for (let iy = 1; iy < 5; iy++) expect(m[iy]![ix]!).toBeGreaterThanOrEqual(m[iy - 1]![ix]!);
    }
    const wal = gridMatrix(grid, 'A', 'wal');
    expect(wal[0]![2]!).toBeLessThan(wal[0]![0]!);
    expect(gridMatrix(grid, 'C', 'loss')[4]![0]!).toBeGreaterThan(0);
  });
});
