/**
 * The Assumptions sheet: every input that produced the numbers, so a reader can audit a run without the app.
 * The scenario as entered (models, curves, multiples, overrides, index curves) and the structure, then by period
 * for the run's horizon: each curve as entered (vectors and formulas evaluated), and the monthly rates the
 * projection actually used, taken from the engine's own scenario tables rather than recomputed here.
 */
import { resolveCurve } from '../../assumptions/curve';
import { type PeriodTables, resolveScenario } from '../../assumptions/scenarioTables';
import type {
  Curve,
  Deal,
  DefaultAssumption,
  PrepaymentAssumption,
  Scenario,
  Trigger,
  WaterfallStep,
} from '../../deal/schema';
import type { TFunction } from '../../i18n';
import type { RunResult } from '../../result';
import { type ReportColumn, writeTable } from './reportTable';
import { reportText, type ReportText } from './reportText';
import type { SheetWriter } from './sheetWriter';

type Row = Record<string, string | number | null>;

/** Distinct rate sets shown in the engine-rates table; more would bury the sheet. */
const MAX_RATE_GROUPS = 8;
/** Segment × seasoning groups looked up (each builds a table over the horizon). */
const MAX_RATE_LOOKUPS = 500;

function sameTables(a: PeriodTables, b: PeriodTables): boolean {
  const eq = (x: Float64Array, y: Float64Array): boolean =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return eq(a.smm, b.smm) && eq(a.mdr, b.mdr) && eq(a.cnl, b.cnl) && eq(a.severity, b.severity);
}

function describeCurve(t: TFunction, curve: Curve): string {
  if (typeof curve === 'number') return t('report:assumptions.constant', { value: curve });
  if ('vector' in curve) {
    const values = curve.vector.slice(0, 12).join(', ');
    const by =
      curve.by === 'age' ? t('report:assumptions.curveBy.age') : t('report:assumptions.curveBy.period');
    return curve.vector.length > 12
      ? t('report:assumptions.vectorMore', { by, values, n: curve.vector.length })
      : t('report:assumptions.vector', { by, values });
  }
  return t('report:assumptions.formula', { formula: curve.formula });
}

function describePrepayment(t: TFunction, p: PrepaymentAssumption): string {
  const unit =
    p.model === 'PSA'
      ? t('report:assumptions.unitPsa')
      : p.model === 'ABS'
        ? t('report:assumptions.unitAbs')
        : t('report:assumptions.unitRate', { model: p.model });
  return t('report:assumptions.prepaymentValue', { model: p.model, unit, curve: describeCurve(t, p.curve) });
}

function describeDefault(t: TFunction, d: DefaultAssumption): string {
  if (d.model === 'CNL') {
    return t('report:assumptions.cnlValue', { loss: d.lifetimeNetLoss, n: d.timing.length });
  }
  const unit =
    d.model === 'SDA'
      ? t('report:assumptions.unitSda')
      : t('report:assumptions.unitRate', { model: d.model });
  return t('report:assumptions.defaultValue', { model: d.model, unit, curve: describeCurve(t, d.curve) });
}

/** A curve as entered, by period; age-indexed curves are read at age = period (a loan originated at cut-off). */
function curveColumn(
  t: TFunction,
  curve: Curve,
  header: string,
  format: ReportColumn['format'],
  horizon: number,
) {
  let values: (number | string)[];
  let shown = header;
  const error = (e: unknown): string =>
    t('report:assumptions.error', { message: e instanceof Error ? e.message : String(e) });
  try {
    const lookup = resolveCurve(curve);
    if (lookup.usesAge)
      shown = lookup.usesPeriod
        ? t('report:assumptions.byAgePeriod', { header })
        : t('report:assumptions.byAge', { header });
    values = [];
    for (let p = 1; p <= horizon; p++) {
      try {
        values.push(lookup.at(p, p));
      } catch (e) {
        values.push(error(e));
      }
    }
  } catch (e) {
    values = [error(e)];
  }
  return { column: { key: header, header: shown, format }, values };
}

function principalRuleText(t: TFunction, type: 'sequential' | 'proRata'): string {
  return type === 'sequential'
    ? t('report:assumptions.principalRuleType.sequential')
    : t('report:assumptions.principalRuleType.proRata');
}

function triggerTestText(t: TFunction, type: Trigger['test']['type']): string {
  switch (type) {
    case 'cumulativeNetLoss':
      return t('report:assumptions.triggerTest.cumulativeNetLoss');
    case 'delinquency':
      return t('report:assumptions.triggerTest.delinquency');
    case 'excessSpread':
      return t('report:assumptions.triggerTest.excessSpread');
    case 'ocRatio':
      return t('report:assumptions.triggerTest.ocRatio');
  }
}

function triggerEffectText(t: TFunction, effect: Trigger['effects'][number]): string {
  switch (effect) {
    case 'sequential':
      return t('report:assumptions.triggerEffect.sequential');
    case 'endRevolving':
      return t('report:assumptions.triggerEffect.endRevolving');
    case 'trapCash':
      return t('report:assumptions.triggerEffect.trapCash');
  }
}

function payText(t: TFunction, pay: WaterfallStep['pay']): string {
  switch (pay) {
    case 'fee':
      return t('report:assumptions.pay.fee');
    case 'interest':
      return t('report:assumptions.pay.interest');
    case 'principal':
      return t('report:assumptions.pay.principal');
    case 'reserveDeposit':
      return t('report:assumptions.pay.reserveDeposit');
    case 'purchase':
      return t('report:assumptions.pay.purchase');
    case 'residual':
      return t('report:assumptions.pay.residual');
    case 'pdlCure':
      return t('report:assumptions.pay.pdlCure');
    case 'hedge':
      return t('report:assumptions.pay.hedge');
    case 'liquidity':
      return t('report:assumptions.pay.liquidity');
    case 'capCarryover':
      return t('report:assumptions.pay.capCarryover');
  }
}

function fundsSourceText(t: TFunction, source: 'interest' | 'principal' | 'reserve'): string {
  return source === 'interest'
    ? t('report:assumptions.fundsSource.interest')
    : source === 'principal'
      ? t('report:assumptions.fundsSource.principal')
      : t('report:assumptions.fundsSource.reserve');
}

function rateFormat(model: string): ReportColumn['format'] {
  return model === 'PSA' || model === 'SDA' ? 'number' : 'percent';
}

/** Segment and seasoning (months since origination at cut-off) of each rep line, as the projection groups them. */
function rateGroups(deal: Deal): { segment: string; seasoning: number }[] {
  if (deal.pool.kind !== 'repLines') return [{ segment: 'all', seasoning: 0 }];
  const seen = new Map<string, { segment: string; seasoning: number }>();
  for (const l of deal.pool.lines) {
    const seasoning = l.originalTerm - l.remainingTerm;
    seen.set(`${l.segment}\u0000${seasoning}`, { segment: l.segment, seasoning });
  }
  return [...seen.values()];
}

function keyValues(w: SheetWriter, deal: Deal, result: RunResult, start: number, text: ReportText): number {
  const { t } = text;
  const s: Scenario = result.scenario;
  let r = start;
  // The values are the run's inputs as entered: in the input style (blue), as bank models show inputs.
  const kv = (label: string, value: string | number): void => {
    w.text(r, 0, label, true, 'label');
    if (typeof value === 'number') w.number(r, 1, value, 'number', 'input');
    else w.text(r, 1, value, false, 'input');
    r++;
  };
  const heading = (title: string): void => {
    r++;
    w.section(r++, title);
  };
  kv(t('report:assumptions.scenario'), s.name);
  if (s.description) kv(t('report:assumptions.description'), s.description);
  kv(t('report:assumptions.prepayment'), describePrepayment(t, s.prepayment));
  kv(t('report:assumptions.prepaymentMultiple'), s.prepaymentMultiple);
  kv(t('report:assumptions.default'), describeDefault(t, s.default));
  kv(t('report:assumptions.defaultMultiple'), s.defaultMultiple);
  kv(t('report:assumptions.severity'), describeCurve(t, s.severity));
  kv(t('report:assumptions.recoveryLag'), s.recoveryLagMonths);
  kv(t('report:assumptions.servicerAdvancing'), s.servicerAdvancing ? t('report:yes') : t('report:no'));
  for (const o of s.overrides) {
    const parts = [
      o.prepayment
        ? t('report:assumptions.overridePrepayment', { value: describePrepayment(t, o.prepayment) })
        : '',
      o.default ? t('report:assumptions.overrideDefault', { value: describeDefault(t, o.default) }) : '',
      o.severity !== undefined
        ? t('report:assumptions.overrideSeverity', { value: describeCurve(t, o.severity) })
        : '',
      o.recoveryLagMonths !== undefined
        ? t('report:assumptions.overrideLag', { months: o.recoveryLagMonths })
        : '',
    ].filter(Boolean);
    kv(
      t('report:assumptions.override', { segment: o.segment }),
      parts.join(t('report:assumptions.overrideSeparator')) || t('report:assumptions.noFields'),
    );
  }
  for (const [name, curve] of Object.entries(s.indexCurves))
    kv(t('report:assumptions.indexCurve', { name }), describeCurve(t, curve));
  kv(t('report:assumptions.horizon'), result.pool.periods.length);
  kv(t('report:assumptions.engineVersion'), result.engineVersion);
  kv(t('report:assumptions.runAt'), text.runDate(result.runAt));

  heading(t('report:assumptions.structure'));
  const st = deal.structure;
  kv(
    t('report:assumptions.principalRule'),
    t('report:assumptions.principalRuleValue', {
      normal: principalRuleText(t, st.principalRule.normal.type),
      after: principalRuleText(t, st.principalRule.afterTrigger.type),
    }),
  );
  for (const f of st.fees) {
    const b = f.basis;
    const basis =
      b.type === 'fixed'
        ? t('report:assumptions.feeFixed', { amount: b.amount })
        : b.type === 'percentOfPool'
          ? t('report:assumptions.feePool', { rate: b.rate })
          : t('report:assumptions.feeTranche', { rate: b.rate, tranche: b.tranche });
    const capped =
      f.capPerPeriod !== undefined ? t('report:assumptions.feeCap', { basis, cap: f.capPerPeriod }) : basis;
    kv(
      f.name
        ? t('report:assumptions.feeNamed', { id: f.id, name: f.name })
        : t('report:assumptions.fee', { id: f.id }),
      f.carryUnpaid
        ? t('report:assumptions.feeCarried', { basis: capped })
        : t('report:assumptions.feeNotCarried', { basis: capped }),
    );
  }
  if (st.reserve) {
    const target = st.reserve.target;
    kv(
      t('report:assumptions.reserve', { id: st.reserve.id }),
      t('report:assumptions.reserveValue', {
        initial: st.reserve.initialBalance,
        floor: target.floor,
        current: target.percentOfCurrentPool,
        initialShare: target.percentOfInitialPool,
      }),
    );
  }
  if (st.ocTarget) {
    const o = st.ocTarget;
    kv(
      t('report:assumptions.ocTarget'),
      t('report:assumptions.ocTargetValue', {
        current: o.percentOfCurrentPool,
        initial: o.percentOfInitialPool,
        floor: o.floorPercentOfInitialPool,
      }),
    );
  }
  for (const trigger of st.triggers) {
    const schedule = text.list(
      trigger.test.schedule.map((x) =>
        t('report:assumptions.triggerThreshold', { threshold: x.threshold, period: x.fromPeriod }),
      ),
    );
    const vars = {
      test: triggerTestText(t, trigger.test.type),
      schedule,
      effects: text.list(trigger.effects.map((e) => triggerEffectText(t, e))),
    };
    kv(
      trigger.name
        ? t('report:assumptions.triggerNamed', { id: trigger.id, name: trigger.name })
        : t('report:assumptions.trigger', { id: trigger.id }),
      trigger.curable
        ? t('report:assumptions.triggerValueCurable', vars)
        : t('report:assumptions.triggerValue', vars),
    );
  }
  if (st.revolving)
    kv(
      t('report:assumptions.revolving'),
      t('report:assumptions.revolvingValue', {
        period: st.revolving.endPeriod,
        price: st.revolving.purchasePrice,
      }),
    );
  if (st.cleanUpCall)
    kv(
      t('report:assumptions.cleanUpCall'),
      t('report:assumptions.cleanUpCallValue', { share: st.cleanUpCall.poolShare }),
    );
  st.waterfall.forEach((step, i) => {
    const targets =
      'tranches' in step
        ? text.list(step.tranches)
        : 'fee' in step
          ? step.fee
          : 'hedge' in step
            ? step.hedge
            : '';
    const pay = payText(t, step.pay);
    const what = targets ? t('report:assumptions.payTargets', { pay, targets }) : pay;
    kv(
      t('report:assumptions.waterfallStep', { n: i + 1 }),
      step.from
        ? t('report:assumptions.waterfallStepFrom', {
            step: what,
            from: text.list(step.from.map((f) => fundsSourceText(t, f))),
          })
        : what,
    );
  });

  heading(t('report:assumptions.sources'));
  if (deal.sources.length === 0) w.text(r++, 0, t('report:assumptions.noSources'));
  for (const line of deal.sources) w.text(r++, 0, line, false);
  return r;
}

export function assumptionsSheet(
  deal: Deal,
  result: RunResult,
  text: ReportText = reportText('en', 'unit', result.deal.currency),
): SheetWriter {
  const { t } = text;
  // No money in columns here: amounts inside the descriptions are the deal file's, as entered.
  const w = text.writer(false);
  const s = result.scenario;
  const top = w.titleBlock(
    t('report:assumptions.title', { deal: result.deal.name, scenario: s.name }),
    text.caption(false),
  );
  let r = keyValues(w, deal, result, top + 1, text);

  const horizon = result.pool.periods.length;
  const curves = [
    curveColumn(
      t,
      s.prepayment.curve,
      t('report:assumptions.curvePrepayment', { model: s.prepayment.model }),
      rateFormat(s.prepayment.model),
      horizon,
    ),
  ];
  if (s.default.model !== 'CNL') {
    curves.push(
      curveColumn(
        t,
        s.default.curve,
        t('report:assumptions.curveDefault', { model: s.default.model }),
        rateFormat(s.default.model),
        horizon,
      ),
    );
  }
  curves.push(curveColumn(t, s.severity, t('report:assumptions.curveSeverity'), 'percent', horizon));
  for (const [name, curve] of Object.entries(s.indexCurves)) {
    curves.push(curveColumn(t, curve, t('report:assumptions.curveIndex', { name }), 'percent', horizon));
  }
  for (const o of s.overrides) {
    if (o.prepayment) {
      curves.push(
        curveColumn(
          t,
          o.prepayment.curve,
          t('report:assumptions.curveSegmentPrepayment', { segment: o.segment, model: o.prepayment.model }),
          rateFormat(o.prepayment.model),
          horizon,
        ),
      );
    }
    if (o.default && o.default.model !== 'CNL') {
      curves.push(
        curveColumn(
          t,
          o.default.curve,
          t('report:assumptions.curveSegmentDefault', { segment: o.segment, model: o.default.model }),
          rateFormat(o.default.model),
          horizon,
        ),
      );
    }
    if (o.severity !== undefined)
      curves.push(
        curveColumn(
          t,
          o.severity,
          t('report:assumptions.curveSegmentSeverity', { segment: o.segment }),
          'percent',
          horizon,
        ),
      );
  }

  curves.forEach((c, i) => (c.column.key = `curve${i}`));
  const columns: ReportColumn[] = [
    { key: 'period', header: t('report:assumptions.period'), format: 'integer' },
    { key: 'date', header: t('report:assumptions.date'), format: 'date' },
    ...curves.map((c) => c.column),
  ];
  const rows: Row[] = result.pool.periods.map((p, i) => {
    const row: Row = { period: p.period, date: p.date };
    for (const c of curves) row[c.column.key] = c.values[i] ?? null;
    return row;
  });
  if (s.default.model === 'CNL') {
    let cumulative = 0;
    columns.push(
      { key: 'cnlTiming', header: t('report:assumptions.cnlTiming'), format: 'percent' },
      {
        key: 'cnlCumulative',
        header: t('report:assumptions.cnlCumulative', { multiple: s.defaultMultiple }),
        format: 'percent',
      },
    );
    rows.forEach((row, i) => {
      const share = s.default.model === 'CNL' ? (s.default.timing[i] ?? 0) : 0;
      cumulative += share;
      row.cnlTiming = share;
      row.cnlCumulative =
        s.default.model === 'CNL' ? s.default.lifetimeNetLoss * s.defaultMultiple * cumulative : null;
    });
  }

  // The monthly rates the projection read, per segment and seasoning, from the engine's own tables. Groups whose
  // tables are identical (no override, no age dependence) share one set of columns.
  const groups = rateGroups(deal);
  const distinct: { tags: string[]; tables: PeriodTables }[] = [];
  let ratesNote: string | null = null;
  try {
    const resolved = resolveScenario(s, horizon);
    for (const g of groups.slice(0, MAX_RATE_LOOKUPS)) {
      const tables = resolved.segment(g.segment).tables(g.seasoning);
      const tag = t('report:assumptions.group', { segment: g.segment, seasoning: g.seasoning });
      const same = distinct.find((d) => sameTables(d.tables, tables));
      if (same) same.tags.push(tag);
      else distinct.push({ tags: [tag], tables });
    }
    if (groups.length > MAX_RATE_LOOKUPS) {
      ratesNote = t('report:assumptions.ratesCapped', { max: MAX_RATE_LOOKUPS, n: groups.length });
    }
  } catch (e) {
    ratesNote = t('report:assumptions.ratesFailed', { message: e instanceof Error ? e.message : String(e) });
  }
  if (distinct.length > MAX_RATE_GROUPS) {
    ratesNote = t('report:assumptions.ratesShown', { max: MAX_RATE_GROUPS, n: distinct.length });
  }
  const separator = t('report:assumptions.groupSeparator');
  distinct.slice(0, MAX_RATE_GROUPS).forEach((d, gi) => {
    const tag =
      distinct.length === 1
        ? t('report:assumptions.everyLine')
        : d.tags.length > 3
          ? t('report:assumptions.groupsMore', { groups: d.tags.slice(0, 3).join(separator) })
          : d.tags.join(separator);
    const cnl = d.tables.cnl.some((x) => x > 0);
    const keys = [
      { key: `g${gi}smm`, header: t('report:assumptions.engineSmm', { tag }), table: d.tables.smm },
      cnl
        ? { key: `g${gi}cnl`, header: t('report:assumptions.engineCnl', { tag }), table: d.tables.cnl }
        : { key: `g${gi}mdr`, header: t('report:assumptions.engineMdr', { tag }), table: d.tables.mdr },
      { key: `g${gi}sev`, header: t('report:assumptions.engineSeverity', { tag }), table: d.tables.severity },
    ];
    for (const k of keys) {
      columns.push({ key: k.key, header: k.header, format: 'percent' });
      rows.forEach((row, i) => (row[k.key] = k.table[i + 1] ?? null));
    }
  });

  r++;
  w.section(r++, t('report:assumptions.byPeriod'));
  if (ratesNote) w.note(r++, ratesNote);
  const placed = writeTable(w, { columns, rows }, r);
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);
  return w;
}
