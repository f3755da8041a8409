/**
 * The priority of payments, period by period, in decimal. Inputs are the pool's per-period collections (a
 * projection, or hand-made figures as in the reference case); each period's totals are rounded half-even to
 * cents as they enter, then every step of `structure.waterfall` runs in order over the named sources. After the
 * steps, losses are allocated and the period is reconciled: collections = payments out of the deal + change in
 * the reserve, to the cent.
 *
 * Order inside a period: read collections → test triggers → decide the clean-up call → release reserve cash
 * above target → steps in order (anything left unassigned goes to the seller as an extra row) → write-downs.
 *
 * Accounting of `WaterfallPeriod`: `sources.total` is cash entering the deal (interest collections, principal
 * collections = scheduled principal + prepayments, recoveries, clean-up call proceeds); `sources.reserveDraw`
 * (releases and draws) is a transfer from the reserve, so it is shown but not in the total. `uses.total` is cash
 * leaving the deal (fees, interest, principal, purchases, residual); deposits into the reserve (including cash
 * trapped by a trigger) are in the step rows but not in `uses.total`. Then `difference` = sources.total −
 * uses.total − (reserve end − reserve begin), computed from the independently kept balances, is zero.
 */
import type { Scenario, Structure, Tranche, WaterfallStep } from '../deal/schema';
import type { PoolProjection } from '../projection/types';
import type {
  PoolPeriodRow,
  RevolvingReport,
  TrancheCashflowRow,
  TrancheResult,
  TriggerEvent,
  WaterfallPeriod,
  WaterfallStepRow,
} from '../result';
import {
  allocateProRata,
  centsFromFloat,
  minMoney,
  Money,
  positive,
  toCents,
  toNumber,
  ZERO,
} from '../money';
import { feeAccrual, feeCarried, feePayable } from './fees';
import { defaultSources, Funds, type Taken } from './funds';
import {
  accrualFraction,
  couponRate,
  describeCoupon,
  indexRates,
  interestAccrual,
  type AccrualFraction,
} from './interest';
import { writeDowns } from './lossAllocation';
import { PoolLedger, type PoolGroup } from './poolLedger';
import { allocatePrincipal, ocTargetAmount, principalDue } from './principal';
import { reserveTarget } from './reserve';
import { eligibilityFailures, limitKeys, planPurchase, type ExcludedLine } from './revolving';
import { TriggerBook, type TriggerMeasures } from './triggers';

export interface WaterfallInput {
  structure: Structure;
  /** Supplies the index curves of floating coupons. */
  scenario: Scenario;
  /** Payment dates, index 0 the cut-off; at least `pool.periods + 1` of them. */
  dates: readonly string[];
  /** The base pool's collections; period 0 holds the cut-off balance. */
  pool: PoolProjection;
  /** The base pool split by segment and product (needed for concentration limits while revolving). */
  composition?: readonly PoolGroup[];
  /**
   * Projections of `structure.revolving.profile` lines (same order), each at the line's own balance, over at
   * least the run's periods; purchases scale and shift them.
   */
  profile?: readonly PoolProjection[];
}

export interface WaterfallRun {
  initialBalance: number;
  poolPeriods: PoolPeriodRow[];
  /** Tranche results with the analytics fields left null (the run fills them). */
  tranches: TrancheResult[];
  waterfall: WaterfallPeriod[];
  triggerEvents: TriggerEvent[];
  cleanUpCallPeriod: number | null;
  revolvingEndPeriod: number | null;
  excessSpread: { period: number; annualised: number }[];
  checks: { cashConserved: boolean; failures: { period: number; difference: number }[] };
  revolving: RevolvingReport | null;
}

const SENIORITY_RANK: Record<Tranche['seniority'], number> = {
  senior: 0,
  mezzanine: 1,
  subordinated: 2,
  equity: 3,
};

function stepLabel(step: WaterfallStep): string {
  switch (step.pay) {
    case 'fee':
      return `fee ${step.fee}`;
    case 'interest':
      return `interest ${step.tranches.join(', ')}`;
    case 'principal':
      return `principal ${step.tranches.join(', ')}`;
    case 'reserveDeposit':
      return 'reserve deposit';
    case 'purchase':
      return 'purchase';
    case 'residual':
      return 'residual';
  }
}

function row(step: number, label: string, due: Money, got: Taken): WaterfallStepRow {
  return {
    step,
    label,
    due: toNumber(due),
    paid: toNumber(got.total),
    fromInterest: toNumber(got.interest),
    fromPrincipal: toNumber(got.principal),
    fromReserve: toNumber(got.reserve),
  };
}

export function runWaterfall(input: WaterfallInput): WaterfallRun {
  const { structure, scenario, dates } = input;
  const T = input.pool.periods;
  if (dates.length < T + 1) throw new Error(`runWaterfall: ${dates.length} dates for ${T} periods`);
  const tranches = structure.tranches;
  const nT = tranches.length;
  const trancheIndex = new Map(tranches.map((t, i) => [t.id, i]));
  const idx = (id: string): number => {
    const i = trancheIndex.get(id);
    if (i === undefined) throw new Error(`waterfall names unknown tranche '${id}'`);
    return i;
  };
  const index = indexRates(scenario);
  const feeById = new Map(structure.fees.map((f) => [f.id, f]));
  const bySeniority = tranches
    .map((t, i) => ({ i, r: SENIORITY_RANK[t.seniority] }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.i);
  const juniorFirst = [...bySeniority].reverse();
  const writeDownsOn = structure.lossAllocation !== 'none';

  // Revolving set-up: eligible profile lines and the groups concentration limits watch.
  const rev = structure.revolving;
  const excluded: ExcludedLine[] = [];
  const eligible: number[] = [];
  if (rev) {
    rev.profile.forEach((line, i) => {
      const reasons = eligibilityFailures(line, rev.eligibility);
      if (reasons.length > 0) excluded.push({ id: line.id, reasons });
      else eligible.push(i);
    });
  }
  const profiles = input.profile ?? [];
  if (rev && eligible.length > 0 && profiles.length !== rev.profile.length) {
    throw new Error('runWaterfall: a revolving deal needs a projection of every profile line');
  }
  const ledger = new PoolLedger(input.pool, rev ? limitKeys(rev) : [], input.composition ?? []);
  const purchasesReport: RevolvingReport['purchases'] = [];

  const initial = centsFromFloat(input.pool.endBalance[0]);
  const initialNum = toNumber(initial);

  // Per-class state.
  const balance: Money[] = tranches.map((t) => toCents(t.balance));
  const shortfall: Money[] = tranches.map(() => ZERO);
  const feeArrears = new Map<string, Money>(structure.fees.map((f) => [f.id, ZERO]));
  const flows: TrancheCashflowRow[][] = tranches.map(() => []);
  const totalWritedown: Money[] = tranches.map(() => ZERO);
  const accruals: AccrualFraction[][] = tranches.map(() => []);
  for (let t = 1; t <= T; t++) {
    for (let i = 0; i < nT; i++)
      accruals[i][t] = accrualFraction(tranches[i].dayCount, dates[t - 1], dates[t]);
  }

  let reserveBalance = structure.reserve ? toCents(structure.reserve.initialBalance) : ZERO;
  const book = new TriggerBook(structure.triggers);
  const triggerEvents: TriggerEvent[] = [];
  const excessSpread: { period: number; annualised: number }[] = [];
  const poolPeriods: PoolPeriodRow[] = [];
  const waterfall: WaterfallPeriod[] = [];
  const failures: { period: number; difference: number }[] = [];
  let cumDefaults = ZERO;
  let cumRecoveries = ZERO;
  let cleanUpCallPeriod: number | null = null;
  let revolvingEndPeriod: number | null = null;

  for (let t = 1; t <= T; t++) {
    const date = dates[t];
    const poolBegin = centsFromFloat(ledger.beginBalance[t]);
    const sched = centsFromFloat(ledger.scheduledPrincipal[t]);
    const prepay = centsFromFloat(ledger.prepayment[t]);
    const defaults = centsFromFloat(ledger.defaults[t]);
    const loss = centsFromFloat(ledger.loss[t]);
    const recovery = centsFromFloat(ledger.recovery[t]);
    const interest = centsFromFloat(ledger.interest[t]);
    const feeIncome = centsFromFloat(ledger.fees[t]);
    const collectedEnd = centsFromFloat(ledger.endBalance[t]);
    cumDefaults = cumDefaults.plus(defaults);
    cumRecoveries = cumRecoveries.plus(recovery);
    const notesBegin = balance.reduce((a, b) => a.plus(b), ZERO);
    const beginBalances = balance.slice();

    // Triggers see this period's collections and the notes as they stand before payment.
    const collectedEndNum = ledger.endBalance[t];
    const measures: TriggerMeasures = {
      cumulativeNetLoss: initialNum > 0 ? cumDefaults.minus(cumRecoveries).toNumber() / initialNum : 0,
      delinquency: (months) => {
        let pipeline = 0;
        for (let k = t + 1; k <= Math.min(T, t + months); k++) pipeline += ledger.defaults[k];
        return collectedEndNum > 0 ? pipeline / collectedEndNum : pipeline > 0 ? Infinity : 0;
      },
      excessSpread: (months) => {
        const done = excessSpread.slice(-months);
        return done.length === 0 ? null : done.reduce((a, e) => a + e.annualised, 0) / done.length;
      },
      ocRatio: notesBegin.isZero() ? null : collectedEndNum / notesBegin.toNumber(),
    };
    for (const e of book.update(t, date, measures)) triggerEvents.push(e);

    const revolving = rev !== undefined && t <= rev.endPeriod && !book.endRevolving;
    if (rev && !revolving && revolvingEndPeriod === null) revolvingEndPeriod = t - 1;

    const callNow =
      structure.cleanUpCall !== undefined &&
      !revolving &&
      collectedEnd.gt(0) &&
      collectedEnd.lte(toCents(initial.times(structure.cleanUpCall.poolShare)));
    const callProceeds = callNow ? collectedEnd : ZERO;
    const final = callNow || t === T;

    const funds = new Funds(
      interest.plus(feeIncome),
      sched.plus(prepay).plus(recovery).plus(callProceeds),
      reserveBalance,
    );
    const reserveBegin = reserveBalance;
    const trapping = book.trapCash && !final;
    let target = ZERO;
    if (structure.reserve) {
      target = reserveTarget(structure.reserve, collectedEnd, initial, notesBegin, final);
      // Trapped cash must stay trapped: no release while a trapCash trigger is breached.
      const excess = positive(reserveBalance.minus(target));
      if (!trapping && excess.gt(0)) funds.release(excess);
    }
    let deposits = ZERO;

    // The pool the notes are measured against: after purchases, and nothing once the seller has bought it back.
    let poolEnd = callNow ? ZERO : collectedEnd;
    let purchasedPar = ZERO;
    const ocTarget = (): Money => ocTargetAmount(structure.ocTarget, poolEnd, initial);

    const interestDue: Money[] = tranches.map(() => ZERO);
    const interestPaid: Money[] = tranches.map(() => ZERO);
    const principalPaid: Money[] = tranches.map(() => ZERO);
    let feesAccrued = ZERO;
    let interestAccrued = ZERO;
    let usesOut = ZERO;
    const steps: WaterfallStepRow[] = [];

    structure.waterfall.forEach((step, s) => {
      const from = defaultSources(step);
      const label = stepLabel(step);
      switch (step.pay) {
        case 'fee': {
          const fee = feeById.get(step.fee);
          if (!fee) throw new Error(`waterfall names unknown fee '${step.fee}'`);
          const accrual = feeAccrual(fee, { poolBegin, trancheBalance: (id) => beginBalances[idx(id)] });
          feesAccrued = feesAccrued.plus(accrual);
          const payable = feePayable(fee, accrual, feeArrears.get(fee.id) ?? ZERO);
          const got = funds.take(payable, from, true);
          feeArrears.set(fee.id, feeCarried(fee, payable, got.total));
          usesOut = usesOut.plus(got.total);
          steps.push(row(s, label, payable, got));
          break;
        }
        case 'interest': {
          const ids = step.tranches.map(idx);
          const dues = ids.map((i) => {
            const rate = couponRate(tranches[i].coupon, index, t);
            const current = interestAccrual(beginBalances[i], rate, accruals[i][t]);
            interestAccrued = interestAccrued.plus(current);
            return current.plus(shortfall[i]);
          });
          const due = dues.reduce((a, b) => a.plus(b), ZERO);
          const got = funds.take(due, from, true);
          const split = got.total.eq(due) ? dues : allocateProRata(got.total, dues);
          ids.forEach((i, k) => {
            interestDue[i] = interestDue[i].plus(dues[k]);
            interestPaid[i] = interestPaid[i].plus(split[k]);
            shortfall[i] = dues[k].minus(split[k]);
          });
          usesOut = usesOut.plus(got.total);
          steps.push(row(s, label, due, got));
          break;
        }
        case 'reserveDeposit': {
          const due = structure.reserve ? positive(target.minus(funds.reserve)) : ZERO;
          const got = funds.take(due, from, false);
          funds.reserve = funds.reserve.plus(got.total);
          deposits = deposits.plus(got.total);
          steps.push(row(s, label, due, got));
          break;
        }
        case 'purchase': {
          if (!rev || !revolving || eligible.length === 0) {
            steps.push(row(s, label, ZERO, funds.take(ZERO, from, false)));
            break;
          }
          const price = new Money(rev.purchasePrice).div(100);
          const need = positive(toCents(initial.times(rev.targetPoolShare)).minus(poolEnd));
          const due = toCents(need.times(price));
          const cash = minMoney(due, funds.available(from, false));
          const affordable = minMoney(need, cash.div(price).toDecimalPlaces(2, Money.ROUND_DOWN));
          const lines = eligible.map((i) => rev.profile[i]);
          const plan = planPurchase(
            affordable.toNumber(),
            lines,
            poolEnd.toNumber(),
            (key) => ledger.groupEnd(key, t),
            rev.concentrationLimits,
          );
          const pars = plan.amounts.map((a) => new Money(a).toDecimalPlaces(2, Money.ROUND_DOWN));
          const par = pars.reduce((a, b) => a.plus(b), ZERO);
          const got = funds.take(toCents(par.times(price)), from, false);
          pars.forEach((p, k) => {
            const i = eligible[k];
            const line = rev.profile[i];
            ledger.addCohort(t, p.toNumber(), profiles[i], line.balance, line.segment, line.product);
          });
          purchasedPar = par;
          poolEnd = poolEnd.plus(par);
          if (par.gt(0) || plan.limitedBy.length > 0) {
            purchasesReport.push({
              period: t,
              par: toNumber(par),
              cash: toNumber(got.total),
              limitedBy: plan.limitedBy,
            });
          }
          usesOut = usesOut.plus(got.total);
          steps.push(row(s, label, due, got));
          break;
        }
        case 'principal': {
          const ids = step.tranches.map(idx);
          const notes = balance.reduce((a, b) => a.plus(b), ZERO);
          const listed = ids.reduce((a, i) => a.plus(balance[i]), ZERO);
          const due = principalDue(notes, listed, poolEnd, ocTarget(), final);
          const reserveOk = final && (structure.reserve?.coversPrincipalAtMaturity ?? false);
          const got = funds.take(due, from, reserveOk);
          const rule = book.sequential
            ? structure.principalRule.afterTrigger
            : structure.principalRule.normal;
          const split = allocatePrincipal(
            got.total,
            ids.map((i) => balance[i]),
            rule,
          );
          ids.forEach((i, k) => {
            principalPaid[i] = principalPaid[i].plus(split[k]);
            balance[i] = balance[i].minus(split[k]);
          });
          usesOut = usesOut.plus(got.total);
          steps.push(row(s, label, due, got));
          break;
        }
        case 'residual': {
          const amount = funds.available(from, false);
          const got = funds.take(amount, from, false);
          if (trapping) {
            funds.reserve = funds.reserve.plus(got.total);
            deposits = deposits.plus(got.total);
          } else {
            usesOut = usesOut.plus(got.total);
          }
          steps.push(row(s, trapping ? 'residual (trapped in reserve)' : label, amount, got));
          break;
        }
      }
    });

    // Cash no step took still belongs to someone: the seller (or the reserve while cash is trapped).
    const leftover = funds.interest.plus(funds.principal);
    if (leftover.gt(0)) {
      const got = funds.take(leftover, ['interest', 'principal'], false);
      if (trapping) {
        funds.reserve = funds.reserve.plus(got.total);
        deposits = deposits.plus(got.total);
      } else {
        usesOut = usesOut.plus(got.total);
      }
      steps.push(row(structure.waterfall.length, 'unallocated funds to the seller', leftover, got));
    }
    reserveBalance = funds.reserve;

    // Loss allocation on the pool as it stands after purchases (and after the call).
    const wd = writeDownsOn ? writeDowns(balance, juniorFirst, poolEnd) : tranches.map(() => ZERO);
    for (let i = 0; i < nT; i++) {
      balance[i] = balance[i].minus(wd[i]);
      totalWritedown[i] = totalWritedown[i].plus(wd[i]);
    }

    // Credit enhancement: (pool + reserve − this class and everything senior) / pool.
    const ce = new Array<number>(nT).fill(0);
    let seniorAndSelf = ZERO;
    const poolEndNum = poolEnd.toNumber();
    const reserveEndNum = reserveBalance.toNumber();
    for (const i of bySeniority) {
      seniorAndSelf = seniorAndSelf.plus(balance[i]);
      ce[i] = poolEndNum > 0 ? (poolEndNum + reserveEndNum - seniorAndSelf.toNumber()) / poolEndNum : 0;
    }
    for (let i = 0; i < nT; i++) {
      flows[i].push({
        period: t,
        date,
        beginBalance: toNumber(beginBalances[i]),
        interestDue: toNumber(interestDue[i]),
        interest: toNumber(interestPaid[i]),
        interestShortfall: toNumber(shortfall[i]),
        principal: toNumber(principalPaid[i]),
        writedown: toNumber(wd[i]),
        balance: toNumber(balance[i]),
        creditEnhancement: ce[i],
      });
    }

    const interestCollections = interest.plus(feeIncome);
    const principalCollections = sched.plus(prepay);
    const sourcesTotal = interestCollections.plus(principalCollections).plus(recovery).plus(callProceeds);
    const difference = sourcesTotal.minus(usesOut).minus(reserveBalance.minus(reserveBegin));
    if (!difference.isZero()) failures.push({ period: t, difference: difference.toNumber() });
    const draws = funds.reserveDrawn;

    const es = poolBegin.isZero()
      ? 0
      : interestCollections.minus(feesAccrued).minus(interestAccrued).times(12).div(poolBegin).toNumber();
    excessSpread.push({ period: t, annualised: es });

    waterfall.push({
      period: t,
      date,
      sources: {
        interestCollections: toNumber(interestCollections),
        principalCollections: toNumber(principalCollections),
        recoveries: toNumber(recovery),
        reserveDraw: toNumber(draws),
        cleanUpCallProceeds: toNumber(callProceeds),
        total: toNumber(sourcesTotal),
      },
      steps,
      uses: { total: toNumber(usesOut) },
      reserve: {
        begin: toNumber(reserveBegin),
        deposit: toNumber(deposits),
        draw: toNumber(draws),
        end: toNumber(reserveBalance),
        target: toNumber(target),
      },
      difference: difference.toNumber(),
      revolving,
      triggersBreached: book.breachedIds,
    });

    poolPeriods.push({
      period: t,
      date,
      beginBalance: toNumber(poolBegin),
      scheduledPrincipal: toNumber(sched),
      prepayment: toNumber(prepay),
      default: toNumber(defaults),
      loss: toNumber(loss),
      recovery: toNumber(recovery),
      interest: toNumber(interest),
      fees: toNumber(feeIncome),
      purchases: toNumber(purchasedPar),
      endBalance: toNumber(collectedEnd.plus(purchasedPar)),
      cumulativeNetLossPct: initialNum > 0 ? cumDefaults.minus(cumRecoveries).toNumber() / initialNum : 0,
      count: Math.round(ledger.count[t] * 100) / 100,
    });

    if (callNow) {
      cleanUpCallPeriod = t;
      break;
    }
  }
  if (rev && revolvingEndPeriod === null) revolvingEndPeriod = Math.min(rev.endPeriod, poolPeriods.length);

  const trancheResults: TrancheResult[] = tranches.map((tr, i) => ({
    id: tr.id,
    seniority: tr.seniority,
    ...(tr.rating !== undefined ? { rating: tr.rating } : {}),
    originalBalance: tr.balance,
    poolShare: initialNum > 0 ? tr.balance / initialNum : 0,
    couponDescription: describeCoupon(tr.coupon),
    price: tr.price,
    paymentDelayDays: 0,
    wal: null,
    principalWindow: null,
    yield: null,
    mortgageYield: null,
    macaulayDuration: null,
    modifiedDuration: null,
    convexity: null,
    principalLoss: toNumber(totalWritedown[i]),
    interestShortfall: toNumber(shortfall[i]),
    cashflows: flows[i],
  }));

  return {
    initialBalance: initialNum,
    poolPeriods,
    tranches: trancheResults,
    waterfall,
    triggerEvents,
    cleanUpCallPeriod,
    revolvingEndPeriod,
    excessSpread,
    checks: { cashConserved: failures.length === 0, failures },
    revolving: rev ? { excludedProfileLines: excluded, purchases: purchasesReport } : null,
  };
}
