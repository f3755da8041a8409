/**
 * Application state as a reducer over the project document's history. Pure, so unit tests drive it
 * without React: every structure and assumption edit goes through `edit` and is undoable.
 */
import type { TFunction } from 'i18next';
import type { Deal } from '../../core/deal/schema';
import { enT } from '../i18n/fixedT';
import type { RunResult } from '../../core/result';
import type { BreakevenResult } from '../../core/scenario/breakeven';
import type { FileToken } from '../host/Host';
import type { ProjectDoc } from './document';
import { commit, redo, startHistory, undo, type EditLabel, type History } from './history';
import type { AnalysisData, AnalysisLabel } from './analyses';
import type { KeptValues } from './kept';

export type ScreenId =
  | 'pool'
  | 'history'
  | 'assumptions'
  | 'structure'
  | 'results'
  | 'export'
  | 'funding'
  | 'stress'
  | 'surveillance';

export interface RunSnapshot {
  /** The document the result was computed from; results are stale once the document moves on. */
  doc: ProjectDoc;
  result: RunResult;
  /** Solved on request from the Results screen for the same document. */
  breakevens: BreakevenResult[] | null;
}

export type { AnalysisId } from './analyses';

/** Stress and funding work done this session, kept so the Excel report can carry it as extra sheets. */
export type AnalysisSnapshot = AnalysisData & {
  /** What the Export screen calls it, e.g. "Sensitivity grid: CDR × CPR, WAL of A" (see analyses.ts). */
  label: AnalysisLabel;
  /** The document it was computed from, or null when it does not depend on the deal (the funding cases). */
  doc: ProjectDoc | null;
};

export interface AppState {
  history: History<ProjectDoc>;
  file: { token: FileToken | null; name: string } | null;
  /** The document as last saved, opened or created; dirty when the present document differs. */
  saved: ProjectDoc | null;
  screen: ScreenId;
  run: RunSnapshot | null;
  /** The latest result of each analysis, in the order first run. */
  analyses: AnalysisSnapshot[];
  /** Each analysis screen's inputs and results (see kept.ts), kept until another project is loaded. */
  kept: KeptValues;
}

export type Action =
  /** `dirty`: the document is not on disk in this form (a crash recovery). */
  | { type: 'load'; doc: ProjectDoc; file: AppState['file']; dirty?: boolean }
  | { type: 'edit'; label: EditLabel; update: (doc: ProjectDoc) => ProjectDoc }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; doc: ProjectDoc; file: AppState['file'] }
  | { type: 'screen'; screen: ScreenId }
  | { type: 'ran'; snapshot: RunSnapshot }
  | { type: 'breakevens'; doc: ProjectDoc; breakevens: BreakevenResult[] }
  | { type: 'analysis'; snapshot: AnalysisSnapshot }
  /** A screen's kept value changes; written only through `keepAction` (kept.ts), which ties it to its key's type. */
  | { type: 'keep'; name: string; value: unknown };

export function initialState(doc: ProjectDoc, file: AppState['file'] = null): AppState {
  return {
    history: startHistory(doc),
    file,
    saved: doc,
    screen: 'structure',
    run: null,
    analyses: [],
    kept: new Map(),
  };
}

export function reducer(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'load':
      return {
        ...state,
        history: startHistory(action.doc),
        file: action.file,
        saved: action.dirty ? null : action.doc,
        run: null,
        analyses: [],
        kept: new Map(),
      };
    case 'edit': {
      const next = action.update(state.history.present);
      return next === state.history.present
        ? state
        : { ...state, history: commit(state.history, next, action.label) };
    }
    case 'undo':
      return { ...state, history: undo(state.history) };
    case 'redo':
      return { ...state, history: redo(state.history) };
    case 'saved':
      return { ...state, file: action.file, saved: action.doc };
    case 'screen':
      return { ...state, screen: action.screen };
    case 'ran':
      return { ...state, run: action.snapshot, screen: 'results' };
    case 'breakevens':
      return state.run && state.run.doc === action.doc
        ? { ...state, run: { ...state.run, breakevens: action.breakevens } }
        : state;
    case 'keep':
      return state.kept.get(action.name) === action.value
        ? state
        : { ...state, kept: new Map(state.kept).set(action.name, action.value) };
    case 'analysis': {
      const { snapshot } = action;
      const at = state.analyses.findIndex((a) => a.id === snapshot.id);
      const analyses =
        at < 0 ? [...state.analyses, snapshot] : state.analyses.map((a, i) => (i === at ? snapshot : a));
      return { ...state, analyses };
    }
  }
}

/** An analysis is stale once the deal it was computed from has been edited. */
export const isStale = (s: AppState, a: AnalysisSnapshot): boolean =>
  a.doc !== null && a.doc !== s.history.present;

export const isDirty = (s: AppState): boolean => s.saved !== s.history.present;

export function windowTitle(s: AppState, t: TFunction = enT): string {
  const name = s.file?.name ?? t('app:unsavedName', { name: s.history.present.deal.name });
  return `${isDirty(s) ? '• ' : ''}${t('app:windowTitle', { name })}`;
}

/** Replaces part of the deal, keeping everything else shared. */
export function withDeal(doc: ProjectDoc, update: (deal: Deal) => Deal): ProjectDoc {
  const deal = update(doc.deal);
  return deal === doc.deal ? doc : { ...doc, deal };
}

export function suggestedFileName(s: AppState): string {
  const base = s.file?.name
    ? s.file.name.replace(/(\.deal)?\.json$|\.absproj$/, '')
    : s.history.present.deal.name.replace(/[^A-Za-z0-9 _.-]+/g, '').trim() || 'project';
  return `${base}.absproj`;
}
