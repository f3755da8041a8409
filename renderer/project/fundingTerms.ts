/**
 * A funding source's terms in the screen's language: the report's reading (core/funding/termsText.ts), with a
 * risk-retention rule in the treasurer's words rather than the model's id.
 */
import type { TFunction } from 'i18next';
import { termsText as coreTermsText } from '../../core/funding/termsText';
import { fundingWord } from './fundingWords';

export function termsText(text: string, t: TFunction): string | null {
  return coreTermsText(text, t, (rule) => fundingWord(rule, t));
}
