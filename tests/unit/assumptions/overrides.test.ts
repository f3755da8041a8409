/**
 * An override for a segment the pool does not have used to be ignored without a word (issue 22, item 4): a deal
 * file loaded for a run is refused, naming the segments the pool has, and a run given such a scenario warns.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dealSegments, unknownOverrideSegments } from '../../../core/assumptions/overrides';
import { DealFileError } from '../../../core/deal/load';
import { Deal } from '../../../core/deal/schema';
import { main } from '../../../core/node/cli/commands/run';
import { CliError } from '../../../core/node/cli/errors';
import { loadDeal } from '../../../core/node/dealFile';
import { runDeal } from '../../../core/run';
import { minimalDeal } from '../deal/minimalDeal';

const dir = mkdtempSync(join(tmpdir(), 'abs-overrides-'));

/** The minimal deal with two segments and one override naming `segment`. */
function dealWithOverride(segment: string): Record<string, unknown> {
  const d = minimalDeal();
  const line = { product: 'level-pay', balance: 500000, rate: 0.18, originalTerm: 12, remainingTerm: 12 };
  d.pool = {
    kind: 'repLines',
    lines: [
      { ...line, id: 'P', segment: 'prime' },
      { ...line, id: 'N', segment: 'near-prime' },
    ],
  };
  const [base] = d.scenarios as Record<string, unknown>[];
  d.scenarios = [{ ...base, overrides: [{ segment, default: { model: 'CDR', curve: 0.2 } }] }];
  return d;
}

function write(name: string, doc: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

afterEach(() => vi.restoreAllMocks());

describe('overrides for segments the pool lacks', () => {
  it('lists each one with its field path and the segments the pool has', () => {
    const deal = Deal.parse(dealWithOverride('subprime'));
    const pool = { kind: 'repLines' as const, lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] };
    expect(dealSegments(deal, pool)).toEqual(['prime', 'near-prime']);
    expect(unknownOverrideSegments(deal.scenarios, dealSegments(deal, pool))).toMatchObject([
      {
        path: 'scenarios[0].overrides[0].segment',
        message:
          "scenario 'base' overrides segment 'subprime', which the pool does not have (its segments: 'prime', 'near-prime')",
      },
    ]);
    expect(unknownOverrideSegments(Deal.parse(dealWithOverride('prime')).scenarios, ['prime'])).toEqual([]);
  });

  it('a deal file loaded for a run is refused, naming the file, the field and the pool’s segments', async () => {
    const file = write('typo.deal.json', dealWithOverride('subprme'));
    const err = await loadDeal(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DealFileError);
    expect((err as Error).message).toBe(
      `${file}: scenarios[0].overrides[0].segment: scenario 'base' overrides segment 'subprme', which the pool does not have (its segments: 'prime', 'near-prime')`,
    );
    // `abs-workbench run` exits non-zero with the same line.
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const cli = await main([file]).catch((e: unknown) => e);
    expect(cli).toBeInstanceOf(CliError);
    expect((cli as Error).message).toContain("overrides segment 'subprme'");
    await expect(loadDeal(write('ok.deal.json', dealWithOverride('near-prime')))).resolves.toBeDefined();
  });

  it('a run given such a scenario some other way (the app, a stress) says so in its warnings', () => {
    const deal = Deal.parse(dealWithOverride('prime'));
    const pool = { kind: 'repLines' as const, lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] };
    const [base] = deal.scenarios;
    const stray = { ...base!, overrides: [{ segment: 'gold', recoveryLagMonths: 1 }] };
    const r = runDeal(deal, pool, { scenario: stray });
    expect(r.projectionNotes?.warnings).toContain(
      "scenario 'base' overrides segment 'gold', which the pool does not have (its segments: 'prime', 'near-prime')",
    );
    expect(runDeal(deal, pool).projectionNotes?.warnings.some((w) => w.includes('overrides segment'))).toBe(
      false,
    );
  });

  it('an override for a segment only the revolving purchases have is kept', () => {
    const d = dealWithOverride('new-grade');
    const structure = d.structure as Record<string, unknown>;
    d.structure = {
      ...structure,
      revolving: {
        endPeriod: 3,
        profile: [
          {
            id: 'R',
            segment: 'new-grade',
            product: 'level-pay',
            balance: 1,
            rate: 0.2,
            originalTerm: 6,
            remainingTerm: 6,
          },
        ],
      },
    };
    const deal = Deal.parse(d);
    const pool = { kind: 'repLines' as const, lines: deal.pool.kind === 'repLines' ? deal.pool.lines : [] };
    expect(unknownOverrideSegments(deal.scenarios, dealSegments(deal, pool))).toEqual([]);
  });
});
