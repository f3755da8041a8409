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
import { CliError } from '../errors';
import { asCliError } from './grid';

export const BREAKEVEN_HELP = `usage: abs-workbench breakeven <deal.json> --tranche ID|all [options]

Per class: the largest default stress up to which it receives all interest and principal at every stress
(break-even), the first stress at which it does not, and where it first loses a cent of principal. A scan of
the whole range (every 2% of the value, at least 0.25% CDR / 0.05x) finds the first failure, then bisection
pins it to 0.01% CDR (0.0001 as a decimal) or 0.01x. Pass/fail need not be monotone: on a revolving deal a
harsher stress can end revolving sooner and realise less, so a class can be whole again above its first
failure; those windows are listed under the table.
Options:
  --tranche ID|all   the class, or every class (required)
  --scenario NAME    base scenario (default: the deal's first); its prepayment is held unless --cpr is given
  --mode M           cdr | multiple | both (default both): constant CDR replacing the default model, or a
                     multiple of the base case's default curve / CNL
  --cpr PCT          hold prepayment at this constant CPR, in percent, instead of the scenario's
  --json             machine-readable output (rates as decimals)
`;

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
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(`${a} needs a value`);
      return v;
    };
    if (a === '--tranche') tranche = value();
    else if (a === '--scenario') scenario = value();
    else if (a === '--mode') {
      const m = value();
      if (m === 'cdr') modes = ['cdr'];
      else if (m === 'multiple') modes = ['lossMultiple'];
      else if (m === 'both') modes = ['cdr', 'lossMultiple'];
      else throw new CliError(`--mode ${m}: expected cdr, multiple or both`);
    } else if (a === '--cpr') {
      const v = value();
      cpr = Number(v);
      if (!Number.isFinite(cpr) || cpr < 0 || cpr > 100)
        throw new CliError(`--cpr ${v}: expected a percent from 0 to 100`);
      cpr /= 100;
    } else if (a === '--json') json = true;
    else if (a.startsWith('--')) throw new CliError(`unknown option ${a}\n${BREAKEVEN_HELP}`);
    else if (file === undefined) file = a;
    else throw new CliError(`unexpected argument '${a}' (one deal file only)`);
  }
  if (file === undefined) throw new CliError(`no deal file given\n${BREAKEVEN_HELP}`);
  if (tranche === undefined)
    throw new CliError(`--tranche ID (or --tranche all) is required\n${BREAKEVEN_HELP}`);
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
  a: BreakevenAnswer | undefined,
  field: 'breakeven' | 'firstFailure' | 'firstPrincipalLoss',
): string {
  if (!a) return '';
  const v = a[field];
  if (field === 'breakeven' && a.wholeAtMax) return a.mode === 'cdr' ? `≥ ${pct(a.max)}` : `≥ ${a.max}x`;
  if (v === null) return field === 'breakeven' ? 'fails at 0' : 'none';
  return a.mode === 'cdr' ? pct(v) : `${v.toFixed(2)}x`;
}

const valueOf = (mode: BreakevenMode, v: number): string => (mode === 'cdr' ? pct(v) : `${v.toFixed(2)}x`);

/** One line per class and mode whose pass/fail is not monotone: the windows where it is whole again. */
export function nonMonotoneNotes(results: readonly BreakevenResult[]): string[] {
  const notes: string[] = [];
  for (const r of results) {
    for (const a of r.answers) {
      if (a.monotone) continue;
      const windows = a.wholeAgain.map((w) => `${valueOf(a.mode, w.from)}–${valueOf(a.mode, w.to)}`);
      notes.push(
        `Class ${r.trancheId} (${a.mode === 'cdr' ? 'CDR' : 'multiple'}): not monotone: fails first at ${
          a.firstFailure === null ? '-' : valueOf(a.mode, a.firstFailure)
        }${windows.length > 0 ? ` but is whole again at ${windows.join(', ')}` : ''}${
          a.wholeAgain.length === 0 ? ' and its principal loss comes and goes above that' : ''
        } (a harsher stress can trip a trigger, end revolving sooner and realise less).`,
      );
    }
  }
  return notes;
}

export function formatBreakevenTable(results: BreakevenResult[], modes: BreakevenMode[]): string {
  const header = ['Class'];
  const cols = ['realised loss', 'lifetime loss', 'first failure', 'first principal loss'];
  if (modes.includes('cdr')) header.push('CDR break-even', ...cols);
  if (modes.includes('lossMultiple')) header.push('Multiple break-even', ...cols);
  const rows = results.map((r) => {
    const row = [r.trancheId];
    for (const mode of modes) {
      const a = r.answers.find((x) => x.mode === mode);
      row.push(
        cellOf(a, 'breakeven'),
        pct(a?.poolLossAtBreakeven ?? null),
        pct(a?.lifetimeLossAtBreakeven ?? null),
        cellOf(a, 'firstFailure'),
        cellOf(a, 'firstPrincipalLoss'),
      );
    }
    return row;
  });
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]): string =>
    r.map((s, c) => (c === 0 ? s.padEnd(widths[c]!) : s.padStart(widths[c]!))).join('  ');
  const first = results[0];
  const notes = nonMonotoneNotes(results);
  return [
    `Break-even stresses, scenario ${first?.scenarioName ?? ''} (CDR to 0.01%, multiple to 0.01; whole at every stress up to the break-even)`,
    line(header),
    ...rows.map(line),
    '',
    'Realised loss: the loss the deal books at the break-even, over the initial pool (on a revolving deal it includes the receivables bought while revolving, so it can fall as the stress rises). Lifetime loss: the original pool alone over its life, no purchases and no clean-up call (it rises with the stress).',
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(BREAKEVEN_HELP);
    return 0;
  }
  try {
    const parsed = parseBreakevenArgs(args);
    const { deal, pool } = await loadDeal(parsed.file);
    const engine = dealEngine(deal, pool);
    const base: Scenario = pickScenario(engine, parsed.scenario);
    const ids = deal.structure.tranches.map((t) => t.id);
    if (parsed.tranche !== 'all' && !ids.includes(parsed.tranche)) {
      throw new CliError(`${parsed.file}: no tranche '${parsed.tranche}' (the deal has: ${ids.join(', ')})`);
    }
    const results = solveBreakevens(engine, base, {
      tranches: parsed.tranche === 'all' ? ids : [parsed.tranche],
      modes: parsed.modes,
      ...(parsed.cpr !== undefined
        ? { prepayment: { model: 'CPR' as const, curve: parsed.cpr }, prepaymentMultiple: 1 }
        : {}),
    });
    if (parsed.json) process.stdout.write(JSON.stringify({ scenario: base.name, tranches: results }) + '\n');
    else process.stdout.write(formatBreakevenTable(results, parsed.modes) + '\n');
    return 0;
  } catch (err) {
    throw asCliError(err);
  }
}
