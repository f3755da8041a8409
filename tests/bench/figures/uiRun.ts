/**
 * A deal run from the UI on a 1,000,000-loan imported pool (issue 17: results shown in under 3 s), in headless
 * Chromium: the web build is made into a temporary directory (or UI_WEB_DIR is used as built), the tape imported
 * on the Pool screen (not timed), and Run → Results painted timed for the first run after the import. The
 * reference is the engine's share: runDeal on the same pool and deal in this Node process (best of 3); it leaves
 * out the page (the run request, the engine worker's message, rendering the Results screen). Quick mode: 400,000
 * loans, the smallest tape whose pool still covers the sample deal's notes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, type Figure } from '../harness';
import { measureUiRun } from '../uiRun';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const rows = quick ? 400_000 : 1_000_000;
  let webDir = process.env.UI_WEB_DIR;
  let built: string | null = null;
  if (webDir === undefined) {
    built = mkdtempSync(join(tmpdir(), 'abs-bench-web-'));
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    execFileSync(
      process.execPath,
      [
        vite,
        'build',
        '--config',
        'renderer/vite.web.config.ts',
        '--outDir',
        built,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    webDir = built;
  }
  try {
    const m = await measureUiRun(rows, webDir);
    return [
      figure({
        name: `deal run from the UI, ${rows.toLocaleString('en-US')}-loan pool imported: Run → Results painted`,
        value: m.firstMs,
        unit: 'ms',
        reference: m.referenceMs,
        budget: { limit: 3000, better: 'lower' },
        referenceLeavesOut: 'the page: the run request, the engine worker, rendering the Results screen',
        notes: {
          secondRunMs: m.secondMs,
          longestMainThreadTaskMs: m.longestTaskMs,
          deal: 'revolving-installment (the app’s first-launch sample)',
        },
      }),
    ];
  } finally {
    if (built !== null) rmSync(built, { recursive: true, force: true });
  }
}
