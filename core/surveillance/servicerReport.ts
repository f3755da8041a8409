/**
 * A monthly servicer (trustee) report as data (受托机构报告 / 资产服务机构报告), and the checks that it adds up
 * before it is appended to a deal's history. A report that does not reconcile is refused with the rule, the
 * month and the figures that fail, never corrected: surveillance compares the deal against what the trustee
 * published, so a report must say what the trustee said.
 *
 * Rules, each to the cent (amounts are held in the report's units, two decimals):
 * - pool roll-forward: begin − principal collections − defaults − repurchases + purchases = end;
 * - prepayments are part of principal collections (so prepayments ≤ principal collections);
 * - each class: begin − principal paid − write-down = end;
 * - the reserve: begin + deposits − draws = end, when the report states deposits and draws;
 * - the delinquency buckets hold no more than the pool end balance;
 * - between months: periods consecutive, payment dates increasing, each month's pool and class begin balances
 *   equal to the previous month's end balances.
 */
import { z } from 'zod';
import { id, isoDate, money } from '../deal/primitives';
import { coreMessage, type CoreMessage } from '../i18n/messages';

const amount = money;

export const ServicerReport = z
  .object({
    /** Payment period number (1 = the first payment date after closing). */
    period: z.number().int().min(1).max(1200),
    paymentDate: isoDate,
    pool: z
      .object({
        beginBalance: amount,
        /** Scheduled principal and prepayments received (full and partial). */
        principalCollections: amount,
        /** The part of principal collections that was prepaid (for CPR); 0 when not reported. */
        prepayments: amount.default(0),
        interestCollections: amount,
        /** Balance that defaulted (was charged off) in the month. */
        defaults: amount,
        /** Cash recovered on defaulted receivables in the month. */
        recoveries: amount.default(0),
        /** Receivables bought while revolving. */
        purchases: amount.default(0),
        /** Receivables the seller bought back (repurchases of ineligible receivables, the clean-up call). */
        repurchases: amount.default(0),
        endBalance: amount,
        /** Performing balance by days past due at the end of the month. */
        delinquent: z
          .object({
            dpd1_30: amount.default(0),
            dpd31_60: amount.default(0),
            dpd61_90: amount.default(0),
            dpd90plus: amount.default(0),
          })
          .default({ dpd1_30: 0, dpd31_60: 0, dpd61_90: 0, dpd90plus: 0 }),
      })
      .strict(),
    classes: z
      .array(
        z
          .object({
            id,
            beginBalance: amount,
            interestPaid: amount,
            principalPaid: amount,
            writeDown: amount.default(0),
            /** Interest due and not paid, carried forward. */
            interestShortfall: amount.default(0),
            endBalance: amount,
          })
          .strict(),
      )
      .min(1)
      .max(50),
    /**
     * Senior fees and expenses paid (trustee, servicer, taxes, net swap payments, liquidity facility interest and
     * fee): for the excess spread, measured as the run measures it.
     */
    feesPaid: amount.default(0),
    reserve: z
      .object({
        beginBalance: amount,
        deposits: amount.optional(),
        draws: amount.optional(),
        endBalance: amount,
      })
      .strict()
      .optional(),
    /** Trigger tests as reported: the measured value and whether the trigger was breached. */
    triggers: z
      .array(z.object({ id, value: z.number().finite(), breached: z.boolean() }).strict())
      .max(50)
      .default([]),
  })
  .strict()
  .describe(
    'One monthly servicer (trustee) report: pool roll-forward, class payments, reserve, trigger tests.',
  );
export type ServicerReport = z.infer<typeof ServicerReport>;
export type ServicerReportInput = z.input<typeof ServicerReport>;

/** A rule a report breaks: where (period, field) and the message with the figures. */
export interface ReportProblem {
  period: number;
  /** Dotted field, e.g. `pool.endBalance` or `classes.A.endBalance`. */
  field: string;
  message: CoreMessage;
}

const CENT = 0.005;
const cents = (x: number): number => Math.round(x * 100);
const show = (x: number): string => (cents(x) / 100).toFixed(2);
/** Equal to the cent: both sides are rounded to cents first, so a float's last bits never decide. */
const sameCents = (a: number, b: number): boolean => Math.abs(cents(a) - cents(b)) < 1 - CENT;

/** The rules within one report. */
export function reportProblems(r: ServicerReport): ReportProblem[] {
  const out: ReportProblem[] = [];
  const p = r.pool;
  const expected = p.beginBalance - p.principalCollections - p.defaults - p.repurchases + p.purchases;
  if (!sameCents(expected, p.endBalance))
    out.push({
      period: r.period,
      field: 'pool.endBalance',
      message: coreMessage('surveillance.poolRollForward', {
        begin: show(p.beginBalance),
        principal: show(p.principalCollections),
        defaults: show(p.defaults),
        repurchases: show(p.repurchases),
        purchases: show(p.purchases),
        expected: show(expected),
        end: show(p.endBalance),
      }),
    });
  if (cents(p.prepayments) > cents(p.principalCollections))
    out.push({
      period: r.period,
      field: 'pool.prepayments',
      message: coreMessage('surveillance.prepaymentsAbovePrincipal', {
        prepayments: show(p.prepayments),
        principal: show(p.principalCollections),
      }),
    });
  const d = p.delinquent;
  const delinquent = d.dpd1_30 + d.dpd31_60 + d.dpd61_90 + d.dpd90plus;
  if (cents(delinquent) > cents(p.endBalance))
    out.push({
      period: r.period,
      field: 'pool.delinquent',
      message: coreMessage('surveillance.delinquentAboveEnd', {
        delinquent: show(delinquent),
        end: show(p.endBalance),
      }),
    });
  const seen = new Set<string>();
  for (const c of r.classes) {
    if (seen.has(c.id))
      out.push({
        period: r.period,
        field: `classes.${c.id}`,
        message: coreMessage('surveillance.duplicateClass', { id: c.id }),
      });
    seen.add(c.id);
    const end = c.beginBalance - c.principalPaid - c.writeDown;
    if (!sameCents(end, c.endBalance))
      out.push({
        period: r.period,
        field: `classes.${c.id}.endBalance`,
        message: coreMessage('surveillance.classRollForward', {
          id: c.id,
          begin: show(c.beginBalance),
          principal: show(c.principalPaid),
          writeDown: show(c.writeDown),
          expected: show(end),
          end: show(c.endBalance),
        }),
      });
  }
  const res = r.reserve;
  if (res && res.deposits !== undefined && res.draws !== undefined) {
    const end = res.beginBalance + res.deposits - res.draws;
    if (!sameCents(end, res.endBalance))
      out.push({
        period: r.period,
        field: 'reserve.endBalance',
        message: coreMessage('surveillance.reserveRollForward', {
          begin: show(res.beginBalance),
          deposits: show(res.deposits),
          draws: show(res.draws),
          expected: show(end),
          end: show(res.endBalance),
        }),
      });
  }
  return out;
}

/** The rules between one month's report and the next. */
export function continuityProblems(prev: ServicerReport, next: ServicerReport): ReportProblem[] {
  const out: ReportProblem[] = [];
  const at = next.period;
  if (next.period !== prev.period + 1)
    out.push({
      period: at,
      field: 'period',
      message: coreMessage('surveillance.periodGap', { previous: prev.period, period: next.period }),
    });
  if (next.paymentDate <= prev.paymentDate)
    out.push({
      period: at,
      field: 'paymentDate',
      message: coreMessage('surveillance.dateNotAfter', {
        date: next.paymentDate,
        previous: prev.paymentDate,
      }),
    });
  if (!sameCents(prev.pool.endBalance, next.pool.beginBalance))
    out.push({
      period: at,
      field: 'pool.beginBalance',
      message: coreMessage('surveillance.poolBeginNotPreviousEnd', {
        begin: show(next.pool.beginBalance),
        previous: show(prev.pool.endBalance),
      }),
    });
  for (const c of next.classes) {
    const before = prev.classes.find((x) => x.id === c.id);
    if (before === undefined) continue;
    if (!sameCents(before.endBalance, c.beginBalance))
      out.push({
        period: at,
        field: `classes.${c.id}.beginBalance`,
        message: coreMessage('surveillance.classBeginNotPreviousEnd', {
          id: c.id,
          begin: show(c.beginBalance),
          previous: show(before.endBalance),
        }),
      });
  }
  for (const c of prev.classes)
    if (!next.classes.some((x) => x.id === c.id))
      out.push({
        period: at,
        field: `classes.${c.id}`,
        message: coreMessage('surveillance.classMissing', { id: c.id }),
      });
  if (prev.reserve && next.reserve && !sameCents(prev.reserve.endBalance, next.reserve.beginBalance))
    out.push({
      period: at,
      field: 'reserve.beginBalance',
      message: coreMessage('surveillance.reserveBeginNotPreviousEnd', {
        begin: show(next.reserve.beginBalance),
        previous: show(prev.reserve.endBalance),
      }),
    });
  return out;
}

/**
 * A deal's report history checked as a whole: each report's own rules, then each month against the one before
 * (reports sorted by period first; two reports for one period are refused).
 */
export function historyProblems(
  reports: readonly ServicerReport[],
  classIds?: readonly string[],
): ReportProblem[] {
  const sorted = [...reports].sort((a, b) => a.period - b.period);
  const out: ReportProblem[] = [];
  sorted.forEach((r, i) => {
    out.push(...reportProblems(r));
    if (classIds !== undefined)
      for (const c of r.classes)
        if (!classIds.includes(c.id))
          out.push({
            period: r.period,
            field: `classes.${c.id}`,
            message: coreMessage('surveillance.unknownClass', { id: c.id, classes: classIds.join(', ') }),
          });
    const prev = sorted[i - 1];
    if (prev === undefined) return;
    if (prev.period === r.period)
      out.push({
        period: r.period,
        field: 'period',
        message: coreMessage('surveillance.duplicatePeriod', { period: r.period }),
      });
    else out.push(...continuityProblems(prev, r));
  });
  return out;
}
