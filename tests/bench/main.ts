/**
 * `npm run bench [-- --json] [-- --quick] [-- --only NAME]`: runs every figure module in ./figures and
 * prints each figure beside its reference loop and budget.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { Figure, FigureModule } from './harness';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const onlyIdx = args.indexOf('--only');
const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined;

const dir = join(dirname(fileURLToPath(import.meta.url)), 'figures');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only === undefined || f.includes(only))
  .sort();

const figures: Figure[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as FigureModule;
  const got = await mod.run({ quick });
  figures.push(...got);
  if (!json) {
    for (const g of got) {
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
    }
  }
}
if (json) process.stdout.write(JSON.stringify({ figures }) + '\n');
