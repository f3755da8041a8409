/**
 * The principal deficiency ledger (PDL), one per class, as UK, EU and Chinese deals keep it: the ledger form of
 * the write-down economics (./lossAllocation.ts). Realised losses, and principal collections spent on interest,
 * leave the notes above the collateral; instead of writing the notes down, the shortfall is recorded against
 * the classes, most junior level first, each at most its outstanding balance (a class cannot owe more principal
 * than it has). Revenue then cures the ledgers, senior level first, by moving cash to principal collections
 * (`pdlCure` steps), which the redemption steps pay to the notes. A ledger never exceeds its class's balance, so
 * it is zero for a class repaid in full.
 */
import { allocateByLevel } from './lossAllocation';
import type { Cents } from '../money';

export class DeficiencyLedger {
  readonly balance: Cents[];

  constructor(
    nTranches: number,
    /** Tranche indices by seniority level, senior level first. */
    private readonly seniorLevels: readonly (readonly number[])[],
  ) {
    this.balance = new Array<number>(nTranches).fill(0);
  }

  /** Debits `amount`, most junior level first, pro rata to the room each class has left within a level. */
  debit(amount: Cents, notes: readonly Cents[]): void {
    if (amount <= 0) return;
    const room = notes.map((b, i) => Math.max(0, b - this.balance[i]));
    const split = allocateByLevel(amount, room, [...this.seniorLevels].reverse());
    for (let i = 0; i < split.length; i++) this.balance[i] += split[i];
  }

  /** What the listed classes carry. */
  owed(ids: readonly number[]): Cents {
    let s = 0;
    for (const i of ids) s += this.balance[i];
    return s;
  }

  /** Credits `amount` (≤ owed by the listed classes), senior level first, pro rata within a level. */
  credit(amount: Cents, ids: readonly number[]): void {
    const weights = this.balance.map((b, i) => (ids.includes(i) ? b : 0));
    const split = allocateByLevel(amount, weights, this.seniorLevels);
    for (let i = 0; i < split.length; i++) this.balance[i] -= split[i];
  }

  /** A class repaid below its ledger balance carries no more deficiency than it has notes. */
  clamp(notes: readonly Cents[]): void {
    for (let i = 0; i < notes.length; i++) this.balance[i] = Math.min(this.balance[i], notes[i]);
  }
}
