/**
 * Results: what the run assumed and where it may surprise — the default stop it used, stated against realised
 * CNL, the projection's warnings and product conventions, and the calendar's notes on payment dates. Engine
 * notes carrying a code render in the interface's language (coreText); the rest in the engine's English.
 */
import { useTranslation } from 'react-i18next';
import { coreText, type CoreMessage } from '../../../core/i18n/messages';
import type { RunResult } from '../../../core/result';
import { pct } from '../../format';

/** An engine note: a coded message, or the English sentence of a result saved before the codes. */
type Note = string | CoreMessage;

function useNoteText(): (n: Note) => string {
  const { t } = useTranslation('results');
  return (n) => (typeof n === 'string' ? n : coreText(t, n));
}

export function RunNotes({ r }: { r: RunResult }) {
  const { t } = useTranslation('results');
  const text = useNoteText();
  const notes = r.projectionNotes;
  // The coded messages when the run carries them (every run since the engine coded its notes); a result saved
  // before that has only the English sentences.
  const warnings: readonly Note[] = notes?.warningMessages ?? notes?.warnings ?? [];
  const conventions: readonly Note[] = notes?.conventionMessages ?? notes?.conventions ?? [];
  const calendar: readonly Note[] = r.calendarNoteMessages ?? r.calendarNotes ?? [];
  return (
    <>
      {notes ? (
        <div data-testid="projection-notes">
          <p className="muted">
            {notes.defaultStop === 'maturity' ? t('notes.defaultsMaturity') : t('notes.defaultsLag')}
            {notes.cnl
              ? ` · ${t('notes.cnl', { stated: pct(notes.cnl.stated), realised: pct(notes.cnl.realised) })}`
              : ''}
          </p>
          {warnings.map((w, k) => (
            <p key={k} className="warn" role="status">
              {text(w)}
            </p>
          ))}
          <details>
            <summary className="muted">{t('notes.conventions')}</summary>
            <ul>
              {conventions.map((c, k) => (
                <li key={k}>{text(c)}</li>
              ))}
            </ul>
          </details>
        </div>
      ) : null}
      {calendar.length > 0 ? (
        <details data-testid="calendar-notes">
          <summary className="muted">{t('notes.calendar')}</summary>
          <ul>
            {calendar.map((c, k) => (
              <li key={k}>{text(c)}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
