/**
 * `abs-workbench grid <deal.json> --cdr FROM:TO:STEP --cpr FROM:TO:STEP [--tranche ID] [--metric M]
 *  [--scenario NAME] [--workers N] [--json]`: a sensitivity grid, one deal run per cell, spread over worker threads.
 */
import { DealFileError } from '../../../deal/load';
import type { Axis, AxisKind } from '../../../scenario/axis';
import { axisIsRate, axisLabel } from '../../../scenario/axis';
import {
  formatAxisValue,
  GRID_METRICS,
  gridMatrix,
  metricLabel,
  type GridMetric,
  type GridResult,
  type GridSpec,
} from '../../../scenario/grid';
import { DealError } from '../../../run';
import { loadDeal } from '../../dealFile';
import { runGrid } from '../../workers/stress';
import { CliError } from '../errors';

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

export const GRID_HELP = `usage: abs-workbench grid <deal.json> AXIS AXIS [options]

Two axes (the first names the rows, the second the columns), each FROM:TO:STEP:
  --cdr              constant annual default rate, in percent (replaces the default model), e.g. --cdr 0:20:1
  --cpr              constant annual prepayment rate, in percent (replaces the prepayment model)
  --abs              ABS prepayment speed, in percent (e.g. --abs 0:3:0.5)
  --loss-multiple    multiple of the base case's default curve or CNL (e.g. --loss-multiple 0:5:0.5)
  --prepay-multiple  multiple of the base case's prepayment speed
  --severity         loss severity, in percent
  --lag              recovery lag, in months
  --rate-shift       parallel shift of every index curve, in percent (e.g. --rate-shift -1:2:0.5)
Options:
  --tranche ID       class to show (default: the first)
  --metric M         ${GRID_METRICS.join(' | ')} (default: loss = principal loss % of original)
  --scenario NAME    base scenario (default: the deal's first)
  --workers N        worker threads besides this one, which also computes (default: 1; 0 = this thread only)
  --json             machine-readable output: every cell with every class's metrics, rates as decimals
`;

function parseRange(flag: string, kind: AxisKind, text: string | undefined): Axis {
  if (text === undefined) throw new CliError(`${flag} needs FROM:TO:STEP`);
  const parts = text.split(':');
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if ((parts.length !== 3 && parts.length !== 1) || nums.some((n) => !Number.isFinite(n))) {
    throw new CliError(`${flag} ${text}: expected FROM:TO:STEP (numbers), e.g. ${flag} 0:20:1`);
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
}

export function parseGridArgs(args: string[]): GridArgs {
  let file: string | undefined;
  const axes: Axis[] = [];
  let tranche: string | undefined;
  let metric: GridMetric = 'loss';
  let scenario: string | undefined;
  let workers = 1;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      return v;
    };
    if (a in AXIS_FLAGS) {
      const kind = AXIS_FLAGS[a]!;
      if (axes.some((x) => x.kind === kind)) throw new CliError(`${a} given twice`);
      axes.push(parseRange(a, kind, args[++i]));
    } else if (a === '--tranche') tranche = value();
    else if (a === '--metric') {
      const m = value();
      if (!(GRID_METRICS as readonly string[]).includes(m)) {
        throw new CliError(`--metric ${m}: expected one of ${GRID_METRICS.join(', ')}`);
      }
      metric = m as GridMetric;
    } else if (a === '--scenario') scenario = value();
    else if (a === '--workers') {
      const v = value();
      workers = Number(v);
      if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
        throw new CliError(`--workers ${v}: expected a whole number from 0 to 64`);
      }
    } else if (a === '--json') json = true;
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a}\n${GRID_HELP}`);
    else if (file === undefined) file = a;
    else throw new CliError(`unexpected argument '${a}' (one deal file only)`);
  }
  if (file === undefined) throw new CliError(`no deal file given\n${GRID_HELP}`);
  if (axes.length !== 2) {
    throw new CliError(
      `give exactly two axes (got ${axes.length}), e.g. --cdr 0:20:1 --cpr 0:30:5\n${GRID_HELP}`,
    );
  }
  return {
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

export function formatGridTable(grid: GridResult): string {
  const { spec } = grid;
  const matrix = gridMatrix(grid);
  const corner = `${axisLabel(spec.y.kind)} \\ ${axisLabel(spec.x.kind)}`;
  const header = [corner, ...grid.xValues.map((v) => formatAxisValue(spec.x.kind, v))];
  const body = matrix.map((row, iy) => [
    formatAxisValue(spec.y.kind, grid.yValues[iy]!),
    ...row.map((v) => formatMetric(spec.metric, v)),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join('  ');
  return [
    `${metricLabel(spec.metric)} of class ${spec.tranche}, scenario ${grid.scenarioName}`,
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

/** Turns expected failures (bad file, bad deal, bad axis) into one clear CLI message. */
export function asCliError(err: unknown): unknown {
  if (err instanceof CliError) return err;
  if (err instanceof DealFileError || err instanceof DealError || err instanceof RangeError) {
    return new CliError(err.message);
  }
  return err;
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(GRID_HELP);
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
    const grid = await runGrid(deal, pool, spec, {
      workers: parsed.workers,
      ...(progress
        ? {
            onProgress: (done: number, total: number) =>
              process.stderr.write(`\rgrid: ${done}/${total} cells`),
          }
        : {}),
    });
    if (progress) process.stderr.write('\n');
    const bad = grid.cells.filter((c) => !c.cashConserved).length;
    if (parsed.json) process.stdout.write(JSON.stringify(gridJson(grid)) + '\n');
    else {
      process.stdout.write(formatGridTable(grid) + '\n');
      if (bad > 0) process.stdout.write(`warning: ${bad} cell(s) failed the cash reconciliation check\n`);
    }
    return 0;
  } catch (err) {
    throw asCliError(err);
  }
}
