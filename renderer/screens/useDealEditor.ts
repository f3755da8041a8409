import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../core/deal/schema';
import { useApp } from '../AppContext';
import { validatedDeal } from '../project/dealEdit';
import { labelText, type EditLabel } from '../project/history';
import { withDeal } from '../project/state';

export type DealEdit = (label: EditLabel, update: (d: Deal) => Deal) => string | null;

/**
 * Returns `edit(label, update)`: validates the edited deal against the schema, commits it to the undo history
 * when valid, and otherwise returns the message the field shows in place.
 */
export function useDealEditor(): DealEdit {
  const { state, dispatch, notify } = useApp();
  const { t } = useTranslation('structure');
  const deal = state.history.present.deal;
  return useCallback(
    (label, update) => {
      const r = validatedDeal(deal, update, t);
      if ('error' in r) {
        // Fields show the message in place; buttons and lists have no place, so the status bar says it too.
        notify({
          kind: 'error',
          text: t('problems.notApplied', { label: labelText(t, label), error: r.error }),
        });
        return r.error;
      }
      dispatch({ type: 'edit', label, update: (doc) => withDeal(doc, () => r.deal) });
      return null;
    },
    [deal, dispatch, notify, t],
  );
}

export function replaceAt<T>(list: readonly T[], index: number, value: T): T[] {
  return list.map((x, i) => (i === index ? value : x));
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item as T);
  return out;
}
