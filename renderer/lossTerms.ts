/**
 * The two loss figures a run reports, named the same way on every screen. They differ on purpose: the
 * charge-off view (DESIGN: cumulative net loss = cumulative defaults − cumulative recoveries) counts a defaulted
 * balance as lost at default, so it also holds defaults still waiting for their recovery; realised loss is
 * severity × defaulted balance, booked at liquidation. Both are shares of the initial pool. Their names are
 * glossary terms, so the Results and Stress screens and the report say them alike in either language.
 */
import type { TFunction } from 'i18next';
import { glossaryEn } from '../core/i18n/glossary';
import { runPoolLoss } from '../core/scenario/engine';
import type { RunResult } from '../core/result';

export type LossView = 'realised' | 'net';

/** A loss view's name in the interface's language. */
export function lossName(t: TFunction, view: LossView): string {
  return view === 'realised' ? t('glossary:realisedLoss') : t('glossary:netLoss');
}

/** The English names, for a screen not yet translated (prefer lossName). */
export const NET_LOSS = glossaryEn.netLoss;
export const REALISED_LOSS = glossaryEn.realisedLoss;

/** Realised loss over the initial pool: what the rating stresses report as the base case's loss. */
export function realisedLossShare(r: RunResult): number {
  return runPoolLoss(r);
}

/** The cumulative net loss at the run's last period, over the initial pool. */
export function netLossShare(r: RunResult): number {
  return r.pool.periods[r.pool.periods.length - 1]?.cumulativeNetLossPct ?? 0;
}
