/**
 * Caps and targets on a step (`limit` in the deal file): the step's due is computed as usual, then limited to a
 * target balance (principal: the listed classes are paid down to no less than it), a share of what is due, or an
 * amount. A target balance does not hold on the final period or after acceleration, when every note is due.
 */
import type { StepLimit } from '../deal/schema';
import { cents, mulDiv, type Cents } from '../money';

export interface LimitContext {
  period: number;
  /** The listed classes' outstanding balance (principal steps). */
  listed: Cents;
  poolEnd: Cents;
  /** Final period or accelerated: targets give way. */
  allDue: boolean;
}

/** The target balance in force for `period`, or null before a schedule starts. */
export function targetBalance(limit: StepLimit, ctx: LimitContext): Cents | null {
  if (!('toTargetBalance' in limit)) return null;
  const target = limit.toTargetBalance;
  if ('percentOfPool' in target) return mulDiv(ctx.poolEnd, target.percentOfPool);
  let found: number | null = null;
  for (const s of target.schedule) if (s.fromPeriod <= ctx.period) found = s.balance;
  return found === null ? null : cents(found);
}

/** What the step may pay given what it has due. */
export function limitDue(limit: StepLimit, due: Cents, ctx: LimitContext): Cents {
  if ('shareOfDue' in limit) return mulDiv(due, limit.shareOfDue);
  if ('maxAmount' in limit) return Math.min(due, cents(limit.maxAmount));
  if (ctx.allDue) return due;
  // Before a schedule starts the listed classes are held at their balance.
  const target = targetBalance(limit, ctx) ?? ctx.listed;
  return Math.min(due, Math.max(0, ctx.listed - target));
}
