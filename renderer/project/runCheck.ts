/**
 * What Run checks before it sends the deal to the engine, and Results before it shows a run as sound: refused
 * edits still in their fields, the deal's own structure, and notes that exceed the pool. Each answer says how
 * to fix it, since a run that should not run otherwise shows figures that reconcile and mean nothing.
 */
import { runProblems } from '../../core/deal/poolFit';
import type { DealProblem } from '../../core/deal/validate';
import type { Deal } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import { poolBalance } from './dealEdit';
import { pendingEditsText, type PendingEdit } from './pendingEdits';

/** One problem with the way to fix it. */
export function problemWithFix(p: DealProblem): string {
  if (p.path === 'structure.tranches' && p.message.startsWith('the notes total')) {
    return `${p.message}: on Structure, resize the tranches to the pool (or import the whole tape on Pool)`;
  }
  if (p.path === 'pool') return `${p.message}: import a tape or add rep lines on Pool`;
  const screen = p.path.startsWith('scenarios') ? 'Assumptions' : 'Structure';
  return `${p.message} (${p.path}): fix it on ${screen}`;
}

/** The deal's problems on its pool, each with its fix; empty when it can run. */
export function dealRunProblems(deal: Deal, loans: LoanPool | null): string[] {
  return runProblems(deal, poolBalance(deal, loans)).map(problemWithFix);
}

/** Why Run refuses, or null when it may run. */
export function runRefusal(
  deal: Deal,
  loans: LoanPool | null,
  pending: readonly PendingEdit[],
): string | null {
  const refused = pendingEditsText(pending);
  if (refused) return refused;
  const problems = dealRunProblems(deal, loans);
  if (problems.length === 0) return null;
  return `Not run: ${problems.join('; ')}.`;
}
