/**
 * `abs-workbench price <deal.json> --curve FILE [--tranche ID|all] [--scenario NAME] [--price P | --spread S]
 *  [--table [--prices FROM:TO:STEP | --spreads LIST] [--cpr LIST]] [--compounding C] [--dm flat|forwards] [--json]`:
 * classes priced off a discount curve (core/analytics/classPricing.ts), or one class's price/yield table across
 * scenarios (core/scenario/priceTable.ts).
 */
import {
  priceClass,
  type ClassPricing,
  type DmConvention,
  type PriceQuote,
} from '../../../analytics/classPricing';
import { CURVE_COMPOUNDINGS, type CurveCompounding } from '../../../analytics/curve';
import type { Scenario } from '../../../deal/schema';
import type { TFunction } from '../../../i18n';
import { dealEngine } from '../../../scenario/dealEngine';
import { findTranche, pickScenario } from '../../../scenario/engine';
import {
  cprColumns,
  priceRows,
  priceYieldTable,
  spreadRows,
  type PriceTable,
} from '../../../scenario/priceTable';
import { loadCurveFile } from '../../curveFile';
import { loadDeal } from '../../dealFile';
import { CliError } from '../errors';
import { formatNumber, formatPercent, heading, helpText, renderTable, type Column } from '../format';
import { cliT } from '../lang';
import { asCliError } from './grid';

const RANGE = 'FROM:TO:STEP';
const DEFAULT_PRICES = '99:101:0.25';
const DM_CHOICES = ['flat', 'forwards'] as const;

export function priceHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench price <deal.json> --curve FILE [options]',
    [
      {
        about: `\n${t('cli:price.about', { flag: '--table' })}`,
        title: t('cli:price.optionsHeading'),
        options: [
          ['--curve FILE', t('cli:price.option.curve', { dir: 'samples/curves/' })],
          ['--tranche ID|all', t('cli:price.option.tranche', { flag: '--table' })],
          ['--scenario NAME', t('cli:price.option.scenario')],
          ['--price P', t('cli:price.option.price')],
          ['--spread S', t('cli:price.option.spread')],
          ['--table', t('cli:price.option.table')],
          ['--prices R', t('cli:price.option.prices', { form: RANGE, default: DEFAULT_PRICES })],
          ['--spreads LIST', t('cli:price.option.spreads')],
          ['--cpr LIST', t('cli:price.option.cpr')],
          [
            '--compounding C',
            t('cli:price.option.compounding', {
              choices: CURVE_COMPOUNDINGS.join(' | '),
              default: 'semiannual',
            }),
          ],
          ['--dm M', t('cli:price.option.dm', { choices: DM_CHOICES.join(' | '), default: 'flat' })],
          ['--json', t('cli:price.option.json')],
        ],
      },
    ],
    18,
  );
}

export interface PriceArgs {
  file: string;
  curve: string;
  tranche: string;
  trancheGiven: boolean;
  scenario?: string;
  price?: number;
  spread?: number;
  table: boolean;
  rows?: PriceQuote[];
  cpr?: number[];
  compounding: CurveCompounding;
  dm: DmConvention;
  json: boolean;
}

/** A spread as typed: `150bp` or `1.5%`, as a decimal. */
export function parseSpread(flag: string, v: string, t: TFunction = cliT()): number {
  const m = /^(-?\d+(?:\.\d+)?)(bp|%)$/.exec(v.trim());
  if (!m) throw new CliError(t('cli:price.badSpread', { flag, value: v }));
  const n = Number(m[1]);
  return m[2] === 'bp' ? n / 10_000 : n / 100;
}

function parsePrice(flag: string, v: string, t: TFunction): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(t('cli:price.badPrice', { flag, value: v }));
  return n;
}

function parseList(flag: string, v: string, t: TFunction): number[] {
  const parts = v.split(',').map((s) => Number(s.trim()));
  if (parts.length === 0 || parts.some((n) => !Number.isFinite(n) || n < 0 || n > 100)) {
    throw new CliError(t('cli:breakeven.badCpr', { flag, value: v }));
  }
  return parts.map((n) => n / 100);
}

export function parsePriceArgs(args: string[], t: TFunction = cliT()): PriceArgs {
  let file: string | undefined;
  let curve: string | undefined;
  let tranche = 'all';
  let trancheGiven = false;
  let scenario: string | undefined;
  let price: number | undefined;
  let spread: number | undefined;
  let table = false;
  let rows: PriceQuote[] | undefined;
  let cpr: number[] | undefined;
  let compounding: CurveCompounding = 'semiannual';
  let dm: DmConvention = 'flat';
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new CliError(t('cli:error.needsValue', { flag: a }));
      return v;
    };
    if (a === '--curve') curve = value();
    else if (a === '--tranche') {
      tranche = value();
      trancheGiven = true;
    } else if (a === '--scenario') scenario = value();
    else if (a === '--price') price = parsePrice(a, value(), t);
    else if (a === '--spread') spread = parseSpread(a, value(), t);
    else if (a === '--table') table = true;
    else if (a === '--prices') {
      const v = value();
      const parts = v.split(':').map(Number);
      try {
        if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw new RangeError(v);
        rows = priceRows(parts[0]!, parts[1]!, parts[2]!);
      } catch {
        throw new CliError(t('cli:price.badRange', { flag: a, value: v, form: RANGE }));
      }
    } else if (a === '--spreads') {
      const v = value();
      const unit = v.endsWith('%') ? '%' : 'bp';
      const list = v.replace(/(bp|%)$/, '').split(',');
      rows = spreadRows(list.map((s) => parseSpread(a, `${s.trim()}${unit}`, t)));
    } else if (a === '--cpr') cpr = parseList(a, value(), t);
    else if (a === '--compounding') {
      const v = value();
      const found = CURVE_COMPOUNDINGS.find((c) => c === v);
      if (!found)
        throw new CliError(
          t('cli:price.badChoice', { flag: a, value: v, choices: CURVE_COMPOUNDINGS.join(', ') }),
        );
      compounding = found;
    } else if (a === '--dm') {
      const v = value();
      const found = DM_CHOICES.find((c) => c === v);
      if (!found)
        throw new CliError(t('cli:price.badChoice', { flag: a, value: v, choices: DM_CHOICES.join(', ') }));
      dm = found;
    } else if (a === '--json') json = true;
    else if (a.startsWith('--'))
      throw new CliError(`${t('cli:error.unknownOption', { flag: a })}\n${priceHelp(t)}`);
    else if (file === undefined) file = a;
    else throw new CliError(t('cli:error.unexpectedArgument', { arg: a }));
  }
  if (file === undefined) throw new CliError(`${t('cli:error.noDealFile')}\n${priceHelp(t)}`);
  if (curve === undefined) throw new CliError(t('cli:price.curveRequired', { flag: '--curve FILE' }));
  if (price !== undefined && spread !== undefined)
    throw new CliError(t('cli:price.priceAndSpread', { price: '--price', spread: '--spread' }));
  return {
    file,
    curve,
    tranche,
    trancheGiven,
    table,
    compounding,
    dm,
    json,
    ...(scenario !== undefined ? { scenario } : {}),
    ...(price !== undefined ? { price } : {}),
    ...(spread !== undefined ? { spread } : {}),
    ...(rows !== undefined ? { rows } : {}),
    ...(cpr !== undefined ? { cpr } : {}),
  };
}

const bp = (x: number | null): string => (x === null ? '-' : formatNumber(x * 10_000, 1));

function quoteText(q: PriceQuote): string {
  return q.kind === 'price' ? formatNumber(q.clean, 3) : `${formatNumber(q.spread * 10_000, 1)}bp`;
}

export function formatPricing(
  rows: readonly ClassPricing[],
  head: { curve: string; asOf: string; scenario: string },
  opts: { compounding: CurveCompounding; dm: DmConvention },
  t: TFunction = cliT(),
): string {
  const cols: Column[] = [
    { header: t('cli:price.column.class'), align: 'left' },
    { header: t('glossary:cleanPrice') },
    { header: t('glossary:dirtyPrice') },
    { header: t('glossary:accruedInterest') },
    { header: t('cli:price.metric.zSpread') },
    { header: t('glossary:yield') },
    { header: t('glossary:wal') },
    { header: t('glossary:modifiedDuration') },
    { header: t('cli:price.metric.spreadToCurve') },
    { header: `${t('glossary:discountMargin')} (bp)` },
  ];
  const body = rows.map((r) => [
    r.trancheId,
    formatNumber(r.cleanPrice, 4),
    formatNumber(r.dirtyPrice, 4),
    formatNumber(r.accrued, 2),
    bp(r.zSpread),
    formatPercent(r.yield, 3),
    formatNumber(r.wal, 2),
    formatNumber(r.modifiedDuration, 3),
    bp(r.spreadToCurveAtWal),
    bp(r.discountMargin),
  ]);
  return [
    heading(t('cli:price.title', { ...head, settlement: rows[0]?.settlementDate ?? '' })),
    renderTable(cols, body),
    '',
    explanation(opts, t),
  ].join('\n');
}

function explanation(opts: { compounding: CurveCompounding; dm: DmConvention }, t: TFunction): string {
  return t('cli:price.explanation', {
    compounding: opts.compounding,
    dm: opts.dm === 'flat' ? t('cli:price.dmFlat') : t('cli:price.dmForwards'),
  });
}

export function formatPriceTable(
  table: PriceTable,
  curveName: string,
  opts: { compounding: CurveCompounding; dm: DmConvention },
  t: TFunction = cliT(),
): string {
  const byPrice = table.rows[0]?.kind !== 'spread';
  const cols: Column[] = [
    { header: byPrice ? t('cli:price.column.quote') : t('glossary:zSpread'), align: 'left' },
    ...table.columns.map((c) => ({ header: c.scenario })),
  ];
  const block = (title: string, cell: (p: ClassPricing) => string): string =>
    [
      title,
      renderTable(
        cols,
        table.rows.map((q, i) => [quoteText(q), ...table.columns.map((c) => cell(c.cells[i]!))]),
      ),
    ].join('\n');
  const footer = renderTable(
    [{ header: '', align: 'left' }, ...table.columns.map((c) => ({ header: c.scenario }))],
    [
      [t('cli:price.column.wal'), ...table.columns.map((c) => formatNumber(c.wal, 2))],
      [
        t('cli:price.column.window'),
        ...table.columns.map((c) =>
          c.firstPrincipalDate ? `${c.firstPrincipalDate} – ${c.lastPrincipalDate ?? ''}` : '-',
        ),
      ],
      [t('cli:price.column.loss'), ...table.columns.map((c) => formatNumber(c.principalLoss, 2))],
    ],
  );
  return [
    heading(
      t('cli:price.tableTitle', {
        tranche: table.trancheId,
        curve: curveName,
        asOf: table.curveAsOf,
        settlement: table.settlementDate,
      }),
    ),
    block(t('cli:price.metric.yield'), (p) => formatPercent(p.yield, 3)),
    '',
    byPrice
      ? block(t('cli:price.metric.zSpread'), (p) => bp(p.zSpread))
      : block(t('cli:price.metric.price'), (p) => formatNumber(p.cleanPrice, 4)),
    '',
    block(t('cli:price.metric.modifiedDuration'), (p) => formatNumber(p.modifiedDuration, 3)),
    '',
    block(t('cli:price.metric.spreadToCurve'), (p) => bp(p.spreadToCurveAtWal)),
    '',
    footer,
    '',
    explanation(opts, t),
  ].join('\n');
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(priceHelp(t));
    return 0;
  }
  try {
    const parsed = parsePriceArgs(args, t);
    const { deal, pool } = await loadDeal(parsed.file);
    const { file: curveFile, curve } = await loadCurveFile(parsed.curve);
    const engine = dealEngine(deal, pool);
    const base: Scenario = pickScenario(engine, parsed.scenario);
    const ids = deal.structure.tranches.map((x) => x.id);
    if (parsed.tranche !== 'all' && !ids.includes(parsed.tranche)) {
      throw new CliError(
        t('cli:breakeven.noTranche', {
          file: parsed.file,
          id: parsed.tranche,
          ids: ids.join(t('cli:listSeparator')),
        }),
      );
    }
    const opts = { compounding: parsed.compounding, dm: parsed.dm };
    if (parsed.table) {
      const tranche = parsed.trancheGiven && parsed.tranche !== 'all' ? parsed.tranche : ids[0]!;
      const columns = parsed.cpr ? cprColumns(base, parsed.cpr) : parsed.scenario ? [base] : deal.scenarios;
      const rows =
        parsed.rows ??
        (parsed.spread !== undefined
          ? spreadRows([parsed.spread])
          : parsed.price !== undefined
            ? [{ kind: 'price' as const, clean: parsed.price }]
            : priceRows(99, 101, 0.25));
      const table = priceYieldTable(engine, deal, { tranche, columns, rows, curve, ...opts });
      if (parsed.json) process.stdout.write(JSON.stringify({ curve: curveFile.name, ...table }) + '\n');
      else process.stdout.write(formatPriceTable(table, curveFile.name, opts, t) + '\n');
      return 0;
    }
    const result = engine.run(base, { analytics: false });
    const chosen = parsed.tranche === 'all' ? ids : [parsed.tranche];
    const rows = chosen.map((id) => {
      const tr = findTranche(result, id);
      const quote: PriceQuote =
        parsed.spread !== undefined
          ? { kind: 'spread', spread: parsed.spread }
          : { kind: 'price', clean: parsed.price ?? tr.price };
      return priceClass(deal, base, tr, curve, quote, opts);
    });
    if (parsed.json) {
      process.stdout.write(
        JSON.stringify({
          curve: curveFile.name,
          curveAsOf: curve.asOf,
          scenario: base.name,
          ...opts,
          tranches: rows,
        }) + '\n',
      );
    } else {
      process.stdout.write(
        formatPricing(rows, { curve: curveFile.name, asOf: curve.asOf, scenario: base.name }, opts, t) + '\n',
      );
    }
    return 0;
  } catch (err) {
    throw asCliError(err, t);
  }
}
