/**
 * `abs-workbench breakeven <deal.json> --tranche ID|all [--scenario NAME] [--mode cdr|multiple|both]
 *  [--cpr PCT] [--json]`: per class, the largest constant CDR and the largest multiple of the base-case default
 * curve at which it still receives all interest and principal, and where it first loses principal.
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
        ],
      },
    ],
    18,
  );
}

interface BreakevenArgs {
  file: string;
  tranche: string;
  scenario?: string;
  modes: BreakevenMode[];
  cpr?: number;
  json: boolean;
}

export function parseBreakevenArgs(args: string[]): BreakevenArgs {
  let file: string | undefined;
  let tranche: string | undefined;
  let scenario: string | undefined;
  let modes: BreakevenMode[] = ['cdr', 'lossMultiple'];
  let cpr: number | undefined;
  let json = false;
  const t = cliT();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }));
      return v;
    };
    if (a === '--tranche') tranche = value();
    else if (a === '--scenario') scenario = value();
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
  return {
    file,
    tranche,
    modes,
    json,
    ...(scenario ? { scenario } : {}),
    ...(cpr !== undefined ? { cpr } : {}),
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
    const base: Scenario = pickScenario(engine, parsed.scenario);
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
    const results = solveBreakevens(engine, base, {
      tranches: parsed.tranche === 'all' ? ids : [parsed.tranche],
      modes: parsed.modes,
      ...(parsed.cpr !== undefined
        ? { prepayment: { model: 'CPR' as const, curve: parsed.cpr }, prepaymentMultiple: 1 }
        : {}),
    });
    if (parsed.json) process.stdout.write(JSON.stringify({ scenario: base.name, tranches: results }) + '\n');
    else process.stdout.write(formatBreakevenTable(results, parsed.modes, t) + '\n');
    return 0;
  } catch (err) {
    throw asCliError(err, t);
  }
}
