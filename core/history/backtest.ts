/**
 * Back-test: cut the triangle `holdout` periods back on the calendar (each row loses its last `holdout`
 * observations, so the fit only sees what was known then: the older vintages' development), fit the chain
 * ladder and the timing curve on what is left, project each row from its last observed period then to the
 * period it has actually reached, and compare with what it actually did. Rows with nothing left after the
 * cut are not projected (listed with null).
 */
import { chainLadder, type ChainLadderOptions, type Triangle } from './chainLadder';
import { timingCurve } from './timing';

export interface BacktestRow {
  origin: string;
  /** Last observed period at the cut, and the period compared at (0-based columns). */
  fromPeriod: number;
  toPeriod: number;
  actual: number;
  chainLadder: number | null;
  timing: number | null;
  chainLadderError: number | null;
  timingError: number | null;
}

export interface BacktestResult {
  holdout: number;
  rows: BacktestRow[];
  /** Sums over rows both methods projected: actual, projected, error (projected − actual). */
  total: {
    actual: number;
    chainLadder: number;
    timing: number;
    chainLadderError: number;
    timingError: number;
  };
  meanAbsoluteError: { chainLadder: number | null; timing: number | null };
}

export function backtest(tri: Triangle, holdout: number, opts: ChainLadderOptions = {}): BacktestResult {
  const lens = tri.values.map((r) => {
    let n = 0;
    while (n < r.length && Number.isFinite(r[n]!)) n++;
    return n;
  });
  const cut: Triangle = {
    origins: tri.origins,
    values: tri.values.map((r, i) => r.slice(0, Math.max(0, lens[i]! - holdout))),
  };
  const cl = chainLadder(cut, opts);
  const tm = timingCurve(cut);
  const rows: BacktestRow[] = tri.values.map((r, i) => {
    const to = lens[i]! - 1;
    const from = to - holdout;
    const actual = to >= 0 ? r[to]! : 0;
    let clv: number | null = null;
    let tv: number | null = null;
    if (from >= 0) {
      clv = cl.origins[i]!.projected[to] ?? null;
      const ult = tm.origins[i]!.ultimate;
      if (ult !== null) tv = to >= tm.horizon - 1 ? ult : ult * tm.cumulative[to]!;
    }
    return {
      origin: tri.origins[i] ?? String(i + 1),
      fromPeriod: from,
      toPeriod: to,
      actual,
      chainLadder: clv,
      timing: tv,
      chainLadderError: clv === null ? null : clv - actual,
      timingError: tv === null ? null : tv - actual,
    };
  });
  const both = rows.filter((r) => r.chainLadder !== null && r.timing !== null && r.fromPeriod >= 0);
  const sum = (f: (r: BacktestRow) => number): number => both.reduce((a, r) => a + f(r), 0);
  const mae = (f: (r: BacktestRow) => number | null): number | null => {
    const xs = rows
      .filter((r) => r.fromPeriod >= 0)
      .map(f)
      .filter((x): x is number => x !== null);
    return xs.length === 0 ? null : xs.reduce((a, x) => a + Math.abs(x), 0) / xs.length;
  };
  return {
    holdout,
    rows,
    total: {
      actual: sum((r) => r.actual),
      chainLadder: sum((r) => r.chainLadder!),
      timing: sum((r) => r.timing!),
      chainLadderError: sum((r) => r.chainLadderError!),
      timingError: sum((r) => r.timingError!),
    },
    meanAbsoluteError: { chainLadder: mae((r) => r.chainLadderError), timing: mae((r) => r.timingError) },
  };
}
