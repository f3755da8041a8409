/**
 * The per-period sheets: pool cash flows, one sheet per tranche, and the waterfall. Each is a title row, a frozen
 * header row, one row per period and a totals row of live SUM formulas whose cached values are the engine's totals.
 */
import type { Deal } from '../../deal/schema';
import type { PoolPeriodRow, RunResult, TrancheResult, WaterfallPeriod } from '../../result';
import { columnTotal, type ReportColumn, type ReportTable, writeTable } from './reportTable';
import { cellAddress, columnName, SheetWriter } from './sheetWriter';

type Row = Record<string, string | number | null>;

function periodSheet(title: string, table: Pick<ReportTable, 'columns' | 'rows' | 'totals'>): SheetWriter {
  const w = new SheetWriter();
  w.text(0, 0, title, false);
  const placed = writeTable(w, table, 1);
  w.freezeRows = 2;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, table.columns.length - 1);
  return w;
}

export const POOL_COLUMNS: ReportColumn[] = [
  { key: 'period', header: 'Period', format: 'integer' },
  { key: 'date', header: 'Payment date', format: 'date' },
  { key: 'beginBalance', header: 'Beginning balance', format: 'money' },
  { key: 'scheduledPrincipal', header: 'Scheduled principal', format: 'money' },
  { key: 'prepayment', header: 'Prepayment', format: 'money' },
  { key: 'default', header: 'Defaults', format: 'money' },
  { key: 'loss', header: 'Loss', format: 'money' },
  { key: 'recovery', header: 'Recovery', format: 'money' },
  { key: 'interest', header: 'Interest', format: 'money' },
  { key: 'fees', header: 'Fee income', format: 'money' },
  { key: 'purchases', header: 'Purchases', format: 'money' },
  { key: 'endBalance', header: 'Ending balance', format: 'money' },
  { key: 'cumulativeNetLossPct', header: 'Cumulative net loss (% of initial pool)', format: 'percent' },
  { key: 'count', header: 'Receivables outstanding', format: 'integer' },
  { key: 'excessSpread', header: 'Excess spread (annualised)', format: 'percent' },
];

const POOL_TOTALS = [
  'scheduledPrincipal',
  'prepayment',
  'default',
  'loss',
  'recovery',
  'interest',
  'fees',
  'purchases',
];

/** What the pool sheet says about its one derived column. */
export const POOL_FOOTING_NOTE =
  'Each row foots to the cent: scheduled principal = beginning balance − prepayment − defaults + purchases − ' +
  'ending balance, all rounded to cents (the engine rounds each figure separately, so its scheduled principal ' +
  'can differ by up to two cents).';

/**
 * The pool's periods as the sheet shows them: money rounded to cents and scheduled principal derived as the
 * balance change less the other rounded flows, so that begin − scheduled − prepayment − defaults + purchases =
 * end holds exactly on every row. The balances are the engine's, so each row's end is the next row's begin.
 */
export function footedPoolPeriods(periods: readonly PoolPeriodRow[]): PoolPeriodRow[] {
  return periods.map((p) => {
    const scheduled =
      cents(p.beginBalance) -
      cents(p.prepayment) -
      cents(p.default) +
      cents(p.purchases) -
      cents(p.endBalance);
    return { ...p, scheduledPrincipal: scheduled / 100 };
  });
}

export function poolSheet(result: RunResult): SheetWriter {
  const spread = new Map(result.excessSpread.map((e) => [e.period, e.annualised]));
  const rows: Row[] = footedPoolPeriods(result.pool.periods).map((p) => ({
    ...p,
    excessSpread: spread.get(p.period) ?? null,
  }));
  const w = periodSheet(`Pool cash flows: ${result.deal.name}, scenario ${result.scenario.name}`, {
    columns: POOL_COLUMNS,
    rows,
    totals: POOL_TOTALS,
  });
  // Below the totals row (title, header, rows, totals, one blank row).
  w.text(rows.length + 4, 0, POOL_FOOTING_NOTE, false);
  return w;
}

export const TRANCHE_COLUMNS: ReportColumn[] = [
  { key: 'period', header: 'Period', format: 'integer' },
  { key: 'date', header: 'Payment date', format: 'date' },
  { key: 'beginBalance', header: 'Beginning balance', format: 'money' },
  { key: 'interestDue', header: 'Interest due', format: 'money' },
  { key: 'interest', header: 'Interest paid', format: 'money' },
  { key: 'interestShortfall', header: 'Interest shortfall carried', format: 'money' },
  { key: 'principal', header: 'Principal paid', format: 'money' },
  { key: 'writedown', header: 'Write-down', format: 'money' },
  { key: 'balance', header: 'Ending balance', format: 'money' },
  { key: 'creditEnhancement', header: 'Credit enhancement', format: 'percent' },
  // The interest period paid on the date (deal calendar); empty in a collection month that is not a payment date.
  { key: 'accrualStart', header: 'Accrual start', format: 'date' },
  { key: 'accrualEnd', header: 'Accrual end', format: 'date' },
  { key: 'accrualDays', header: 'Accrual days', format: 'integer' },
];

export function trancheSheet(deal: Deal, result: RunResult, tranche: TrancheResult): SheetWriter {
  const spec = deal.structure.tranches.find((t) => t.id === tranche.id);
  const name = spec?.name ? ` (${spec.name})` : '';
  const rating = tranche.rating ? `, rated ${tranche.rating}` : '';
  return periodSheet(
    `Tranche ${tranche.id}${name}: ${tranche.seniority}${rating}, ${tranche.couponDescription}; scenario ${result.scenario.name}`,
    {
      columns: TRANCHE_COLUMNS,
      rows: tranche.cashflows as unknown as Row[],
      totals: ['interest', 'principal', 'writedown'],
    },
  );
}

const cents = (v: number): number => Math.round(v * 100);

/**
 * Which waterfall source fields make up `sources.total`. The contract leaves open whether a reserve draw counts
 * as a source, so the report states the sum that actually reproduces the engine's total in every period, and
 * falls back to the engine's number (with a note) when none does rather than show a formula that disagrees.
 */
const SOURCE_FIELDS = [
  'interestCollections',
  'principalCollections',
  'recoveries',
  'reserveDraw',
  'cleanUpCallProceeds',
] as const;
type SourceField = (typeof SOURCE_FIELDS)[number];

interface TotalCandidate {
  /** The candidate's total for a period, in cents. */
  cents: (p: WaterfallPeriod) => number;
  /** Its formula on sheet row `r`. */
  formula: (r: number) => string;
  note: string;
}

export function waterfallSheet(deal: Deal, result: RunResult): SheetWriter {
  const periods = result.waterfall;
  // A step's label can change by period (a residual trapped in the reserve), so a column lists every label it had.
  const labelSets = new Map<number, string[]>();
  for (const p of periods) {
    for (const s of p.steps) {
      const seen = labelSets.get(s.step) ?? [];
      if (!seen.includes(s.label)) seen.push(s.label);
      labelSets.set(s.step, seen);
    }
  }
  const stepLabels = new Map([...labelSets].map(([step, labels]) => [step, labels.join(' / ')]));
  const steps = [...stepLabels.keys()].sort((a, b) => a - b);
  const isDeposit = (step: number): boolean => deal.structure.waterfall[step]?.pay === 'reserveDeposit';
  // Steps that ever paid less than was due get an "unpaid" column, so a shortfall shows where it happened.
  const shortSteps = steps.filter((s) =>
    periods.some((p) => p.steps.some((x) => x.step === s && cents(x.due) !== cents(x.paid))),
  );

  const holds = periods.some((p) => p.paymentDate === false);
  const columns: ReportColumn[] = [
    { key: 'period', header: 'Period', format: 'integer' },
    { key: 'date', header: 'Payment date', format: 'date' },
    { key: 'interestCollections', header: 'Source: interest collections', format: 'money' },
    { key: 'principalCollections', header: 'Source: principal collections', format: 'money' },
    { key: 'recoveries', header: 'Source: recoveries', format: 'money' },
    { key: 'reserveDraw', header: 'Source: reserve draw', format: 'money' },
    { key: 'cleanUpCallProceeds', header: 'Source: clean-up call proceeds', format: 'money' },
    { key: 'sourcesTotal', header: 'Total sources', format: 'money' },
    ...steps.map((s): ReportColumn => ({
      key: `step${s}`,
      header: `${s + 1}. ${stepLabels.get(s)}`,
      format: 'money',
    })),
    { key: 'usesTotal', header: 'Total uses', format: 'money' },
    { key: 'reserveBegin', header: 'Reserve: beginning', format: 'money' },
    { key: 'reserveDeposit', header: 'Reserve: deposit', format: 'money' },
    { key: 'reserveDrawn', header: 'Reserve: draw', format: 'money' },
    { key: 'reserveEnd', header: 'Reserve: ending', format: 'money' },
    { key: 'reserveTarget', header: 'Reserve: target', format: 'money' },
    // Deals paying less often than monthly hold collections between payment dates (the deal calendar).
    ...(holds
      ? ([
          { key: 'collectionBegin', header: 'Collection account: beginning', format: 'money' },
          { key: 'collectionEnd', header: 'Collection account: ending', format: 'money' },
        ] as ReportColumn[])
      : []),
    // The header stays the same whatever the deal (readers find the column by it); the note below says what
    // it subtracts when the deal holds collections between payment dates.
    { key: 'difference', header: 'Sources − uses − change in reserve', format: 'money' },
    { key: 'revolving', header: 'Revolving', format: 'text' },
    { key: 'triggersBreached', header: 'Triggers breached', format: 'text' },
    ...shortSteps.map((s): ReportColumn => ({
      key: `unpaid${s}`,
      header: `Unpaid (due − paid): ${s + 1}. ${stepLabels.get(s)}`,
      format: 'money',
    })),
  ];
  const col = new Map(columns.map((c, j) => [c.key, j]));
  const at = (key: string): number => col.get(key) as number;

  const rows: Row[] = periods.map((p) => {
    const row: Row = {
      period: p.period,
      date: p.date,
      ...p.sources,
      sourcesTotal: p.sources.total,
      usesTotal: p.uses.total,
      reserveBegin: p.reserve.begin,
      reserveDeposit: p.reserve.deposit,
      reserveDrawn: p.reserve.draw,
      reserveEnd: p.reserve.end,
      reserveTarget: p.reserve.target,
      ...(holds
        ? { collectionBegin: p.collectionAccount?.begin ?? 0, collectionEnd: p.collectionAccount?.end ?? 0 }
        : {}),
      difference: p.difference,
      revolving: p.revolving ? 'yes' : 'no',
      triggersBreached: p.triggersBreached.join(', '),
    };
    delete row.total;
    for (const s of p.steps) {
      row[`step${s.step}`] = s.paid;
      if (shortSteps.includes(s.step)) row[`unpaid${s.step}`] = (cents(s.due) - cents(s.paid)) / 100;
    }
    return row;
  });

  // Candidate definitions of each total, tried in order; the first that reproduces the engine in every period wins.
  const sumCells = (r: number, keys: string[]): string => keys.map((k) => cellAddress(r, at(k))).join('+');
  const paid = (p: WaterfallPeriod, step: number): number => p.steps.find((s) => s.step === step)?.paid ?? 0;
  const stepKeys = steps.map((s) => `step${s}`);
  // The engine's own convention first (a reserve draw is a transfer, not cash entering the deal), so periods where
  // both fit show the rule the engine used.
  const sourceSets: SourceField[][] = [SOURCE_FIELDS.filter((f) => f !== 'reserveDraw'), [...SOURCE_FIELDS]];
  const sourceCandidates: TotalCandidate[] = sourceSets.map((fields) => ({
    cents: (p) => fields.reduce((sum, f) => sum + cents(p.sources[f]), 0),
    formula: (r) => sumCells(r, fields),
    note: `Total sources = ${fields.map((f) => columnName(at(f))).join(' + ')}${fields.length < SOURCE_FIELDS.length ? ' (a reserve draw is a transfer from the reserve, not cash entering the deal)' : ''}.`,
  }));
  const stepsCents = (p: WaterfallPeriod, set: number[]): number =>
    set.reduce((sum, s) => sum + cents(paid(p, s)), 0);
  const depositSteps = steps.filter(isDeposit);
  const otherSteps = steps.filter((s) => !isDeposit(s));
  const useCandidates: TotalCandidate[] = [
    {
      cents: (p) => stepsCents(p, steps) - cents(p.reserve.deposit),
      formula: (r) => `${sumCells(r, stepKeys)}-${cellAddress(r, at('reserveDeposit'))}`,
      note: 'Total uses = sum of the step columns − reserve deposit (cash put into the reserve, trapped cash included, stays in the deal and shows as the change in reserve).',
    },
    {
      cents: (p) => stepsCents(p, steps),
      formula: (r) => sumCells(r, stepKeys),
      note: 'Total uses = sum of the step columns.',
    },
    ...(depositSteps.length > 0
      ? [
          {
            cents: (p: WaterfallPeriod) => stepsCents(p, otherSteps),
            formula: (r: number) =>
              sumCells(
                r,
                otherSteps.map((s) => `step${s}`),
              ),
            note: 'Total uses = sum of the step columns except reserve deposits (they show as the change in reserve).',
          },
        ]
      : []),
  ];
  const pick = (
    candidates: TotalCandidate[],
    total: (p: WaterfallPeriod) => number,
  ): TotalCandidate | undefined =>
    steps.length === 0 && candidates === useCandidates
      ? undefined
      : candidates.find((c) => periods.every((p) => c.cents(p) === cents(total(p))));
  const sourceRule = pick(sourceCandidates, (p) => p.sources.total);
  const useRule = pick(useCandidates, (p) => p.uses.total);

  const w = new SheetWriter();
  w.text(0, 0, `Waterfall: ${result.deal.name}, scenario ${result.scenario.name}`, false);
  const placed = writeTable(w, { columns, rows, totals: [] }, 1);
  periods.forEach((p, i) => {
    const r = placed.firstDataRow + i;
    if (sourceRule) w.formula(r, at('sourcesTotal'), sourceRule.formula(r), p.sources.total, 'money');
    if (useRule) w.formula(r, at('usesTotal'), useRule.formula(r), p.uses.total, 'money');
    // Rounded to the cent: binary floating point leaves 1e-9 residues that would show as noise, not a difference.
    const held = holds
      ? `-(${cellAddress(r, at('collectionEnd'))}-${cellAddress(r, at('collectionBegin'))})`
      : '';
    const f = `ROUND(${cellAddress(r, at('sourcesTotal'))}-${cellAddress(r, at('usesTotal'))}-(${cellAddress(r, at('reserveEnd'))}-${cellAddress(r, at('reserveBegin'))})${held},2)`;
    w.formula(r, at('difference'), f, p.difference, 'money');
  });

  // Totals: flows add up over periods; balances, targets and unpaid amounts (carried forward, so they would be
  // counted again each period) do not, so they are left blank.
  const totalsRow = placed.nextRow;
  const flowKeys = columns
    .map((c) => c.key)
    .filter(
      (k) =>
        !k.startsWith('unpaid') &&
        ![
          'period',
          'date',
          'reserveBegin',
          'collectionBegin',
          'collectionEnd',
          'reserveEnd',
          'reserveTarget',
          'revolving',
          'triggersBreached',
        ].includes(k),
    );
  w.text(totalsRow, 0, 'Total');
  if (periods.length > 0) {
    for (const key of flowKeys) {
      const c = at(key);
      const range = `${cellAddress(placed.firstDataRow, c)}:${cellAddress(placed.lastDataRow, c)}`;
      w.formula(
        totalsRow,
        c,
        `SUM(${range})`,
        columnTotal(
          rows.map((row) => row[key]),
          'money',
        ),
        'money',
      );
    }
  }
  w.freezeRows = 2;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);

  let noteRow = totalsRow + 2;
  const note = (text: string): void => w.text(noteRow++, 0, text, false);
  note(
    sourceRule
      ? `${sourceRule.note} Live formula.`
      : 'Total sources is the engine figure: no sum of the source columns reproduces it in every period.',
  );
  note(
    useRule
      ? `${useRule.note} Live formula.`
      : 'Total uses is the engine figure: no sum of the step columns reproduces it in every period.',
  );
  note(
    holds
      ? 'The difference column recomputes sources − uses − (reserve ending − reserve beginning) − (collection account ending − beginning): between payment dates collections wait in the collection account. It is 0.00 in a period that reconciles.'
      : 'The difference column recomputes sources − uses − (reserve ending − reserve beginning); it is 0.00 in a period that reconciles.',
  );
  return w;
}

/** Revolving purchases by period and the profile lines eligibility kept out, when the deal revolves. */
export function revolvingSheet(result: RunResult): SheetWriter | null {
  const rev = result.revolving;
  if (!rev) return null;
  const dateOf = new Map(result.pool.periods.map((p) => [p.period, p.date]));
  const w = new SheetWriter();
  w.text(0, 0, `Revolving purchases: ${result.deal.name}, scenario ${result.scenario.name}`, false);
  const placed = writeTable(
    w,
    {
      columns: [
        { key: 'period', header: 'Period', format: 'integer' },
        { key: 'date', header: 'Payment date', format: 'date' },
        { key: 'par', header: 'Par bought', format: 'money' },
        { key: 'cash', header: 'Cash paid', format: 'money' },
        { key: 'limitedBy', header: 'Cut back by concentration limits', format: 'text' },
      ],
      rows: rev.purchases.map((p) => ({
        period: p.period,
        date: dateOf.get(p.period) ?? null,
        par: p.par,
        cash: p.cash,
        limitedBy: p.limitedBy.join(', '),
      })),
      totals: ['par', 'cash'],
    },
    1,
  );
  w.freezeRows = 2;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, 4);
  let r = placed.nextRow + 1;
  w.text(r++, 0, 'Profile lines excluded by eligibility', false);
  if (rev.excludedProfileLines.length === 0) w.text(r++, 0, 'none');
  for (const line of rev.excludedProfileLines) {
    w.text(r, 0, line.id);
    w.text(r++, 1, line.reasons.join('; '), false);
  }
  return w;
}
