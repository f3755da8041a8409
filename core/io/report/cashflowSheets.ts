/**
 * The per-period sheets: pool cash flows, one sheet per tranche, and the waterfall. Each is a title row, a frozen
 * header row, one row per period and a totals row of live SUM formulas whose cached values are the engine's totals.
 */
import type { Coupon, Deal, WaterfallStep } from '../../deal/schema';
import { translator, type TFunction } from '../../i18n';
import { coreText } from '../../i18n/messages';
import type {
  PoolPeriodRow,
  RunResult,
  TrancheResult,
  WaterfallPeriod,
  WaterfallStepRow,
} from '../../result';
import { stepOfRow } from '../../structure/phase';
import { columnTotal, type ReportColumn, type ReportTable, writeTable } from './reportTable';
import { reportText, type ReportText } from './reportText';
import { cellAddress, columnName, type SheetWriter, TITLE_ROWS } from './sheetWriter';

type Row = Record<string, string | number | null>;

/** The report in English and in units, for callers that do not choose (tests, the old signatures). */
const ENGLISH = (currency: string): ReportText => reportText('en', 'unit', currency);

function periodSheet(
  w: SheetWriter,
  title: string,
  caption: string,
  table: Pick<ReportTable, 'columns' | 'rows' | 'totals'>,
): SheetWriter {
  const top = w.titleBlock(title, caption);
  const placed = writeTable(w, table, top);
  w.freezeRows = top + 1;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, table.columns.length - 1);
  return w;
}

export function poolColumns(t: TFunction): ReportColumn[] {
  return [
    { key: 'period', header: t('report:pool.period'), format: 'integer' },
    { key: 'date', header: t('report:pool.date'), format: 'date' },
    { key: 'beginBalance', header: t('report:pool.beginBalance'), format: 'money' },
    { key: 'scheduledPrincipal', header: t('report:pool.scheduledPrincipal'), format: 'money' },
    { key: 'prepayment', header: t('report:pool.prepayment'), format: 'money' },
    { key: 'default', header: t('report:pool.default'), format: 'money' },
    { key: 'loss', header: t('report:pool.loss'), format: 'money' },
    { key: 'recovery', header: t('report:pool.recovery'), format: 'money' },
    { key: 'interest', header: t('report:pool.interest'), format: 'money' },
    { key: 'fees', header: t('report:pool.fees'), format: 'money' },
    { key: 'purchases', header: t('report:pool.purchases'), format: 'money' },
    { key: 'endBalance', header: t('report:pool.endBalance'), format: 'money' },
    { key: 'cumulativeNetLossPct', header: t('report:pool.cumulativeNetLossPct'), format: 'percent' },
    { key: 'count', header: t('report:pool.count'), format: 'integer' },
    { key: 'excessSpread', header: t('report:pool.excessSpread'), format: 'percent' },
  ];
}

/** The pool sheet's columns in English (the key, header and format of each, in sheet order). */
export const POOL_COLUMNS: ReportColumn[] = poolColumns(translator('en'));

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

/** What the pool sheet says about its one derived column (in English, in units). */
export const POOL_FOOTING_NOTE = translator('en')('report:pool.footingNote');

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

export function poolSheet(result: RunResult, text = ENGLISH(result.deal.currency)): SheetWriter {
  const { t } = text;
  const spread = new Map(result.excessSpread.map((e) => [e.period, e.annualised]));
  const rows: Row[] = footedPoolPeriods(result.pool.periods).map((p) => ({
    ...p,
    excessSpread: spread.get(p.period) ?? null,
  }));
  const title = t('report:pool.title', { deal: result.deal.name, scenario: result.scenario.name });
  const w = periodSheet(text.writer(true), text.titled(title, true), text.caption(true), {
    columns: poolColumns(t),
    rows,
    totals: POOL_TOTALS,
  });
  // Below the totals row (title block, header, rows, totals, one blank row).
  const note =
    text.factor === 1
      ? t('report:pool.footingNote')
      : t('report:pool.footingNoteScaled', {
          unit: text.unit,
          units: text.units,
          factor: text.factor.toLocaleString('en-US'),
        });
  w.note(TITLE_ROWS + rows.length + 3, note);
  return w;
}

export function trancheColumns(t: TFunction, deficiencyLedger = false): ReportColumn[] {
  return [
    { key: 'period', header: t('report:tranche.period'), format: 'integer' },
    { key: 'date', header: t('report:tranche.date'), format: 'date' },
    { key: 'beginBalance', header: t('report:tranche.beginBalance'), format: 'money' },
    { key: 'interestDue', header: t('report:tranche.interestDue'), format: 'money' },
    { key: 'interest', header: t('report:tranche.interest'), format: 'money' },
    { key: 'interestShortfall', header: t('report:tranche.interestShortfall'), format: 'money' },
    { key: 'principal', header: t('report:tranche.principal'), format: 'money' },
    { key: 'writedown', header: t('report:tranche.writedown'), format: 'money' },
    // Deals with a principal deficiency ledger: the class's uncured deficiency after the period.
    ...(deficiencyLedger
      ? [
          {
            key: 'principalDeficiency',
            header: t('glossary:principalDeficiencyLedger'),
            format: 'money',
          } as const,
        ]
      : []),
    { key: 'balance', header: t('report:tranche.balance'), format: 'money' },
    { key: 'creditEnhancement', header: t('report:tranche.creditEnhancement'), format: 'percent' },
    // The interest period paid on the date (deal calendar); empty in a collection month that is not a payment date.
    { key: 'accrualStart', header: t('report:tranche.accrualStart'), format: 'date' },
    { key: 'accrualEnd', header: t('report:tranche.accrualEnd'), format: 'date' },
    { key: 'accrualDays', header: t('report:tranche.accrualDays'), format: 'integer' },
  ];
}

/** A tranche sheet's columns in English. */
export const TRANCHE_COLUMNS: ReportColumn[] = trancheColumns(translator('en'));

/** A tranche's seniority in the report's language (the deal file's own word in English). */
export function seniorityText(t: TFunction, seniority: string): string {
  switch (seniority) {
    case 'senior':
      return t('report:seniority.senior');
    case 'mezzanine':
      return t('report:seniority.mezzanine');
    case 'subordinated':
      return t('report:seniority.subordinated');
    case 'equity':
      return t('report:seniority.equity');
    default:
      return seniority;
  }
}

/**
 * A coupon as the engine describes it (core/structure/interest.ts describeCoupon), in the report's language; the
 * engine's own text when the deal no longer has the class.
 */
export function couponText(text: ReportText, coupon: Coupon | undefined, engine: string): string {
  if (!coupon) return engine;
  const { t } = text;
  const pct = (x: number): string => `${(x * 100).toFixed(2)}%`;
  if (coupon.type === 'fixed') return t('report:coupon.fixed', { rate: pct(coupon.rate) });
  const parts = [
    t('report:coupon.floating', {
      index: coupon.index,
      sign: coupon.spread < 0 ? '-' : '+',
      spread: pct(Math.abs(coupon.spread)),
    }),
  ];
  if (coupon.floor !== undefined) parts.push(t('report:coupon.floor', { rate: pct(coupon.floor) }));
  if (coupon.cap !== undefined) parts.push(t('report:coupon.cap', { rate: pct(coupon.cap) }));
  return text.list(parts);
}

export function trancheSheet(
  deal: Deal,
  result: RunResult,
  tranche: TrancheResult,
  text = ENGLISH(result.deal.currency),
): SheetWriter {
  const { t } = text;
  const spec = deal.structure.tranches.find((x) => x.id === tranche.id);
  const vars = {
    id: tranche.id,
    name: spec?.name ?? '',
    seniority: seniorityText(t, tranche.seniority),
    rating: tranche.rating ?? '',
    coupon: couponText(text, spec?.coupon, tranche.couponDescription),
    scenario: result.scenario.name,
  };
  const title =
    spec?.name && tranche.rating
      ? t('report:tranche.titleNamedRated', vars)
      : spec?.name
        ? t('report:tranche.titleNamed', vars)
        : tranche.rating
          ? t('report:tranche.titleRated', vars)
          : t('report:tranche.title', vars);
  return periodSheet(text.writer(true), text.titled(title, true), text.caption(true), {
    columns: trancheColumns(
      t,
      tranche.cashflows.some((c) => c.principalDeficiency !== undefined),
    ),
    rows: tranche.cashflows as unknown as Row[],
    totals: ['interest', 'principal', 'writedown'],
  });
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
/** Sources only deals with hedges or a liquidity facility have (a column each, only for those deals). */
const EXTRA_SOURCE_FIELDS = ['hedgeReceipts', 'liquidityDraws'] as const;
type SourceField = (typeof SOURCE_FIELDS)[number] | (typeof EXTRA_SOURCE_FIELDS)[number];

interface TotalCandidate {
  /** The candidate's total for a period, in cents. */
  cents: (p: WaterfallPeriod) => number;
  /** Its formula on sheet row `r`. */
  formula: (r: number) => string;
  note: string;
}

const TRAPPED_LABEL = 'residual (trapped in reserve)';
let english: ReportText | undefined;

/** Column numbers of each phase's steps (a redemption step adds 1000), so the Waterfall sheet keeps phases apart. */
const PHASE_COLUMN: Record<NonNullable<WaterfallPeriod['phase']>, number> = {
  revolving: 0,
  amortising: 10_000,
  accelerated: 20_000,
  cleanUp: 30_000,
};

/** A step's label with its phase and, for separate priorities of payments, its revenue or redemption list. */
function phaseLabel(
  t: TFunction,
  phase: NonNullable<WaterfallPeriod['phase']>,
  ledger: WaterfallStepRow['ledger'],
  label: string,
): string {
  const phaseText =
    phase === 'revolving'
      ? t('glossary:revolvingPeriod')
      : phase === 'amortising'
        ? t('glossary:amortisingPeriod')
        : phase === 'accelerated'
          ? t('glossary:acceleratedPhase')
          : t('glossary:cleanUpCall');
  if (ledger === undefined) return t('report:waterfall.stepLabel.phaseOnly', { phase: phaseText, label });
  const ledgerText = ledger === 'revenue' ? t('glossary:revenue') : t('glossary:redemption');
  return t('report:waterfall.stepLabel.phaseStep', { phase: phaseText, ledger: ledgerText, label });
}

/**
 * A waterfall step's label (core/structure/waterfall.ts stepLabel) in the report's language, from the deal's step.
 * A label the engine wrote otherwise than this derivation in English foresees is shown as the engine wrote it.
 */
export function stepLabelText(text: ReportText, step: WaterfallStep | undefined, engine: string): string {
  const label = (t: TFunction, list: (xs: readonly string[]) => string): string | null => {
    if (engine === TRAPPED_LABEL) return t('report:waterfall.stepLabel.residualTrapped');
    if (!step) return null;
    switch (step.pay) {
      case 'fee':
        return step.part === 'capExcess'
          ? t('report:waterfall.stepLabel.feeCapExcess', { fee: step.fee })
          : t('report:waterfall.stepLabel.fee', { fee: step.fee });
      case 'interest':
        return t('report:waterfall.stepLabel.interest', { tranches: list(step.tranches) });
      case 'principal':
        return t('report:waterfall.stepLabel.principal', { tranches: list(step.tranches) });
      case 'reserveDeposit':
        return t('report:waterfall.stepLabel.reserveDeposit');
      case 'purchase':
        return t('report:waterfall.stepLabel.purchase');
      case 'residual':
        return t('report:waterfall.stepLabel.residual');
      case 'pdlCure':
        return t('report:waterfall.stepLabel.pdlCure', { tranches: list(step.tranches) });
      case 'hedge':
        return t('report:waterfall.stepLabel.hedge', { hedge: step.hedge });
      case 'liquidity':
        return step.part === 'repay'
          ? t('report:waterfall.stepLabel.liquidityRepay')
          : step.part === 'interest'
            ? t('report:waterfall.stepLabel.liquidityInterest')
            : t('report:waterfall.stepLabel.liquidityCommitmentFee');
      case 'capCarryover':
        return t('report:waterfall.stepLabel.capCarryover', { tranches: list(step.tranches) });
    }
  };
  english ??= ENGLISH('USD');
  if (label(english.t, english.list) !== engine) return engine;
  return label(text.t, text.list) ?? engine;
}

export function waterfallSheet(
  deal: Deal,
  result: RunResult,
  text = ENGLISH(result.deal.currency),
): SheetWriter {
  const { t } = text;
  const periods = result.waterfall;
  // With deal phases a column is one step of one phase's revenue or redemption list; its number says which.
  const phased = deal.structure.phases !== undefined;
  const columnOf = (p: WaterfallPeriod, s: WaterfallStepRow): number =>
    phased ? PHASE_COLUMN[p.phase ?? 'amortising'] + (s.ledger === 'redemption' ? 1000 : 0) + s.step : s.step;
  const stepAt = new Map<number, WaterfallStep | undefined>();
  // A step's label can change by period (a residual trapped in the reserve), so a column lists every label it had.
  const labelSets = new Map<number, string[]>();
  // Translated once per step and engine label, not once per period.
  const translated = new Map<string, string>();
  for (const p of periods) {
    for (const s of p.steps) {
      const key = columnOf(p, s);
      const seen = labelSets.get(key) ?? [];
      const cacheKey = `${key}\u0000${s.label}`;
      let label = translated.get(cacheKey);
      if (label === undefined) {
        const step = phased ? stepOfRow(deal.structure, s, p.phase) : deal.structure.waterfall[s.step];
        stepAt.set(key, step);
        label = stepLabelText(text, step, s.label);
        if (phased) label = phaseLabel(t, p.phase ?? 'amortising', s.ledger, label);
        translated.set(cacheKey, label);
      }
      if (!seen.includes(label)) seen.push(label);
      labelSets.set(key, seen);
    }
  }
  const stepLabels = new Map([...labelSets].map(([step, labels]) => [step, labels.join(' / ')]));
  const steps = [...stepLabels.keys()].sort((a, b) => a - b);
  const isDeposit = (step: number): boolean => stepAt.get(step)?.pay === 'reserveDeposit';
  // Steps that ever paid less than was due get an "unpaid" column, so a shortfall shows where it happened.
  const shortSteps = steps.filter((s) =>
    periods.some((p) => p.steps.some((x) => columnOf(p, x) === s && cents(x.due) !== cents(x.paid))),
  );

  const holds = periods.some((p) => p.paymentDate === false);
  const extraSources = EXTRA_SOURCE_FIELDS.filter((f) => periods.some((p) => p.sources[f] !== undefined));
  const stepHeader = (s: number): string =>
    t('report:waterfall.step', { n: (s % 1000) + 1, label: stepLabels.get(s) ?? '' });
  const columns: ReportColumn[] = [
    { key: 'period', header: t('report:waterfall.period'), format: 'integer' },
    { key: 'date', header: t('report:waterfall.date'), format: 'date' },
    { key: 'interestCollections', header: t('report:waterfall.interestCollections'), format: 'money' },
    { key: 'principalCollections', header: t('report:waterfall.principalCollections'), format: 'money' },
    { key: 'recoveries', header: t('report:waterfall.recoveries'), format: 'money' },
    { key: 'reserveDraw', header: t('report:waterfall.reserveDraw'), format: 'money' },
    { key: 'cleanUpCallProceeds', header: t('report:waterfall.cleanUpCallProceeds'), format: 'money' },
    ...extraSources.map((f): ReportColumn => ({
      key: f,
      header:
        f === 'hedgeReceipts' ? t('report:waterfall.hedgeReceipts') : t('report:waterfall.liquidityDraws'),
      format: 'money',
    })),
    { key: 'sourcesTotal', header: t('report:waterfall.sourcesTotal'), format: 'money' },
    ...steps.map((s): ReportColumn => ({ key: `step${s}`, header: stepHeader(s), format: 'money' })),
    { key: 'usesTotal', header: t('report:waterfall.usesTotal'), format: 'money' },
    { key: 'reserveBegin', header: t('report:waterfall.reserveBegin'), format: 'money' },
    { key: 'reserveDeposit', header: t('report:waterfall.reserveDeposit'), format: 'money' },
    { key: 'reserveDrawn', header: t('report:waterfall.reserveDrawn'), format: 'money' },
    { key: 'reserveEnd', header: t('report:waterfall.reserveEnd'), format: 'money' },
    { key: 'reserveTarget', header: t('report:waterfall.reserveTarget'), format: 'money' },
    // Deals paying less often than monthly hold collections between payment dates (the deal calendar).
    ...(holds
      ? ([
          { key: 'collectionBegin', header: t('report:waterfall.collectionBegin'), format: 'money' },
          { key: 'collectionEnd', header: t('report:waterfall.collectionEnd'), format: 'money' },
        ] as ReportColumn[])
      : []),
    // The header stays the same whatever the deal (readers find the column by it); the note below says what
    // it subtracts when the deal holds collections between payment dates.
    { key: 'difference', header: t('report:waterfall.difference'), format: 'money' },
    { key: 'revolving', header: t('report:waterfall.revolving'), format: 'text' },
    { key: 'triggersBreached', header: t('report:waterfall.triggersBreached'), format: 'text' },
    ...shortSteps.map((s): ReportColumn => ({
      key: `unpaid${s}`,
      header: t('report:waterfall.unpaid', { step: stepHeader(s) }),
      format: 'money',
    })),
  ];
  const col = new Map(columns.map((c, j) => [c.key, j]));
  const at = (key: string): number => col.get(key) as number;

  const yes = t('report:yes');
  const no = t('report:no');
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
      revolving: p.revolving ? yes : no,
      triggersBreached: text.list(p.triggersBreached),
    };
    delete row.total;
    for (const s of p.steps) {
      const key = columnOf(p, s);
      row[`step${key}`] = s.paid;
      if (shortSteps.includes(key)) row[`unpaid${key}`] = (cents(s.due) - cents(s.paid)) / 100;
    }
    return row;
  });

  // Candidate definitions of each total, tried in order; the first that reproduces the engine in every period wins.
  const sumCells = (r: number, keys: string[]): string => keys.map((k) => cellAddress(r, at(k))).join('+');
  const paid = (p: WaterfallPeriod, step: number): number =>
    p.steps.find((s) => columnOf(p, s) === step)?.paid ?? 0;
  const stepKeys = steps.map((s) => `step${s}`);
  // The engine's own convention first (a reserve draw is a transfer, not cash entering the deal), so periods where
  // both fit show the rule the engine used.
  const sourceSets: SourceField[][] = [
    [...SOURCE_FIELDS.filter((f) => f !== 'reserveDraw'), ...extraSources],
    [...SOURCE_FIELDS, ...extraSources],
  ];
  const sourceCandidates: TotalCandidate[] = sourceSets.map((fields) => ({
    cents: (p) => fields.reduce((sum, f) => sum + cents(p.sources[f] ?? 0), 0),
    formula: (r) => sumCells(r, fields),
    note: !fields.includes('reserveDraw')
      ? t('report:waterfall.sourcesNoDraw', { columns: fields.map((f) => columnName(at(f))).join(' + ') })
      : t('report:waterfall.sourcesAll', { columns: fields.map((f) => columnName(at(f))).join(' + ') }),
  }));
  const stepsCents = (p: WaterfallPeriod, set: number[]): number =>
    set.reduce((sum, s) => sum + cents(paid(p, s)), 0);
  const depositSteps = steps.filter(isDeposit);
  const otherSteps = steps.filter((s) => !isDeposit(s));
  const useCandidates: TotalCandidate[] = [
    {
      cents: (p) => stepsCents(p, steps) - cents(p.reserve.deposit),
      formula: (r) => `${sumCells(r, stepKeys)}-${cellAddress(r, at('reserveDeposit'))}`,
      note: t('report:waterfall.usesNetDeposit'),
    },
    {
      cents: (p) => stepsCents(p, steps),
      formula: (r) => sumCells(r, stepKeys),
      note: t('report:waterfall.usesAll'),
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
            note: t('report:waterfall.usesNoDeposit'),
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

  // In units to the cent whatever the report's unit: the difference column is a ROUND(…, 2) reconciliation.
  const w = text.writer(false);
  const title = t('report:waterfall.title', { deal: result.deal.name, scenario: result.scenario.name });
  const top = w.titleBlock(text.titled(title, false), text.caption(false));
  const placed = writeTable(w, { columns, rows, totals: [] }, top);
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
  w.text(totalsRow, 0, w.total, true, 'total');
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
        'total',
      );
    }
  }
  w.styleRow(totalsRow, 0, columns.length - 1, 'total');
  w.freezeRows = top + 1;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);

  let noteRow = totalsRow + 2;
  const note = (text: string): void => w.note(noteRow++, text);
  note(sourceRule ? sourceRule.note : t('report:waterfall.sourcesEngine'));
  note(useRule ? useRule.note : t('report:waterfall.usesEngine'));
  note(holds ? t('report:waterfall.differenceNoteHolds') : t('report:waterfall.differenceNote'));
  if (text.factor !== 1) note(t('report:waterfall.unitNote', { units: text.units }));
  return w;
}

/** Revolving purchases by period and the profile lines eligibility kept out, when the deal revolves. */
export function revolvingSheet(result: RunResult, text = ENGLISH(result.deal.currency)): SheetWriter | null {
  const rev = result.revolving;
  if (!rev) return null;
  const { t } = text;
  const dateOf = new Map(result.pool.periods.map((p) => [p.period, p.date]));
  const w = text.writer(true);
  const title = t('report:revolving.title', { deal: result.deal.name, scenario: result.scenario.name });
  const top = w.titleBlock(text.titled(title, true), text.caption(true));
  const placed = writeTable(
    w,
    {
      columns: [
        { key: 'period', header: t('report:revolving.period'), format: 'integer' },
        { key: 'date', header: t('report:revolving.date'), format: 'date' },
        { key: 'par', header: t('report:revolving.par'), format: 'money' },
        { key: 'cash', header: t('report:revolving.cash'), format: 'money' },
        { key: 'limitedBy', header: t('report:revolving.limitedBy'), format: 'text' },
      ],
      rows: rev.purchases.map((p) => ({
        period: p.period,
        date: dateOf.get(p.period) ?? null,
        par: p.par,
        cash: p.cash,
        limitedBy: text.list(p.limitedBy),
      })),
      totals: ['par', 'cash'],
    },
    top,
  );
  w.freezeRows = top + 1;
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, 4);
  let r = placed.nextRow + 1;
  w.section(r++, t('report:revolving.excluded'));
  if (rev.excludedProfileLines.length === 0) w.text(r++, 0, t('report:none'));
  for (const line of rev.excludedProfileLines) {
    w.text(r, 0, line.id);
    const reasons = line.reasonMessages?.map((m) => coreText(t, m)) ?? line.reasons;
    w.text(r++, 1, reasons.join(t('report:revolving.reasonSeparator')), false);
  }
  return w;
}
