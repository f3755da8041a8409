/**
 * The Assumptions sheet: every input that produced the numbers, so a reader can audit a run without the app.
 * The scenario as entered (models, curves, multiples, overrides, index curves) and the structure, then by period
 * for the run's horizon: each curve as entered (vectors and formulas evaluated), and the monthly rates the
 * projection actually used, taken from the engine's own scenario tables rather than recomputed here.
 */
import { resolveCurve } from '../../assumptions/curve';
import { type PeriodTables, resolveScenario } from '../../assumptions/scenarioTables';
import type { Curve, Deal, DefaultAssumption, PrepaymentAssumption, Scenario } from '../../deal/schema';
import type { RunResult } from '../../result';
import { type ReportColumn, writeTable } from './reportTable';
import { SheetWriter } from './sheetWriter';

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

function describeCurve(curve: Curve): string {
  if (typeof curve === 'number') return `constant ${curve}`;
  if ('vector' in curve) {
    const head = curve.vector.slice(0, 12).join(', ');
    const more = curve.vector.length > 12 ? `, … (${curve.vector.length} values)` : '';
    return `vector by ${curve.by}: ${head}${more}; the last value holds after the vector ends`;
  }
  return `formula: ${curve.formula}`;
}

function describePrepayment(p: PrepaymentAssumption): string {
  const unit =
    p.model === 'PSA' ? 'speed (100 = 100% PSA)' : p.model === 'ABS' ? 'ABS speed' : `${p.model} rate`;
  return `${p.model}, ${unit}: ${describeCurve(p.curve)}`;
}

function describeDefault(d: DefaultAssumption): string {
  if (d.model === 'CNL') {
    return `CNL timing: lifetime net loss ${d.lifetimeNetLoss} of the balance at entry, timing over ${d.timing.length} periods (listed below)`;
  }
  const unit = d.model === 'SDA' ? 'multiple (100 = 100% SDA)' : `${d.model} rate`;
  return `${d.model}, ${unit}: ${describeCurve(d.curve)}`;
}

/** A curve as entered, by period; age-indexed curves are read at age = period (a loan originated at cut-off). */
function curveColumn(curve: Curve, header: string, format: ReportColumn['format'], horizon: number) {
  let values: (number | string)[];
  let note = '';
  try {
    const lookup = resolveCurve(curve);
    if (lookup.usesAge) note = lookup.usesPeriod ? ' (period = loan age)' : ' (by loan age)';
    values = [];
    for (let t = 1; t <= horizon; t++) {
      try {
        values.push(lookup.at(t, t));
      } catch (e) {
        values.push(`error: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  } catch (e) {
    values = [`error: ${e instanceof Error ? e.message : String(e)}`];
  }
  return { column: { key: header, header: header + note, format }, values };
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

function keyValues(w: SheetWriter, deal: Deal, result: RunResult, start: number): number {
  const s: Scenario = result.scenario;
  let r = start;
  const kv = (label: string, value: string | number): void => {
    w.text(r, 0, label);
    if (typeof value === 'number') w.number(r, 1, value, 'number');
    else w.text(r, 1, value, false);
    r++;
  };
  const heading = (title: string): void => {
    r++;
    w.text(r++, 0, title, false);
  };
  kv('Scenario', s.name);
  if (s.description) kv('Description', s.description);
  kv('Prepayment', describePrepayment(s.prepayment));
  kv('Prepayment multiple', s.prepaymentMultiple);
  kv('Default', describeDefault(s.default));
  kv('Default (loss) multiple', s.defaultMultiple);
  kv('Loss severity', describeCurve(s.severity));
  kv('Recovery lag (months)', s.recoveryLagMonths);
  kv('Servicer advancing', s.servicerAdvancing ? 'yes' : 'no');
  for (const o of s.overrides) {
    const parts = [
      o.prepayment ? `prepayment ${describePrepayment(o.prepayment)}` : '',
      o.default ? `default ${describeDefault(o.default)}` : '',
      o.severity !== undefined ? `severity ${describeCurve(o.severity)}` : '',
      o.recoveryLagMonths !== undefined ? `recovery lag ${o.recoveryLagMonths} months` : '',
    ].filter(Boolean);
    kv(`Override for segment ${o.segment}`, parts.join('; ') || 'no fields');
  }
  for (const [name, curve] of Object.entries(s.indexCurves)) kv(`Index curve ${name}`, describeCurve(curve));
  kv('Horizon (periods)', result.pool.periods.length);
  kv('Engine version', result.engineVersion);
  kv('Run at', result.runAt);

  heading('Structure');
  const st = deal.structure;
  kv(
    'Principal rule',
    `${st.principalRule.normal.type}; after a trigger: ${st.principalRule.afterTrigger.type}`,
  );
  for (const f of st.fees) {
    const b = f.basis;
    const basis =
      b.type === 'fixed'
        ? `fixed ${b.amount} a period`
        : b.type === 'percentOfPool'
          ? `${b.rate} a year of the beginning pool balance`
          : `${b.rate} a year of tranche ${b.tranche}'s beginning balance`;
    const cap = f.capPerPeriod !== undefined ? `, capped at ${f.capPerPeriod} a period` : '';
    kv(
      `Fee ${f.id}${f.name ? ` (${f.name})` : ''}`,
      `${basis}${cap}; unpaid ${f.carryUnpaid ? 'carried forward' : 'not carried'}`,
    );
  }
  if (st.reserve) {
    const t = st.reserve.target;
    kv(
      `Reserve ${st.reserve.id}`,
      `initial ${st.reserve.initialBalance}; target max(floor ${t.floor}, ${t.percentOfCurrentPool} of current pool, ${t.percentOfInitialPool} of initial pool)`,
    );
  }
  if (st.ocTarget) {
    const o = st.ocTarget;
    kv(
      'Overcollateralisation target',
      `${o.percentOfCurrentPool} of current pool, ${o.percentOfInitialPool} of initial pool, floor ${o.floorPercentOfInitialPool} of initial pool`,
    );
  }
  for (const t of st.triggers) {
    const schedule = t.test.schedule.map((x) => `${x.threshold} from period ${x.fromPeriod}`).join(', ');
    kv(
      `Trigger ${t.id}${t.name ? ` (${t.name})` : ''}`,
      `${t.test.type}: ${schedule}; effects ${t.effects.join(', ')}${t.curable ? '; curable' : ''}`,
    );
  }
  if (st.revolving)
    kv(
      'Revolving',
      `ends after period ${st.revolving.endPeriod}; purchase price ${st.revolving.purchasePrice}% of par`,
    );
  if (st.cleanUpCall) kv('Clean-up call', `at ${st.cleanUpCall.poolShare} of the initial pool`);
  st.waterfall.forEach((step, i) => {
    const targets = 'tranches' in step ? ` ${step.tranches.join(', ')}` : 'fee' in step ? ` ${step.fee}` : '';
    kv(`Waterfall step ${i + 1}`, `${step.pay}${targets}${step.from ? ` from ${step.from.join(', ')}` : ''}`);
  });

  heading('Deal sources');
  if (deal.sources.length === 0) w.text(r++, 0, 'none given');
  for (const line of deal.sources) w.text(r++, 0, line, false);
  return r;
}

export function assumptionsSheet(deal: Deal, result: RunResult): SheetWriter {
  const w = new SheetWriter();
  const s = result.scenario;
  w.text(0, 0, `Assumptions: ${result.deal.name}, scenario ${s.name}`, false);
  let r = keyValues(w, deal, result, 2);

  const horizon = result.pool.periods.length;
  const curves = [
    curveColumn(
      s.prepayment.curve,
      `Prepayment ${s.prepayment.model} curve`,
      rateFormat(s.prepayment.model),
      horizon,
    ),
  ];
  if (s.default.model !== 'CNL') {
    curves.push(
      curveColumn(s.default.curve, `Default ${s.default.model} curve`, rateFormat(s.default.model), horizon),
    );
  }
  curves.push(curveColumn(s.severity, 'Severity', 'percent', horizon));
  for (const [name, curve] of Object.entries(s.indexCurves)) {
    curves.push(curveColumn(curve, `Index ${name}`, 'percent', horizon));
  }
  for (const o of s.overrides) {
    if (o.prepayment) {
      curves.push(
        curveColumn(
          o.prepayment.curve,
          `${o.segment}: prepayment ${o.prepayment.model} curve`,
          rateFormat(o.prepayment.model),
          horizon,
        ),
      );
    }
    if (o.default && o.default.model !== 'CNL') {
      curves.push(
        curveColumn(
          o.default.curve,
          `${o.segment}: default ${o.default.model} curve`,
          rateFormat(o.default.model),
          horizon,
        ),
      );
    }
    if (o.severity !== undefined)
      curves.push(curveColumn(o.severity, `${o.segment}: severity`, 'percent', horizon));
  }

  curves.forEach((c, i) => (c.column.key = `curve${i}`));
  const columns: ReportColumn[] = [
    { key: 'period', header: 'Period', format: 'integer' },
    { key: 'date', header: 'Payment date', format: 'date' },
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
      { key: 'cnlTiming', header: 'CNL timing share', format: 'percent' },
      {
        key: 'cnlCumulative',
        header: `Cumulative net loss, share of balance at entry (× multiple ${s.defaultMultiple})`,
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
      const tag = `${g.segment}, seasoning ${g.seasoning}`;
      const same = distinct.find((d) => sameTables(d.tables, tables));
      if (same) same.tags.push(tag);
      else distinct.push({ tags: [tag], tables });
    }
    if (groups.length > MAX_RATE_LOOKUPS) {
      ratesNote = `Engine rates cover the first ${MAX_RATE_LOOKUPS} of ${groups.length} segment and seasoning groups.`;
    }
  } catch (e) {
    ratesNote = `Engine rates not shown: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (distinct.length > MAX_RATE_GROUPS) {
    ratesNote = `Engine rates are shown for ${MAX_RATE_GROUPS} of ${distinct.length} distinct rate sets.`;
  }
  distinct.slice(0, MAX_RATE_GROUPS).forEach((d, gi) => {
    const tag =
      distinct.length === 1
        ? 'every line'
        : d.tags.length > 3
          ? `${d.tags.slice(0, 3).join('; ')}; …`
          : d.tags.join('; ');
    const cnl = d.tables.cnl.some((x) => x > 0);
    const keys = [
      { key: `g${gi}smm`, header: `Engine SMM (${tag})`, table: d.tables.smm },
      cnl
        ? { key: `g${gi}cnl`, header: `Engine CNL gross default share (${tag})`, table: d.tables.cnl }
        : { key: `g${gi}mdr`, header: `Engine MDR (${tag})`, table: d.tables.mdr },
      { key: `g${gi}sev`, header: `Engine severity (${tag})`, table: d.tables.severity },
    ];
    for (const k of keys) {
      columns.push({ key: k.key, header: k.header, format: 'percent' });
      rows.forEach((row, i) => (row[k.key] = k.table[i + 1] ?? null));
    }
  });

  r++;
  w.text(r++, 0, 'By period', false);
  if (ratesNote) w.text(r++, 0, ratesNote, false);
  const placed = writeTable(w, { columns, rows }, r);
  w.autofilter(placed.headerRow, placed.lastDataRow, 0, columns.length - 1);
  return w;
}
