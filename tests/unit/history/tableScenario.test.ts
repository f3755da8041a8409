/**
 * A published vintage table (cumulative net loss, % of original balance) into a scenario: the hand-worked
 * 3 × 3 table's lifetime rates by either method, the timing curve by month on book (quarterly columns spread
 * evenly over their months), the stresses, the base scenario's other assumptions kept, and the screen's call
 * against `vintage table.csv --into deal.json --scenario N` on the same file.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDeal } from '../../../core/deal/load';
import { Scenario, type ScenarioInput } from '../../../core/deal/schema';
import {
  analyseTable,
  DEFAULT_VINTAGE_OPTIONS,
  tableScenario,
  tableScenarioBase,
  type TableAnalysis,
  type VintageOptions,
} from '../../../core/history/analyse';
import { monthlyTiming } from '../../../core/history/scenario';
import { readVintageTable } from '../../../core/history/table';
import { main as runMain } from '../../../core/node/cli/commands/run';
import { main } from '../../../core/node/cli/commands/vintage';
import { analyseHistoryFile } from '../../../renderer/engine/historyAdapter';

/** The provenance a history or table wrote (the servicer-report kind has no segment map or stress). */
const vintageProvenance = (s: ScenarioInput) =>
  s.provenance?.source === 'vintage-analysis' ? s.provenance : undefined;

const DEAL = 'samples/deals/level-pay-consumer.deal.json';
const dir = mkdtempSync(join(tmpdir(), 'abs-table-scenario-'));
const deal = parseDeal(JSON.parse(readFileSync(DEAL, 'utf8')), DEAL);
const base = deal.scenarios[0]!;

/**
 * Cumulative net loss, % of original balance:
 *   2023Q1  1%  2%  3%
 *   2023Q2  1%  2%
 *   2023Q3  2%
 * Chain ladder, volume-weighted: f1 = (2 + 2) / (1 + 1) = 2, f2 = 3 / 2 = 1.5; ultimates 3, 2 × 1.5 = 3,
 * 2 × 2 × 1.5 = 6 → lifetime rates 3 %, 3 %, 6 %, mean 4 % (a table has no balances to weight by).
 * Timing curve: horizon 2 (the longest half the rows reach); seasoned 2023Q1 and Q2: s(1) = (1 + 1) / (2 + 2)
 * = 50 %, s(2) = 100 %; ultimates 3 (Q1 is past the horizon: its latest), 2, 2 / 0.5 = 4 → 3 %, 2 %, 4 %, mean 3 %.
 */
const TABLE = ['vintage,1,2,3', '2023Q1,1%,2%,3%', '2023Q2,1%,2%,', '2023Q3,2%,,'].join('\n');
const opts: VintageOptions = { ...DEFAULT_VINTAGE_OPTIONS, holdout: 0 };
const table = (text = TABLE, o = opts): TableAnalysis =>
  analyseTable(readVintageTable(text.split('\n').map((l) => l.split(','))), o);
const made = (a: TableAnalysis, extra: Partial<Parameters<typeof tableScenario>[1]> = {}) =>
  tableScenario(a, {
    name: 'From table',
    tableFile: 'static-pool.csv',
    basis: 'chain-ladder',
    date: '2026-01-01',
    base,
    ...extra,
  });

describe('monthly timing from table columns', () => {
  it('monthly columns are the vector as is', () => {
    expect(monthlyTiming([0.5, 0.5], [1, 2])).toEqual([0.5, 0.5]);
  });
  it('quarterly columns spread each quarter’s share evenly over its three months', () => {
    const v = monthlyTiming([0.6, 0.4], [3, 6]);
    expect(v).toHaveLength(6);
    v.slice(0, 3).forEach((x) => expect(x).toBeCloseTo(0.2, 15));
    v.slice(3).forEach((x) => expect(x).toBeCloseTo(0.4 / 3, 15));
  });
  it('headers that are not increasing months from 1 are read as consecutive months', () => {
    expect(monthlyTiming([0.3, 0.7], [0, 1])).toEqual([0.3, 0.7]);
  });
});

describe('a vintage table into a scenario', () => {
  it('chain ladder: lifetime net loss 4 %, timing 50/50 over two months, as worked above', () => {
    const r = made(table());
    if ('problem' in r) throw new Error(r.problem);
    expect(r.base).toBeCloseTo(0.04, 12);
    const d = r.scenario.default;
    expect(d).toMatchObject({ model: 'CNL' });
    if (d.model !== 'CNL') return;
    expect(d.lifetimeNetLoss).toBeCloseTo(0.04, 12);
    expect(d.timing).toEqual([0.5, 0.5]);
  });

  it('the timing curve’s lifetime instead when the user chooses it: 3 %', () => {
    const r = made(table(), { basis: 'timing' });
    if ('problem' in r) throw new Error(r.problem);
    expect(r.cnl).toBeCloseTo(0.03, 12);
    expect(r.scenario.provenance).toMatchObject({ method: 'timing', table: true });
  });

  it('base + k × S.E.: the S.E. of the mean rate is Mack’s total S.E. / (100 × vintages)', () => {
    // Three factors, so Mack's σ² has spread (two rows to a factor give the 3 × 3 table none).
    const a = table(
      ['v,1,2,3,4', 'a,1%,2%,3%,3.5%', 'b,1.2%,2.1%,3.3%,', 'c,0.9%,2.2%,,', 'd,1.1%,,,'].join('\n'),
    );
    const r = made(a, { stressK: 2 });
    if ('problem' in r) throw new Error(r.problem);
    const se = a.chainLadder.total.standardError! / 100 / 4;
    expect(se).toBeGreaterThan(0);
    expect(r.cnl).toBeCloseTo(r.base + 2 * se, 12);
    expect(r.base).toBeCloseTo(a.lifetime.chainLadder!.expected, 12);
    expect(vintageProvenance(r.scenario)?.stress).toBe('lifetime net loss + 2 x standard error');
  });

  it('a loss multiple leaves the rate and sets the scenario’s default multiple', () => {
    const r = made(table(), { multiple: 1.5 });
    if ('problem' in r) throw new Error(r.problem);
    expect(r.cnl).toBeCloseTo(0.04, 12);
    expect(r.scenario.defaultMultiple).toBe(1.5);
  });

  it('keeps the base scenario’s prepayment, severity and lag; its overrides lose only their default', () => {
    const withOverride = {
      ...base,
      overrides: [
        { segment: 'prime', default: { model: 'CDR' as const, curve: 0.05 }, severity: 0.4 },
        { segment: 'near-prime', default: { model: 'CDR' as const, curve: 0.08 } },
      ],
    };
    const r = made(table(), { base: withOverride });
    if ('problem' in r) throw new Error(r.problem);
    const s = Scenario.parse(r.scenario);
    expect(s.prepayment).toEqual(base.prepayment);
    expect(s.severity).toEqual(base.severity);
    expect(s.recoveryLagMonths).toBe(base.recoveryLagMonths);
    expect(s.overrides).toEqual([{ segment: 'prime', severity: 0.4 }]);
    expect(s.provenance).toMatchObject({
      historyFile: 'static-pool.csv',
      vintages: ['2023Q1', '2023Q2', '2023Q3'],
      method: 'chain-ladder',
    });
  });

  it('refuses a table in amounts (no balance to divide by) and k × S.E. on the timing curve', () => {
    expect(made(table(TABLE.replace(/%/g, '')))).toEqual({ problem: 'amountTable' });
    expect(made(table(), { basis: 'timing', stressK: 1 })).toEqual({ problem: 'noStandardError' });
  });

  it('the other assumptions come from the scenario asked for, else the one replaced, else the first', () => {
    const names = deal.scenarios.map((s) => s.name);
    expect(tableScenarioBase(deal.scenarios, 'new')?.name).toBe(names[0]);
    expect(tableScenarioBase(deal.scenarios, names[1]!)?.name).toBe(names[1]);
    expect(tableScenarioBase(deal.scenarios, names[1]!, names[0])?.name).toBe(names[0]);
    expect(tableScenarioBase(deal.scenarios, 'new', 'nope')).toBeUndefined();
  });
});

async function cli(...args: string[]): Promise<string> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  try {
    await main(args);
  } finally {
    vi.restoreAllMocks();
  }
  return out;
}

describe('vintage table.csv --into: the CLI writes what the screen writes', () => {
  // Quarterly columns, as agencies publish them.
  const csv = join(dir, 'static-pool.csv');
  writeFileSync(
    csv,
    [
      'vintage,3,6,9,12',
      '2022Q1,0.40%,1.30%,2.10%,2.60%',
      '2022Q2,0.50%,1.45%,2.30%,2.85%',
      '2022Q3,0.45%,1.40%,2.20%,',
      '2022Q4,0.55%,1.50%,,',
      '2023Q1,0.60%,,,',
    ].join('\n') + '\n',
  );

  it('chain ladder stressed by k, and the timing curve with a multiple on another scenario; the deal runs', async () => {
    const path = join(dir, 'deal.json');
    copyFileSync(DEAL, path);
    const from = deal.scenarios[1]!.name;
    const out = await cli(csv, '--into', path, '--scenario', 'table-k', '--stress', '1');
    expect(out).toMatch(/wrote scenario table-k/);
    await cli(
      csv,
      '--into',
      path,
      '--scenario',
      'table-m',
      '--method',
      'timing',
      '--multiple',
      '1.5',
      '--from',
      from,
    );
    await expect(
      cli(csv, '--into', path, '--scenario', 'x', '--method', 'timing', '--stress', '1'),
    ).rejects.toThrow(/--stress/);
    await expect(cli(csv, '--into', path, '--scenario', 'x', '--from', 'nope')).rejects.toThrow(/nope/);
    const written = parseDeal(JSON.parse(readFileSync(path, 'utf8')), path).scenarios;

    const job = analyseHistoryFile(
      {
        kind: 'history',
        name: 'static-pool.csv',
        bytes: new Uint8Array(readFileSync(csv)),
        options: DEFAULT_VINTAGE_OPTIONS,
      },
      () => undefined,
    );
    const a = job.analysis as TableAnalysis;
    expect(a.kind).toBe('table');
    const noDate = (s: Scenario): Scenario => ({ ...s, provenance: { ...s.provenance!, date: '-' } });
    for (const [name, extra] of [
      ['table-k', { stressK: 1, base: deal.scenarios[0]! }],
      ['table-m', { basis: 'timing' as const, multiple: 1.5, base: deal.scenarios[1]! }],
    ] as const) {
      const r = made(a, { name, tableFile: 'static-pool.csv', ...extra });
      if ('problem' in r) throw new Error(r.problem);
      expect(noDate(Scenario.parse(r.scenario))).toEqual(noDate(written.find((s) => s.name === name)!));
      // Twelve months of timing from four quarterly columns.
      const d = r.scenario.default;
      expect(d.model === 'CNL' ? d.timing.length : 0).toBe(12);
    }
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await runMain([path, '--scenario', 'table-k', '--json'])).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('a table in amounts is refused with the reason', async () => {
    const amounts = join(dir, 'amounts.csv');
    writeFileSync(amounts, readFileSync(csv, 'utf8').replace(/%/g, ''));
    const path = join(dir, 'deal2.json');
    copyFileSync(DEAL, path);
    await expect(cli(amounts, '--into', path, '--scenario', 'x')).rejects.toThrow(
      /percent of original balance/,
    );
  });
});
