/**
 * Funding: how the book is financed month by month under each mix of sources (bank lines, retail capital,
 * securitization, equity) and stress, from the funding model in core/funding. Cases come bundled from
 * samples/funding; deal files they name resolve to the bundled sample deals. Optimise adds the cheapest mix
 * and the cost–liquidity frontier (HiGHS, WebAssembly in the engine worker).
 */
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Deal } from '../../core/deal/schema';
import type { FundingScreenModel } from '../../core/funding/report';
import { FundingCase } from '../../core/funding/schema';
import type { ReportTable } from '../../core/io/report';
import { useApp } from '../AppContext';
import { EChart, type ChartOption } from '../components/EChart';
import { ReportGrid } from '../components/ReportGrid';
import { engine } from '../engine/engineWorker';
import { amountUnit, money } from '../format';
import { useDisplay } from '../i18n/DisplayContext';
import type { AnalysisLabel } from '../project/analyses';
import { keptKey } from '../project/kept';
import {
  fundingHeaders,
  fundingTableTitleKey,
  fundingView,
  type FundingHeaders,
} from '../project/fundingColumns';
import { fundingText } from '../project/fundingWords';
import {
  axisAmount,
  FrontierChart,
  OptimumCard,
  SourcesEditor,
  withEdits,
  type SourceEdits,
} from './FundingParts';
import { useKept } from './useKept';

/** The report's table of what binds when no mix is feasible, which the optimiser's card shows. */
const BINDING_SHEET = 'Funding binding';
const NO_HEADERS: FundingHeaders = {};

const SOURCE_COLOURS = [
  '#1d4f91',
  '#4a90d9',
  '#8ab6e6',
  '#e0a030',
  '#6b8e23',
  '#7a5c9e',
  '#8c8c8c',
  '#2aa198',
];

const cases = import.meta.glob<unknown>('../../samples/funding/*.case.json', {
  eager: true,
  import: 'default',
});
const deals = import.meta.glob<unknown>('../../samples/deals/*.deal.json', {
  eager: true,
  import: 'default',
});

function baseName(p: string): string {
  return p.replace(/^.*[/\\]/, '');
}

/** Deal files a case names, matched by file name against the bundled samples. */
function dealsFor(fundingCase: unknown): Record<string, Deal> {
  const byName = new Map<string, Deal>();
  for (const [path, json] of Object.entries(deals)) {
    const d = Deal.safeParse(json);
    if (d.success) byName.set(baseName(path), d.data);
  }
  const out: Record<string, Deal> = {};
  const visit = (v: unknown, key: string): void => {
    if (typeof v === 'string' && (key === 'path' || key === 'deal') && v.endsWith('.deal.json')) {
      const d = byName.get(baseName(v));
      if (d) out[v] = d;
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, ''));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(fundingCase, '');
  return out;
}

/** Funding's remaining plain numbers are concentrations (HHI): up to four decimals, as in the report. */
function fundingNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

function Table({
  table,
  headers,
  sourceNames,
  caseName,
  currency,
}: {
  table: ReportTable;
  headers: FundingHeaders;
  sourceNames: ReadonlyMap<string, string>;
  caseName: string;
  currency: string;
}) {
  const { t } = useTranslation('funding');
  // The amount scale is a dependency so the grid gets new column definitions, and redraws its money, in a newly
  // chosen unit.
  const { scale } = useDisplay();
  // Money, percent and months by column kind; the model's ids (bankLine, wholeSubordinated) in a treasurer's words.
  const view = useMemo(
    () => fundingView(table, t, sourceNames, headers),
    [table, t, sourceNames, headers, scale],
  );
  const amounts = table.columns.some((c) => c.format === 'money');
  const titleKey = fundingTableTitleKey(table);
  const n = table.rows.length;
  return (
    <section className="card" data-testid={`funding-table-${table.sheetName}`}>
      <div className="card-head">
        <h2>
          {titleKey === null ? (
            table.title
          ) : (
            <Trans
              t={t}
              i18nKey={`table.${titleKey}`}
              values={{ name: caseName, currency }}
              components={[<span key="name" translate="no" />]}
            />
          )}
        </h2>
        <span className="muted small">
          {amounts ? <span data-testid="amount-unit">{amountUnit(currency)} · </span> : null}
          {t('rows', { count: n, n: n.toLocaleString('en-US') })}
        </span>
      </div>
      <ReportGrid table={view.table} numberText={fundingNumber} cellText={view.cellText} />
    </section>
  );
}

/** The label the Export screen gives a funding analysis, said in the language of the moment it is read. */
function snapshotLabel(name: string, edited: boolean, optimised: boolean): AnalysisLabel {
  const params = { name };
  if (edited && optimised) return { key: 'funding:snapshot.editedOptimised', params };
  if (edited) return { key: 'funding:snapshot.edited', params };
  if (optimised) return { key: 'funding:snapshot.optimised', params };
  return { key: 'funding:snapshot.plain', params };
}

/**
 * What the Funding screen keeps in the project state when the user leaves it (see project/kept.ts). The case
 * does not depend on the deal, so nothing here goes stale with a deal edit.
 */
const KEPT = {
  /** null: the first bundled case. */
  selected: keptKey<string | null>('funding.case', null),
  model: keptKey<FundingScreenModel | null>('funding.model', null),
  stack: keptKey<number>('funding.stack', 0),
  edits: keptKey<SourceEdits>('funding.edits', {}),
  editing: keptKey<boolean>('funding.editing', false),
};

export function FundingScreen() {
  const { t } = useTranslation('funding');
  const { scale } = useDisplay();
  const { job, dispatch } = useApp();
  const names = Object.keys(cases).sort();
  const [keptSelected, setSelected] = useKept(KEPT.selected);
  const selected = keptSelected ?? names[0] ?? '';
  const [model, setModel] = useKept(KEPT.model);
  const [stack, setStack] = useKept(KEPT.stack);
  const [edits, setEdits] = useKept(KEPT.edits);
  const [editing, setEditing] = useKept(KEPT.editing);
  // A second click while HiGHS runs would queue another long solve behind it.
  const [busy, setBusy] = useState(false);
  const fundingCase = useMemo(() => withEdits(cases[selected], edits), [selected, edits]);
  const sourceNames = useMemo(() => {
    const c = FundingCase.safeParse(fundingCase);
    // A source without a name is known by its id: the headers keep it (in words if it is a model word).
    const named = c.success ? c.data.fundingSources : [];
    return new Map(named.flatMap((x) => (x.name === undefined ? [] : [[x.id, x.name] as const])));
  }, [fundingCase]);
  const { caseName, currency } = useMemo(() => {
    const c = FundingCase.safeParse(fundingCase);
    return c.success
      ? { caseName: c.data.name, currency: c.data.currency }
      : { caseName: baseName(selected), currency: 'USD' };
  }, [fundingCase, selected]);

  async function analyse(optimise: boolean): Promise<void> {
    const c = fundingCase;
    setBusy(true);
    const m = await job(optimise ? t('job.optimise') : t('job.analyse'), (p) =>
      engine().request({ kind: 'funding', fundingCase: c, deals: dealsFor(c), optimise }, p),
    ).finally(() => setBusy(false));
    if (m) {
      setModel(m);
      setStack(0);
      // The funding case does not depend on the deal being structured, so edits never make it stale.
      dispatch({
        type: 'analysis',
        snapshot: {
          id: 'funding',
          label: snapshotLabel(baseName(selected), Object.keys(edits).length > 0, optimise),
          doc: null,
          result: m.result,
        },
      });
    }
  }

  // The report's headers in the screen's language: the worker writes the model's tables in English.
  const headers = useMemo(() => (model ? fundingHeaders(model, t) : null), [model, t]);
  const s = model?.stacks[stack];
  const option = useMemo<ChartOption | null>(
    () =>
      s
        ? {
            tooltip: { trigger: 'axis', valueFormatter: (v) => money(Number(v)) },
            legend: { top: 0, type: 'scroll' },
            // Sources in calm colours, so red means only one thing on this chart: a funding gap.
            color: SOURCE_COLOURS,
            xAxis: { type: 'category', data: s.dates },
            yAxis: {
              type: 'value',
              axisLabel: { formatter: (v: number) => axisAmount(v, 0, t) },
            },
            series: [
              ...s.series.map((x) => ({
                name: x.name,
                type: 'line' as const,
                stack: 'funding',
                areaStyle: { opacity: 0.6 },
                symbol: 'none',
                lineStyle: { width: 1 },
                data: x.values,
              })),
              {
                name: t('chart.need'),
                type: 'line' as const,
                symbol: 'none',
                lineStyle: { width: 2, type: 'dashed', color: '#111827' },
                itemStyle: { color: '#111827' },
                data: s.need,
              },
              {
                name: t('chart.gap'),
                type: 'bar' as const,
                data: s.gap,
                itemStyle: { color: '#c0504d' },
              },
            ],
          }
        : null,
    // Language and scale redraw the legend, the axis and the tooltip.
    [s, t, scale, currency],
  );

  return (
    <div className="screen-body">
      <div className="screen-head">
        <h1>{t('glossary:funding')}</h1>
        <p className="muted">{t('intro')}</p>
        <div className="actions">
          <select
            value={selected}
            onChange={(e) => {
              setSelected(e.target.value);
              setEdits({});
              setModel(null);
            }}
            aria-label={t('caseLabel')}
            data-testid="funding-case"
            translate="no"
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {baseName(n)}
              </option>
            ))}
          </select>
          <button
            className="primary"
            onClick={() => void analyse(false)}
            disabled={!selected || busy}
            data-testid="analyse-funding"
          >
            {t('analyse')}
          </button>
          <button
            onClick={() => void analyse(true)}
            disabled={!selected || busy}
            data-testid="optimise-funding"
          >
            {t('optimise')}
          </button>
          <button onClick={() => setEditing(!editing)} disabled={!selected} data-testid="edit-sources">
            {Object.keys(edits).length > 0
              ? editing
                ? t('hideSourcesEdited')
                : t('editSourcesEdited')
              : editing
                ? t('hideSources')
                : t('editSources')}
          </button>
          {model ? (
            <select
              value={stack}
              onChange={(e) => setStack(Number(e.target.value))}
              aria-label={t('stackLabel')}
              translate="no"
            >
              {model.stacks.map((x, i) => (
                <option key={i} value={i}>
                  {t('stackOption', { mix: fundingText(x.mix, t), scenario: x.scenario })}
                </option>
              ))}
            </select>
          ) : null}
        </div>
      </div>
      {editing ? <SourcesEditor fundingCase={cases[selected]} edits={edits} onChange={setEdits} /> : null}
      {model?.optimum ? <OptimumCard model={model} fundingCase={fundingCase} /> : null}
      {model && model.frontier.length > 0 ? <FrontierChart model={model} fundingCase={fundingCase} /> : null}
      {option ? (
        <section className="card">
          <div className="card-head">
            <h2>
              <Trans
                t={t}
                i18nKey="chart.title"
                values={{ mix: fundingText(s?.mix ?? '', t), scenario: s?.scenario ?? '' }}
                components={[<span key="name" translate="no" />]}
              />
            </h2>
            <span className="muted small">{amountUnit(currency)}</span>
          </div>
          <EChart option={option} height={300} testId="funding-chart" />
        </section>
      ) : null}
      {model
        ? model.tables
            // The optimiser's card already explains an infeasible case, beside its verdict: not twice.
            .filter((t) => !(t.sheetName === BINDING_SHEET && model.binding && model.binding.length > 0))
            .map((x) => (
              <Table
                key={x.sheetName}
                table={x}
                headers={headers?.get(x.sheetName) ?? NO_HEADERS}
                sourceNames={sourceNames}
                caseName={caseName}
                currency={currency}
              />
            ))
        : null}
    </div>
  );
}
