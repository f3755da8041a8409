/**
 * What Run checks before it sends the deal to the engine, and Results before it shows a run as sound: refused
 * edits still in their fields, the deal's own structure, and notes that exceed the pool. Each answer says how
 * to fix it, since a run that should not run otherwise shows figures that reconcile and mean nothing.
 */
import { runProblems } from '../../core/deal/poolFit';
import type { DealProblem } from '../../core/deal/validate';
import type { Deal } from '../../core/deal/schema';
import type { LoanPool } from '../../core/pool/loanPool';
import type { TFunction } from 'i18next';
import { coreText } from '../../core/i18n/messages';
import { enT } from '../i18n/fixedT';
import { poolBalance } from './dealEdit';
import { pendingEditsText, type PendingEdit } from './pendingEdits';

/** One problem with the way to fix it. */
export function problemWithFix(p: DealProblem, t: TFunction = enT): string {
  // The engine's message in the user's language, by its code.
  const message = coreText(t, p);
  if (p.code === 'deal.notesOverPool') {
    return t('app:run.fixResize', { message });
  }
  if (p.path === 'pool') return t('app:run.fixPool', { message });
  return p.path.startsWith('scenarios')
    ? t('app:run.fixOnAssumptions', { message, path: p.path })
    : t('app:run.fixOnStructure', { message, path: p.path });
}

/** The deal's problems on its pool, each with its fix; empty when it can run. */
export function dealRunProblems(deal: Deal, loans: LoanPool | null, t: TFunction = enT): string[] {
  return runProblems(deal, poolBalance(deal, loans)).map((p) => problemWithFix(p, t));
}

/** Why Run refuses, or null when it may run. */
export function runRefusal(
  deal: Deal,
  loans: LoanPool | null,
  pending: readonly PendingEdit[],
  t: TFunction = enT,
): string | null {
  const refused = pendingEditsText(pending, t);
  if (refused) return refused;
  const problems = dealRunProblems(deal, loans, t);
  if (problems.length === 0) return null;
  return t('app:run.refused', { problems: problems.join(t('structure:listSep')) });
}
