/**
 * `abs-workbench solve <deal.json> (--size ID [--stress cdr:PCT|multiple:M] [--objective whole|loss:PCT|yield:PCT]
 *  [--step AMOUNT] | --par-coupon ID [--yield PCT | --curve FILE [--spread S]] | --target-yield ID PCT
 *  [--mode cdr|multiple] [--price P]) [--scenario NAME] [--json]`: the solvers of core/scenario/solve.ts.
 */
import type { Deal, Scenario } from '../../../deal/schema';
import type { TFunction } from '../../../i18n';
import { breakevenScenario, type BreakevenMode } from '../../../scenario/breakeven';
import { dealEngine } from '../../../scenario/dealEngine';
import { pickScenario } from '../../../scenario/engine';
import {
  solveParCoupon,
  solveSize,
  solveTargetYield,
  type LatticeAnswer,
  type ParTarget,
  type SizingObjective,
} from '../../../scenario/solve';
import { loadCurveFile } from '../../curveFile';
import { loadDeal } from '../../dealFile';
import { CliError } from '../errors';
import { formatMoney, formatNumber, formatPercent, heading, helpText } from '../format';
import { cliT } from '../lang';
import { asCliError } from './grid';
import { parseSpread } from './price';

const OBJECTIVES = 'whole | loss:PCT | yield:PCT';

export function solveHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench solve <deal.json> --size ID | --par-coupon ID | --target-yield ID PCT [options]',
    [
      {
        about: `\n${t('cli:solve.about', { size: '--size ID', par: '--par-coupon ID', target: '--target-yield ID PCT' })}`,
        title: t('cli:solve.optionsHeading'),
        options: [
          ['--scenario NAME', t('cli:solve.option.scenario')],
          ['--json', t('cli:solve.option.json')],
        ],
      },
      {
        title: `--size ID: ${t('cli:solve.option.size')}`,
        options: [
          ['--stress S', t('cli:solve.option.stress', { cdr: 'cdr:PCT', multiple: 'multiple:M' })],
          ['--objective O', t('cli:solve.option.objective', { choices: OBJECTIVES, default: 'whole' })],
          ['--step AMOUNT', t('cli:solve.option.step')],
        ],
      },
      {
        title: `--par-coupon ID: ${t('cli:solve.option.parCoupon')}`,
        options: [
          ['--yield PCT', t('cli:solve.option.yieldTarget')],
          ['--curve FILE', t('cli:solve.option.curve', { flag: '--spread' })],
          ['--spread S', t('cli:solve.option.spread', { example: '150bp' })],
        ],
      },
      {
        title: `--target-yield ID PCT: ${t('cli:solve.option.targetYield', { pct: 'PCT' })}`,
        options: [
          ['--mode M', t('cli:solve.option.mode', { choices: 'cdr | multiple', default: 'cdr' })],
          ['--price P', t('cli:solve.option.price')],
        ],
      },
    ],
    16,
  );
}

type Goal =
  | { kind: 'size'; tranche: string }
  | { kind: 'parCoupon'; tranche: string }
  | { kind: 'targetYield'; tranche: string; target: number };

export interface SolveArgs {
  file: string;
  goal: Goal;
  scenario?: string;
  stress?: { mode: BreakevenMode; value: number };
  objective: SizingObjective;
  step?: number;
  yieldTarget?: number;
  curve?: string;
  spread: number;
  mode: BreakevenMode;
  price?: number;
  json: boolean;
}

function percent(flag: string, v: string, t: TFunction): number {
  const n = Number(v.replace(/%$/, ''));
  if (!Number.isFinite(n)) throw new CliError(t('cli:breakeven.badCpr', { flag, value: v }));
  return n / 100;
}

export function parseSolveArgs(args: string[], t: TFunction = cliT()): SolveArgs {
  let file: string | undefined;
  const goals: Goal[] = [];
  let scenario: string | undefined;
  let stress: SolveArgs['stress'];
  let objective: SizingObjective = { kind: 'whole' };
  let step: number | undefined;
  let yieldTarget: number | undefined;
  let curve: string | undefined;
  let spread = 0;
  let mode: BreakevenMode = 'cdr';
  let price: number | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }));
      return v;
    };
    if (a === '--size') goals.push({ kind: 'size', tranche: value() });
    else if (a === '--par-coupon') goals.push({ kind: 'parCoupon', tranche: value() });
    else if (a === '--target-yield') {
      const tranche = value();
      goals.push({ kind: 'targetYield', tranche, target: percent(a, value(), t) });
    } else if (a === '--scenario') scenario = value();
    else if (a === '--stress') {
      const v = value();
      const m = /^(cdr|multiple):(\d+(?:\.\d+)?)%?$/.exec(v);
      if (!m)
        throw new CliError(t('cli:solve.badStress', { flag: a, value: v, forms: 'cdr:PCT, multiple:M' }));
      stress =
        m[1] === 'cdr'
          ? { mode: 'cdr', value: Number(m[2]) / 100 }
          : { mode: 'lossMultiple', value: Number(m[2]) };
    } else if (a === '--objective') {
      const v = value();
      if (v === 'whole') objective = { kind: 'whole' };
      else if (v.startsWith('loss:')) objective = { kind: 'maxLoss', share: percent(a, v.slice(5), t) };
      else if (v.startsWith('yield:')) objective = { kind: 'minYield', yield: percent(a, v.slice(6), t) };
      else throw new CliError(t('cli:price.badChoice', { flag: a, value: v, choices: OBJECTIVES }));
    } else if (a === '--step') {
      const v = value();
      step = Number(v);
      if (!(step > 0)) throw new CliError(t('cli:price.badPrice', { flag: a, value: v }));
    } else if (a === '--yield') yieldTarget = percent(a, value(), t);
    else if (a === '--curve') curve = value();
    else if (a === '--spread') spread = parseSpread(a, value(), t);
    else if (a === '--mode') {
      const v = value();
      if (v === 'cdr') mode = 'cdr';
      else if (v === 'multiple') mode = 'lossMultiple';
      else throw new CliError(t('cli:price.badChoice', { flag: a, value: v, choices: 'cdr, multiple' }));
    } else if (a === '--price') {
      const v = value();
      price = Number(v);
      if (!(price > 0)) throw new CliError(t('cli:price.badPrice', { flag: a, value: v }));
    } else if (a === '--json') json = true;
    else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${solveHelp(t)}`);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:error.unexpectedArgument', { arg: a }));
  }
  if (file === undefined) throw new CliError(`${t('cli:error.noDealFile')}\n${solveHelp(t)}`);
  if (goals.length !== 1) {
    throw new CliError(t('cli:solve.oneGoal', { flags: '--size, --par-coupon, --target-yield' }));
  }
  return {
    file,
    goal: goals[0]!,
    objective,
    spread,
    mode,
    json,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(stress !== undefined ? { stress } : {}),
    ...(step !== undefined ? { step } : {}),
    ...(yieldTarget !== undefined ? { yieldTarget } : {}),
    ...(curve !== undefined ? { curve } : {}),
    ...(price !== undefined ? { price } : {}),
  };
}

/** The monotone line, or every crossing when there is more than one. */
export function crossingLines(
  a: LatticeAnswer,
  show: (x: number) => string,
  t: TFunction = cliT(),
): string[] {
  if (a.monotone) return [t('cli:solve.monotone')];
  return [
    t('cli:solve.notMonotone', { count: a.crossings.length }),
    ...a.crossings.map(
      (c) =>
        `  ${t(c.becomesMet ? 'cli:solve.crossingStarts' : 'cli:solve.crossingStops', { from: show(c.from), to: show(c.to) })}`,
    ),
  ];
}

function checkTranche(deal: Deal, file: string, id: string, t: TFunction): void {
  const ids = deal.structure.tranches.map((x) => x.id);
  if (!ids.includes(id)) {
    throw new CliError(t('cli:breakeven.noTranche', { file, id, ids: ids.join(t('cli:listSeparator')) }));
  }
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(solveHelp(t));
    return 0;
  }
  try {
    const parsed = parseSolveArgs(args, t);
    const { deal, pool } = await loadDeal(parsed.file);
    const engineFor = (d: Deal) => dealEngine(d, pool);
    const base: Scenario = pickScenario(engineFor(deal), parsed.scenario);
    const goal = parsed.goal;
    checkTranche(deal, parsed.file, goal.tranche, t);
    const out: string[] = [];
    let json: unknown;
    if (goal.kind === 'size') {
      const stress = parsed.stress ? breakevenScenario(base, parsed.stress.mode, parsed.stress.value) : base;
      const a = solveSize(deal, engineFor, {
        tranche: goal.tranche,
        stress,
        objective: parsed.objective,
        ...(parsed.step !== undefined ? { step: parsed.step } : {}),
      });
      json = { scenario: base.name, stress: parsed.stress ?? null, ...a };
      const o = a.objective;
      const objective =
        o.kind === 'whole'
          ? t('cli:solve.objective.whole')
          : o.kind === 'maxLoss'
            ? t('cli:solve.objective.maxLoss', { limit: formatPercent(o.share) })
            : t('cli:solve.objective.minYield', { limit: formatPercent(o.yield) });
      out.push(
        heading(
          t('cli:solve.sizeTitle', {
            tranche: a.trancheId,
            junior: a.absorbedBy,
            scenario: parsed.stress
              ? `${base.name} + ${parsed.stress.mode === 'cdr' ? `CDR ${formatPercent(parsed.stress.value)}` : `${formatNumber(parsed.stress.value, 2)}x`}`
              : base.name,
          }),
        ),
        objective,
        a.largestSize === null
          ? t('cli:solve.sizeNone', { step: formatMoney(a.step) })
          : t('cli:solve.sizeAnswer', {
              size: formatMoney(a.largestSize),
              combined: formatMoney(a.combined),
              current: formatMoney(a.currentSize),
              met: a.metAtCurrent ? t('cli:solve.metToday') : t('cli:solve.notMetToday'),
              step: formatMoney(a.step),
            }),
        ...crossingLines(a, formatMoney, t),
      );
    } else if (goal.kind === 'parCoupon') {
      let target: ParTarget;
      let targetText: string;
      if (parsed.curve !== undefined) {
        const { file, curve } = await loadCurveFile(parsed.curve);
        target = { kind: 'curve', curve, spread: parsed.spread };
        targetText = t('cli:solve.parTargetCurve', {
          curve: file.name,
          spread: formatNumber(parsed.spread * 10_000, 1),
        });
      } else {
        const y = parsed.yieldTarget ?? 0.05;
        target = { kind: 'yield', yield: y };
        targetText = t('cli:solve.parTargetYield', { yield: formatPercent(y, 3) });
      }
      const a = solveParCoupon(deal, engineFor, { tranche: goal.tranche, scenario: base, target });
      json = {
        scenario: base.name,
        target: target.kind === 'yield' ? target : { kind: 'curve', spread: parsed.spread },
        ...a,
      };
      const pct = (x: number) => formatPercent(x, 4);
      out.push(
        heading(t('cli:solve.parTitle', { tranche: a.trancheId, scenario: base.name, target: targetText })),
        a.coupon === null
          ? t('cli:solve.parNone', { min: pct(a.min), max: pct(a.max) })
          : t('cli:solve.parAnswer', {
              what: a.varies === 'rate' ? t('cli:solve.rate') : t('cli:solve.spreadOverIndex'),
              coupon: pct(a.coupon),
              price: formatNumber(a.priceAtCoupon, 4),
              step: pct(a.step),
            }),
        ...crossingLines(a, pct, t),
      );
    } else {
      const a = solveTargetYield(deal, engineFor, {
        tranche: goal.tranche,
        scenario: base,
        target: goal.target,
        mode: parsed.mode,
        ...(parsed.price !== undefined ? { price: parsed.price } : {}),
      });
      json = { scenario: base.name, ...a };
      const show = (x: number) => (a.mode === 'cdr' ? formatPercent(x) : `${formatNumber(x, 2)}x`);
      const price = parsed.price ?? deal.structure.tranches.find((x) => x.id === goal.tranche)?.price ?? 100;
      out.push(
        heading(
          t('cli:solve.yieldTitle', {
            tranche: a.trancheId,
            target: formatPercent(a.target, 3),
            price: formatNumber(price, 3),
            scenario: base.name,
          }),
        ),
        a.stress === null
          ? t('cli:solve.yieldNone')
          : a.metAtMax
            ? t('cli:solve.yieldAtMax', { max: show(a.max) })
            : t('cli:solve.yieldAnswer', {
                mode: t(`cli:breakeven.mode.${a.mode}`),
                stress: show(a.stress),
                yield: formatPercent(a.yieldAtStress, 3),
              }),
        ...crossingLines(a, show, t),
      );
    }
    if (parsed.json) process.stdout.write(JSON.stringify(json) + '\n');
    else process.stdout.write(out.join('\n') + '\n');
    return 0;
  } catch (err) {
    throw asCliError(err, t);
  }
}
