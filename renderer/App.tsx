/** The workbench shell: top bar, navigation, the active screen and the job/status bar. */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppContext, useApp as useApp_, type AppApi, type Notice } from './AppContext';
import { EngineError, JobCancelled, type JobProgress } from './engine/client';
import { coreText } from '../core/i18n/messages';
import { engine } from './engine/engineWorker';
import type { Host, MenuCommand } from './host/Host';
import {
  newProject,
  parseProject,
  ProjectFileError,
  serializeProject,
  serializeProjectParts,
  type ProjectDoc,
} from './project/document';
import { DisplaySwitch } from './components/DisplaySwitch';
import { useDisplay } from './i18n/DisplayContext';
import { translator } from '../core/i18n';
import { integer } from './format';
import { autosaveText, omittedPool, poolAutosaved, reimportText } from './project/autosave';
import { blankDeal, sampleDeals } from './project/samples';
import { pendingEdits } from './project/pendingEdits';
import { runRefusal } from './project/runCheck';
import {
  initialState,
  isDirty,
  isStale,
  reducer,
  suggestedFileName,
  windowTitle,
  type AnalysisId,
  type AppState,
  type ScreenId,
} from './project/state';
import { canRedo, canUndo, labelText, redoLabel, undoLabel } from './project/history';
import { analysisTables } from './project/analyses';
import { reportPictures } from './project/reportPictures';
import { AssumptionsScreen } from './screens/AssumptionsScreen';
import { ExportScreen } from './screens/ExportScreen';
import { FundingScreen } from './screens/FundingScreen';
import { HistoryScreen } from './screens/HistoryScreen';
import { PoolScreen } from './screens/PoolScreen';
import { ResultsScreen } from './screens/ResultsScreen';
import { StructureScreen } from './screens/StructureScreen';
import { StressScreen } from './screens/StressScreen';
import { SurveillanceScreen } from './screens/SurveillanceScreen';

const NAV: readonly ScreenId[] = [
  'pool',
  'history',
  'assumptions',
  'structure',
  'results',
  'export',
  'funding',
  'stress',
  'surveillance',
];

const AUTOSAVE_DELAY_MS = 1500;

function firstDoc(): ProjectDoc {
  const sample = sampleDeals()[0];
  return newProject(sample ? sample.deal : blankDeal());
}

export function App({ host, initial }: { host: Host; initial?: AppState }) {
  const [state, dispatch] = useReducer(reducer, initial ?? null, (s) => s ?? initialState(firstDoc()));
  const { t } = useTranslation('app');
  // The callbacks below outlive a render; they read the language of the moment through this ref.
  const tRef = useRef(t);
  tRef.current = t;
  const [job, setJob] = useState<{ label: string; progress: JobProgress | null } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [recovery, setRecovery] = useState<string | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  // The report is written in the app's language and amount unit (read at export time, like the state).
  const display = useDisplay();
  const displayRef = useRef(display);
  displayRef.current = display;
  const doc = state.history.present;

  const notify = useCallback((n: Notice) => setNotice(n), []);

  const job_ = useCallback(
    async <T,>(
      label: string,
      work: (onProgress: (p: JobProgress) => void) => Promise<T>,
    ): Promise<T | null> => {
      setJob({ label, progress: null });
      setNotice(null);
      try {
        return await work((progress) => setJob({ label, progress }));
      } catch (err) {
        if (err instanceof JobCancelled)
          setNotice({ kind: 'info', text: { key: 'app:jobs.cancelled', params: { label } } });
        else
          setNotice({
            kind: 'error',
            text:
              err instanceof EngineError
                ? coreText(tRef.current, err.problem)
                : err instanceof Error
                  ? err.message
                  : String(err),
          });
        return null;
      } finally {
        setJob(null);
      }
    },
    [],
  );

  const runDeal = useCallback(async () => {
    // A field still being typed in commits on blur (Ctrl+Enter leaves it focused); one render later the deal has
    // the edit, or the field has its message and is on the list of refused edits.
    const active = document.activeElement;
    if (active instanceof HTMLElement) active.blur();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const d = stateRef.current.history.present;
    const refusal = runRefusal(d.deal, d.pool?.loans ?? null, pendingEdits.list(), tRef.current);
    if (refusal) {
      setNotice({ kind: 'error', text: refusal });
      return;
    }
    const result = await job_(tRef.current('jobs.runDeal'), (onProgress) =>
      engine().request(
        { kind: 'run', deal: d.deal, loans: d.pool?.loans ?? null, scenario: d.scenario },
        onProgress,
      ),
    );
    if (result) {
      dispatch({ type: 'ran', snapshot: { doc: d, result, breakevens: null } });
      setNotice(
        result.checks.cashConserved
          ? {
              kind: 'success',
              text: { key: 'app:notice.runOk', params: { count: result.pool.periods.length } },
            }
          : {
              kind: 'error',
              text: { key: 'app:notice.runNotReconciled', params: { count: result.checks.failures.length } },
            },
      );
    }
  }, [job_]);

  const exportReport = useCallback(
    async (include?: readonly AnalysisId[]) => {
      const s = stateRef.current;
      if (!s.run) {
        setNotice({ kind: 'error', text: { key: 'app:notice.runFirst' } });
        return;
      }
      const run = s.run;
      // By default (the menu, Ctrl+E) every analysis still true of the deal goes in; the Export screen chooses.
      const chosen = s.analyses.filter((a) => (include ? include.includes(a.id) : !isStale(s, a)));
      const { lang, scale } = displayRef.current;
      const bytes = await job_(tRef.current('jobs.writeReport'), async (onProgress) => {
        const charts = await reportPictures(run.result, lang, scale);
        return engine().request(
          {
            kind: 'report',
            deal: run.doc.deal,
            result: run.result,
            breakevens: run.breakevens,
            // Written now, in the report's language (the app's may have changed since they ran).
            tables: chosen.flatMap((a) => analysisTables(a, translator(lang))),
            lang,
            amounts: scale,
            charts,
          },
          onProgress,
          charts.map((c) => c.png.buffer),
        );
      });
      if (!bytes) return;
      // Named in the report's language; a Chinese deal name keeps its characters (only path-unsafe ones go).
      const deal = run.doc.deal.name.replace(/[^\p{L}\p{N} _.-]+/gu, '').trim();
      const scenario = run.result.scenario.name;
      const t = translator(displayRef.current.lang);
      const name = `${deal ? t('report:fileName', { deal, scenario }) : t('report:fileNameNoDeal', { scenario })}.xlsx`;
      const ok = await host.exportFile(
        name,
        bytes,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      if (ok) setNotice({ kind: 'success', text: { key: 'app:notice.exported', params: { name } } });
    },
    [host, job_],
  );

  const save = useCallback(
    async (saveAs: boolean) => {
      const s = stateRef.current;
      const d = s.history.present;
      try {
        // A pool too big to autosave is also too big to serialise in one go without freezing the window.
        const sliced = d.pool !== null && !poolAutosaved(d.pool);
        if (sliced) {
          setNotice({
            kind: 'info',
            text: { key: 'app:notice.savingLarge', params: { loans: integer(d.pool!.loans.size) } },
          });
        }
        const options = { saveAs, token: s.file?.token ?? null, suggestedName: suggestedFileName(s) };
        const parts = sliced ? await serializeProjectParts(d) : [serializeProject(d)];
        const saved = host.saveProjectParts
          ? await host.saveProjectParts(parts, options)
          : await host.saveProject(parts.join(''), options);
        if (!saved) return;
        dispatch({ type: 'saved', doc: s.history.present, file: saved });
        await host.writeAutosave(null);
        setNotice({ kind: 'success', text: { key: 'app:notice.saved', params: { name: saved.name } } });
      } catch (err) {
        setNotice({
          kind: 'error',
          text: {
            key: 'app:notice.saveFailed',
            params: {
              error: err instanceof Error ? err.message : String(err),
            },
          },
        });
      }
    },
    [host],
  );

  const openFile = useCallback(
    async (opened: { token: string | null; name: string; bytes: Uint8Array } | null) => {
      if (!opened) return;
      try {
        const d = parseProject(new TextDecoder().decode(opened.bytes), opened.name);
        dispatch({ type: 'load', doc: d, file: { token: opened.token, name: opened.name } });
        setNotice({ kind: 'success', text: { key: 'app:notice.opened', params: { name: opened.name } } });
      } catch (err) {
        setNotice({ kind: 'error', text: err instanceof ProjectFileError ? err.message : String(err) });
      }
    },
    [],
  );

  const command = useCallback(
    (c: MenuCommand) => {
      switch (c) {
        case 'new':
          dispatch({ type: 'load', doc: newProject(blankDeal()), file: null });
          break;
        case 'open':
          void host
            .openProject()
            .then(openFile, (e: unknown) => setNotice({ kind: 'error', text: String(e) }));
          break;
        case 'save':
          void save(false);
          break;
        case 'saveAs':
          void save(true);
          break;
        case 'export':
          void exportReport();
          break;
        case 'undo':
          dispatch({ type: 'undo' });
          break;
        case 'redo':
          dispatch({ type: 'redo' });
          break;
        case 'run':
          void runDeal();
          break;
      }
    },
    [host, openFile, save, exportReport, runDeal],
  );

  useEffect(() => host.onMenuCommand(command), [host, command]);

  useEffect(() => {
    void host.setTitle(windowTitle(state, t));
  }, [host, state, t]);

  // Crash recovery: an autosave left behind means the last session ended with unsaved work.
  useEffect(() => {
    void host.readAutosave().then((text) => setRecovery(text));
  }, [host]);

  useEffect(() => {
    if (!isDirty(state) || recovery !== null) return;
    // A large imported pool is left out of the autosave (see project/autosave.ts); the Pool screen says so and
    // a recovered project names the tape to import again.
    const t = setTimeout(() => void host.writeAutosave(autosaveText(doc)), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(t);
  }, [host, doc, state, recovery]);

  const api: AppApi = useMemo(
    () => ({ state, dispatch, host, job: job_, notify, runDeal, exportReport }),
    [state, host, job_, notify, runDeal, exportReport],
  );

  const stale = state.run !== null && state.run.doc !== doc;
  const recoveredWithoutPool = useMemo(() => (recovery === null ? null : omittedPool(recovery)), [recovery]);
  const h = state.history;

  return (
    <AppContext.Provider value={api}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark">ABS</span> {t('brand')}
          </div>
          <div className="doc-title" data-testid="doc-title">
            <span translate="no">{doc.deal.name}</span>
            {isDirty(state) ? (
              <span className="dirty" title={t('doc.unsavedChanges')}>
                {' '}
                •
              </span>
            ) : null}
            {state.file ? (
              <span className="doc-file" translate="no">
                {state.file.name}
              </span>
            ) : (
              <span className="doc-file">{t('doc.notSaved')}</span>
            )}
          </div>
          <div className="toolbar">
            <button onClick={() => command('new')} title={t('toolbar.newHint', { keys: 'Ctrl+N' })}>
              {t('toolbar.new')}
            </button>
            <button onClick={() => command('open')} title={t('toolbar.openHint', { keys: 'Ctrl+O' })}>
              {t('toolbar.open')}
            </button>
            <button
              onClick={() => command('save')}
              title={t('toolbar.saveHint', { keys: 'Ctrl+S' })}
              data-testid="save"
            >
              {t('toolbar.save')}
            </button>
            <span className="sep" />
            <button
              onClick={() => command('undo')}
              disabled={!canUndo(h)}
              title={
                undoLabel(h) !== null
                  ? t('toolbar.undoHint', { label: labelText(t, undoLabel(h) ?? ''), keys: 'Ctrl+Z' })
                  : t('toolbar.undoNothing', { keys: 'Ctrl+Z' })
              }
              data-testid="undo"
            >
              {t('toolbar.undo')}
            </button>
            <button
              onClick={() => command('redo')}
              disabled={!canRedo(h)}
              title={
                redoLabel(h) !== null
                  ? t('toolbar.redoHint', { label: labelText(t, redoLabel(h) ?? ''), keys: 'Ctrl+Shift+Z' })
                  : t('toolbar.redoNothing', { keys: 'Ctrl+Shift+Z' })
              }
              data-testid="redo"
            >
              {t('toolbar.redo')}
            </button>
            <span className="sep" />
            <ScenarioPicker />
            <DisplaySwitch />
            <button
              className="primary"
              onClick={() => command('run')}
              disabled={job !== null}
              title={t('toolbar.runHint', { keys: 'Ctrl+Enter' })}
              data-testid="run"
            >
              {t('toolbar.run')}
            </button>
          </div>
        </header>
        {recovery !== null ? (
          <div className="banner" data-testid="recovery">
            {t('recovery.recovered')}
            {recoveredWithoutPool ? ` ${reimportText(recoveredWithoutPool, t)}` : ''}
            <button
              onClick={() => {
                try {
                  dispatch({
                    type: 'load',
                    doc: parseProject(recovery, 'autosave'),
                    file: null,
                    dirty: true,
                  });
                  if (recoveredWithoutPool) {
                    setNotice({ kind: 'info', text: reimportText(recoveredWithoutPool, t) });
                  }
                } catch (err) {
                  setNotice({ kind: 'error', text: String(err) });
                }
                setRecovery(null);
              }}
            >
              {t('recovery.restore')}
            </button>
            <button
              onClick={() => {
                void host.writeAutosave(null);
                setRecovery(null);
              }}
            >
              {t('recovery.discard')}
            </button>
          </div>
        ) : null}
        <nav className="nav">
          {NAV.map((id) => (
            <button
              key={id}
              className={state.screen === id ? 'active' : ''}
              onClick={() => dispatch({ type: 'screen', screen: id })}
              data-testid={`nav-${id}`}
            >
              <span className="nav-label">{t(`nav.${id}.label`)}</span>
              <span className="nav-hint">{t(`nav.${id}.hint`)}</span>
            </button>
          ))}
          <RecentFiles onOpen={(token) => void host.openRecent(token).then(openFile)} />
        </nav>
        <main className="screen" data-testid={`screen-${state.screen}`}>
          {state.screen === 'pool' && <PoolScreen />}
          {state.screen === 'history' && <HistoryScreen />}
          {state.screen === 'assumptions' && <AssumptionsScreen />}
          {state.screen === 'structure' && <StructureScreen />}
          {state.screen === 'results' && <ResultsScreen stale={stale} />}
          {state.screen === 'export' && <ExportScreen />}
          {state.screen === 'funding' && <FundingScreen />}
          {state.screen === 'stress' && <StressScreen />}
          {state.screen === 'surveillance' && <SurveillanceScreen />}
        </main>
        <footer className="statusbar">
          {job ? (
            <div className="job" data-testid="job">
              <span>
                {job.progress
                  ? job.progress.key
                    ? t(`jobs.progress.${job.progress.key}`, { ...job.progress.params })
                    : job.progress.label
                  : job.label}
                …
              </span>
              <progress
                max={job.progress && job.progress.total > 0 ? job.progress.total : undefined}
                value={job.progress && job.progress.total > 0 ? job.progress.done : undefined}
              />
              <button onClick={() => engine().cancel()} data-testid="cancel">
                {t('status.cancel')}
              </button>
            </div>
          ) : notice ? (
            <div className={`notice notice-${notice.kind}`} data-testid="notice" role="status">
              {labelText(t, notice.text)}
              <button className="link" onClick={() => setNotice(null)} aria-label={t('notice.dismiss')}>
                ×
              </button>
            </div>
          ) : (
            <div className="notice">{t('status.ready')}</div>
          )}
          <div className="status-right">
            {doc.pool
              ? t(poolAutosaved(doc.pool) ? 'status.pool' : 'status.poolNotAutosaved', {
                  file: doc.pool.provenance.sourceFile,
                  loans: integer(doc.pool.loans.size),
                })
              : t('status.repLines')}
            {' · '}
            {host.kind === 'web' ? t('status.browser') : t('status.desktop')}
          </div>
        </footer>
      </div>
    </AppContext.Provider>
  );
}

function ScenarioPicker() {
  const { state, dispatch } = useApp_();
  const { t } = useTranslation('app');
  const doc = state.history.present;
  return (
    <label className="scenario-picker">
      {t('toolbar.scenario')}
      <select
        translate="no"
        value={doc.scenario}
        data-testid="scenario-picker"
        onChange={(e) => {
          const scenario = e.target.value;
          dispatch({
            type: 'edit',
            label: { key: 'app:undo.changeScenario' },
            update: (d) => ({ ...d, scenario }),
          });
        }}
      >
        {doc.deal.scenarios.map((s) => (
          <option key={s.name} value={s.name}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function RecentFiles({ onOpen }: { onOpen: (token: string) => void }) {
  const { host, state } = useApp_();
  const { t } = useTranslation('app');
  const [recent, setRecent] = useState<{ token: string; name: string }[]>([]);
  useEffect(() => {
    void host.recentFiles().then(setRecent);
  }, [host, state.file]);
  if (recent.length === 0) return null;
  return (
    <div className="recent">
      <div className="recent-title">{t('recent')}</div>
      {recent.slice(0, 6).map((r) => (
        <button key={r.token} className="link" onClick={() => onOpen(r.token)} title={r.name} translate="no">
          {r.name}
        </button>
      ))}
    </div>
  );
}
