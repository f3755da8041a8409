/**
 * Whether a deal's notes fit the pool they are secured on. The schema and `validateDeal` see the deal alone; an
 * 800m capital structure over a 23.4m imported tape passes both and then reports a −190% yield and a 578m loss
 * that reconcile to the cent. Run refuses such a deal and Results flags it, both reading this check.
 */
import { coreMessage } from '../i18n/messages';
import type { Deal } from './schema';
import { validateDeal, type DealProblem } from './validate';

/** Half a cent: notes above the pool by less than that are the same amount in money. */
const CENT_TOLERANCE = 0.005;

const amount = (x: number): string =>
  x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The notes (every class, equity included) above the pool balance at cut-off, or nothing when they fit. */
export function poolFitProblems(deal: Deal, poolBalance: number): DealProblem[] {
  const notes = deal.structure.tranches.reduce((s, t) => s + t.balance, 0);
  if (!(poolBalance > 0)) {
    return notes > 0 ? [{ path: 'pool', ...coreMessage('deal.poolEmpty') }] : [];
  }
  if (notes <= poolBalance + CENT_TOLERANCE) return [];
  const times = notes / poolBalance;
  return [
    {
      path: 'structure.tranches',
      ...coreMessage('deal.notesOverPool', {
        notes: amount(notes),
        pool: amount(poolBalance),
        times: times >= 10 ? String(Math.round(times)) : times.toFixed(2),
      }),
    },
  ];
}

/** Everything that stops the deal running on a pool of `poolBalance`: its own structure, then the fit. */
export function runProblems(deal: Deal, poolBalance: number): DealProblem[] {
  return [...validateDeal(deal), ...poolFitProblems(deal, poolBalance)];
}
