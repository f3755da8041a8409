/**
 * What Run refuses (issue 19 items 4 and 5) and what "Resize the tranches" carries along with the notes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { resizeSummary, scaleTranchesToPool } from '../../../renderer/project/dealEdit';
import { PendingEdits, pendingEditsText } from '../../../renderer/project/pendingEdits';
import { runRefusal } from '../../../renderer/project/runCheck';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

/** The sample's 800m stack over a pool of one 23.4m rep line (as after importing a small tape). */
const overIssued = (): Deal => {
  const d = sample();
  if (d.pool.kind !== 'repLines') throw new Error('sample has rep lines');
  const line = { ...d.pool.lines[0]!, balance: 23_400_000 };
  return { ...d, pool: { kind: 'repLines', lines: [line] } };
};

describe('Run refuses', () => {
  it('an edit left refused in its field, naming the field and why', () => {
    const edits = new PendingEdits();
    const key = Symbol('A');
    edits.set(key, { field: 'Class A balance', message: 'Cannot be negative' });
    expect(runRefusal(sample(), null, edits.list())).toBe(
      "Not run: this edit was not applied: Class A balance (Cannot be negative). Correct it, or press Escape in the field to keep the deal's value.",
    );
    edits.set(key, null);
    expect(edits.list()).toEqual([]);
    expect(runRefusal(sample(), null, edits.list())).toBeNull();
  });

  it('counts several refused edits', () => {
    expect(
      pendingEditsText([
        { field: 'Class A balance', message: 'x' },
        { field: 'Class B price', message: 'y' },
      ]),
    ).toMatch(
      /^Not run: 2 edits were not applied: Class A balance \(x\); Class B price \(y\)\. Correct them/,
    );
  });

  it('notes above the pool, with the way to fix it', () => {
    expect(runRefusal(overIssued(), null, [])).toBe(
      'Not run: the notes total 800,000,000.00 but the pool is 23,400,000.00 (34× the pool): on Structure, ' +
        'resize the tranches to the pool (or import the whole tape on Pool).',
    );
  });
});

describe('resizing to the pool', () => {
  it('scales the reserve and the fixed trustee fee by the notes’ factor, to the cent', () => {
    // Factor 23,400,000 / 800,000,000 = 0.02925: reserve 2,000,000 → 58,500.00; trustee fee 50,000 → 1,462.50 a
    // month; classes 600m / 120m / 80m → 17,550,000 / 3,510,000 / 2,340,000. The 1%-a-year servicing fee is a
    // share of the pool and stays as it is.
    const before = sample();
    const after = scaleTranchesToPool(before, 23_400_000);
    expect(after.structure.tranches.map((t) => t.balance)).toEqual([17_550_000, 3_510_000, 2_340_000]);
    expect(after.structure.reserve?.initialBalance).toBe(58_500);
    expect(after.structure.fees.map((f) => f.basis)).toEqual([
      { type: 'fixed', amount: 1_462.5 },
      { type: 'percentOfPool', rate: 0.01 },
    ]);
    expect(resizeSummary(before, after)).toBe(
      'Tranches resized to the pool, keeping their shares. Scaled with them: reserve opening balance ' +
        '2,000,000.00 → 58,500.00; fee Trustee and administration 50,000.00 → 1,462.50 a period. ' +
        'Percent-of-pool fees and the OC and reserve targets follow the pool as they are.',
    );
    expect(runRefusal({ ...overIssued(), structure: after.structure }, null, [])).toBeNull();
  });
});
