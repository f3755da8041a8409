/** Results: the default stop the run used, its warnings, and the product conventions behind the pool's figures. */
import type { ProjectionNotes } from '../../../core/result';
import { pct } from '../../format';

export function ProjectionNotesView({ notes }: { notes: ProjectionNotes }) {
  return (
    <div data-testid="projection-notes">
      <p className="muted">
        Defaults{' '}
        {notes.defaultStop === 'maturity'
          ? 'run to maturity'
          : 'stop in the last recovery-lag months (SIFMA)'}
        {notes.cnl ? ` · CNL stated ${pct(notes.cnl.stated)}, realised ${pct(notes.cnl.realised)}` : ''}
      </p>
      {notes.warnings.map((w, k) => (
        <p key={k} className="warn" role="status">
          {w}
        </p>
      ))}
      <details>
        <summary className="muted">Conventions of this projection</summary>
        <ul>
          {notes.conventions.map((c, k) => (
            <li key={k}>{c}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
