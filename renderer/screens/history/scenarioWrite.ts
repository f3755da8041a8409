/**
 * "Use as scenario" for every source on the History screen (a loan-level history, segmented or not, and a
 * published vintage table): the scenario is added, or replaces the one of its name, as one undoable edit of the
 * deal, and becomes the scenario the deal runs — the user came here to run on the history's curves.
 */
import type { TFunction } from 'i18next';
import { Scenario, type ScenarioInput } from '../../../core/deal/schema';
import { useApp } from '../../AppContext';
import type { LabelKey } from '../../project/history';
import { validatedDeal } from '../../project/dealEdit';
import { withDeal } from '../../project/state';

/** Writes the scenario; the reason in the screen's language when the deal would not be valid with it. */
export function useWriteScenario(t: TFunction): (made: ScenarioInput, done: LabelKey) => string | null {
  const { state, dispatch, notify } = useApp();
  const deal = state.history.present.deal;
  return (made, done) => {
    const scenario = Scenario.parse(made);
    const name = scenario.name;
    const replaces = deal.scenarios.some((s) => s.name === name);
    const r = validatedDeal(
      deal,
      (d) => ({
        ...d,
        scenarios: replaces
          ? d.scenarios.map((s) => (s.name === name ? scenario : s))
          : [...d.scenarios, scenario],
      }),
      t,
    );
    if ('error' in r) return r.error;
    dispatch({
      type: 'edit',
      label: {
        key: replaces ? 'history:undo.replaceScenario' : 'history:undo.addScenario',
        params: { name },
      },
      update: (d) => ({ ...withDeal(d, () => r.deal), scenario: name }),
    });
    notify({ kind: 'success', text: done });
    return null;
  };
}
