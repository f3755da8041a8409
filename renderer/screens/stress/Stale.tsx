import { useTranslation } from 'react-i18next';
import { useApp } from '../../AppContext';
import type { Held } from './shared';

/** Says when the deal, pool or scenario changed since the result was computed. */
export function Stale({ held }: { held: Held<unknown> | null }) {
  const { state } = useApp();
  const { t } = useTranslation('stress');
  if (!held || held.doc === state.history.present) return null;
  return (
    <div className="banner small" data-testid="stress-stale">
      {t('stale')}
    </div>
  );
}
