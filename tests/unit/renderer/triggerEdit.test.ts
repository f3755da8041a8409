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
  setTriggerType,
  TRIGGER_EFFECTS,
  TRIGGER_TYPES,
  setReserveInitialBalance,
  setReserveTarget,
  validatedDeal,
} from '../../../renderer/project/dealEdit';
import {
  addThresholdStep,
  removeThresholdStep,
  renameTrigger,
  patchedSchedule,
  scheduleProblem,
  setThresholdStep,
  stepStartProblem,
  setTriggerName,
  setTriggerWindow,
  thresholdProblem,
  triggerIdProblem,
  triggerWindow,
  type ThresholdStep,
} from '../../../renderer/project/triggerEdit';
import { validateDeal } from '../../../core/deal/validate';
import { runDeal } from '../../../core/run';

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

const levelPay = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/level-pay-consumer.deal.json', 'utf8')));

describe('trigger id, name and window', () => {
  it('renames a trigger, refusing an empty, malformed or taken id in words', () => {
    const d = sample();
    expect(triggerIdProblem(d, 'cnl', '')).toBe('A trigger needs an id');
    expect(triggerIdProblem(d, 'cnl', 'net loss')).toBe('Use up to 64 letters, digits, _ . -');
    expect(triggerIdProblem(d, 'cnl', 'excess-spread')).toBe(
      'Another trigger is already called excess-spread',
    );
    expect(triggerIdProblem(d, 'cnl', 'cnl')).toBeNull();
    expect(triggerIdProblem(d, 'cnl', 'cnl-amort')).toBeNull();
    const r = renameTrigger(d, 'cnl', 'cnl-amort');
    expect(r.structure.triggers.map((t) => t.id)).toEqual(['cnl-amort', 'excess-spread']);
    // The rest of the trigger is untouched, and the run still accepts the deal.
    expect(r.structure.triggers[0]?.test).toEqual(d.structure.triggers[0]?.test);
    expect(validateDeal(r)).toEqual([]);
  });

  it('sets a name and drops it when emptied', () => {
    const named = setTriggerName(sample(), 'cnl', '  Amortisation event ');
    expect(named.structure.triggers[0]?.name).toBe('Amortisation event');
    const cleared = setTriggerName(named, 'cnl', '');
    expect('name' in (cleared.structure.triggers[0] ?? {})).toBe(false);
    expect(Deal.safeParse(cleared).success).toBe(true);
  });

  it('edits the averaging window of an excess-spread test and the pipeline of a delinquency test', () => {
    let d = setTriggerWindow(sample(), 'excess-spread', 6);
    const xs = d.structure.triggers[1];
    expect(xs && triggerWindow(xs)).toEqual({
      key: 'averageMonths',
      label: 'Averaged over (months)',
      months: 6,
    });
    d = addTrigger(d, 'delinquency');
    d = setTriggerWindow(d, 'dq', 2);
    const dq = d.structure.triggers.find((t) => t.id === 'dq');
    expect(dq?.test).toMatchObject({ type: 'delinquency', pipelineMonths: 2 });
    // A CNL test has no window: unchanged.
    const cnl = d.structure.triggers[0];
    expect(cnl && triggerWindow(cnl)).toBeNull();
    expect(setTriggerWindow(d, 'cnl', 4).structure.triggers[0]).toEqual(cnl);
    expect('error' in validatedDeal(d, (x) => setTriggerWindow(x, 'dq', 0))).toBe(true);
  });
});

describe('threshold schedules', () => {
  it('adds a step a year after the last at the same level, and removes any but the last one', () => {
    let d = addThresholdStep(sample(), 'cnl');
    expect(d.structure.triggers[0]?.test.schedule).toEqual([
      { fromPeriod: 1, threshold: 0.03 },
      { fromPeriod: 7, threshold: 0.05 },
      { fromPeriod: 13, threshold: 0.07 },
      { fromPeriod: 25, threshold: 0.07 },
    ]);
    d = removeThresholdStep(d, 'cnl', 1);
    expect(d.structure.triggers[0]?.test.schedule.map((s) => s.fromPeriod)).toEqual([1, 13, 25]);
    d = removeThresholdStep(removeThresholdStep(d, 'cnl', 0), 'cnl', 0);
    expect(d.structure.triggers[0]?.test.schedule).toEqual([{ fromPeriod: 25, threshold: 0.07 }]);
    expect(removeThresholdStep(d, 'cnl', 0)).toEqual(d);
  });

  it('says what is wrong with a schedule: order, start period, range', () => {
    const sched: ThresholdStep[] = [
      { fromPeriod: 1, threshold: 0.03 },
      { fromPeriod: 7, threshold: 0.05 },
    ];
    expect(scheduleProblem('cumulativeNetLoss', sched)).toBeNull();
    expect(scheduleProblem('cumulativeNetLoss', [sched[0]!, { ...sched[1]!, fromPeriod: 1 }])).toBe(
      'Step 2 must start after step 1 (period 1)',
    );
    expect(scheduleProblem('cumulativeNetLoss', [{ fromPeriod: 0, threshold: 0.03 }])).toBe(
      'Step 1 must start at a whole period from 1 to 1200',
    );
    expect(scheduleProblem('cumulativeNetLoss', [{ fromPeriod: 2.5, threshold: 0.03 }])).toMatch(
      /whole period/,
    );
    expect(scheduleProblem('cumulativeNetLoss', [sched[0]!, { ...sched[1]!, threshold: 1.5 }])).toBe(
      'Step 2: threshold from 0% to 100%',
    );
    expect(scheduleProblem('ocRatio', [])).toBe('A trigger needs at least one threshold step');
    expect(thresholdProblem('ocRatio', 0)).toBe('Above 0, at most 10×');
    expect(thresholdProblem('ocRatio', 1.05)).toBeNull();
    expect(thresholdProblem('excessSpread', -0.01)).toBeNull();
    expect(thresholdProblem('delinquency', -0.01)).not.toBeNull();
  });

  it('says in a few words where a step may start', () => {
    const sched: ThresholdStep[] = [
      { fromPeriod: 1, threshold: 0.03 },
      { fromPeriod: 7, threshold: 0.05 },
      { fromPeriod: 13, threshold: 0.07 },
    ];
    expect(stepStartProblem(sched, 1, 1)).toBe('After period 1');
    expect(stepStartProblem(sched, 1, 13)).toBe('Before period 13');
    expect(stepStartProblem(sched, 1, 12)).toBeNull();
    expect(stepStartProblem(sched, 0, 0)).toBe('A period, 1 to 1200');
    expect(stepStartProblem(sched, 2, 6.5)).toBe('A period, 1 to 1200');
    expect(stepStartProblem(sched, 2, 1200)).toBeNull();
    // Agrees with the whole-schedule check on every start period.
    for (let k = 0; k < sched.length; k++) {
      for (let v = -1; v <= 20; v++) {
        expect(stepStartProblem(sched, k, v) === null).toBe(
          scheduleProblem('cumulativeNetLoss', patchedSchedule(sched, k, { fromPeriod: v })) === null,
        );
      }
    }
  });

  it('scheduleProblem accepts exactly what the schema and the run accept, or less', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            fromPeriod: fc.integer({ min: -2, max: 40 }),
            threshold: fc.double({ min: -0.5, max: 1.5, noNaN: true }),
          }),
          { maxLength: 5 },
        ),
        (schedule) => {
          const d = sample();
          const edited: Deal = {
            ...d,
            structure: {
              ...d.structure,
              triggers: d.structure.triggers.map((t, i) =>
                i === 0 ? { ...t, test: { ...t.test, schedule } } : t,
              ),
            },
          };
          const problem = scheduleProblem('cumulativeNetLoss', schedule);
          const runRefuses = !Deal.safeParse(edited).success || validateDeal(edited).length > 0;
          // Accepted in place means the run accepts it; anything the run refuses is refused in place.
          if (problem === null) expect(runRefuses).toBe(false);
          if (runRefuses) expect(problem).not.toBeNull();
        },
      ),
    );
  });

  it('changes what a trigger tests: the schedule restarts from the new test, id, effects and a custom name stay', () => {
    const d = levelPay();
    if (d.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: d.pool.lines };
    const before = d.structure.triggers.find((t) => t.id === 'cnl')!;
    const xs = setTriggerType(d, 'cnl', 'excessSpread');
    const t = xs.structure.triggers.find((x) => x.id === 'cnl')!;
    expect(t.test).toEqual({
      type: 'excessSpread',
      schedule: [{ fromPeriod: 1, threshold: 0.01 }],
      averageMonths: 3,
    });
    expect(t.effects).toEqual(before.effects);
    expect(t.curable).toBe(before.curable);
    // The sample's name starts with the CNL default, so it follows the test; a name of the user's own stays.
    expect(before.name).toBe('Cumulative net loss (pro rata to sequential)');
    expect(t.name).toBe('Excess spread (pro rata to sequential)');
    expect(
      setTriggerType(setTriggerName(d, 'cnl', 'Loss test'), 'cnl', 'ocRatio').structure.triggers[0]!.name,
    ).toBe('Loss test');
    expect(setTriggerType(d, 'cnl', 'cumulativeNetLoss')).toBe(d);
    expect('deal' in validatedDeal(xs, (x) => x)).toBe(true);
    // A CNL test at 50% never breaches here; an excess-spread floor of 50% a year breaches at once: the run
    // really tests the new measure.
    const high = setThresholdStep(xs, 'cnl', 0, { threshold: 0.5 });
    const r = runDeal(high, pool);
    expect(r.checks.cashConserved).toBe(true);
    // Excess spread is known once period 1's waterfall has run: tested going into period 2, on period 1's
    // annualised spread (13.47%, under the 50% floor).
    expect(r.triggerEvents[0]).toMatchObject({ id: 'cnl', period: 2, kind: 'breached', threshold: 0.5 });
    expect(r.triggerEvents[0]!.value).toBeCloseTo(r.excessSpread[0]!.annualised, 12);
    expect(r.triggerEvents[0]!.value).toBeCloseTo(0.1347244908, 9);
    let never = d;
    for (const k of [0, 1, 2]) never = setThresholdStep(never, 'cnl', k, { threshold: 0.5 });
    expect(runDeal(never, pool).triggerEvents).toEqual([]);
  });

  it('a step-down to 0.3% CNL fires the trigger in the period it starts, and moving the start moves the breach', () => {
    // level-pay-consumer, base scenario: the CNL schedule (3% / 5% / 7%) is breached only in the clean-up call's
    // month 33, where defaults running to maturity (issue 22) take deal-life CNL to 7.04%. Cumulative net loss
    // on the 500,000,000 pool: defaults through period 4 are 418,588.68 + 586,278.80 + 744,953.39 + 886,548.13
    // = 2,636,369.00 less recoveries 41,858.87 = 0.518902026%; through period 5 add defaults 1,018,775.04 and
    // recoveries 58,627.88: 3,554,657.29 = 0.710931458%. Both above 0.3%, so the breach is the first period
    // tested against 0.3%.
    const d = levelPay();
    if (d.pool.kind !== 'repLines') throw new Error('rep lines expected');
    const pool = { kind: 'repLines' as const, lines: d.pool.lines };
    const base = runDeal(d, pool);
    expect(base.triggerEvents.map((e) => [e.id, e.period, e.kind])).toEqual([['cnl', 33, 'breached']]);
    expect(base.cleanUpCallPeriod).toBe(33);

    const from5 = setThresholdStep(d, 'cnl', 1, { fromPeriod: 5, threshold: 0.003 });
    expect(scheduleProblem('cumulativeNetLoss', from5.structure.triggers[0]!.test.schedule)).toBeNull();
    const r5 = runDeal(from5, pool);
    expect(r5.triggerEvents).toHaveLength(1);
    expect(r5.triggerEvents[0]).toMatchObject({ id: 'cnl', period: 5, threshold: 0.003, kind: 'breached' });
    expect(r5.triggerEvents[0]?.value).toBeCloseTo(0.00710931458, 10);
    // The breach switches principal from pro rata to sequential: B stops receiving principal from period 5.
    const b = r5.tranches.find((t) => t.id === 'B')!;
    expect(b.cashflows[3]?.principal).toBeGreaterThan(0);
    expect(b.cashflows[4]?.principal).toBe(0);

    const r4 = runDeal(setThresholdStep(from5, 'cnl', 1, { fromPeriod: 4 }), pool);
    expect(r4.triggerEvents[0]).toMatchObject({ id: 'cnl', period: 4 });
    expect(r4.triggerEvents[0]?.value).toBeCloseTo(0.00518902026, 10);
    expect(r4.checks.cashConserved).toBe(true);
  });
});

describe('reserve edits', () => {
  it('creates the account with schema defaults, then keeps the other target parts', () => {
    const d = sample();
    const none: Deal = { ...d, structure: { ...d.structure, reserve: undefined } };
    const first = setReserveTarget(none, 'percentOfInitialPool', 0.005);
    expect(first.structure.reserve).toEqual({
      id: 'reserve',
      initialBalance: 0,
      coversPrincipalAtMaturity: true,
      target: { percentOfInitialPool: 0.005, percentOfCurrentPool: 0, floor: 0 },
    });
    const second = setReserveInitialBalance(setReserveTarget(first, 'floor', 250_000), 1_000_000);
    expect(second.structure.reserve).toEqual({
      id: 'reserve',
      initialBalance: 1_000_000,
      coversPrincipalAtMaturity: true,
      target: { percentOfInitialPool: 0.005, percentOfCurrentPool: 0, floor: 250_000 },
    });
    expect(Deal.safeParse(second).success).toBe(true);
    // The sample's own account keeps its id and opening balance when only the target changes.
    expect(setReserveTarget(d, 'percentOfCurrentPool', 0.01).structure.reserve).toMatchObject({
      initialBalance: 2_000_000,
      target: { percentOfInitialPool: 0.0025, percentOfCurrentPool: 0.01 },
    });
  });
});
