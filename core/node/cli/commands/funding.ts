/**
 * `abs-workbench funding <case.json> [--json] [--no-optimise]`: compares funding mixes (bank lines, retail
 * capital, securitization, forward flow, equity) by cost and liquidity under the base case and each stress,
 * and finds the cheapest mix with HiGHS when the case asks for it.
 */
import { DealFileError } from '../../../deal/load';
import { analyseFunding, type FundingResult } from '../../../funding/analyse';
import type { ReportTable } from '../../../io/report/reportTable';
import {
  fundingBindingTable,
  fundingFrontierTable,
  fundingSourcesTable,
  fundingSummaryTable,
  fundingTermsTable,
} from '../../../funding/report';
import { loadFundingCase } from '../../funding/caseFile';
import { loadHighsSolver } from '../../funding/highs';
import type { TFunction } from '../../../i18n';
import { CliError } from '../errors';
import { displayWidth, helpText, padEndTo, padStartTo } from '../format';
import { cliT } from '../lang';

/** `funding --help`, in the process's language. */
export function fundingHelp(t: TFunction = cliT()): string {
  return helpText(
    t,
    'abs-workbench funding <case.json> [--json] [--no-optimise]',
    [
      {
        about: `\n${t('cli:funding.about', { block: 'optimisation' })}`,
        options: [
          ['--json', t('cli:funding.option.json')],
          ['--no-optimise', t('cli:funding.option.noOptimise')],
        ],
      },
    ],
    15,
  );
}

function fmt(
  v: string | number | null | undefined,
  format: ReportTable['columns'][number]['format'],
): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'string') return v;
  switch (format) {
    case 'money':
      return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
    case 'percent':
      return `${(v * 100).toFixed(2)}%`;
    case 'integer':
      return v.toFixed(0);
    default:
      return Number.isInteger(v) ? String(v) : v.toFixed(3);
  }
}

/** A table as aligned text; `keys` picks and orders the columns. */
export function textTable(t: ReportTable, keys?: string[]): string {
  const cols = keys ? t.columns.filter((c) => keys.includes(c.key)) : t.columns;
  const cells = t.rows.map((r) => cols.map((c) => fmt(r[c.key], c.format)));
  const widths = cols.map((c, j) =>
    Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[j] ?? ''))),
  );
  const line = (xs: string[]): string =>
    xs
      .map((x, j) =>
        cols[j]?.format === 'text' ? padEndTo(x, widths[j] ?? 0) : padStartTo(x, widths[j] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [t.title, line(cols.map((c) => c.header)), ...cells.map(line)].join('\n');
}

function toJson(result: FundingResult): string {
  return JSON.stringify(result, (_k, v: unknown) => (v instanceof Float64Array ? Array.from(v) : v), 2);
}

export async function main(args: string[]): Promise<number> {
  const t = cliT();
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(fundingHelp(t));
    return 0;
  }
  const json = args.includes('--json');
  const optimise = !args.includes('--no-optimise');
  const unknown = args.filter((a) => a.startsWith('-') && !['--json', '--no-optimise'].includes(a));
  if (unknown.length > 0)
    throw new CliError(`${t('cli:error.unknownOption', { flag: unknown[0] })}\n${fundingHelp(t)}`, 2);
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length !== 1) throw new CliError(`${t('cli:error.oneCaseFile')}\n${fundingHelp(t)}`, 2);
  const file = files[0] as string;

  let result: FundingResult;
  try {
    const inputs = await loadFundingCase(file);
    const solver = optimise && inputs.fundingCase.optimisation ? await loadHighsSolver() : undefined;
    result = analyseFunding(inputs, { solver });
  } catch (e) {
    if (e instanceof DealFileError) throw new CliError(e.text(t));
    throw e;
  }
  if (json) {
    process.stdout.write(toJson(result) + '\n');
    return 0;
  }
  // The report's sheets in the CLI's language, less the month-by-month ones (too long for a terminal) and the
  // summary's columns a terminal has no room for.
  const frontier = fundingFrontierTable(result, t);
  const binding = fundingBindingTable(result, t);
  const out: string[] = [
    textTable(fundingTermsTable(result, t)),
    textTable(fundingSummaryTable(result, t), [
      'mix',
      'scenario',
      'feasible',
      'firstGapMonth',
      'runwayMonths',
      'totalCost',
      'weightedAverageCost',
      'irr',
      'costPerReceivable',
      'maxGap',
      'minHeadroom',
      'maturityMismatchYears',
      'refinancingWall',
      'concentrationHhi',
    ]),
    textTable(fundingSourcesTable(result, t)),
    ...(frontier ? [textTable(frontier)] : []),
    ...(binding ? [textTable(binding)] : []),
  ];
  const o = result.optimisation;
  if (o)
    out.push(
      t('cli:funding.optimiser', {
        status: t(`cli:funding.status.${o.status}`),
        solverStatus: o.solverStatus,
      }),
    );
  process.stdout.write(out.join('\n\n') + '\n');
  return 0;
}
