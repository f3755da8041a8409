/**
 * Trigger events read as every other screen reads: the trigger's name, and values in the units the Structure
 * screen edits the threshold in (percent for loss tests, × for an OC ratio), issue 19 item 12.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { triggerEventRows } from '../../../renderer/project/triggerEvents';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

describe('triggerEventRows', () => {
  it('names the trigger and shows a CNL breach in percent: 0.0324 against 0.0300 is 3.24% against 3.00%', () => {
    const rows = triggerEventRows(
      [{ id: 'cnl', period: 7, date: '2026-04-15', value: 0.0324, threshold: 0.03, kind: 'breached' }],
      sample(),
    );
    expect(rows).toEqual([
      {
        key: 'cnl-7-0',
        trigger: 'Cumulative net loss',
        event: 'breached',
        period: 7,
        date: '2026-04-15',
        value: '3.24%',
        threshold: '3.00%',
      },
    ]);
  });

  it('shows an OC ratio as ×, and an unnamed trigger by its id', () => {
    const d = sample();
    const deal: Deal = {
      ...d,
      structure: {
        ...d.structure,
        triggers: [
          {
            id: 'oc',
            test: { type: 'ocRatio', schedule: [{ fromPeriod: 1, threshold: 1.05 }] },
            effects: ['sequential'],
            curable: false,
          },
        ],
      },
    };
    const [row] = triggerEventRows(
      [{ id: 'oc', period: 3, date: '2026-01-15', value: 1.0412, threshold: 1.05, kind: 'breached' }],
      deal,
    );
    expect([row?.trigger, row?.value, row?.threshold]).toEqual(['oc', '1.041×', '1.050×']);
  });
});
