/**
 * `abs-workbench breakeven <deal.json> --tranche ID|all [--scenario NAME|all]... [--mode cdr|multiple|both]
 *  [--cpr PCT] [--json] [--shard i/n --out FILE]`: per class, the largest constant CDR and the largest multiple of
 * the base-case default curve at which it still receives all interest and principal, and where it first loses
 * principal. Several scenarios make a set, which `--shard` splits by scenario: one scenario's classes share
 * their runs (solveBreakevens caches each stress point), so a scenario is the unit that shards without changing
 * a single number of the answer.
 */
import type { Scenario } from '../../../deal/schema';
import {
  solveBreakevens,
  type BreakevenAnswer,
  type BreakevenMode,
  type BreakevenResult,
} from '../../../scenario/breakeven';
import { dealEngine } from '../../../scenario/dealEngine';
import { pickScenario } from '../../../scenario/engine';
import { loadDeal } from '../../dealFile';
import type { TFunction } from '../../../i18n';
import { CliError } from '../errors';
import { displayWidth, helpText, padEndTo, padStartTo } from '../format';
import { cliT } from '../lang';
import { asCliError } from './grid';
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

/** `breakeven --help`, in the process's language. */
export function breakevenHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench breakeven <deal.json> --tranche ID|all [options]',
    [
      {
        about: `\n${t('cli:breakeven.about')}`,
        title: t('cli:breakeven.optionsHeading'),
        options: [
          ['--tranche ID|all', t('cli:breakeven.option.tranche')],
          ['--scenario NAME', t('cli:breakeven.option.scenario', { flag: '--cpr' })],
          ['--mode M', t('cli:breakeven.option.mode', { modes: 'cdr | multiple | both' })],
          ['--cpr PCT', t('cli:breakeven.option.cpr')],
          ['--json', t('cli:breakeven.option.json')],
          ['--shard i/n', t('cli:shard.option.shard', { unit: t('cli:shard.unit.scenarios'), out: '--out' })],
          ['--out FILE', t('cli:shard.option.out', { flag: '--shard', merge: 'abs-workbench merge' })],
        ],
      },
    ],
    18,
  );
}

interface BreakevenArgs {
  file: string;
  tranche: string;
  /** As given: none (the deal's first), one or more names, or `all`. */
  scenarios: string[];
  modes: BreakevenMode[];
  cpr?: number;
  json: boolean;
  shard?: Shard;
  out?: string;
}

export function parseBreakevenArgs(args: string[]): BreakevenArgs {
  let file: string | undefined;
  let tranche: string | undefined;
  const scenarios: string[] = [];
  let modes: BreakevenMode[] = ['cdr', 'lossMultiple'];
  let cpr: number | undefined;
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
    if (a === '--tranche') tranche = value();
    else if (a === '--scenario') scenarios.push(value());
    else if (a === '--shard') shard = parseShard(args[++i], a);
    else if (a === '--out') out = value();
    else if (a === '--mode') {
      const m = value();
      if (m === 'cdr') modes = ['cdr'];
      else if (m === 'multiple') modes = ['lossMultiple'];
      else if (m === 'both') modes = ['cdr', 'lossMultiple'];
      else throw new CliError(t('cli:breakeven.badMode', { flag: a, mode: m, modes: 'cdr, multiple, both' }));
    } else if (a === '--cpr') {
      const v = value();
      cpr = Number(v);
      if (!Number.isFinite(cpr) || cpr < 0 || cpr > 100)
        throw new CliError(t('cli:breakeven.badCpr', { flag: a, value: v }));
      cpr /= 100;
    } else if (a === '--json') json = true;
    else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${breakevenHelp(t)}`);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:error.unexpectedArgument', { arg: a }));
  }
  if (file === undefined) throw new CliError(`${t('cli:error.noDealFile')}\n${breakevenHelp(t)}`);
  if (tranche === undefined)
    throw new CliError(
      `${t('cli:breakeven.trancheRequired', { flag: '--tranche ID (or --tranche all)' })}\n${breakevenHelp(t)}`,
    );
  requireOut(shard, out);
  return {
    file,
    tranche,
    scenarios,
    modes,
    json,
    ...(cpr !== undefined ? { cpr } : {}),
    ...(shard ? { shard } : {}),
    ...(out !== undefined ? { out } : {}),
  };
}

const pct = (v: number | null, digits = 2): string => (v === null ? '-' : `${(v * 100).toFixed(digits)}%`);

function cellOf(
  t: TFunction,
  a: BreakevenAnswer | undefined,
  field: 'breakeven' | 'firstFailure' | 'firstPrincipalLoss',
): string {
  if (!a) return '';
  const v = a[field];
  if (field === 'breakeven' && a.wholeAtMax)
    return t('cli:breakeven.atLeast', { value: a.mode === 'cdr' ? pct(a.max) : `${a.max}x` });
  if (v === null) return field === 'breakeven' ? t('cli:breakeven.failsAtZero') : t('cli:breakeven.none');
  return a.mode === 'cdr' ? pct(v) : `${v.toFixed(2)}x`;
}

const valueOf = (mode: BreakevenMode, v: number): string => (mode === 'cdr' ? pct(v) : `${v.toFixed(2)}x`);

/** One line per class and mode whose pass/fail is not monotone: the windows where it is whole again. */
export function nonMonotoneNotes(results: readonly BreakevenResult[], t: TFunction = cliT()): string[] {
  const notes: string[] = [];
  for (const r of results) {
    for (const a of r.answers) {
      if (a.monotone) continue;
      const windows = a.wholeAgain.map((w) => `${valueOf(a.mode, w.from)}–${valueOf(a.mode, w.to)}`);
      const params = {
        tranche: r.trancheId,
        mode: t(`cli:breakeven.mode.${a.mode}`),
        first: a.firstFailure === null ? '-' : valueOf(a.mode, a.firstFailure),
        windows: windows.join(t('cli:listSeparator')),
      };
      notes.push(
        windows.length > 0
          ? t('cli:breakeven.notMonotone', params)
          : t('cli:breakeven.notMonotoneNoWindows', params),
      );
    }
  }
  return notes;
}

export function formatBreakevenTable(
  results: BreakevenResult[],
  modes: BreakevenMode[],
  t: TFunction = cliT(),
): string {
  const header = [t('cli:breakeven.column.class')];
  const cols = [
    t('cli:breakeven.column.realisedLoss'),
    t('cli:breakeven.column.lifetimeLoss'),
    t('cli:breakeven.column.firstFailure'),
    t('cli:breakeven.column.firstPrincipalLoss'),
  ];
  if (modes.includes('cdr')) header.push(t('cli:breakeven.column.cdrBreakeven'), ...cols);
  if (modes.includes('lossMultiple')) header.push(t('cli:breakeven.column.multipleBreakeven'), ...cols);
  const rows = results.map((r) => {
    const row = [r.trancheId];
    for (const mode of modes) {
      const a = r.answers.find((x) => x.mode === mode);
      row.push(
        cellOf(t, a, 'breakeven'),
        pct(a?.poolLossAtBreakeven ?? null),
        pct(a?.lifetimeLossAtBreakeven ?? null),
        cellOf(t, a, 'firstFailure'),
        cellOf(t, a, 'firstPrincipalLoss'),
      );
    }
    return row;
  });
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => displayWidth(r[c]!))));
  const line = (r: string[]): string =>
    r.map((s, c) => (c === 0 ? padEndTo(s, widths[c]!) : padStartTo(s, widths[c]!))).join('  ');
  const first = results[0];
  const notes = nonMonotoneNotes(results, t);
  return [
    t('cli:breakeven.title', { scenario: first?.scenarioName ?? '' }),
    line(header),
    ...rows.map(line),
    '',
    t('cli:breakeven.explanation'),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

/** One scenario's answer, as `--json` prints it. */
interface ScenarioBreakevens {
  scenario: string;
  tranches: BreakevenResult[];
}

/** What a break-even part carries besides its scenarios' answers. */
interface BreakevenContext {
  modes: BreakevenMode[];
  /** One scenario asked for: printed as before sets existed (`{scenario, tranches}`). */
  single: boolean;
}

/** Prints the answers, table or `--json`; shared by the unsharded run and `merge`. */
function printBreakevens(
  list: readonly ScenarioBreakevens[],
  c: BreakevenContext,
  json: boolean,
  write: (s: string) => void,
  t: TFunction,
): number {
  if (json) write(JSON.stringify(c.single ? list[0] : { scenarios: list }) + '\n');
  else write(list.map((x) => formatBreakevenTable(x.tranches, c.modes, t)).join('\n\n') + '\n');
  return 0;
}

/** `merge` of break-even parts: the scenarios in the order asked, printed as one run prints them. */
export function printMerged(m: MergedParts, json: boolean, write: (s: string) => void): number {
  return printBreakevens(m.items as ScenarioBreakevens[], m.context as BreakevenContext, json, write, cliT());
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(breakevenHelp(t));
    return 0;
  }
  try {
    const parsed = parseBreakevenArgs(args);
    const { deal, pool } = await loadDeal(parsed.file);
    const engine = dealEngine(deal, pool);
    const names = parsed.scenarios.includes('all')
      ? deal.scenarios.map((s) => s.name)
      : parsed.scenarios.length > 0
        ? parsed.scenarios
        : [undefined];
    // Every name is checked before any work, so a typo in the last one does not cost the first ones' runs.
    const bases: Scenario[] = names.map((n) => pickScenario(engine, n));
    const ids = deal.structure.tranches.map((t) => t.id);
    if (parsed.tranche !== 'all' && !ids.includes(parsed.tranche)) {
      throw new CliError(
        t('cli:breakeven.noTranche', {
          file: parsed.file,
          id: parsed.tranche,
          ids: ids.join(t('cli:listSeparator')),
        }),
      );
    }
    const solve = (base: Scenario): ScenarioBreakevens => ({
      scenario: base.name,
      tranches: solveBreakevens(engine, base, {
        tranches: parsed.tranche === 'all' ? ids : [parsed.tranche],
        modes: parsed.modes,
        ...(parsed.cpr !== undefined
          ? { prepayment: { model: 'CPR' as const, curve: parsed.cpr }, prepaymentMultiple: 1 }
          : {}),
      }),
    });
    const context: BreakevenContext = {
      modes: parsed.modes,
      single: parsed.scenarios.length <= 1 && !parsed.scenarios.includes('all'),
    };
    if (parsed.shard) {
      const mine = shardPositions(bases.length, parsed.shard);
      const hash = await inputsHash('breakeven', await dealInputFiles(parsed.file), {
        tranche: parsed.tranche,
        scenarios: bases.map((b) => b.name),
        modes: parsed.modes,
        cpr: parsed.cpr ?? null,
      });
      const items = mine.map((j) => ({ index: j, value: solve(bases[j]!) }));
      await writePart(parsed.out!, makePart('breakeven', hash, parsed.shard, bases.length, context, items));
      return 0;
    }
    return printBreakevens(bases.map(solve), context, parsed.json, (s) => process.stdout.write(s), t);
  } catch (err) {
    throw asCliError(err, t);
  }
}
