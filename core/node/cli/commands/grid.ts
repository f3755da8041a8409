/**
 * `abs-workbench grid <deal.json> --cdr FROM:TO:STEP --cpr FROM:TO:STEP [--tranche ID] [--metric M]
 *  [--scenario NAME] [--workers N] [--json] [--shard i/n --out FILE]`: a sensitivity grid, one deal run per cell,
 * spread over worker threads; with `--shard`, this process's share of the cells to a part file (../shard.ts).
 */
import { DealFileError } from '../../../deal/load';
import type { Axis, AxisKind } from '../../../scenario/axis';
import { axisIsRate } from '../../../scenario/axis';
import {
  assembleGrid,
  formatAxisValue,
  GRID_METRICS,
  gridJobs,
  gridMatrix,
  type GridCell,
  type GridCellResult,
  type GridMetric,
  type GridResult,
  type GridSpec,
} from '../../../scenario/grid';
import { DealError } from '../../../run';
import { loadDeal } from '../../dealFile';
import { runGrid } from '../../workers/stress';
import { runJobs } from '../../workers/pool';
import type { GridInit } from '../../workers/jobs/gridCells';
import { pickScenario } from '../../../scenario/engine';
import type { TFunction } from '../../../i18n';
import { CliError } from '../errors';
import { displayWidth, helpText, padEndTo, padStartTo } from '../format';
import { cliT } from '../lang';
import { dealErrorText } from '../problems';
import { problemOf } from '../../../i18n/codedError';
import { coreText } from '../../../i18n/messages';
import {
  dealInputFiles,
  inputsHash,
  makePart,
  parseShard,
  requireOut,
  shardPositions,
  writePart,
  type Shard,
} from '../shard';
import type { MergedParts } from './merge';

const AXIS_FLAGS: Record<string, AxisKind> = {
  '--cdr': 'cdr',
  '--cpr': 'cpr',
  '--abs': 'absSpeed',
  '--loss-multiple': 'lossMultiple',
  '--prepay-multiple': 'prepaymentMultiple',
  '--severity': 'severity',
  '--lag': 'lagMonths',
  '--rate-shift': 'rateShift',
};

const RANGE = 'FROM:TO:STEP';

/** `grid --help`, in the process's language. */
export function gridHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench grid <deal.json> AXIS AXIS [options]',
    [
      {
        about: `\n${t('cli:grid.about', { range: RANGE })}`,
        options: [
          ['--cdr', t('cli:grid.option.cdr', { example: '--cdr 0:20:1' })],
          ['--cpr', t('cli:grid.option.cpr')],
          ['--abs', t('cli:grid.option.abs', { example: '--abs 0:3:0.5' })],
          ['--loss-multiple', t('cli:grid.option.lossMultiple', { example: '--loss-multiple 0:5:0.5' })],
          ['--prepay-multiple', t('cli:grid.option.prepayMultiple')],
          ['--severity', t('cli:grid.option.severity')],
          ['--lag', t('cli:grid.option.lag')],
          ['--rate-shift', t('cli:grid.option.rateShift', { example: '--rate-shift -1:2:0.5' })],
        ],
      },
      {
        title: t('cli:grid.optionsHeading'),
        options: [
          ['--tranche ID', t('cli:grid.option.tranche')],
          ['--metric M', t('cli:grid.option.metric', { metrics: GRID_METRICS.join(' | ') })],
          ['--scenario NAME', t('cli:grid.option.scenario')],
          ['--workers N', t('cli:grid.option.workers')],
          ['--json', t('cli:grid.option.json')],
          ['--shard i/n', t('cli:shard.option.shard', { unit: t('cli:shard.unit.cells'), out: '--out' })],
          ['--out FILE', t('cli:shard.option.out', { flag: '--shard', merge: 'abs-workbench merge' })],
        ],
      },
    ],
    18,
  );
}

function parseRange(flag: string, kind: AxisKind, text: string | undefined): Axis {
  const t = cliT();
  if (text === undefined) throw new CliError(t('cli:grid.needsRange', { flag, range: RANGE }));
  const parts = text.split(':');
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if ((parts.length !== 3 && parts.length !== 1) || nums.some((n) => !Number.isFinite(n))) {
    throw new CliError(t('cli:grid.badRange', { flag, text, range: RANGE }));
  }
  const scale = axisIsRate(kind) ? 0.01 : 1;
  const [from, to = from, step = 1] = nums as [number, number?, number?];
  return { kind, from: from * scale, to: to! * scale, step: step! * scale };
}

export interface GridArgs {
  file: string;
  spec: GridSpec;
  workers: number;
  json: boolean;
  trancheGiven: boolean;
  shard?: Shard;
  out?: string;
}

export function parseGridArgs(args: string[]): GridArgs {
  let file: string | undefined;
  const axes: Axis[] = [];
  let tranche: string | undefined;
  let metric: GridMetric = 'loss';
  let scenario: string | undefined;
  let workers = 1;
  let json = false;
  let shard: Shard | undefined;
  let out: string | undefined;
  const t = cliT();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }));
      return v;
    };
    if (a === '--shard') shard = parseShard(args[++i], a);
    else if (a === '--out') out = value();
    else if (a in AXIS_FLAGS) {
      const kind = AXIS_FLAGS[a]!;
      if (axes.some((x) => x.kind === kind)) throw new CliError(t('cli:grid.givenTwice', { flag: a }));
      axes.push(parseRange(a, kind, args[++i]));
    } else if (a === '--tranche') tranche = value();
    else if (a === '--metric') {
      const m = value();
      if (!(GRID_METRICS as readonly string[]).includes(m)) {
        throw new CliError(
          t('cli:grid.badMetric', { flag: a, metric: m, metrics: GRID_METRICS.join(t('cli:listSeparator')) }),
        );
      }
      metric = m as GridMetric;
    } else if (a === '--scenario') scenario = value();
    else if (a === '--workers') {
      const v = value();
      workers = Number(v);
      if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
        throw new CliError(t('cli:grid.badWorkers', { flag: a, value: v }));
      }
    } else if (a === '--json') json = true;
    else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${gridHelp(t)}`);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:error.unexpectedArgument', { arg: a }));
  }
  if (file === undefined) throw new CliError(`${t('cli:error.noDealFile')}\n${gridHelp(t)}`);
  if (axes.length !== 2) {
    throw new CliError(
      `${t('cli:grid.twoAxes', { count: axes.length, example: '--cdr 0:20:1 --cpr 0:30:5' })}\n${gridHelp(t)}`,
    );
  }
  requireOut(shard, out);
  return {
    ...(shard ? { shard } : {}),
    ...(out !== undefined ? { out } : {}),
    file,
    spec: { y: axes[0]!, x: axes[1]!, metric, tranche: tranche ?? '', ...(scenario ? { scenario } : {}) },
    workers,
    json,
    trancheGiven: tranche !== undefined,
  };
}

function formatMetric(metric: GridMetric, v: number | null): string {
  if (v === null) return '-';
  switch (metric) {
    case 'yield':
    case 'loss':
      return `${(v * 100).toFixed(2)}%`;
    case 'lastPeriod':
      return String(v);
    case 'interestShortfall':
      return v.toFixed(2);
    default:
      return v.toFixed(2);
  }
}

export function formatGridTable(grid: GridResult, t: TFunction = cliT()): string {
  const { spec } = grid;
  const matrix = gridMatrix(grid);
  const axis = (kind: AxisKind): string => t(`cli:grid.axis.${kind}`);
  const corner = `${axis(spec.y.kind)} \\ ${axis(spec.x.kind)}`;
  const header = [corner, ...grid.xValues.map((v) => formatAxisValue(spec.x.kind, v))];
  const body = matrix.map((row, iy) => [
    formatAxisValue(spec.y.kind, grid.yValues[iy]!),
    ...row.map((v) => formatMetric(spec.metric, v)),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => displayWidth(r[c]!))));
  const line = (r: string[]): string =>
    r.map((s, c) => (c === 0 ? padEndTo(s, widths[c]!) : padStartTo(s, widths[c]!))).join('  ');
  return [
    t('cli:grid.title', {
      metric: t(`cli:grid.metric.${spec.metric}`),
      tranche: spec.tranche,
      scenario: grid.scenarioName,
    }),
    line(header),
    ...body.map(line),
  ].join('\n');
}

export function gridJson(grid: GridResult): unknown {
  return {
    scenario: grid.scenarioName,
    rows: { axis: grid.spec.y.kind, values: grid.yValues },
    columns: { axis: grid.spec.x.kind, values: grid.xValues },
    tranche: grid.spec.tranche,
    metric: grid.spec.metric,
    matrix: gridMatrix(grid),
    trancheIds: grid.trancheIds,
    cells: grid.cells,
  };
}

/** Turns expected failures (bad file, bad deal, bad axis) into one clear CLI message in the process's language. */
export function asCliError(err: unknown, t: TFunction = cliT()): unknown {
  if (err instanceof CliError) return err;
  if (err instanceof DealFileError) return new CliError(err.text(t));
  if (err instanceof DealError) return new CliError(dealErrorText(t, err));
  const problem = problemOf(err);
  if (problem) return new CliError(coreText(t, problem));
  if (err instanceof RangeError) return new CliError(err.message);
  return err;
}

/** What a grid part carries besides its cells: enough to assemble and print the whole grid. */
interface GridContext {
  spec: GridSpec;
  scenarioName: string;
  trancheIds: string[];
}

/** Prints a whole grid, table or `--json`; the exit code. Shared by the unsharded run and `merge`. */
function printGrid(grid: GridResult, json: boolean, write: (s: string) => void, t: TFunction): number {
  const bad = grid.cells.filter((c) => !c.cashConserved).length;
  if (json) write(JSON.stringify(gridJson(grid)) + '\n');
  else {
    write(formatGridTable(grid, t) + '\n');
    if (bad > 0) write(`${t('cli:grid.failedCells', { count: bad })}\n`);
  }
  return 0;
}

/** `merge` of grid parts: the cells in index order, assembled and printed as one run prints them. */
export function printMerged(m: MergedParts, json: boolean, write: (s: string) => void): number {
  const c = m.context as GridContext;
  const grid = assembleGrid(c.spec, c.scenarioName, c.trancheIds, m.items as GridCellResult[]);
  return printGrid(grid, json, write, cliT());
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(gridHelp(t));
    return 0;
  }
  try {
    const parsed = parseGridArgs(args);
    const { deal, pool } = await loadDeal(parsed.file);
    const spec: GridSpec = {
      ...parsed.spec,
      tranche: parsed.trancheGiven ? parsed.spec.tranche : deal.structure.tranches[0]!.id,
    };
    const progress = !parsed.json && process.stderr.isTTY;
    const onProgress = progress
      ? {
          onProgress: (done: number, total: number) =>
            process.stderr.write(`\r${t('cli:grid.progress', { done, total })}`),
        }
      : {};
    if (parsed.shard) {
      await runGridShard(parsed.file, deal, pool, spec, parsed.shard, parsed.out!, {
        workers: parsed.workers,
        ...onProgress,
      });
      if (progress) process.stderr.write('\n');
      return 0;
    }
    const grid = await runGrid(deal, pool, spec, { workers: parsed.workers, ...onProgress });
    if (progress) process.stderr.write('\n');
    return printGrid(grid, parsed.json, (s) => process.stdout.write(s), t);
  } catch (err) {
    throw asCliError(err);
  }
}

/** This shard's cells (round-robin over `gridJobs` order), spread over worker threads, to a part file. */
async function runGridShard(
  file: string,
  deal: Awaited<ReturnType<typeof loadDeal>>['deal'],
  pool: Awaited<ReturnType<typeof loadDeal>>['pool'],
  spec: GridSpec,
  shard: Shard,
  out: string,
  opts: { workers: number; onProgress?: (done: number, total: number) => void },
): Promise<void> {
  const base = pickScenario({ scenarios: deal.scenarios }, spec.scenario);
  const trancheIds = deal.structure.tranches.map((x) => x.id);
  if (!trancheIds.includes(spec.tranche))
    throw new RangeError(`no tranche '${spec.tranche}' (the deal has: ${trancheIds.join(', ')})`);
  const all = gridJobs(spec);
  const mine = shardPositions(all.length, shard).map((j) => all[j]!);
  const cells = await runJobs<GridInit, GridCell, GridCellResult>({
    module: new URL('../../workers/jobs/gridCells.ts', import.meta.url),
    init: { deal, pool, base, spec },
    jobs: mine,
    ...opts,
  });
  const context: GridContext = { spec, scenarioName: base.name, trancheIds };
  const hash = await inputsHash('grid', await dealInputFiles(file), { spec });
  await writePart(
    out,
    makePart(
      'grid',
      hash,
      shard,
      all.length,
      context,
      cells.map((c) => ({ index: c.index, value: c })),
    ),
  );
}
