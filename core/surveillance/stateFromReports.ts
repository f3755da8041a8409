/**
 * The deal state as of the latest servicer report (./dealState.ts), for a re-projection from what the trustee
 * published. A monthly report is a payment date, so the report's period is the engine's period and the
 * collection account is empty after it.
 *
 * Taken from the reports: each class's balance and unpaid interest (the last report), the reserve balance (the
 * last report that states it), the pool end balance, cumulative defaults, recoveries and collections (summed
 * over the reports), the trigger states (breached flags of the last report, and the breach/cure history from
 * their changes), the excess-spread history an average trigger reads ((interest collections − fees paid −
 * interest paid) × 12 / pool begin, what the engine measures when nothing is left unpaid), the consecutive
 * months of an interest-shortfall event of default, purchases while revolving.
 *
 * What a report does not publish, and where it comes from (each one named in `source.derived`):
 * - cap carryover, principal deficiency (PDL), fee arrears, liquidity facility and hedge balances, acceleration:
 *   from the previous state in the deal file (`previous`) when there is one, else nothing owed / not accelerated.
 *   Reports publish what was paid, not what is still owed to a fee, a facility or a counterparty; the trustee's
 *   ledgers are the source, and the deal file's previous state is the nearest thing we hold.
 * - uncured write-downs: the write-downs the reports published, summed (a written-back amount is paid as
 *   principal and reports do not separate it, so a deal that writes back would overstate it).
 * - cumulative losses: defaults less recoveries, the charge-off view consumer ABS reports use (a liquidation
 *   model's realised loss is not in the report).
 * - the reserve when no report states it: its target as of the last report (a reserve kept at its target, as
 *   in a deal whose excess spread funds the deposits).
 * - purchases while revolving: each month's purchase split over the eligible profile lines by their weight, as
 *   the engine buys without concentration limits (reports give the total, not the lines).
 * - the first period the clean-up call was eligible: the first report whose pool end is at or below the call's
 *   share of the cut-off pool.
 * Reports that do not start at period 1 are added to the previous state's cumulative figures when it is the
 * month before them.
 */
import type { Deal } from '../deal/schema';
import { coreMessage } from '../i18n/messages';
import { cents, fromCents, mulDiv } from '../money';
import type { TriggerEvent } from '../result';
import { DealError } from '../run';
import { eligibilityFailureMessages } from '../structure/revolving';
import { reserveTarget } from '../structure/reserve';
import { thresholdAt } from '../structure/triggers';
import type { DealState, DerivedItem } from './dealState';
import type { ServicerReport } from './servicerReport';

/** Sums amounts exactly in cents. */
const total = (xs: readonly number[]): number => fromCents(xs.reduce((a, x) => a + cents(x), 0));

/** The state after the last of `reports` (reconciled, in period order); `previous` fills what reports lack. */
export function stateFromReports(
  deal: Deal,
  reports: readonly ServicerReport[],
  previous?: DealState,
): DealState {
  const last = reports[reports.length - 1];
  if (!last) {
    throw new DealError([{ path: 'surveillance.reports', ...coreMessage('dealRestart.noReports') }]);
  }
  const s = deal.structure;
  for (const tr of s.tranches) {
    if (!last.classes.some((c) => c.id === tr.id))
      throw new DealError([
        {
          path: `surveillance.reports[${reports.length - 1}].classes`,
          ...coreMessage('dealRestart.reportClassMissing', { period: last.period, id: tr.id }),
        },
      ]);
  }
  const derived: DerivedItem[] = [];
  const first = reports[0]!;
  // The previous state counts only when it is the month before the first report (else it overlaps or leaves a gap).
  const before = previous && previous.period === first.period - 1 ? previous : undefined;
  const carried = previous && previous.period <= last.period ? previous : undefined;
  if (first.period > 1 && !before) derived.push('cumulativeFromFirstReport');

  let initial = first.pool.beginBalance;
  if (first.period > 1) {
    if (before) initial = before.initialPoolBalance;
    else if (deal.pool.kind === 'repLines') initial = total(deal.pool.lines.map((l) => l.balance));
    else derived.push('initialPoolBalance');
  }
  const sum = (f: (r: ServicerReport) => number, base = 0): number => total([base, ...reports.map(f)]);
  const cumDefaults = sum((r) => r.pool.defaults, before?.pool.cumulativeDefaults);
  const cumRecoveries = sum((r) => r.pool.recoveries, before?.pool.cumulativeRecoveries);
  const cumCollections = sum(
    (r) => r.pool.interestCollections + r.pool.principalCollections + r.pool.recoveries,
    before?.pool.cumulativeCollections,
  );
  derived.push('cumulativeLosses');
  const notesEnd = total(last.classes.map((c) => c.endBalance));

  const byId = new Map(last.classes.map((c) => [c.id, c]));
  const classes = s.tranches.map((tr) => {
    const c = byId.get(tr.id)!;
    const was = carried?.classes.find((x) => x.id === tr.id);
    return {
      id: tr.id,
      balance: c.endBalance,
      interestShortfall: c.interestShortfall,
      capCarryover: was?.capCarryover ?? 0,
      principalDeficiency: Math.min(was?.principalDeficiency ?? 0, c.endBalance),
      writtenDown: sum(
        (r) => r.classes.find((x) => x.id === tr.id)?.writeDown ?? 0,
        before?.classes.find((x) => x.id === tr.id)?.writtenDown,
      ),
    };
  });
  // Only what this deal has: a cap, a PDL, fees, a facility, hedges, events of default.
  if (s.tranches.some((tr) => tr.availableFundsCap === true)) derived.push('capCarryover');
  if (s.principalDeficiencyLedger === true) derived.push('principalDeficiency');
  if (s.fees.length > 0) derived.push('feeArrears');
  if (s.liquidityFacility) derived.push('liquidity');
  if ((s.hedges ?? []).length > 0) derived.push('hedges');
  if ((s.phases?.eventsOfDefault ?? []).length > 0) derived.push('acceleration');
  if (s.lossAllocation !== 'none') derived.push('writtenDown');

  const stated = [...reports].reverse().find((r) => r.reserve !== undefined)?.reserve;
  let reserveBalance = 0;
  if (stated) reserveBalance = stated.endBalance;
  else if (s.reserve) {
    const notesBegin = total(last.classes.map((c) => c.beginBalance));
    reserveBalance = fromCents(
      reserveTarget(s.reserve, cents(last.pool.endBalance), cents(initial), cents(notesBegin), false),
    );
    derived.push('reserveBalance');
  }

  // Trigger history from the reports' breached flags; the threshold is the deal's in force that month.
  const history: TriggerEvent[] = [...(before?.triggers.history ?? [])];
  const breached = new Set(before?.triggers.breached ?? []);
  let revolvingEnded = before?.triggers.revolvingEnded ?? false;
  for (const r of reports) {
    for (const tr of s.triggers) {
      const test = r.triggers.find((x) => x.id === tr.id);
      if (!test) continue;
      const threshold = thresholdAt(tr, r.period) ?? 0;
      if (test.breached && !breached.has(tr.id)) {
        breached.add(tr.id);
        if (tr.effects.includes('endRevolving')) revolvingEnded = true;
        history.push({
          id: tr.id,
          period: r.period,
          date: r.paymentDate,
          value: test.value,
          threshold,
          kind: 'breached',
        });
      } else if (!test.breached && breached.has(tr.id) && tr.curable) {
        breached.delete(tr.id);
        history.push({
          id: tr.id,
          period: r.period,
          date: r.paymentDate,
          value: test.value,
          threshold,
          kind: 'cured',
        });
      }
    }
  }

  const longestAverage = s.triggers.reduce(
    (m, tr) => (tr.test.type === 'excessSpread' ? Math.max(m, tr.test.averageMonths) : m),
    0,
  );
  const spread = [
    ...(before?.triggers.excessSpread ?? []),
    ...reports.map((r) => {
      const interestPaid = r.classes.reduce((a, c) => a + c.interestPaid, 0);
      const begin = r.pool.beginBalance;
      return {
        period: r.period,
        annualised: begin === 0 ? 0 : ((r.pool.interestCollections - r.feesPaid - interestPaid) * 12) / begin,
      };
    }),
  ];

  // Events of default: consecutive months with an interest shortfall, and a breached trigger that is one.
  const events = s.phases?.eventsOfDefault ?? [];
  let acceleration = carried?.eventsOfDefault.acceleration ?? null;
  const counts = events.map((e, k) => {
    if (e.type !== 'interestShortfall') return 0;
    let n = 0;
    for (let i = reports.length - 1; i >= 0; i--) {
      const short = e.tranches.some(
        (id) => (reports[i]!.classes.find((c) => c.id === id)?.interestShortfall ?? 0) > 0,
      );
      if (!short) break;
      n++;
    }
    if (acceleration === null && n >= e.periods)
      acceleration = { period: last.period + 1, event: k, type: e.type, testedPeriod: last.period };
    return n;
  });
  if (acceleration === null) {
    events.forEach((e, k) => {
      if (acceleration !== null || e.type !== 'trigger') return;
      const hit = history.find((h) => h.id === e.trigger && h.kind === 'breached');
      if (!hit) return;
      const after = s.triggers.find((tr) => tr.id === e.trigger)?.testedAt === 'afterDistribution';
      acceleration = {
        period: after ? hit.period + 1 : hit.period,
        event: k,
        type: 'trigger',
        testedPeriod: hit.period,
      };
    });
  }

  const rev = s.revolving;
  let revolving: DealState['revolving'];
  if (rev) {
    const eligible = rev.profile.filter((l) => eligibilityFailureMessages(l, rev.eligibility).length === 0);
    const weight = eligible.reduce((a, l) => a + l.balance, 0);
    const purchases = [...(before?.revolving?.purchases ?? [])];
    for (const r of reports) {
      if (!(r.pool.purchases > 0) || weight === 0) continue;
      const par = cents(r.pool.purchases);
      let given = 0;
      eligible.forEach((l, i) => {
        const share = i === eligible.length - 1 ? par - given : mulDiv(par, l.balance / weight);
        given += share;
        if (share > 0) purchases.push({ period: r.period, line: l.id, par: fromCents(share) });
      });
    }
    derived.push('revolvingPurchases');
    const lastBuy = [...reports].reverse().find((r) => r.pool.purchases > 0)?.period ?? 0;
    const ended = revolvingEnded || last.period >= rev.endPeriod || acceleration !== null;
    revolving = {
      endPeriod: ended ? Math.min(rev.endPeriod, Math.max(lastBuy, before?.revolving?.endPeriod ?? 0)) : null,
      remainingMonths: ended ? 0 : rev.endPeriod - last.period,
      purchasedPar: total(purchases.map((p) => p.par)),
      purchases,
    };
  }

  const call = s.cleanUpCall;
  const callLine = call ? mulDiv(cents(initial), call.poolShare) : 0;
  if (call && !before) derived.push('callEligiblePeriod');
  const callEligible =
    before?.calendar.callEligiblePeriod ??
    (call
      ? (reports.find(
          (r) => r.pool.endBalance > 0 && cents(r.pool.endBalance) <= callLine && !(r.pool.purchases > 0),
        )?.period ?? null)
      : null);
  const called = last.pool.endBalance === 0 && last.pool.repurchases > 0;

  return {
    period: last.period,
    date: last.paymentDate,
    paymentDate: true,
    initialPoolBalance: initial,
    classes,
    fees: s.fees.map((f) => {
      const was = carried?.fees.find((x) => x.id === f.id);
      return {
        id: f.id,
        arrears: was?.arrears ?? 0,
        pending: 0,
        ...(was?.capExcessOwed !== undefined ? { capExcessOwed: was.capExcessOwed } : {}),
      };
    }),
    reserveBalance,
    collectionAccount: { interest: 0, principal: 0 },
    ...(s.liquidityFacility
      ? { liquidity: carried?.liquidity ?? { drawn: 0, interestOwed: 0, feeOwed: 0 } }
      : {}),
    hedges: (s.hedges ?? []).map((h) => ({
      id: h.id,
      owed: carried?.hedges.find((x) => x.id === h.id)?.owed ?? 0,
    })),
    pool: {
      endBalance: last.pool.endBalance,
      cumulativeDefaults: cumDefaults,
      cumulativeRecoveries: cumRecoveries,
      cumulativeLosses: Math.max(0, total([cumDefaults, -cumRecoveries])),
      cumulativeCollections: cumCollections,
      lossSincePayment: 0,
      ocPool: last.pool.endBalance,
      ocNotes: notesEnd,
    },
    triggers: {
      breached: s.triggers.filter((tr) => breached.has(tr.id)).map((tr) => tr.id),
      revolvingEnded,
      history,
      excessSpread: spread.slice(Math.max(0, spread.length - longestAverage)),
    },
    eventsOfDefault: { counts, acceleration },
    phase: acceleration !== null ? 'accelerated' : last.pool.purchases > 0 ? 'revolving' : 'amortising',
    calendar: {
      nextPaymentPeriod: last.period + 1,
      lastAccrualPeriod: last.period,
      excessSpreadInterestCounted: 0,
      excessSpreadFeesCounted: 0,
      callEligiblePeriod: callEligible,
    },
    ...(revolving ? { revolving } : {}),
    cleanUpCallPeriod: called ? last.period : null,
    source: { kind: 'reports', lastReport: last.period, derived, previousState: carried?.period ?? null },
  };
}
