/** A tranche's cash flows as the analytics see them: amounts at times in years from settlement. */
export interface TrancheFlow {
  period: number;
  /** Years from settlement to the day the cash arrives (30/360, payment delay included). */
  t: number;
  interest: number;
  principal: number;
}
