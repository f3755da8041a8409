/**
 * The CLI's start (issue 17: a small deal's `run` under 0.5 s wall-clock, as a compiled tool starts): a fresh
 * `node bin/abs-workbench.js run <sample> --json` process, start to exit, beside the reference of a bare
 * `node -e 0` process (Node's own start; it leaves out loading the engine, reading the deal and the run). The
 * bundle is built first, so the figure is the built CLI's and not the tsx fallback a stale build would take.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestOf, figure, type Figure } from '../harness';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEAL = join(ROOT, 'samples/deals/level-pay-consumer.deal.json');

function node(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  execFileSync(process.execPath, [join(ROOT, 'bin/build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const n = quick ? 3 : 7;
  const value = await bestOf(n, () => node([join(ROOT, 'bin/abs-workbench.js'), 'run', DEAL, '--json']));
  const reference = await bestOf(n, () => node(['-e', '0']));
  return [
    figure({
      name: 'CLI run of a small deal, process start to exit',
      value,
      unit: 'ms',
      reference,
      budget: { limit: 500, better: 'lower' },
      notes: { deal: 'level-pay-consumer', runs: n },
    }),
  ];
}
