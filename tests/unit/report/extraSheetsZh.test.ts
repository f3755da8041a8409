/**
 * The Stress and Funding screens' extra sheets in a Chinese report (issue 13): each analysis kept in the app
 * (renderer/project/analyses.ts) is written at export time in the report's language — Chinese sheet names,
 * titles, headers and words — over exactly the English workbook's numbers, cell for cell.
 */
import type { CellObject, WorkBook } from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseFunding } from '../../../core/funding/analyse';
import { translator } from '../../../core/i18n';
import { buildTrancheReport } from '../../../core/io/report';
import { loadFundingCase } from '../../../core/node/funding/caseFile';
import { loadHighsSolver } from '../../../core/node/funding/highs';
import { compareScenarios } from '../../../core/scenario/compare';
import { dealEngine } from '../../../core/scenario/dealEngine';
import { runGridInline } from '../../../core/scenario/grid';
import { runMonteCarloInline } from '../../../core/scenario/monteCarlo';
import { runRatingStresses } from '../../../core/scenario/ratingStress';
import { fixedT } from '../../../renderer/i18n/fixedT';
import { analysisLabelText, analysisTables, type AnalysisData } from '../../../renderer/project/analyses';
import { hasChinese, untranslatedWords } from '../../support/latin';
import { equity, fundingCase } from '../funding/fixtures';
import { fixtureDeal } from '../scenario/fixtures';
import { readReport, sheet } from './readBack';

const en = translator('en');
const zh = translator('zh-CN');
const { deal, pool } = fixtureDeal();
const engine = dealEngine(deal, pool);
const base = deal.scenarios[0]!;
const result = engine.run(base);

let analyses: AnalysisData[] = [];
/** The cases' index curves, named by the user (a line's terms quote them). */
const indexNames = new Set<string>(['SOFR']);
beforeAll(async () => {
  const sampleInputs = await loadFundingCase('samples/funding/revolving-consumer.case.json');
  Object.keys(sampleInputs.fundingCase.indexCurves ?? {}).forEach((k) => indexNames.add(k));
  const sample = analyseFunding(sampleInputs);
  const c = fundingCase({
    indexCurves: { SOFR: 0.05 },
    fundingSources: [
      {
        id: 'bank',
        type: 'bankLine',
        commitment: 1_200_000,
        advanceRate: 0.9,
        index: 'SOFR',
        margin: 0.03,
        tenorMonths: 12,
      },
      equity(),
    ],
    mixes: [{ name: 'bank first', kind: 'rules', order: ['bank', 'eq'] }],
    optimisation: { minLiquidityBuffer: 0.05, frontier: { from: 0, to: 0.1, steps: 3 }, mipRelGap: 0 },
  });
  const optimised = analyseFunding(
    {
      fundingCase: c,
      poolLines: c.book.currentPool.kind === 'repLines' ? c.book.currentPool.lines : [],
      scenario: c.scenario!,
      deals: {},
    },
    { solver: await loadHighsSolver() },
  );
  analyses = [
    {
      id: 'grid',
      grid: runGridInline(engine, base, {
        y: { kind: 'cdr', from: 0, to: 0.2, step: 0.1 },
        x: { kind: 'lossMultiple', from: 1, to: 2, step: 1 },
        metric: 'loss',
        tranche: 'B',
      }),
    },
    { id: 'ratingStresses', result: runRatingStresses(engine, base, { timings: ['base'] }) },
    {
      id: 'monteCarlo',
      result: runMonteCarloInline(engine, base, { paths: 200, seed: 7, correlation: 0.1 }),
    },
    {
      id: 'scenarioComparison',
      comparison: compareScenarios(deal.scenarios.map((s) => ({ name: s.name, result: engine.run(s) }))),
    },
    { id: 'funding', result: sample },
    { id: 'funding', result: optimised },
  ];
}, 120_000);

/** Each analysis's sheets in a workbook of the fixture's run, in `lang`. */
async function workbook(a: AnalysisData, lang: 'en' | 'zh-CN'): Promise<{ wb: WorkBook; names: string[] }> {
  const tables = analysisTables(a, lang === 'en' ? en : zh);
  const wb = readReport(
    await buildTrancheReport({ deal, result, lang, amounts: 'unit', extras: { tables } }),
  );
  // The report's own sheets come first; the extra sheets follow in order.
  return { wb, names: wb.SheetNames.slice(wb.SheetNames.length - tables.length) };
}

/**
 * What the user or the model named (deal, ids, scenario, mix and source names, rating levels): not translated.
 * The deal's name is in every sheet's title block.
 */
function userWords(a: AnalysisData): string[] {
  const out = new Set<string>([
    deal.name,
    ...deal.structure.tranches.map((t) => t.id),
    ...deal.scenarios.map((s) => s.name),
  ]);
  if (a.id === 'funding') {
    out.add(a.result.name);
    out.add(a.result.currency);
    indexNames.forEach((k) => out.add(k));
    for (const s of a.result.sourceTerms) [s.id, s.name].forEach((x) => out.add(x));
    for (const e of [...a.result.mixes, ...(a.result.optimisation?.evaluations ?? [])]) out.add(e.mix);
    for (const s of a.result.scenarios) out.add(s.name);
  }
  if (a.id === 'ratingStresses') {
    for (const l of a.result.levels) out.add(l.rating);
    // The S&P deal the default levels cite, by its name.
    out.add('SoFi');
  }
  return [...out].sort((x, y) => y.length - x.length);
}

function leftover(text: string, user: readonly string[]): string[] {
  let rest = text;
  for (const u of user)
    rest = rest.replace(
      new RegExp(`(?<![A-Za-z0-9])${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'g'),
      ' ',
    );
  return untranslatedWords(rest);
}

describe('stress and funding sheets in a Chinese report', () => {
  it('have Chinese sheet names, titles and headers, and the English workbook’s numbers cell for cell', async () => {
    for (const a of analyses) {
      const e = await workbook(a, 'en');
      const z = await workbook(a, 'zh-CN');
      expect(z.names.length).toBe(e.names.length);
      const user = userWords(a);
      e.names.forEach((name, i) => {
        const zName = z.names[i]!;
        expect(hasChinese(zName), zName).toBe(true);
        expect(leftover(zName, user), zName).toEqual([]);
        const es = sheet(e.wb, name);
        const zs = sheet(z.wb, zName);
        expect(zs['!ref']).toBe(es['!ref']);
        for (const k of Object.keys(es).filter((x) => !x.startsWith('!'))) {
          const ec = es[k] as CellObject;
          const zc = zs[k] as CellObject;
          expect(zc?.t, `${zName}!${k}`).toBe(ec.t);
          if (ec.t !== 's') {
            expect(zc.v, `${zName}!${k}`).toEqual(ec.v);
            expect(zc.f, `${zName}!${k}`).toEqual(ec.f);
            continue;
          }
          expect(leftover(String(zc.v), user), `${zName}!${k}: ${String(zc.v)}`).toEqual([]);
        }
      });
    }
  });

  it('says each source’s terms clause by clause in Chinese, and keeps the model’s line in English', () => {
    const funding = analyses[4]!;
    if (funding.id !== 'funding') throw new Error('the sample funding analysis');
    const terms = (t: typeof en) =>
      analysisTables(funding, t).find((x) => x.columns.some((c) => c.key === 'terms'))!;
    expect(terms(en).rows.map((r) => r.terms)).toEqual(funding.result.sourceTerms.map((s) => s.terms));
    const securitisation = funding.result.sourceTerms.findIndex((s) => s.type === 'securitization');
    expect(terms(zh).rows[securitisation]!.terms).toContain('风险自留：自留全部次级档');
  });

  it('names the sheets as the Export screen lists them, and the label follows the language', () => {
    const grid = analyses[0]!;
    expect(analysisTables(grid, zh).map((t) => t.sheetName)).toEqual([
      '敏感性 A档 本金损失',
      '敏感性 B档 本金损失',
      '敏感性 C档 本金损失',
    ]);
    expect(analysisTables(grid, en).map((t) => t.sheetName)).toEqual([
      'Grid A loss',
      'Grid B loss',
      'Grid C loss',
    ]);
    const label = {
      key: 'stress:kept.grid',
      keyParams: { metric: 'stress:metric.loss', y: 'stress:axis.cdr', x: 'stress:axis.lossMultiple' },
    };
    expect(analysisLabelText(fixedT('en'), label)).toBe(
      'Sensitivity grid: Principal loss (% of original), CDR × Loss multiple',
    );
    expect(analysisLabelText(fixedT('zh-CN'), label)).toBe(
      '敏感性分析：本金损失（占初始本金%），年化违约率(CDR) × 损失倍数',
    );
  });
});
