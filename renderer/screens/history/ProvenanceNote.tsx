/**
 * On the Assumptions screen: where each scenario fitted on performance history came from (the History screen's
 * "Use as scenario", or `abs-workbench vintage --into`): the file, the vintages, the method and the date.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../core/deal/schema';

/** The stress as written by core/history/scenario.ts, said in the screen's language. */
function stressText(stress: string, t: TFunction): string {
  const k = /^lifetime net loss \+ (\S+) x standard error$/.exec(stress);
  if (k) return t('provenance.stressK', { k: k[1]! });
  const m = /^loss multiple (\S+)$/.exec(stress);
  if (m) return t('provenance.stressMultiple', { m: m[1]! });
  return stress;
}

export function ProvenanceNote({ scenarios }: { scenarios: readonly Scenario[] }) {
  const { t } = useTranslation('history');
  // A re-fit on servicer reports (surveillance) is the Surveillance screen's to show.
  const fitted = scenarios.flatMap((s) =>
    s.provenance?.source === 'vintage-analysis' ? [{ name: s.name, p: s.provenance }] : [],
  );
  if (fitted.length === 0) return null;
  return (
    <div className="muted small" data-testid="scenario-provenance">
      <b>{t('provenance.title')}</b>
      <ul>
        {fitted.map(({ name, p }) => {
          return (
            <li key={name}>
              <span translate="no">{name}</span>
              {t('provenance.sep')}
              <span translate="no">{p.historyFile}</span>
              {t('provenance.sep')}
              {t('provenance.line', {
                count: p.vintages.length,
                first: p.vintages[0] ?? '',
                last: p.vintages.at(-1) ?? '',
                method: t(p.method === 'chain-ladder' ? 'glossary:chainLadder' : 'glossary:timingCurve'),
                date: p.date,
              })}
              {p.stress ? ` · ${stressText(p.stress, t as TFunction)}` : ''}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
