import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import {
  addTrigger,
  removeTrigger,
  setEligibility,
  setOcTarget,
  setTriggerCurable,
  setTriggerEffect,
  TRIGGER_EFFECTS,
  TRIGGER_TYPES,
  validatedDeal,
} from '../../../renderer/project/dealEdit';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

const staticDeal = (): Deal => {
  const d = sample();
  return { ...d, structure: { ...d.structure, revolving: undefined } };
};

describe('trigger edits', () => {
  it('adds each trigger type with a one-step schedule, a fresh id and a valid deal', () => {
    let d = sample();
    for (const type of TRIGGER_TYPES) {
      const r = validatedDeal(d, (x) => addTrigger(x, type));
      if ('error' in r) throw new Error(r.error);
      d = r.deal;
      const added = d.structure.triggers.at(-1);
      expect(added?.test.type).toBe(type);
      expect(added?.test.schedule).toHaveLength(1);
      expect(added?.effects).toEqual(['sequential', 'endRevolving']);
    }
    // The sample already has `cnl`, so the new cumulative-net-loss trigger is `cnl2`.
    expect(d.structure.triggers.map((t) => t.id)).toEqual(['cnl', 'excess-spread', 'cnl2', 'dq', 'xs', 'oc']);
    const oc = d.structure.triggers.find((t) => t.id === 'oc');
    expect(oc?.test.schedule[0]?.threshold).toBe(1);
  });

  it('a static deal gets a sequential trigger only (no revolving period to end)', () => {
    const d = addTrigger(staticDeal(), 'ocRatio');
    expect(d.structure.triggers.at(-1)?.effects).toEqual(['sequential']);
    expect(Deal.safeParse(d).success).toBe(true);
  });

  it('any sequence of adds and removes stays a valid deal with unique ids', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...TRIGGER_TYPES), fc.nat({ max: 9 })), { maxLength: 20 }),
        (ops) => {
          let d = sample();
          for (const op of ops) {
            if (typeof op === 'string') d = addTrigger(d, op);
            else {
              const t = d.structure.triggers[op % Math.max(1, d.structure.triggers.length)];
              if (t) d = removeTrigger(d, t.id);
            }
          }
          const ids = d.structure.triggers.map((t) => t.id);
          expect(new Set(ids).size).toBe(ids.length);
          expect(Deal.safeParse(d).success).toBe(true);
        },
      ),
    );
  });

  it('removes only the named trigger', () => {
    const d = removeTrigger(sample(), 'cnl');
    expect(d.structure.triggers.map((t) => t.id)).toEqual(['excess-spread']);
  });

  it('toggles effects in schema order and refuses an empty effect list', () => {
    let d = setTriggerEffect(sample(), 'excess-spread', 'sequential', true);
    expect(d.structure.triggers[1]?.effects).toEqual(['sequential', 'endRevolving']);
    d = setTriggerEffect(d, 'excess-spread', 'endRevolving', false);
    expect(d.structure.triggers[1]?.effects).toEqual(['sequential']);
    const r = validatedDeal(d, (x) => setTriggerEffect(x, 'excess-spread', 'sequential', false));
    expect('error' in r && r.error).toMatch(/structure\.triggers\.1\.effects/);
    expect(TRIGGER_EFFECTS).toHaveLength(3);
  });

  it('sets curable', () => {
    const d = setTriggerCurable(sample(), 'cnl', true);
    expect(d.structure.triggers[0]?.curable).toBe(true);
    expect(d.structure.triggers[1]?.curable).toBe(false);
  });
});

describe('eligibility edits', () => {
  it('sets and lifts limits of a revolving deal', () => {
    let d = setEligibility(sample(), 'minRate', 0.05);
    expect(d.structure.revolving?.eligibility).toMatchObject({
      maxRemainingTerm: 12,
      maxRate: 0.36,
      minRate: 0.05,
    });
    d = setEligibility(d, 'maxRemainingTerm', undefined);
    expect(d.structure.revolving?.eligibility.maxRemainingTerm).toBeUndefined();
    expect('maxRemainingTerm' in (d.structure.revolving?.eligibility ?? {})).toBe(false);
    expect(Deal.safeParse(d).success).toBe(true);
  });

  it('refuses a fractional term through validation and leaves a static deal alone', () => {
    const r = validatedDeal(sample(), (x) => setEligibility(x, 'maxRemainingTerm', 12.5));
    expect('error' in r).toBe(true);
    const s = staticDeal();
    expect(setEligibility(s, 'minRate', 0.1)).toBe(s);
  });
});

describe('OC target edits', () => {
  it('creates a target with the other parts at zero, then changes one part and keeps the rest', () => {
    const d = sample();
    const none = { ...d, structure: { ...d.structure, ocTarget: undefined } };
    const first = setOcTarget(none, 'percentOfCurrentPool', 0.05);
    expect(first.structure.ocTarget).toEqual({
      percentOfCurrentPool: 0.05,
      percentOfInitialPool: 0,
      floorPercentOfInitialPool: 0,
    });
    const second = setOcTarget(first, 'percentOfInitialPool', 0.0265);
    expect(second.structure.ocTarget).toEqual({
      percentOfCurrentPool: 0.05,
      percentOfInitialPool: 0.0265,
      floorPercentOfInitialPool: 0,
    });
    expect(Deal.safeParse(second).success).toBe(true);
  });
});
