import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { translator } from '../../../core/i18n';
import { coreText } from '../../../core/i18n/messages';
import { describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import type { LoanPool } from '../../../core/pool/loanPool';
import { validateDeal } from '../../../core/deal/validate';
import { runDeal } from '../../../core/run';
import { validatedDeal } from '../../../renderer/project/dealEdit';
import {
  addConcentrationLimit,
  addProfileLine,
  asPercentages,
  eligibleListProblem,
  knownSegments,
  limitProblem,
  profileExclusions,
  profileIdProblem,
  profileShares,
  removeConcentrationLimit,
  removeProfileLine,
  setConcentrationLimit,
  setProfileField,
  setProfileProduct,
  setProfileShare,
  setRevolvingNumber,
  setRevolvingOn,
  shareProblem,
  tapeSegments,
  termProblem,
  toggleEligible,
  PRODUCTS,
} from '../../../renderer/project/revolvingEdit';

const sample = (): Deal =>
  Deal.parse(JSON.parse(readFileSync('samples/deals/revolving-installment.deal.json', 'utf8')));

const run = (d: Deal) =>
  runDeal(
    d,
    { kind: 'repLines', lines: d.pool.kind === 'repLines' ? d.pool.lines : [] },
    { analytics: false },
  );

/** Applies an edit the way the UI does (schema-validated) and fails the test on a refusal. */
function apply(d: Deal, update: (x: Deal) => Deal): Deal {
  const r = validatedDeal(d, update);
  if ('error' in r) throw new Error(r.error);
  return r.deal;
}

const rev = (d: Deal) => {
  if (!d.structure.revolving) throw new Error('revolving expected');
  return d.structure.revolving;
};

// The sample's profile weights are 25 / 25 / 30 / 20 (new-ifee-3m, new-ifee-6m, new-ifee-12m, new-level-12m).
describe('profile shares', () => {
  it('reads the sample weights as shares', () => {
    expect(profileShares(rev(sample()))).toEqual([0.25, 0.25, 0.3, 0.2]);
  });

  it('setting one share rescales the others in proportion, total 100%', () => {
    const d = apply(sample(), (x) => setProfileShare(x, 0, 0.4));
    // The other three keep 25:30:20 within the remaining 60%: 20, 24, 16.
    expect(rev(d).profile.map((l) => l.balance)).toEqual([40, 20, 24, 16]);
  });

  it('largest remainder keeps thirds at exactly 100', () => {
    const p = asPercentages([1, 1, 1]);
    expect(p).toEqual([33.3334, 33.3333, 33.3333]);
    expect(asPercentages([0, 0])).toEqual([50, 50]);
  });

  it('refuses shares out of range with a readable message', () => {
    const r = rev(sample());
    expect(shareProblem(r, 0, 0)).toMatch(/above 0%/);
    expect(shareProblem(r, 0, 1.2)).toMatch(/cannot exceed 100%/);
    expect(shareProblem(r, 0, 1)).toMatch(/other lines would get nothing/);
    expect(shareProblem(r, 0, 0.5)).toBeNull();
    // An out-of-range share leaves the deal as it was.
    expect(setProfileShare(sample(), 0, 0)).toEqual(sample());
  });

  it('adds a copy of the last line under a fresh id with an equal share', () => {
    const d = apply(sample(), addProfileLine);
    const r = rev(d);
    expect(r.profile.map((l) => l.id)).toEqual([
      'new-ifee-3m',
      'new-ifee-6m',
      'new-ifee-12m',
      'new-level-12m',
      'new-level-12m-2',
    ]);
    // Each old share × 4/5, the new line 1/5.
    expect(r.profile.map((l) => l.balance)).toEqual([20, 20, 24, 16, 20]);
    expect(r.profile[4]?.rate).toBe(0.18);
  });

  it('removes a line; the rest keep their proportions; the last line cannot go', () => {
    const d = apply(sample(), (x) => removeProfileLine(x, 3));
    expect(rev(d).profile.map((l) => l.balance)).toEqual([31.25, 31.25, 37.5]);
    let one = d;
    one = apply(one, (x) => removeProfileLine(x, 0));
    one = apply(one, (x) => removeProfileLine(x, 0));
    expect(rev(one).profile).toHaveLength(1);
    const r = validatedDeal(one, (x) => removeProfileLine(x, 0));
    expect('error' in r && r.error).toMatch(/structure\.revolving\.profile/);
  });

  it('any sequence of adds, removes and share edits keeps shares at 100% and the deal valid', () => {
    const op = fc.oneof(
      fc.constant({ kind: 'add' as const }),
      fc.record({ kind: fc.constant('remove' as const), i: fc.nat({ max: 9 }) }),
      fc.record({
        kind: fc.constant('share' as const),
        i: fc.nat({ max: 9 }),
        s: fc.double({ min: 0.001, max: 0.999, noNaN: true }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let d = sample();
        for (const o of ops) {
          const n = rev(d).profile.length;
          const next =
            o.kind === 'add'
              ? addProfileLine(d)
              : o.kind === 'remove'
                ? n > 1
                  ? removeProfileLine(d, o.i % n)
                  : d
                : setProfileShare(d, o.i % n, o.s);
          d = next;
        }
        const total = rev(d).profile.reduce((a, l) => a + l.balance, 0);
        expect(Math.round(total * 10_000)).toBe(1_000_000);
        const ids = rev(d).profile.map((l) => l.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(Deal.safeParse(d).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('profile line fields', () => {
  it('an unseasoned line keeps both terms together; a seasoned one does not', () => {
    let d = apply(sample(), (x) => setProfileField(x, 1, 'originalTerm', 9));
    expect(rev(d).profile[1]).toMatchObject({ originalTerm: 9, remainingTerm: 9 });
    d = apply(d, (x) => setProfileField(x, 1, 'remainingTerm', 7));
    d = apply(d, (x) => setProfileField(x, 1, 'originalTerm', 10));
    expect(rev(d).profile[1]).toMatchObject({ originalTerm: 10, remainingTerm: 7 });
  });

  it('term problems read as sentences; the schema refuses remaining above original too', () => {
    const line = rev(sample()).profile[2];
    if (!line) throw new Error('line expected');
    expect(termProblem(line, 'remainingTerm', 13)).toBe('Above the original term (12)');
    expect(termProblem(line, 'originalTerm', 0)).toMatch(/at least 1/);
    expect(termProblem(line, 'originalTerm', 2.5)).toMatch(/whole number/);
    expect(termProblem(line, 'originalTerm', 24)).toBeNull();
    const r = validatedDeal(sample(), (x) => setProfileField(x, 2, 'remainingTerm', 13));
    expect('error' in r && r.error).toMatch(/remainingTerm exceeds originalTerm/);
  });

  it('product changes fill what the product needs', () => {
    let d = apply(sample(), (x) => setProfileProduct(x, 3, 'revolving'));
    // A 12-month line becomes a revolving balance paid down at 1/12 a month.
    expect(rev(d).profile[3]?.paymentRate).toBeCloseTo(1 / 12, 12);
    d = apply(d, (x) => setProfileProduct(x, 3, 'interest-free-fee'));
    // No fee yet: the bottom of JD Baitiao's 0.5-1.2% a month; the payment rate goes with the revolving product.
    expect(rev(d).profile[3]).toMatchObject({
      product: 'interest-free-fee',
      rate: 0,
      monthlyFeeRate: 0.005,
      paymentRate: 0,
    });
    // Away from interest-free, the (hidden) fee is cleared so the projection stops charging it.
    d = apply(d, (x) => setProfileProduct(x, 0, 'bullet'));
    expect(rev(d).profile[0]).toMatchObject({ product: 'bullet', monthlyFeeRate: 0 });
    expect(rev(d).profile[1]?.monthlyFeeRate).toBe(0.007);
  });

  it('ids must be unique and schema-shaped', () => {
    const r = rev(sample());
    expect(profileIdProblem(r, 0, 'new-ifee-6m')).toBe('Another line is already called new-ifee-6m');
    expect(profileIdProblem(r, 0, 'a b')).toMatch(/letters, digits/);
    expect(profileIdProblem(r, 0, 'new-ifee-3m')).toBeNull();
  });

  it('renaming a segment no other line or pool line uses carries its limit along', () => {
    let d = apply(sample(), (x) => setProfileField(x, 0, 'segment', 'promo'));
    d = apply(d, (x) => addConcentrationLimit(x, 'segment'));
    d = apply(d, (x) => setConcentrationLimit(x, 2, { value: 'promo', maxShare: 0.1 }));
    d = apply(d, (x) => setProfileField(x, 0, 'segment', 'promo2'));
    expect(rev(d).concentrationLimits[2]).toEqual({ key: 'segment', value: 'promo2', maxShare: 0.1 });
    // ifee-12m is still a pool segment, so its limit stays put when a profile line leaves it.
    d = apply(d, (x) => setProfileField(x, 2, 'segment', 'other'));
    expect(rev(d).concentrationLimits[1]?.value).toBe('ifee-12m');
  });
});

describe('eligibility by product and segment', () => {
  it('lists segments from the pool and the revolving rules', () => {
    expect(knownSegments(sample())).toEqual(['ifee-12m', 'ifee-3m', 'ifee-6m', 'level-pay']);
    // An imported tape's segments join them (a tape replaces the rep lines in the run).
    expect(knownSegments(sample(), ['prime', 'ifee-3m'])).toEqual([
      'ifee-12m',
      'ifee-3m',
      'ifee-6m',
      'level-pay',
      'prime',
    ]);
  });

  it('a tape lists only the segments its loans carry', () => {
    const loans = { size: 3, segment: new Uint16Array([2, 0, 2]), segmentNames: ['A', 'B', 'C'] };
    expect(tapeSegments(loans as unknown as LoanPool)).toEqual(['A', 'C']);
    expect(tapeSegments(null)).toEqual([]);
  });

  it('turning a product off excludes its profile line, with the engine’s reason', () => {
    const d = apply(sample(), (x) => toggleEligible(x, 'products', 'level-pay', false, PRODUCTS));
    expect(rev(d).eligibility.products).toEqual(['interest-free-fee']);
    expect(profileExclusions(rev(d))).toMatchObject([
      { id: 'new-level-12m', reasons: ['product level-pay not eligible'] },
    ]);
    // The same reason in the interface language.
    const [why] = profileExclusions(rev(d))[0]!.messages;
    expect(coreText(translator('zh-CN'), why!)).toBe('产品 level-pay 不符合合格标准');
    const back = apply(d, (x) => toggleEligible(x, 'products', 'level-pay', true, PRODUCTS));
    // Back on, in the schema's product order.
    expect(rev(back).eligibility.products).toEqual(['level-pay', 'interest-free-fee']);
  });

  it('an unrestricted segment list starts from every known segment', () => {
    const choices = knownSegments(sample());
    const d = apply(sample(), (x) => toggleEligible(x, 'segments', 'ifee-3m', false, choices));
    expect(rev(d).eligibility.segments).toEqual(['ifee-12m', 'ifee-6m', 'level-pay']);
    expect(profileExclusions(rev(d)).map((x) => x.id)).toEqual(['new-ifee-3m']);
    expect(eligibleListProblem([], 'segment')).toBe(
      'No segment would be eligible, so nothing could be bought',
    );
    expect(eligibleListProblem(undefined, 'segment')).toBeNull();
  });

  it('excluding a product through the helpers stops the engine buying it', () => {
    const d = apply(sample(), (x) => toggleEligible(x, 'products', 'level-pay', false, PRODUCTS));
    const r = run(d);
    expect(r.revolving?.excludedProfileLines).toMatchObject([
      { id: 'new-level-12m', reasons: ['product level-pay not eligible'] },
    ]);
    expect(r.revolving?.excludedProfileLines[0]?.reasonMessages?.[0]?.code).toBe(
      'revolving.productNotEligible',
    );
    expect(r.checks.cashConserved).toBe(true);
  });
});

describe('concentration limits', () => {
  it('adds a limit on the first product without one, edits and removes it', () => {
    let d = apply(sample(), (x) => addConcentrationLimit(x, 'product'));
    // level-pay already has one, so the new limit goes to the first other product in schema order.
    expect(rev(d).concentrationLimits[2]).toEqual({
      key: 'product',
      value: 'equal-principal',
      maxShare: 0.35,
    });
    d = apply(d, (x) => setConcentrationLimit(x, 2, { value: 'bullet', maxShare: 0.05 }));
    expect(rev(d).concentrationLimits[2]).toEqual({ key: 'product', value: 'bullet', maxShare: 0.05 });
    d = apply(d, (x) => removeConcentrationLimit(x, 0));
    expect(rev(d).concentrationLimits.map((c) => c.value)).toEqual(['ifee-12m', 'bullet']);
  });

  it('refuses a second limit on the same group, an empty name and a share above 100%', () => {
    const r = rev(sample());
    expect(limitProblem(r, 1, { key: 'product', value: 'level-pay', maxShare: 0.2 })).toBe(
      'There is already a limit on product level-pay',
    );
    expect(limitProblem(r, 0, { key: 'segment', value: ' ', maxShare: 0.2 })).toMatch(/Name the segment/);
    expect(limitProblem(r, 0, { key: 'product', value: 'level-pay', maxShare: 1.5 })).toMatch(/0% to 100%/);
    expect(limitProblem(r, 0, { key: 'product', value: 'level-pay', maxShare: 0.2 })).toBeNull();
    const bad = validatedDeal(sample(), (x) => setConcentrationLimit(x, 0, { maxShare: 1.5 }));
    expect('error' in bad).toBe(true);
  });
});

describe('edited deals run (revolving-installment sample)', () => {
  it('a higher rate on the level-pay profile line adds exactly its interest on period 1’s purchase', () => {
    const before = run(sample());
    const d = apply(sample(), (x) => setProfileField(x, 3, 'rate', 0.24));
    const after = run(d);
    const first = before.revolving?.purchases[0];
    // No limit binds in period 1, so new-level-12m gets exactly its 20% weight of the purchase. The purchase
    // replaces what the pool lost in period 1: 154,498,489.60 when no line defaulted in its last 3 months, plus,
    // now that defaults run to maturity (issue 22), the month-1 defaults of the lines within 3 months of maturity
    // net of the amortisation they would have paid, MDR × r × balance: MDR × (80m × 2/3 + 60m × 1/2 + 70m × 2/3)
    // = MDR × 130m = 668,591.67 (ifee-3m-new, ifee-3m-seasoned, ifee-6m-seasoned), with MDR = 1 − 0.94^(1/12).
    const mdr = 1 - Math.pow(1 - 0.06, 1 / 12);
    const par = 154_498_489.6 + 130_000_000 * mdr;
    expect(par).toBeCloseTo(155_167_081.27, 1);
    expect(first).toMatchObject({ period: 1, par: expect.closeTo(par, 1), limitedBy: [] });
    // Period 1's purchases pay from period 2: interest = bought × (1 − MDR) × rate / 12 (CDR 6%). The 6-point
    // rate rise adds 155,167,081.27 × 0.2 × (1 − MDR) × 0.06 / 12.
    const expected = par * 0.2 * (1 - mdr) * (0.06 / 12);
    expect(expected).toBeCloseTo(154_369.0, 0);
    expect(after.pool.periods[0]?.interest).toBe(before.pool.periods[0]?.interest);
    expect((after.pool.periods[1]?.interest ?? 0) - (before.pool.periods[1]?.interest ?? 0)).toBeCloseTo(
      expected,
      1,
    );
    expect(after.checks.cashConserved).toBe(true);
  });

  it('a concentration limit on a new segment caps purchases at limit / (1 − limit) of the pool before them', () => {
    // One profile line in a segment the pool does not hold, limited to 10% of the pool after each purchase:
    // bought = 0.1 × (pool before + bought), so bought = pool before / 9.
    let d = sample();
    for (const i of [3, 2, 1]) d = apply(d, (x) => removeProfileLine(x, i));
    d = apply(d, (x) => setProfileField(x, 0, 'segment', 'promo'));
    d = apply(d, (x) => addConcentrationLimit(x, 'segment'));
    const at = rev(d).concentrationLimits.length - 1;
    d = apply(d, (x) => setConcentrationLimit(x, at, { value: 'promo', maxShare: 0.1 }));
    expect(validateDeal(d)).toEqual([]);
    const r = run(d);
    const p1 = r.pool.periods[0];
    if (!p1) throw new Error('period 1 expected');
    const poolBefore = p1.endBalance - p1.purchases;
    // 645,501,510.40 before defaults ran to maturity (issue 22), less the month-1 defaults of the lines within 3
    // months of maturity net of their amortisation: (1 − 0.94^(1/12)) × 130m = 668,591.67 (see the test above).
    expect(poolBefore).toBeCloseTo(645_501_510.4 - 130_000_000 * (1 - Math.pow(0.94, 1 / 12)), 1);
    expect(r.revolving?.purchases[0]?.limitedBy).toEqual(['segment:promo']);
    expect(p1.purchases).toBeCloseTo(poolBefore / 9, 1);
    expect(p1.purchases).toBeCloseTo(71_648_102.08, 1);
    // Unlimited, the same line would restore the pool to its 800,000,000.
    expect(run(apply(d, (x) => removeConcentrationLimit(x, at))).pool.periods[0]?.endBalance).toBe(
      800_000_000,
    );
    expect(r.checks.cashConserved).toBe(true);
  });
});

describe('turning the revolving period off and on', () => {
  it('off: drops the period, its purchase step, endRevolving effects and the triggers left with nothing', () => {
    const d = apply(sample(), (x) => setRevolvingOn(x, false));
    expect(d.structure.revolving).toBeUndefined();
    expect(d.structure.waterfall.some((w) => w.pay === 'purchase')).toBe(false);
    // cnl kept trapCash; excess-spread only ended revolving, so it goes.
    expect(d.structure.triggers.map((t) => [t.id, t.effects])).toEqual([['cnl', ['trapCash']]]);
    expect(validateDeal(d)).toEqual([]);
    const r = run(d);
    expect(r.revolvingEndPeriod).toBeNull();
    expect(r.pool.periods[0]?.purchases).toBe(0);
    expect(r.checks.cashConserved).toBe(true);
  });

  it('on: 24 months (Affirm 2023-B), the pool’s lines bought new, a purchase step before principal', () => {
    const off = apply(sample(), (x) => setRevolvingOn(x, false));
    const d = apply(off, (x) => setRevolvingOn(x, true));
    const r = rev(d);
    expect(r.endPeriod).toBe(24);
    expect(r.purchasePrice).toBe(100);
    // New and seasoned lines of one shape merge: 3m 140m, 6m 190m, 12m 240m, level 12m 130m, 24m 100m of 800m.
    expect(r.profile.map((l) => [l.id, l.balance, l.remainingTerm])).toEqual([
      ['new-ifee-12m-new', 30, 12],
      ['new-ifee-6m-new', 23.75, 6],
      ['new-ifee-3m-new', 17.5, 3],
      ['new-level-12m', 16.25, 12],
      ['new-level-24m', 12.5, 24],
    ]);
    const steps = d.structure.waterfall.map((w) => w.pay);
    expect(steps.indexOf('purchase')).toBe(steps.indexOf('principal') - 1);
    expect(validateDeal(d)).toEqual([]);
    const run1 = run(d);
    expect(run1.pool.periods[0]?.endBalance).toBe(800_000_000);
    expect(run1.checks.cashConserved).toBe(true);
    // Turning on twice changes nothing; a short horizon shortens the default period.
    expect(setRevolvingOn(d, true)).toBe(d);
    const short = apply(off, (x) => setRevolvingOn({ ...x, horizonMonths: 12 }, true));
    expect(rev(short).endPeriod).toBe(11);
  });

  it('edits on a static deal change nothing', () => {
    const off = apply(sample(), (x) => setRevolvingOn(x, false));
    expect(setRevolvingNumber(off, 'endPeriod', 3)).toBe(off);
    expect(addProfileLine(off)).toBe(off);
    expect(toggleEligible(off, 'products', 'bullet', true, PRODUCTS)).toBe(off);
  });

  it('sets the end period, price and target pool share', () => {
    let d = apply(sample(), (x) => setRevolvingNumber(x, 'endPeriod', 6));
    d = apply(d, (x) => setRevolvingNumber(x, 'purchasePrice', 101));
    d = apply(d, (x) => setRevolvingNumber(x, 'targetPoolShare', 0.9));
    expect(rev(d)).toMatchObject({ endPeriod: 6, purchasePrice: 101, targetPoolShare: 0.9 });
    expect('error' in validatedDeal(d, (x) => setRevolvingNumber(x, 'targetPoolShare', 1.2))).toBe(true);
  });
});
