/**
 * `abs-workbench <command>` (the program is ./main.ts): each command is its own module under ./commands exporting
 * `main(args): Promise<number>` (the exit code), loaded on demand so `run` never pays for `import`'s parsers.
 * The language (`--lang`, else the locale) is set first, so every message, zod's included, uses it.
 */
import { CliError } from './errors';
import { cliT, takeLangFlag } from './lang';

const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<{ main: (args: string[]) => Promise<number> }> }
> = {
  run: {
    summary: 'run <deal.json>... [--scenario NAME] [--json] [--xlsx FILE] [--shard i/n --out FILE]',
    load: () => import('./commands/run'),
  },
  grid: {
    summary: 'grid <deal.json> --cdr FROM:TO:STEP --cpr FROM:TO:STEP [--json] [--shard i/n --out FILE]',
    load: () => import('./commands/grid'),
  },
  breakeven: {
    summary: 'breakeven <deal.json> --tranche ID [--scenario NAME|all]... [--json] [--shard i/n --out FILE]',
    load: () => import('./commands/breakeven'),
  },
  montecarlo: {
    summary:
      'montecarlo <deal.json> --paths N [--seed S] --correlation PCT|--loss-vol PCT [--json] [--shard i/n --out FILE]',
    load: () => import('./commands/montecarlo'),
  },
  merge: {
    summary: 'merge <part.json>... [--json] [--out FILE]',
    load: () => import('./commands/merge'),
  },
  price: {
    summary:
      'price <deal.json> --curve FILE [--tranche ID|all] [--price P | --spread 150bp] [--table] [--json]',
    load: () => import('./commands/price'),
  },
  solve: {
    summary:
      'solve <deal.json> --size ID --stress cdr:PCT | --par-coupon ID | --target-yield ID PCT [--json]',
    load: () => import('./commands/solve'),
  },
  import: {
    summary: 'import <tape.csv|tape.xlsx> [--mapping NAME|FILE] --out pool.json',
    load: () => import('./commands/import'),
  },
  funding: { summary: 'funding <case.json> [--json]', load: () => import('./commands/funding') },
  vintage: {
    summary:
      'vintage <history.csv|table.csv|xlsx> [--segment FIELD] [--method chain-ladder|timing|both] [--into deal.json --scenario NAME] [--json]',
    load: () => import('./commands/vintage'),
  },
  surveil: {
    summary:
      'surveil <deal.json> [--reports DIR [--append]] [--refit NAME [--history FILE] [--into deal.json]] [--reproject] [--scenario NAME] [--json]',
    load: () => import('./commands/surveil'),
  },
};

function usage(): string {
  return [
    cliT()('cli:usage', { synopsis: 'abs-workbench <command> [options] [--lang en|zh-CN]' }),
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
  ].join('\n');
}

export async function cli(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  let args: string[];
  try {
    args = takeLangFlag(argv, env);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    process.stderr.write(`abs-workbench: ${err.message}\n`);
    return err.exitCode;
  }
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`abs-workbench: ${cliT()('cli:error.unknownCommand', { name })}\n${usage()}\n`);
    return 2;
  }
  try {
    const mod = await command.load();
    return await mod.main(rest);
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`abs-workbench ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
