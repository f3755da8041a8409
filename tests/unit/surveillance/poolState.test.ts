/**
 * The pool state as a deal file saves it: JSON round-trips float64 exactly, so a restart from the saved state is
 * the restart from the state in memory to the bit; a malformed state is refused naming the field.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { issueCoreMessage } from '../../../core/i18n/messages';
import { loadDeal } from '../../../core/node/dealFile';
import { poolStateAt, projectFrom } from '../../../core/projection/restart';
import { PROJECTION_SERIES } from '../../../core/projection/types';
import { PoolStateJson, poolStateFromJson, poolStateToJson } from '../../../core/surveillance/poolState';

const DIR = fileURLToPath(new URL('../../../samples/deals/', import.meta.url));

describe('PoolState in the deal file', () => {
  it('restarts from the saved state exactly as from the state in memory (revolving sample, cohorts included)', async () => {
    const { deal, pool } = await loadDeal(DIR + 'revolving-installment.deal.json');
    const s = deal.scenarios[0]!;
    const state = poolStateAt(deal, s, 6, pool);
    expect(state.parts.some((p) => p.enteredPeriod > 0)).toBe(true);
    const saved = PoolStateJson.parse(JSON.parse(JSON.stringify(poolStateToJson(state))));
    const back = poolStateFromJson(saved);
    const a = projectFrom(state, s, 30);
    const b = projectFrom(back, s, 30);
    for (const f of PROJECTION_SERIES) expect([f, Array.from(b[f])]).toEqual([f, Array.from(a[f])]);
  });

  it('keeps the advanced defaults of a servicer-advancing run', async () => {
    const { deal, pool } = await loadDeal(DIR + 'static-paylater.deal.json');
    const s = { ...deal.scenarios[0]!, servicerAdvancing: true, recoveryLagMonths: 3 };
    const state = poolStateAt(deal, s, 4, pool);
    expect(state.parts[0]!.advanced?.loan.length).toBeGreaterThan(0);
    const back = poolStateFromJson(PoolStateJson.parse(JSON.parse(JSON.stringify(poolStateToJson(state)))));
    const a = projectFrom(state, s, 12);
    const b = projectFrom(back, s, 12);
    for (const f of PROJECTION_SERIES) expect([f, Array.from(b[f])]).toEqual([f, Array.from(a[f])]);
  });

  it('refuses columns of different lengths and a segment outside segmentNames, naming the field', async () => {
    const { deal, pool } = await loadDeal(DIR + 'static-paylater.deal.json');
    const json = poolStateToJson(poolStateAt(deal, deal.scenarios[0]!, 2, pool));
    const loans = json.parts[0]!.loans;
    const bad = {
      ...json,
      parts: [
        {
          ...json.parts[0]!,
          loans: { ...loans, age: loans.age.slice(1), segment: loans.segment.map(() => 9) },
        },
      ],
    };
    const r = PoolStateJson.safeParse(bad);
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), issueCoreMessage(i)?.code]);
    expect(issues).toEqual([
      ['parts.0.loans.age', 'file.columnLength'],
      ['parts.0.loans.segment', 'file.indexOutside'],
    ]);
  });
});
