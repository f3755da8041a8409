/**
 * `abs-workbench grid <deal.json> --cdr FROM:TO:STEP --cpr FROM:TO:STEP [--tranche ID] [--metric M]
 *  [--scenario NAME] [--workers N] [--json]`: a sensitivity grid, one deal run per cell, spread over worker threads.
 */
import { DealFileError } from '../../../deal/load';
import type { Axis, AxisKind } from '../../../scenario/axis';
import { axisIsRate } from '../../../scenario/axis';
import {
  formatAxisValue,
  GRID_METRICS,
  gridMatrix,
  type GridMetric,
  type GridResult,
  type GridSpec,
} from '../../../scenario/grid';
import { DealError } from '../../../run';
import { loadDeal } from '../../dealFile';
import { runGrid } from '../../workers/stress';
import type { TFunction } from '../../../i18n';
import { CliError } from '../errors';
import { displayWidth, helpText, padEndTo, padStartTo } from '../format';
import { cliT } from '../lang';
import { dealErrorText } from '../problems';
import { problemOf } from '../../../i18n/codedError';
import { coreText } from '../../../i18n/messages';

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
}

export function parseGridArgs(args: string[]): GridArgs {
  let file: string | undefined;
  const axes: Axis[] = [];
  let tranche: string | undefined;
  let metric: GridMetric = 'loss';
  let scenario: string | undefined;
  let workers = 1;
  let json = false;
  const t = cliT();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }));
      return v;
    };
    if (a in AXIS_FLAGS) {
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
    const grid = await runGrid(deal, pool, spec, {
      workers: parsed.workers,
      ...(progress
        ? {
            onProgress: (done: number, total: number) =>
              process.stderr.write(`\r${t('cli:grid.progress', { done, total })}`),
          }
        : {}),
    });
    if (progress) process.stderr.write('\n');
    const bad = grid.cells.filter((c) => !c.cashConserved).length;
    if (parsed.json) process.stdout.write(JSON.stringify(gridJson(grid)) + '\n');
    else {
      process.stdout.write(formatGridTable(grid, t) + '\n');
      if (bad > 0) process.stdout.write(`${t('cli:grid.failedCells', { count: bad })}\n`);
    }
    return 0;
  } catch (err) {
    throw asCliError(err);
  }
}
