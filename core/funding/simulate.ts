/**
 * A mix run month by month through one scenario. Rules: securitise on issuance months above a size, then
 * fill the need in the given order (a bank line up to its borrowing base, retail up to what it can raise…),
 * equity last and always at least its minimum and the haircuts it must carry. Shares: each source aims at
 * its share of the need, capped by what it can provide; what nobody provides is a gap.
 */
import {
  assetsUsed,
  emptyPath,
  equityRequired,
  pledgeable,
  type Allocation,
  type SourcePath,
} from './allocation';
import type { Mix } from './schema';
import type { ScenarioTerms } from './terms';

const EPS = 1e-9;

export function simulateMix(mix: Mix, sc: ScenarioTerms): Allocation {
  const H = sc.book.months;
  const paths: SourcePath[] = sc.sources.map((s) => emptyPath(s.source.id, s.type, H));
  const idx = new Map(sc.sources.map((s, i) => [s.source.id, i]));
  const order: number[] =
    mix.kind === 'rules'
      ? mix.order.map((id) => idx.get(id)).filter((i): i is number => i !== undefined)
      : sc.sources.map((_, i) => i);
  const shareOf = (i: number): number =>
    mix.kind === 'shares' ? (mix.shares[sc.sources[i]?.source.id ?? ''] ?? 0) : 0;

  // Month 0: the funding already in place.
  sc.sources.forEach((s, i) => {
    const p = paths[i];
    if (!p) return;
    if (s.type === 'bankLine') p.balance[0] = s.source.initialDrawn;
    if (s.type === 'retail') p.balance[0] = s.source.initialBalance;
    if (s.type === 'equity') p.balance[0] = s.source.initialAmount;
  });

  for (let t = 1; t <= H; t++) {
    const need = sc.book.need[t] ?? 0;
    // Run-off of last month's issues and sales, before anything new is decided.
    sc.sources.forEach((s, i) => {
      const p = paths[i];
      if (!p) return;
      if (s.type === 'securitization') {
        let n = 0;
        for (let m = 1; m < t; m++) n += (p.added[m] ?? 0) * s.soldShare * (s.notesFactor[t - m] ?? 0);
        p.balance[t] = n;
      } else if (s.type === 'forwardFlow') {
        let w = 0;
        for (let m = 1; m < t; m++) w += (p.added[m] ?? 0) * (s.soldFactor[t - m] ?? 0);
        p.balance[t] = w;
      }
    });
    const used = (): number =>
      sc.sources.reduce((a, s, i) => a + assetsUsed(s, paths[i] as SourcePath, t), 0);
    const eligibleFree = (): number => Math.max(0, pledgeable(sc, t) - used());

    // Securitization first: issues are lumpy and decided on their own schedule.
    sc.sources.forEach((s, i) => {
      const p = paths[i];
      if (!p || s.type !== 'securitization' || (s.issueAllowed[t] ?? 0) === 0) return;
      if (mix.kind === 'rules' && !mix.order.includes(s.source.id)) return;
      const free = eligibleFree();
      let pool: number;
      if (mix.kind === 'rules') pool = free >= mix.securitiseAbove ? mix.securitiseShare * free : 0;
      else pool = s.soldShare > 0 ? Math.max(0, (shareOf(i) * need - (p.balance[t] ?? 0)) / s.soldShare) : 0;
      pool = Math.min(pool, free, s.source.maximumSize ?? Infinity);
      if (pool < s.source.minimumSize || pool <= EPS) return;
      p.added[t] = pool;
      p.balance[t] = (p.balance[t] ?? 0) + pool * s.soldShare;
    });

    const fixed = sc.sources.reduce(
      (a, s, i) =>
        a + (s.type === 'securitization' || s.type === 'forwardFlow' ? (paths[i]?.balance[t] ?? 0) : 0),
      0,
    );
    let remaining = need - fixed - equityRequired(sc, paths, t);
    const eqI = sc.sources.findIndex((s) => s.type === 'equity');
    const eqTerms = sc.sources[eqI];
    const eqPath = paths[eqI];
    if (!eqTerms || eqTerms.type !== 'equity' || !eqPath) throw new Error('a case needs one equity source');
    const eqCap = Math.min(
      eqTerms.maximum[t] ?? 0,
      (eqPath.balance[t - 1] ?? 0) - (eqTerms.erosion[t] ?? 0) + eqTerms.source.maxRaisePerMonth,
    );
    let freeEquity = 0;

    for (const i of order) {
      const s = sc.sources[i];
      const p = paths[i];
      if (!s || !p) continue;
      const target = mix.kind === 'shares' ? shareOf(i) * need : Infinity;
      switch (s.type) {
        case 'bankLine': {
          const adv = s.advance[t] ?? 0;
          const avail = (s.open[t] ?? 0) * Math.min(s.source.commitment, adv * eligibleFree());
          // Each unit drawn funds 1/advance of receivables when equity carries the haircut.
          const per = sc.haircutsFromEquity && adv > 0 ? 1 / adv : 1;
          const d = Math.max(0, Math.min(avail, target, mix.kind === 'rules' ? remaining / per : Infinity));
          p.balance[t] = d;
          remaining -= d * per;
          break;
        }
        case 'forwardFlow': {
          const soldSoFar = p.added.reduce((a, v) => a + v, 0);
          const limit = Math.max(0, (s.source.programmeLimit ?? Infinity) - soldSoFar);
          // Only receivables nobody has pledged, securitised or sold yet can be sold: one eligible pool.
          const room = Math.max(0, Math.min(s.saleCapacity[t] ?? 0, limit, eligibleFree()));
          const want = mix.kind === 'rules' ? remaining : target - (p.balance[t] ?? 0);
          const sale = Math.max(0, Math.min(room, want));
          p.added[t] = sale;
          p.balance[t] = (p.balance[t] ?? 0) + sale;
          remaining -= sale;
          break;
        }
        case 'retail': {
          const cap = (s.keep[t] ?? 0) * (p.balance[t - 1] ?? 0) + (s.raiseCapacity[t] ?? 0);
          // Unmatured notes stay whatever the need: surplus retail money is held as cash.
          const least = (s.floor[t] ?? 0) * (p.balance[t - 1] ?? 0);
          const v = Math.max(least, Math.min(cap, target, mix.kind === 'rules' ? remaining : Infinity));
          p.balance[t] = v;
          p.added[t] = Math.max(0, v - (s.keep[t] ?? 0) * (p.balance[t - 1] ?? 0));
          remaining -= v;
          break;
        }
        case 'equity': {
          const required = equityRequired(sc, paths, t);
          const room = Math.max(0, eqCap - required);
          // A share of the need held as equity includes the haircuts it already carries.
          const want = mix.kind === 'rules' ? remaining : target - required;
          freeEquity = Math.max(0, Math.min(room, want));
          remaining -= freeEquity;
          break;
        }
        case 'securitization':
          break;
      }
    }
    const required = equityRequired(sc, paths, t);
    let e = required + freeEquity;
    // Equity is the last resort in a rules mix, and never below its minimum share.
    if (mix.kind === 'rules' && remaining > EPS) e += remaining;
    e = Math.max(e, eqTerms.minimumShare * need);
    if (!eqTerms.source.releasable) e = Math.max(e, (eqPath.balance[t - 1] ?? 0) - (eqTerms.erosion[t] ?? 0));
    e = Math.min(e, eqCap);
    if (mix.kind === 'rules') {
      // Equity that stays anyway (not releasable, or its minimum share) above what the rules gave it is idle:
      // it repays retail first (dearer than holding cash, and without a haircut to re-balance), down to what
      // retail must keep outstanding, last in the fill order first.
      let idle = e - (required + freeEquity + Math.max(0, remaining));
      for (const i of [...order].reverse()) {
        const s = sc.sources[i];
        const p = paths[i];
        if (idle <= EPS || !s || !p || s.type !== 'retail') continue;
        const prev = p.balance[t - 1] ?? 0;
        const cut = Math.min(idle, (p.balance[t] ?? 0) - (s.floor[t] ?? 0) * prev);
        if (cut <= 0) continue;
        p.balance[t] = (p.balance[t] ?? 0) - cut;
        p.added[t] = Math.max(0, (p.balance[t] ?? 0) - (s.keep[t] ?? 0) * prev);
        idle -= cut;
      }
    }
    eqPath.balance[t] = e;
    eqPath.added[t] = Math.max(0, e - (eqPath.balance[t - 1] ?? 0));
  }
  return { mix: mix.name, scenario: sc.name, paths };
}
