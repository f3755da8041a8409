/**
 * The engine describes a class's coupon and names each waterfall step in English (core/structure); Results
 * words them from the run's own deal in the interface's language, falling back to the engine's text when the
 * deal does not have the class or step. English reads exactly as the engine writes it.
 */
import type { TFunction } from 'i18next';
import type { Coupon, WaterfallStep } from '../../../core/deal/schema';

/** As core/structure/interest.ts writes a rate: two decimals, no grouping. */
const rate = (x: number): string => `${(x * 100).toFixed(2)}%`;

export function couponText(t: TFunction, c: Coupon): string {
  if (c.type === 'fixed') return t('results:words.fixed', { rate: rate(c.rate) });
  const v = {
    index: c.index,
    sign: c.spread < 0 ? '-' : '+',
    spread: rate(Math.abs(c.spread)),
    floor: c.floor === undefined ? '' : rate(c.floor),
    cap: c.cap === undefined ? '' : rate(c.cap),
  };
  if (c.floor !== undefined && c.cap !== undefined) return t('results:words.floatingFloorCap', v);
  if (c.floor !== undefined) return t('results:words.floatingFloor', v);
  if (c.cap !== undefined) return t('results:words.floatingCap', v);
  return t('results:words.floating', v);
}

export function stepText(t: TFunction, s: WaterfallStep): string {
  switch (s.pay) {
    case 'fee':
      return s.part === 'capExcess'
        ? t('results:words.feeAboveCap', { fee: s.fee })
        : t('results:words.fee', { fee: s.fee });
    case 'interest':
      return t('results:words.interest', { classes: s.tranches.join(t('results:words.listSep')) });
    case 'principal':
      return t('results:words.principal', { classes: s.tranches.join(t('results:words.listSep')) });
    case 'reserveDeposit':
      return t('results:words.reserveDeposit');
    case 'purchase':
      return t('results:words.purchase');
    case 'residual':
      return t('results:words.residual');
    case 'pdlCure':
      return t('results:phases.pdlCure', { classes: s.tranches.join(t('results:words.listSep')) });
    case 'hedge':
      return t('results:supportWords.hedge', { hedge: s.hedge });
    case 'liquidity':
      return s.part === 'repay'
        ? t('results:supportWords.liquidityRepay')
        : s.part === 'interest'
          ? t('results:supportWords.liquidityInterest')
          : t('results:supportWords.liquidityCommitmentFee');
    case 'capCarryover':
      return t('results:supportWords.capCarryover', { classes: s.tranches.join(t('results:words.listSep')) });
  }
}

/** Rows the engine adds or renames in a period, beside the deal's own steps (core/structure/waterfall.ts). */
const ENGINE_ROWS = {
  'interest shortfall before the residual': 'shortfallBeforeResidual',
  'principal before the residual (uncured loss)': 'principalBeforeResidual',
  'residual (trapped in reserve)': 'residualTrapped',
  'unallocated funds to the seller': 'unallocated',
  'reserve returned to the seller': 'reserveReturned',
} as const;

function isEngineRow(label: string): label is keyof typeof ENGINE_ROWS {
  return Object.prototype.hasOwnProperty.call(ENGINE_ROWS, label);
}

/**
 * A period's step row in the interface's language. The engine's label is matched, never guessed: a row it
 * added or renamed by its known text, a deal step only when `en` (the English catalog) words it exactly as the
 * engine did; any other label is shown as the engine wrote it.
 */
export function stepRowText(
  t: TFunction,
  en: TFunction,
  label: string,
  step: WaterfallStep | undefined,
): string {
  if (isEngineRow(label)) return t(`results:words.${ENGINE_ROWS[label]}`);
  if (step && stepText(en, step) === label) return stepText(t, step);
  return label;
}
