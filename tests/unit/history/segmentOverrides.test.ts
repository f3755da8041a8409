/**
 * Per-segment overrides from a segmented history: the figures the History screen shows per segment (hand-checked
 * on the paper history), and the screen's scenario against what `vintage --segment grade --into … --segment-map`
 * writes for the same sample and the same map (the same core call, so nothing may differ but the date).
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Scenario, type ScenarioInput, type Deal } from '../../../core/deal/schema';
import { parseDeal } from '../../../core/deal/load';
import {
  analyseHistory,
  DEFAULT_VINTAGE_OPTIONS,
  historySegmentValues,
  segmentFigures,
  type HistoryAnalysis,
} from '../../../core/history/analyse';
import { readHistoryText } from '../../../core/history/reader';
import { main } from '../../../core/node/cli/commands/vintage';
import { analyseHistoryFile } from '../../../renderer/engine/historyAdapter';
import { poolSegments } from '../../../renderer/project/assumptionEdit';
import { segmentedScenario, segmentTargets } from '../../../renderer/screens/history/segmentMap';
import { HAND_HISTORY } from './handHistory';

/** The provenance a history or table wrote (the servicer-report kind has no segment map or stress). */
const vintageProvenance = (s: ScenarioInput) =>
  s.provenance?.source === 'vintage-analysis' ? s.provenance : undefined;

const SAMPLE = 'samples/history/consumer-history.csv';
const LEVEL_PAY = 'samples/deals/level-pay-consumer.deal.json';
const dir = mkdtempSync(join(tmpdir(), 'abs-history-segments-'));

/** The paper history with a grade column: A1 and A2 are grade X, the rest grade Y. */
const GRADED = HAND_HISTORY.trimEnd()
  .split('\n')
  .map((l, i) => (i === 0 ? `${l},grade` : `${l},${l.startsWith('A') ? 'X' : 'Y'}`))
  .join('\n');

function analysed(text: string, segment?: string): HistoryAnalysis {
  const acc = readHistoryText(text, segment === undefined ? {} : { segment });
  return analyseHistory(acc, { ...DEFAULT_VINTAGE_OPTIONS, holdout: 0 }, { rowsRead: 0, blankLines: 0 });
}

describe('per-segment figures', () => {
  const figures = segmentFigures(analysed(GRADED, 'grade'));

  it('the book first, then each grade, with its vintages, loans and original balance', () => {
    expect(figures.map((f) => f.segment)).toEqual(['', 'X', 'Y']);
    expect(figures.map((f) => [f.vintages, f.loans, f.originalBalance])).toEqual([
      [3, 5, 6200],
      [1, 2, 3000],
      [2, 3, 3200],
    ]);
  });

  it('severity = 1 − recoveries / gross defaults, as the override is written (charge-off view)', () => {
    // X: A1 charged off 700 with 100 recovered. Y: C1 charged off at its start balance 1,000, 250 recovered.
    expect(figures[1]!.severity).toBeCloseTo(1 - 100 / 700, 12);
    expect(figures[2]!.severity).toBeCloseTo(1 - 250 / 1000, 12);
    expect(figures[0]!.severity).toBeCloseTo(1 - 350 / 1700, 12);
  });

  it('CPR = 1 − (1 − Σ prepaid / Σ performing start balance)^12 over months on book 1 on', () => {
    // X: starts 3,000 + 2,700 + 800 + 700 = 7,200; A2 prepaid 1,800 in month 2: SMM 0.25 over the life.
    expect(figures[1]!.cpr).toBeCloseTo(1 - 0.75 ** 12, 12);
    // Y prepaid nothing: 0, not "no figure".
    expect(figures[2]!.cpr).toBe(0);
  });

  it('each grade’s lifetime loss is what a history of that grade alone gives, fitted the same way', () => {
    const onlyX = analysed(
      GRADED.split('\n')
        .filter((l, i) => i === 0 || l.endsWith(',X'))
        .join('\n'),
    );
    expect(figures[1]!.lifetimeNetLoss).toBeCloseTo(onlyX.lifetime.chainLadder!.expected, 12);
    expect(figures[0]!.lifetimeNetLoss).toBeCloseTo(
      analysed(HAND_HISTORY).lifetime.chainLadder!.expected,
      12,
    );
  });

  it('half the loss month is the first month whose cumulative timing share reaches 50 %', () => {
    for (const f of figures) {
      if (f.halfLossMonth === null) continue;
      expect(f.halfLossMonth).toBeGreaterThanOrEqual(1);
      expect(f.halfLossMonth).toBeLessThanOrEqual(f.timingMonths!);
    }
  });
});

describe('the mapping table', () => {
  it('a pick wins; else a value named as a pool segment maps to it; else to none', () => {
    const m = segmentTargets(['A', 'B', 'prime'], ['prime', 'near-prime'], { A: 'near-prime' });
    expect([...m]).toEqual([
      ['A', 'near-prime'],
      ['B', ''],
      ['prime', 'prime'],
    ]);
  });

  it('no value mapped to a pool segment: no scenario (the CLI refuses it too)', () => {
    const h = analysed(GRADED, 'grade');
    expect(historySegmentValues(h)).toEqual(['X', 'Y']);
    expect(
      segmentedScenario(h, 'grade', ['prime'], {}, { name: 's', historyFile: 'h.csv', date: '2026-01-01' }),
    ).toBeNull();
  });

  it('values mapped to one pool segment are fitted together; a value mapped to none is listed', () => {
    const h = analysed(GRADED, 'grade');
    const both = segmentedScenario(
      h,
      'grade',
      ['prime', 'near-prime'],
      { X: 'prime', Y: 'prime' },
      { name: 's', historyFile: 'h.csv', date: '2026-01-01' },
    )!;
    // Both grades on one segment: its override is the book's own fit.
    expect(both.segments!.written.map((w) => w.segment)).toEqual(['prime']);
    expect(both.segments!.written[0]!.cnl).toBeCloseTo(both.base, 12);
    expect(both.segments!.poolSegmentsOnBook).toEqual(['near-prime']);
    expect(vintageProvenance(both.scenario)?.segmentMap).toEqual({ X: 'prime', Y: 'prime' });
    const one = segmentedScenario(
      h,
      'grade',
      ['prime'],
      { X: 'prime', Y: '' },
      { name: 's', historyFile: 'h.csv', date: '2026-01-01' },
    )!;
    expect(one.segments!.notInPool).toEqual(['Y']);
    expect(vintageProvenance(one.scenario)?.segmentMap).toEqual({ X: 'prime' });
  });
});

async function cli(...args: string[]): Promise<void> {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    await main(args);
  } finally {
    vi.restoreAllMocks();
  }
}

describe('the screen writes what the CLI writes', () => {
  it('sample history by grade: unmapped, mapped, stressed by 1.5 S.E., one grade mapped with a multiple', async () => {
    const path = join(dir, 'level-pay.deal.json');
    copyFileSync(LEVEL_PAY, path);
    const seg = [SAMPLE, '--segment', 'grade', '--into', path] as const;
    // Without a map the sample's A and B are no pool segment: the CLI refuses, the screen makes nothing.
    await expect(cli(...seg, '--scenario', 'unmapped')).rejects.toThrow(/--segment-map/);
    await cli(...seg, '--scenario', 'mapped', '--segment-map', 'A=prime,B=near-prime');
    await cli(...seg, '--scenario', 'mapped-k', '--segment-map', 'A=prime,B=near-prime', '--stress', '1.5');
    await cli(...seg, '--scenario', 'prime-only', '--segment-map', 'A=prime', '--multiple', '2');
    const written = parseDeal(JSON.parse(readFileSync(path, 'utf8')), path).scenarios;

    // The screen: the worker's analysis of the file segmented by grade, the deal's pool segments, the table's picks.
    const deal: Deal = parseDeal(JSON.parse(readFileSync(LEVEL_PAY, 'utf8')), LEVEL_PAY);
    const job = analyseHistoryFile(
      {
        kind: 'history',
        name: 'consumer-history.csv',
        bytes: new Uint8Array(readFileSync(SAMPLE)),
        options: DEFAULT_VINTAGE_OPTIONS,
        segment: 'grade',
      },
      () => undefined,
    );
    const h = job.analysis as HistoryAnalysis;
    const pool = poolSegments(deal, null);
    const cases: { name: string; choice: Record<string, string>; extra: object; overrides: string[] }[] = [
      { name: 'unmapped', choice: {}, extra: {}, overrides: [] },
      {
        name: 'mapped',
        choice: { A: 'prime', B: 'near-prime' },
        extra: {},
        overrides: ['prime', 'near-prime'],
      },
      {
        name: 'mapped-k',
        choice: { A: 'prime', B: 'near-prime' },
        extra: { stressK: 1.5 },
        overrides: ['prime', 'near-prime'],
      },
      { name: 'prime-only', choice: { A: 'prime' }, extra: { multiple: 2 }, overrides: ['prime'] },
    ];
    expect(written.map((s) => s.name)).not.toContain('unmapped');
    for (const c of cases) {
      const made = segmentedScenario(h, 'grade', pool, c.choice, {
        name: c.name,
        historyFile: 'consumer-history.csv',
        date: '2026-01-01',
        ...c.extra,
      });
      const cliScenario = written.find((s) => s.name === c.name);
      if (cliScenario === undefined) {
        expect(made).toBeNull();
        continue;
      }
      const screen = Scenario.parse(made!.scenario);
      const noDate = (s: Scenario): Scenario => ({ ...s, provenance: { ...s.provenance!, date: '-' } });
      expect(noDate(screen)).toEqual(noDate(cliScenario));
      expect(screen.overrides.map((o) => o.segment)).toEqual(c.overrides);
      expect(screen.provenance).toMatchObject({ segmentField: 'grade', segmentMap: c.choice });
    }
  });
});
