/** The reconciliation's rows: each period's sources against its uses and the change in the deal's accounts. */
import type { WaterfallPeriod } from '../../../core/result';

export interface ReconRow {
  period: number;
  date: string;
  interest: number;
  principal: number;
  recoveries: number;
  reserveDraw: number;
  cleanUp: number;
  /** Net hedge receipts and liquidity facility draws: cash entering the deal (0 for deals without them). */
  hedgeReceipts: number;
  liquidityDraws: number;
  sources: number;
  uses: number;
  reserveChange: number;
  collectionChange: number;
  difference: number;
  /** Collections bought receivables in the period. */
  revolving: boolean;
  /** Ids of the triggers breached in the period (the user's own names, never translated). */
  triggers: string[];
  /** The period's state as one text, for the tooltip and the CSV: the revolving word, the triggers breached. */
  state: string;
}

export type ReconMoney =
  | 'interest'
  | 'principal'
  | 'recoveries'
  | 'reserveDraw'
  | 'cleanUp'
  | 'hedgeReceipts'
  | 'liquidityDraws'
  | 'sources'
  | 'uses'
  | 'reserveChange'
  | 'collectionChange'
  | 'difference';

/** `revolvingWord` is the interface's word for a revolving period ('revolving', '循环购买期'). */
export function reconRows(w: readonly WaterfallPeriod[], revolvingWord: string): ReconRow[] {
  return w.map((p) => ({
    period: p.period,
    date: p.date,
    interest: p.sources.interestCollections,
    principal: p.sources.principalCollections,
    recoveries: p.sources.recoveries,
    reserveDraw: p.sources.reserveDraw,
    cleanUp: p.sources.cleanUpCallProceeds,
    hedgeReceipts: p.sources.hedgeReceipts ?? 0,
    liquidityDraws: p.sources.liquidityDraws ?? 0,
    sources: p.sources.total,
    uses: p.uses.total,
    reserveChange: Math.round((p.reserve.end - p.reserve.begin) * 100) / 100,
    // Between payment dates collections wait in the collection account: without its change a quarterly deal's
    // sources and uses would not visibly reconcile.
    collectionChange: p.collectionAccount
      ? Math.round((p.collectionAccount.end - p.collectionAccount.begin) * 100) / 100
      : 0,
    difference: p.difference,
    revolving: p.revolving,
    triggers: [...p.triggersBreached],
    state: [...(p.revolving ? [revolvingWord] : []), ...p.triggersBreached].join(' · '),
  }));
}
