/**
 * HiGHS in Node: the package's ESM loader finds `highs.wasm` beside itself on disk, so no `locateFile` is
 * needed here. The module is compiled once per process and shared: each `solve` builds a fresh native solver.
 */
import type { LpSolver } from '../../funding/lpModel';

let loaded: Promise<LpSolver> | null = null;

export function loadHighsSolver(): Promise<LpSolver> {
  loaded ??= import('highs').then(async (m) => {
    const h = await m.default();
    const s: LpSolver = h;
    return s;
  });
  return loaded;
}
