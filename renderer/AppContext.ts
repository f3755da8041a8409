import { createContext, useContext, type Dispatch } from 'react';
import type { Host } from './host/Host';
import type { JobProgress } from './engine/client';
import type { EditLabel } from './project/history';
import type { Action, AnalysisId, AppState } from './project/state';

export interface Notice {
  kind: 'error' | 'info' | 'success';
  /** A catalog key with its parameters is shown in the language of the moment, as undo labels are. */
  text: EditLabel;
}

export interface AppApi {
  state: AppState;
  dispatch: Dispatch<Action>;
  host: Host;
  /** Runs long work with the progress bar and Cancel; resolves to null when cancelled or failed. */
  job<T>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>): Promise<T | null>;
  notify(notice: Notice): void;
  runDeal(): Promise<void>;
  /** Writes the tranche report with the chosen analyses (default: every one computed on the current deal). */
  exportReport(include?: readonly AnalysisId[]): Promise<void>;
}

export const AppContext = createContext<AppApi | null>(null);

export function useApp(): AppApi {
  const api = useContext(AppContext);
  if (!api) throw new Error('useApp outside AppContext');
  return api;
}
