/**
 * The pool as of a payment date, as a deal file saves it (the deal state's pool side): every quantity the
 * projection carries from one month to the next (core/projection/restart.ts), column by column as pool files
 * store loans, so a loan-level pool stays arrays of numbers and a restart from the saved state reproduces the
 * projection to the bit (JSON numbers round-trip float64 exactly). The deal schema embeds this one, so it imports
 * nothing from the deal schema or the pool modules that import it (product codes are checked on restart).
 */
import { z } from 'zod';
import { customIssue } from '../i18n/messages';
import type { LoanState, PoolState, PoolStatePart } from '../projection/restart';

/** As many entries as a pool file may hold loans (a million-loan tape), per column. */
const MAX_LOANS = 2_000_000;
const num = z.number().finite();
const nonneg = num.nonnegative();
const whole = z.number().int().min(0).max(65_535);

const LoanColumns = z
  .object({
    segmentNames: z.array(z.string().min(1).max(200)).min(1).max(65_535),
    /** Index into PRODUCT_CODES, as pool files store it (an unknown code is refused on restart). */
    product: z.array(z.number().int().min(0).max(255)),
    /** Index into segmentNames. */
    segment: z.array(whole),
    rate: z.array(num.min(0).max(10)),
    monthlyFeeRate: z.array(num.min(0).max(1)),
    originalBalance: z.array(nonneg),
    paymentRate: z.array(num.min(0).max(1)),
    originalTerm: z.array(whole),
    /** Months left at the state's period (0 once matured). */
    remainingTerm: z.array(whole),
    /** Months since origination at the state's period. */
    age: z.array(whole),
    /** Months since the loan entered the pool: curves by period read monthsInPool + j in restarted month j. */
    monthsInPool: z.array(whole),
    /** Performing balance at the state's period. */
    balance: z.array(nonneg),
    /** Receivables the entry stood for when it entered the pool. */
    count: z.array(nonneg),
    /** The contractual schedule's recurrence state (core/projection/restart.ts). */
    schedule: z.array(num),
    /** Performing share of the contractual balance. */
    share: z.array(nonneg),
    contractual: z.array(nonneg),
    /** CNL budget: the balance at entry, the re-timing factor, the lump due at maturity and its month. */
    entryBalance: z.array(nonneg),
    cnlScale: z.array(nonneg),
    lump: z.array(nonneg),
    lumpMonth: z.array(whole),
  })
  .strict()
  .superRefine((c, ctx) => {
    const size = c.balance.length;
    for (const [name, arr] of Object.entries(c)) {
      if (name === 'segmentNames') continue;
      if (arr.length > MAX_LOANS || arr.length !== size) {
        ctx.addIssue(
          customIssue('file.columnLength', { length: arr.length, field: 'balance', size }, [name]),
        );
      }
    }
    if (c.segment.some((s) => s >= c.segmentNames.length)) {
      ctx.addIssue(customIssue('file.indexOutside', { field: 'segmentNames' }, ['segment']));
    }
  });

const PipelineGroupJson = z
  .object({
    lag: z.number().int().min(1).max(120),
    /** Defaults awaiting liquidation: index i defaulted in period (state period − lag + 1 + i). */
    defaults: z.array(nonneg),
    /** Severity × those defaults. */
    losses: z.array(nonneg),
  })
  .strict()
  .superRefine((g, ctx) => {
    for (const name of ['defaults', 'losses'] as const) {
      if (g[name].length !== g.lag) {
        ctx.addIssue(
          customIssue('file.columnLength', { length: g[name].length, field: 'lag', size: g.lag }, [name]),
        );
      }
    }
  });

/** Servicer advancing: defaulted balances still amortising, per loan (core/projection/restart.ts). */
const AdvancedJson = z
  .object({
    /** Index of the loan in the part's columns, ascending. */
    loan: z.array(z.number().int().min(0).max(MAX_LOANS)),
    /** Month of default, counted from the loan's entry into the pool. */
    month: z.array(whole),
    /** The amortised balance at the state's period. */
    balance: z.array(nonneg),
    /** Severity × the balance at default. */
    loss: z.array(nonneg),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const name of ['month', 'balance', 'loss'] as const) {
      if (a[name].length !== a.loan.length) {
        ctx.addIssue(
          customIssue('file.columnLength', { length: a[name].length, field: 'loan', size: a.loan.length }, [
            name,
          ]),
        );
      }
    }
  });

const PoolStatePartJson = z
  .object({
    slice: z
      .object({ segment: z.string().min(1).max(200), product: z.string().min(1).max(64) })
      .strict()
      .optional(),
    scale: num.positive(),
    enteredPeriod: z.number().int().min(0).max(1200),
    loans: LoanColumns,
    pipeline: z.array(PipelineGroupJson).max(200),
    pending: num,
    advanced: AdvancedJson.optional(),
    cnl: z.object({ stated: num, realised: num, retimed: nonneg, balance: nonneg }).strict(),
  })
  .strict();

export const PoolStateJson = z
  .object({
    /** The period the state closes (0 = the cut-off). */
    period: z.number().int().min(0).max(1200),
    /** Projected one by one and added in order (core/projection/restart.ts: shards, slices, cohorts). */
    parts: z.array(PoolStatePartJson).min(1).max(100_000),
  })
  .strict()
  .describe('The pool as of a payment date: what the projection restarts from (core/projection/restart.ts).');
export type PoolStateJson = z.infer<typeof PoolStateJson>;

function loansToJson(l: LoanState): PoolStateJson['parts'][number]['loans'] {
  return {
    segmentNames: [...l.segmentNames],
    product: Array.from(l.product),
    segment: Array.from(l.segment),
    rate: Array.from(l.rate),
    monthlyFeeRate: Array.from(l.monthlyFeeRate),
    originalBalance: Array.from(l.originalBalance),
    paymentRate: Array.from(l.paymentRate),
    originalTerm: Array.from(l.originalTerm),
    remainingTerm: Array.from(l.remainingTerm),
    age: Array.from(l.age),
    monthsInPool: Array.from(l.monthsInPool),
    balance: Array.from(l.balance),
    count: Array.from(l.count),
    schedule: Array.from(l.schedule),
    share: Array.from(l.share),
    contractual: Array.from(l.contractual),
    entryBalance: Array.from(l.entryBalance),
    cnlScale: Array.from(l.cnlScale),
    lump: Array.from(l.lump),
    lumpMonth: Array.from(l.lumpMonth),
  };
}

function loansFromJson(c: PoolStateJson['parts'][number]['loans']): LoanState {
  return {
    size: c.balance.length,
    segmentNames: [...c.segmentNames],
    product: Uint8Array.from(c.product),
    segment: Uint16Array.from(c.segment),
    rate: Float64Array.from(c.rate),
    monthlyFeeRate: Float64Array.from(c.monthlyFeeRate),
    originalBalance: Float64Array.from(c.originalBalance),
    paymentRate: Float64Array.from(c.paymentRate),
    originalTerm: Uint16Array.from(c.originalTerm),
    remainingTerm: Uint16Array.from(c.remainingTerm),
    age: Uint16Array.from(c.age),
    monthsInPool: Uint16Array.from(c.monthsInPool),
    balance: Float64Array.from(c.balance),
    count: Float64Array.from(c.count),
    schedule: Float64Array.from(c.schedule),
    share: Float64Array.from(c.share),
    contractual: Float64Array.from(c.contractual),
    entryBalance: Float64Array.from(c.entryBalance),
    cnlScale: Float64Array.from(c.cnlScale),
    lump: Float64Array.from(c.lump),
    lumpMonth: Uint16Array.from(c.lumpMonth),
  };
}

/** The state as the deal file holds it. */
export function poolStateToJson(s: PoolState): PoolStateJson {
  return {
    period: s.period,
    parts: s.parts.map((p) => ({
      ...(p.slice ? { slice: { ...p.slice } } : {}),
      scale: p.scale,
      enteredPeriod: p.enteredPeriod,
      loans: loansToJson(p.loans),
      pipeline: p.pipeline.map((g) => ({
        lag: g.lag,
        defaults: Array.from(g.defaults),
        losses: Array.from(g.losses),
      })),
      pending: p.pending,
      ...(p.advanced
        ? {
            advanced: {
              loan: Array.from(p.advanced.loan),
              month: Array.from(p.advanced.month),
              balance: Array.from(p.advanced.balance),
              loss: Array.from(p.advanced.loss),
            },
          }
        : {}),
      cnl: { ...p.cnl },
    })),
  };
}

/** The engine's state from a validated deal-file state. */
export function poolStateFromJson(j: PoolStateJson): PoolState {
  return {
    period: j.period,
    parts: j.parts.map((p): PoolStatePart => ({
      ...(p.slice ? { slice: { ...p.slice } } : {}),
      scale: p.scale,
      enteredPeriod: p.enteredPeriod,
      loans: loansFromJson(p.loans),
      pipeline: p.pipeline.map((g) => ({
        lag: g.lag,
        defaults: Float64Array.from(g.defaults),
        losses: Float64Array.from(g.losses),
      })),
      pending: p.pending,
      ...(p.advanced
        ? {
            advanced: {
              loan: Uint32Array.from(p.advanced.loan),
              month: Uint16Array.from(p.advanced.month),
              balance: Float64Array.from(p.advanced.balance),
              loss: Float64Array.from(p.advanced.loss),
            },
          }
        : {}),
      cnl: { ...p.cnl },
    })),
  };
}
