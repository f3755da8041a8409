import { describe, expect, it } from 'vitest';
import { Funds } from '../../../core/structure/funds';

// A period's available funds, worked by hand: a step takes from its sources in the order it lists them, the
// reserve only where the deal lets it, and `took` says where the last take's cash came from.
describe('Funds', () => {
  it('takes from the listed sources in order and says where the cash came from', () => {
    const f = new Funds(10_000, 5_000, 3_000);
    expect(f.take(12_000, ['interest', 'principal'], false)).toBe(12_000);
    expect(f.took).toEqual({ interest: 10_000, principal: 2_000, reserve: 0, total: 12_000 });
    expect([f.interest, f.principal, f.reserve]).toEqual([0, 3_000, 3_000]);
  });

  it('leaves the reserve alone unless the step may draw it', () => {
    const f = new Funds(1_000, 0, 3_000);
    expect(f.take(2_500, ['interest', 'principal', 'reserve'], false)).toBe(1_000);
    expect(f.took).toEqual({ interest: 1_000, principal: 0, reserve: 0, total: 1_000 });
    expect(f.take(2_500, ['reserve'], true)).toBe(2_500);
    expect(f.took).toEqual({ interest: 0, principal: 0, reserve: 2_500, total: 2_500 });
    expect(f.reserveDrawn).toBe(2_500);
  });

  it('overwrites the split at each take and starts a period afresh on reset', () => {
    const f = new Funds(4_000, 4_000, 1_000);
    f.take(1_000, ['principal'], false);
    f.take(0, ['interest'], false);
    expect(f.took).toEqual({ interest: 0, principal: 0, reserve: 0, total: 0 });
    f.release(1_000);
    expect([f.interest, f.reserve, f.reserveDrawn]).toEqual([5_000, 0, 1_000]);
    f.reset(7_000, 2_000, 500);
    expect([f.interest, f.principal, f.reserve, f.reserveDrawn]).toEqual([7_000, 2_000, 500, 0]);
  });

  it('adds up a source listed twice', () => {
    const f = new Funds(3_000, 0, 0);
    expect(f.take(2_000, ['interest', 'interest'], false)).toBe(2_000);
    expect(f.took.interest).toBe(2_000);
  });
});
