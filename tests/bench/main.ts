/**
 * `npm run bench [-- --json] [-- --quick] [-- --only NAME]`: runs every figure module in ./figures and
 * prints each figure beside its reference loop and budget.
 *
 * Each figure module runs in a fresh child process (this script again, with `--child FILE`), so a figure's
 * peak memory is its own and no figure inherits the heap, the optimised code or the worker threads of the one
 * before it. The child reports its figures as one JSON line; the parent adds the child's peak RSS and wall time.
 */
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Figure, FigureModule } from './harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;
const childIdx = args.indexOf('--child');
const child = childIdx >= 0 ? args[childIdx + 1] : undefined;
const RESULT = 'BENCH_FIGURES ';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'figures');

if (child !== undefined) {
  const mod = (await import(pathToFileURL(join(dir, child)).href)) as FigureModule;
  const got = await mod.run({ quick });
  const processPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const out = got.map((g) => ({ ...g, notes: { ...g.notes, processPeakRssMb } }));
  process.stdout.write(RESULT + JSON.stringify(out) + '\n');
  // Worker pools and timers left by a figure must not keep the child alive.
  process.exit(0);
}

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only === undefined || f.includes(only))
  .sort();

function print(g: Figure): void {
  const ok = g.budget.better === 'higher' ? g.value >= g.budget.limit : g.value <= g.budget.limit;
  const notes = g.notes
    ? '  ' +
      Object.entries(g.notes)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : '';
  process.stdout.write(
    `${ok ? 'within ' : 'OVER   '} ${g.name}: ${g.value.toPrecision(4)} ${g.unit} | reference ${g.reference.toPrecision(4)} ${g.unit} | ratio ${g.ratio.toFixed(3)} | budget ${g.budget.better === 'higher' ? '>=' : '<='} ${g.budget.limit}${notes}\n`,
  );
  if (g.referenceLeavesOut)
    process.stdout.write(`         the reference leaves out: ${g.referenceLeavesOut}\n`);
}

const figures: Figure[] = [];
let failed = false;
for (const f of files) {
  const t0 = performance.now();
  // The same runtime and loader flags (tsx) as this process, on this script in child mode.
  const run = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--child', f, ...(quick ? ['--quick'] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT));
  if (run.status !== 0 || line === undefined) {
    failed = true;
    process.stderr.write(`bench figure ${f} failed (exit ${run.status ?? run.signal})\n${run.stdout}`);
    continue;
  }
  const processWallS = ((performance.now() - t0) / 1000).toFixed(1);
  const got = (JSON.parse(line.slice(RESULT.length)) as Figure[]).map((g) => ({
    ...g,
    notes: { ...g.notes, processWallS },
  }));
  figures.push(...got);
  if (!json) got.forEach(print);
}
if (json) process.stdout.write(JSON.stringify({ figures }) + '\n');
if (failed) process.exitCode = 1;
