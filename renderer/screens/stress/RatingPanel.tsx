/** The rating-agency stresses tab: the run, each class's highest level passed, and the levels table. */
import { ratingStressNotes, type RatingStressResult } from '../../../core/scenario/ratingStress';
import { useApp } from '../../AppContext';
import { Kpi } from '../../components/Kpi';
import { engine } from '../../engine/engineWorker';
import { pct } from '../../format';
import { REALISED_LOSS } from '../../lossTerms';
import { RatingGrid } from './RatingGrid';
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
  const doc = state.history.present;
  async function run(): Promise<void> {
    const value = await job('Running rating stresses', (p) =>
      engine().request({ kind: 'ratingStress', ...base(doc) }, p),
    );
    if (value) onResult({ doc, value });
  }
  const r = held?.value ?? null;
  const ids = r ? Object.keys(r.highestPassing) : [];
  const notes = r ? ratingStressNotes(r) : {};
  return (
    <>
      <section className="card">
        <div className="card-head">
          <h2>Rating-agency stresses</h2>
          <button className="primary" onClick={() => void run()} data-testid="run-rating">
            Run rating stresses
          </button>
        </div>
        <p className="muted small">
          Each level multiplies the base case&apos;s loss, under prepayment speeds of 0.5×, 1× and 1.5× the
          base and with losses at base timing, front-loaded and back-loaded (same lifetime loss). A class
          passes a level when it receives all interest and principal in every one of those nine runs. The
          timing cases are matched to the original pool&apos;s lifetime loss (no purchases, no clean-up call),
          which rises with the multiple; loss a reshape places after a clean-up call is not realised. The
          highest level passed is one whose milder levels all pass too.
        </p>
      </section>
      <Stale held={held} />
      {r ? (
        <>
          <div className="kpi-row" data-testid="rating-highest">
            <Kpi
              label={`${REALISED_LOSS}, base case (${r.scenarioName})`}
              value={pct(r.baseLossPct)}
              testId="rating-base-loss"
            />
            {ids.map((id) => (
              <Kpi
                key={id}
                label={`Class ${id}: highest level passed`}
                value={r.highestPassing[id] ?? 'none'}
                tone={r.highestPassing[id] ? 'ok' : 'bad'}
                testId={`highest-${id}`}
              />
            ))}
          </div>
          {Object.entries(notes).map(([id, note]) => (
            <p key={id} className="muted small" data-testid={`rating-note-${id}`}>
              {note}
            </p>
          ))}
          <section className="card">
            <div className="card-head">
              <h2>Levels</h2>
              <span className="muted small">pass: all interest and principal paid in all nine runs</span>
            </div>
            <RatingGrid r={r} />
          </section>
        </>
      ) : (
        <div className="empty">
          <p>Run the stresses to see which classes pass each rating level.</p>
        </div>
      )}
    </>
  );
}
