/**
 * A class's break-even answers in the user's language: the value as the table shows it, and the explanation a
 * reader needs when the answer is not a plain number (whole up to the search limit, not whole even unstressed,
 * or not monotone: a revolving deal can be whole again at a harsher stress that ends revolving sooner).
 */
import type { TFunction } from 'i18next';
import type { BreakevenAnswer, BreakevenMode } from '../../../core/scenario/breakeven';
import { pct } from '../../format';

/** A CDR as a percentage to the solver's 0.01%; a multiple to its 0.01, with ×. */
export function breakevenFigure(mode: BreakevenMode, v: number): string {
  return mode === 'cdr' ? pct(v) : `${v.toFixed(2)}×`;
}

function modeName(t: TFunction, mode: BreakevenMode): string {
  return mode === 'cdr' ? t('stress:breakeven.mode.cdr') : t('stress:breakeven.mode.lossMultiple');
}

/** The break-even as the table shows it: "12.34%", "≥ 100.00×", or that the class is not whole at 0. */
export function breakevenValue(t: TFunction, a: BreakevenAnswer | undefined): string {
  if (!a) return '–';
  if (a.breakeven === null) return t('stress:breakeven.notWholeAtZero');
  const v = breakevenFigure(a.mode, a.breakeven);
  return a.wholeAtMax ? t('stress:breakeven.atLeast', { value: v }) : v;
}

/** Why the answer needs reading with care, or null when it is a plain, monotone break-even. */
export function breakevenNote(t: TFunction, id: string, a: BreakevenAnswer): string | null {
  const mode = modeName(t, a.mode);
  if (a.wholeAtMax) {
    return t('stress:breakeven.note.wholeAtMax', { id, mode, max: breakevenFigure(a.mode, a.max) });
  }
  if (a.breakeven === null) return t('stress:breakeven.note.notWholeAtZero', { id, mode });
  if (a.monotone) return null;
  if (a.wholeAgain.length === 0) return t('stress:breakeven.note.comesAndGoes', { id, mode });
  const windows = a.wholeAgain
    // A window one lattice step wide is one value, not "1.90×–1.90×".
    .map((w) =>
      w.from === w.to
        ? breakevenFigure(a.mode, w.from)
        : `${breakevenFigure(a.mode, w.from)}–${breakevenFigure(a.mode, w.to)}`,
    )
    .join(t('stress:breakeven.listSeparator'));
  return t('stress:breakeven.note.wholeAgain', { id, mode, windows });
}
