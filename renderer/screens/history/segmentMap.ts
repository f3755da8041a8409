/**
 * The History screen's mapping of a segmented history's values (grade A, B …) to the deal pool's segments, and
 * the scenario it makes: the same core call as `abs-workbench vintage --segment F --into deal.json
 * --segment-map A=prime,…` (core/history/analyse.ts), so the screen and the CLI write the same scenario.
 */
import {
  historyScenario,
  historySegmentValues,
  segmentScenarioOptions,
  type HistoryAnalysis,
  type HistoryScenario,
} from '../../../core/history/analyse';
import { keptKey } from '../../project/kept';

/** What the user picked per history value: a pool segment, or '' for none. Values not picked yet are absent. */
export type SegmentChoice = Readonly<Record<string, string>>;

export const KEPT_SEGMENT_MAP = keptKey<SegmentChoice>('history.segmentMap', {});

/**
 * The pool segment each history value stands for: the user's pick, else the pool segment of the same name (as
 * the CLI reads a value the map does not name), else none.
 */
export function segmentTargets(
  values: readonly string[],
  poolSegments: readonly string[],
  choice: SegmentChoice,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values) {
    const picked = choice[v];
    out.set(v, picked !== undefined ? picked : poolSegments.includes(v) ? v : '');
  }
  return out;
}

export interface SegmentedScenarioInput {
  name: string;
  historyFile: string;
  stressK?: number;
  multiple?: number;
  date: string;
}

/**
 * The scenario with per-segment overrides, or null when no history value is mapped to a pool segment (the CLI
 * refuses that case too) or nothing could be projected. A value mapped to none is passed on as mapped to '' —
 * never a pool segment — so it is listed as not in the pool, as the CLI lists a value the pool lacks.
 */
export function segmentedScenario(
  h: HistoryAnalysis,
  field: string,
  poolSegments: readonly string[],
  choice: SegmentChoice,
  o: SegmentedScenarioInput,
): HistoryScenario | null {
  const targets = segmentTargets(historySegmentValues(h), poolSegments, choice);
  if (![...targets.values()].some((p) => poolSegments.includes(p))) return null;
  return historyScenario(h, { ...o, segments: segmentScenarioOptions(h, field, poolSegments, targets) });
}
