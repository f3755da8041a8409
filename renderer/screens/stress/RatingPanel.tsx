/** The rating-agency stresses tab: the run, each class's highest level passed, and the levels table. */
import { useTranslation } from 'react-i18next';
import { ratingStressNoteMessages, type RatingStressResult } from '../../../core/scenario/ratingStress';
import { useApp } from '../../AppContext';
import { Kpi } from '../../components/Kpi';
import { engine } from '../../engine/engineWorker';
import { pct } from '../../format';
import { RatingGrid } from './RatingGrid';
import { engineNote } from './engineNote';
import { base, type Held } from './shared';
import { Stale } from './Stale';

export function RatingPanel({
  held,
  onResult,
}: {
  held: Held<RatingStressResult> | null;
  onResult: (h: Held<RatingStressResult>) => void;
}) {
  const { state, job } = useApp();
  const { t } = useTranslation('stress');
  const doc = state.history.present;
  async function run(): Promise<void> {
    const value = await job(t('rating.job'), (p) =>
      engine().request({ kind: 'ratingStress', ...base(doc) }, p),
    );
    if (value) onResult({ doc, value });
  }
  const r = held?.value ?? null;
  const ids = r ? Object.keys(r.highestPassing) : [];
  const notes = r ? ratingStressNoteMessages(r) : {};
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>{t('rating.title')}</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-rating">
            {t('rating.run')}
          </button>
        </div>
        <p className="muted small">{t('rating.explain')}</p>
      </section>
      <Stale held={held} />
      {r ? (
        <>
          <div className="kpi-row" data-testid="rating-highest">
            <Kpi
              label={t('rating.baseLoss', { scenario: r.scenarioName })}
              value={pct(r.baseLossPct)}
              testId="rating-base-loss"
            />
            {ids.map((id) => (
              <Kpi
                key={id}
                label={t('rating.highest', { id })}
                value={r.highestPassing[id] ?? t('rating.none')}
                tone={r.highestPassing[id] ? 'ok' : 'bad'}
                testId={`highest-${id}`}
              />
            ))}
          </div>
          {Object.entries(notes).map(([id, note]) => (
            <p key={id} className="muted small" data-testid={`rating-note-${id}`}>
              {engineNote(t, note)}
            </p>
          ))}
          <section className="card">
            <div className="card-head">
              <h2>{t('rating.levels')}</h2>
              <span className="muted small">{t('rating.levelsHint')}</span>
            </div>
            <RatingGrid r={r} />
          </section>
        </>
      ) : (
        <div className="empty">
          <p>{t('rating.empty')}</p>
        </div>
      )}
    </>
  );
}
