/**
 * Benchmark figures: each is measured beside a plain reference loop run in the same process, and reported
 * as a ratio, because machines here are noisy. Budgets come from ../shared/DESIGN.md.
 */
export interface Figure {
  name: string;
  /** The measured value (throughput or time). */
  value: number;
  unit: string;
  /** The same measure for the plain reference loop run in this process. */
  reference: number;
  /** value / reference. */
  ratio: number;
  /** The budget in the same unit as value, with its direction. */
  budget: { limit: number; better: 'higher' | 'lower' };
  /** What the reference loop does not do that the measured code does (printed under the figure). */
  referenceLeavesOut?: string;
  /** Extra facts (peak memory, scaling…). */
  notes?: Record<string, number | string>;
}

export interface FigureModule {
  /** Measures and returns figures; `quick` shrinks sizes for smoke tests. */
  run(opts: { quick: boolean }): Promise<Figure[]>;
}

/** Best of n wall-clock runs in ms: best-of filters the noise of a shared 2-core machine. */
export async function bestOf(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  return { ...f, ratio: f.reference === 0 ? 0 : f.value / f.reference };
}
