/**
 * What the History screen keeps while the user is elsewhere (project/kept.ts): the file, the analysis options
 * as typed, the result and the tab. The options form reads into the core's VintageOptions here, so a bad entry
 * is refused with its reason before any work is posted to the worker.
 */
import type { TFunction } from 'i18next';
import type { FactorMethod } from '../../../core/history/chainLadder';
import type { VintageMethod, VintageOptions } from '../../../core/history/analyse';
import type { HistoryJobResult } from '../../engine/historyAdapter';
import type { ProjectDoc } from '../../project/document';
import { keptKey } from '../../project/kept';

export const TABS = ['curves', 'development', 'rollRates', 'backtest'] as const;
export type Tab = (typeof TABS)[number];

/** The file picked, kept to analyse again with other options (a spreadsheet as the rows the sheet worker read). */
export interface HistoryFile {
  name: string;
  bytes: Uint8Array | null;
  sheet: { rows: string[][]; rowNumbers: number[]; sheet: string } | null;
}

export interface HistoryForm {
  method: VintageMethod;
  factors: FactorMethod;
  lastN: string;
  tail: 'none' | 'loglinear' | 'value';
  tailValue: string;
  holdout: string;
  /** '' : the default horizon. */
  horizon: string;
  /** '' : no segmentation. */
  segment: string;
}

export interface ScenarioForm {
  name: string;
  stress: 'none' | 'k' | 'multiple';
  k: string;
  multiple: string;
}

export const KEPT = {
  tab: keptKey<Tab>('history.tab', 'curves'),
  file: keptKey<HistoryFile | null>('history.file', null),
  form: keptKey<HistoryForm>('history.form', {
    method: 'both',
    factors: 'volume',
    lastN: '5',
    tail: 'none',
    tailValue: '1.05',
    holdout: '6',
    horizon: '',
    segment: '',
  }),
  result: keptKey<{ doc: ProjectDoc; value: HistoryJobResult } | null>('history.result', null),
  metric: keptKey<string>('history.metric', 'cgl'),
  scenario: keptKey<ScenarioForm>('history.scenario', { name: '', stress: 'none', k: '1', multiple: '1.5' }),
};

const whole = (s: string): number => (/^\s*\d+\s*$/.test(s) ? Number(s) : NaN);

/** The form as analysis options, or the reason (in the screen's language) it cannot be. */
export function formOptions(f: HistoryForm, t: TFunction): VintageOptions | string {
  const holdout = whole(f.holdout);
  if (!Number.isInteger(holdout) || holdout < 0 || holdout > 120) return t('history:form.badHoldout');
  const opts: VintageOptions = { method: f.method, factors: f.factors, holdout };
  if (f.factors === 'last-n') {
    const n = whole(f.lastN);
    if (!Number.isInteger(n) || n < 1) return t('history:form.badLastN');
    opts.lastN = n;
  }
  if (f.tail === 'loglinear') opts.tail = 'loglinear';
  else if (f.tail === 'value') {
    const v = Number(f.tailValue.trim());
    if (f.tailValue.trim() === '' || !Number.isFinite(v) || v < 1 || v > 10) return t('history:form.badTail');
    opts.tail = v;
  }
  if (f.horizon.trim() !== '') {
    const h = whole(f.horizon);
    if (!Number.isInteger(h) || h < 1) return t('history:form.badHorizon');
    opts.horizon = h;
  }
  return opts;
}

/** The stress asked for, or the reason it cannot be used. */
export function scenarioStress(
  f: ScenarioForm,
  t: TFunction,
): { stressK?: number; multiple?: number } | string {
  if (f.stress === 'none') return {};
  const v = Number(f.stress === 'k' ? f.k.trim() : f.multiple.trim());
  if (f.stress === 'k')
    return Number.isFinite(v) && v > 0 && v <= 10 ? { stressK: v } : t('history:use.badK');
  return Number.isFinite(v) && v > 0 && v <= 100 ? { multiple: v } : t('history:use.badMultiple');
}
