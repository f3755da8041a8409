/**
 * An engine note in the user's language. The scenario modules still return plain English notes; once they carry
 * a code and params (core/i18n/messages.ts) the same call shows them translated, with no change here.
 */
import type { TFunction } from 'i18next';
import { coreText, type CoreMessage } from '../../../core/i18n/messages';

export function engineNote(t: TFunction, note: string | CoreMessage): string {
  return typeof note === 'string' ? note : coreText(t, note);
}
