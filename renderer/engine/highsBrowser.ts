/**
 * HiGHS in the browser worker: the WebAssembly is a bundled asset Vite fingerprints, so the loader is told
 * its URL instead of looking beside the script. Compiled once per worker; each `solve` builds a fresh native
 * solver, so no state carries between jobs. Needs `'wasm-unsafe-eval'` in the CSP's script-src.
 */
import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import type { LpSolver } from '../../core/funding/lpModel';

let loaded: Promise<LpSolver> | null = null;

export function loadBrowserHighs(): Promise<LpSolver> {
  loaded ??= loadHighs({ locateFile: () => wasmUrl }).then((h) => {
    const s: LpSolver = h;
    return s;
  });
  // A failed load (bad asset, CSP) should not stick: the next Optimise tries again.
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}
