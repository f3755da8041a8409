/**
 * `abs-workbench montecarlo <deal.json> --paths N [--seed S] (--correlation PCT | --loss-vol PCT) [--mean-loss PCT]
 *  [--lgd severity|PCT] [--scenario NAME] [--method exact|interpolated] [--workers N] [--json]
 *  [--shard i/n --out FILE]`: the Stress screen's Monte Carlo (one-factor Gaussian copula over the pool's lifetime
 * loss, each path run through the deal; core/scenario/monteCarlo.ts) from the command line.
 *
 * Path i always draws from the PRNG stream (seed, i), so a shard runs its paths (round-robin, ../shard.ts) and
 * `merge` sorts every shard's paths by index and summarises once: the same distribution, to the last digit, as
 * one process. Each shard plans the same way (the plan depends only on the inputs), and the part carries its plan
 * so merge needs no deal file. The interpolated method shares its node runs across paths, so it does not shard.
 */
import type { TFunction } from '../../../i18n';
import { dealEngine } from '../../../scenario/dealEngine';
import { pickScenario } from '../../../scenario/engine';
import {
  planMonteCarlo,
  runMonteCarloPath,
  severityAsLgd,
  summarizeMonteCarlo,
  type DistributionSummary,
  type MonteCarloPath,
  type MonteCarloPlan,
  type MonteCarloResult,
  type MonteCarloSpec,
} from '../../../scenario/monteCarlo';
import { loadDeal } from '../../dealFile';
import { runMonteCarlo } from '../../workers/stress';
import { CliError } from '../errors';
import { formatNumber, formatPercent, helpText, renderPairs, renderTable } from '../format';
import { cliT } from '../lang';
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
import { asCliError } from './grid';
import type { MergedParts } from './merge';

/** `montecarlo --help`, in the process's language. */
export function monteCarloHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench montecarlo <deal.json> --paths N [--seed S] --correlation PCT | --loss-vol PCT [options]',
    [
      {
        about: `\n${t('cli:montecarlo.about')}`,
        title: t('cli:montecarlo.optionsHeading'),
        options: [
          ['--paths N', t('cli:montecarlo.option.paths')],
          ['--seed S', t('cli:montecarlo.option.seed')],
          ['--correlation PCT', t('cli:montecarlo.option.correlation', { flag: '--loss-vol' })],
          ['--loss-vol PCT', t('cli:montecarlo.option.lossVol')],
          ['--mean-loss PCT', t('cli:montecarlo.option.meanLoss')],
          ['--lgd severity|PCT', t('cli:montecarlo.option.lgd', { severity: 'severity' })],
          ['--scenario NAME', t('cli:montecarlo.option.scenario')],
          ['--method M', t('cli:montecarlo.option.method', { exact: 'exact', interpolated: 'interpolated' })],
          ['--workers N', t('cli:montecarlo.option.workers')],
          ['--json', t('cli:montecarlo.option.json')],
          ['--shard i/n', t('cli:shard.option.shard', { unit: t('cli:shard.unit.paths'), out: '--out' })],
          ['--out FILE', t('cli:shard.option.out', { flag: '--shard', merge: 'abs-workbench merge' })],
        ],
      },
    ],
    20,
  );
}

export interface MonteCarloArgs {
  file: string;
  spec: MonteCarloSpec;
  /** `--lgd severity`: the scenario's severity, known once the deal is loaded. */
  lgdFromSeverity: boolean;
  scenario?: string;
  workers?: number;
  json: boolean;
  shard?: Shard;
  out?: string;
}

export function parseMonteCarloArgs(args: readonly string[]): MonteCarloArgs {
  const t = cliT();
  let file: string | undefined;
  let paths: number | undefined;
  let seed = 1;
  let correlation: number | undefined;
  let lossVolatility: number | undefined;
  let meanLoss: number | undefined;
  let lgd: number | 'severity' | undefined;
  let scenario: string | undefined;
  let method: 'exact' | 'interpolated' = 'exact';
  let workers: number | undefined;
  let json = false;
  let shard: Shard | undefined;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }), 2);
      return v;
    };
    // Percent in, decimal out, as the other commands' rates (`--cdr 5` is 5%).
    const percent = (lo: number, hi: number, hiOpen: boolean): number => {
      const v = value();
      const x = v.trim() === '' ? NaN : Number(v);
      if (!Number.isFinite(x) || x < lo || (hiOpen ? x >= hi : x > hi))
        throw new CliError(
          t('cli:montecarlo.badPercent', { flag: a, value: v, range: `${lo}–${hi}${hiOpen ? ')' : ']'}` }),
          2,
        );
      return x / 100;
    };
    const whole = (lo: number, hi: number): number => {
      const v = value();
      const x = Number(v);
      if (v.trim() === '' || !Number.isInteger(x) || x < lo || x > hi)
        throw new CliError(t('cli:montecarlo.badWhole', { flag: a, value: v, from: lo, to: hi }), 2);
      return x;
    };
    if (a === '--paths') paths = whole(1, 10_000_000);
    else if (a === '--seed') seed = whole(-(2 ** 31), 2 ** 32 - 1);
    else if (a === '--correlation') correlation = percent(0, 100, true);
    else if (a === '--loss-vol') lossVolatility = percent(0, 100, false);
    else if (a === '--mean-loss') meanLoss = percent(0, 100, true);
    else if (a === '--lgd') {
      if (args[i + 1] === 'severity') {
        lgd = 'severity';
        i++;
      } else lgd = percent(0, 100, false);
    } else if (a === '--scenario') scenario = value();
    else if (a === '--method') {
      const m = value();
      if (m !== 'exact' && m !== 'interpolated')
        throw new CliError(
          t('cli:montecarlo.badMethod', { flag: a, value: m, methods: 'exact, interpolated' }),
          2,
        );
      method = m;
    } else if (a === '--workers') workers = whole(0, 64);
    else if (a === '--json') json = true;
    else if (a === '--shard') shard = parseShard(args[++i], a);
    else if (a === '--out') out = value();
    else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${monteCarloHelp(t)}`, 2);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:error.unexpectedArgument', { arg: a }), 2);
  }
  if (file === undefined) throw new CliError(`${t('cli:error.noDealFile')}\n${monteCarloHelp(t)}`, 2);
  if (paths === undefined)
    throw new CliError(
      `${t('cli:montecarlo.pathsRequired', { flag: '--paths N' })}\n${monteCarloHelp(t)}`,
      2,
    );
  if ((correlation === undefined) === (lossVolatility === undefined))
    throw new CliError(t('cli:montecarlo.oneOf', { a: '--correlation', b: '--loss-vol' }), 2);
  if (shard && method !== 'exact')
    throw new CliError(t('cli:montecarlo.shardExact', { flag: '--shard', method: '--method exact' }), 2);
  requireOut(shard, out);
  const spec: MonteCarloSpec = {
    paths,
    seed,
    method,
    ...(correlation !== undefined ? { correlation } : {}),
    ...(lossVolatility !== undefined ? { lossVolatility } : {}),
    ...(meanLoss !== undefined ? { meanLoss } : {}),
    ...(typeof lgd === 'number' ? { lossGivenDefault: lgd } : {}),
  };
  return {
    file,
    spec,
    lgdFromSeverity: lgd === 'severity',
    json,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(shard ? { shard } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}

const PCT_SHOWN = [0.5, 0.9, 0.99, 0.999];

function percentileOf(s: DistributionSummary, p: number): number | null {
  return s.percentiles.find((x) => x.p === p)?.value ?? null;
}

/** The result as tables, in the language of `t`. */
export function formatMonteCarlo(r: MonteCarloResult, t: TFunction = cliT()): string {
  const { plan } = r;
  const pctHeader = (p: number): string => t('cli:montecarlo.column.percentile', { p: `${p * 100}` });
  const calibration = renderPairs(
    [
      [t('cli:montecarlo.label.meanLoss'), formatPercent(plan.meanLoss, 3)],
      [t('cli:montecarlo.label.lgd'), formatPercent(plan.lossGivenDefault)],
      [t('cli:montecarlo.label.pd'), formatPercent(plan.pd, 3)],
      [t('cli:montecarlo.label.rho'), formatPercent(plan.rho, 3)],
      [
        t('cli:montecarlo.label.poolLoss'),
        t('cli:montecarlo.value.meanSd', {
          mean: formatPercent(r.pool.mean, 3),
          sd: formatPercent(r.pool.stdDev, 3),
          modelMean: formatPercent(r.pool.modelMean, 3),
          modelSd: formatPercent(r.pool.modelStdDev, 3),
        }),
      ],
      [
        t('cli:montecarlo.label.dealPoolLoss'),
        t('cli:montecarlo.value.meanSdSample', {
          mean: formatPercent(r.dealPool.mean, 3),
          sd: formatPercent(r.dealPool.stdDev, 3),
        }),
      ],
      [t('cli:montecarlo.label.capped'), formatNumber(r.cappedPaths, 0)],
    ],
    t('cli:colon'),
  );
  const table = renderTable(
    [
      { header: t('cli:montecarlo.column.class'), align: 'left' },
      t('cli:montecarlo.column.expectedLoss'),
      t('cli:montecarlo.column.standardError'),
      t('cli:montecarlo.column.probabilityOfLoss'),
      t('cli:montecarlo.column.probabilityOfShortfall'),
      ...PCT_SHOWN.map(pctHeader),
    ],
    r.tranches.map((x) => [
      x.id,
      formatPercent(x.expectedLoss, 3),
      formatPercent(x.standardError, 3),
      formatPercent(x.probabilityOfLoss, 2),
      formatPercent(x.probabilityOfShortfall, 2),
      ...PCT_SHOWN.map((p) => formatPercent(percentileOf(x, p), 2)),
    ]),
  );
  const lines = [
    t('cli:montecarlo.title', {
      scenario: plan.scenarioName,
      paths: formatNumber(plan.paths, 0),
      seed: plan.seed,
      method: t(`cli:montecarlo.method.${plan.method}`),
    }),
    '',
    calibration,
    '',
    table,
  ];
  if (r.interpolation)
    lines.push(
      '',
      t('cli:montecarlo.interpolation', {
        nodes: r.interpolation.nodes,
        checked: r.interpolation.checkedPaths,
        error: formatPercent(Math.max(0, ...r.interpolation.maxAbsError), 4),
      }),
    );
  return lines.join('\n');
}

/** Prints a result, table or `--json`; shared by the unsharded run and `merge`. */
function printMonteCarlo(r: MonteCarloResult, json: boolean, write: (s: string) => void): number {
  write((json ? JSON.stringify(r) : formatMonteCarlo(r)) + '\n');
  return 0;
}

/** What a Monte Carlo part carries besides its paths. */
interface MonteCarloContext {
  plan: MonteCarloPlan;
  trancheIds: string[];
}

/** `merge` of Monte Carlo parts: every path, sorted by index, summarised once. */
export function printMerged(m: MergedParts, json: boolean, write: (s: string) => void): number {
  const c = m.context as MonteCarloContext;
  return printMonteCarlo(summarizeMonteCarlo(c.plan, c.trancheIds, m.items as MonteCarloPath[]), json, write);
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(monteCarloHelp(t));
    return 0;
  }
  try {
    const parsed = parseMonteCarloArgs(args);
    const { deal, pool } = await loadDeal(parsed.file);
    const base = pickScenario({ scenarios: deal.scenarios }, parsed.scenario);
    const spec: MonteCarloSpec = parsed.lgdFromSeverity
      ? { ...parsed.spec, lossGivenDefault: severityAsLgd(base) }
      : parsed.spec;
    if (!parsed.shard) {
      const r = await runMonteCarlo(
        deal,
        pool,
        { ...spec, scenario: base.name },
        parsed.workers !== undefined ? { workers: parsed.workers } : {},
      );
      return printMonteCarlo(r, parsed.json, (s) => process.stdout.write(s));
    }
    // A shard runs its paths in this thread: on a cluster each shard is one process on one core.
    const engine = dealEngine(deal, pool);
    const plan = planMonteCarlo(engine, base, spec);
    const mine = shardPositions(plan.paths, parsed.shard);
    const items = mine.map((i) => ({ index: i, value: runMonteCarloPath(engine, base, plan, i) }));
    const context: MonteCarloContext = { plan, trancheIds: deal.structure.tranches.map((x) => x.id) };
    const hash = await inputsHash('montecarlo', await dealInputFiles(parsed.file), {
      spec,
      scenario: base.name,
    });
    await writePart(parsed.out!, makePart('montecarlo', hash, parsed.shard, plan.paths, context, items));
    return 0;
  } catch (err) {
    throw asCliError(err, t);
  }
}
