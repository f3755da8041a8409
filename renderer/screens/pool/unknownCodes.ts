/**
 * The import wizard's unknown-code step, without React: which meanings a coded column's value may take, the
 * user's choices merged into the mapping's value map (what the next validation and a saved mapping carry), and
 * the saved mapping's file name.
 */
import { Product } from '../../../core/deal/schema';
import { STATUS_CODES } from '../../../core/io/tape/fields';
import type { CodedField, TapeMapping } from '../../../core/io/tape/mapping';
import type { UnknownValue } from '../../../core/io/tape/report';

export type ValueMap = TapeMapping['values'];

/** A choice per unknown value, keyed by `choiceKey`; '' is not chosen yet. */
export type CodeChoices = Readonly<Record<string, string>>;

export const choiceKey = (u: Pick<UnknownValue, 'field' | 'value'>): string => `${u.field}\u0000${u.value}`;

/** What a value of the field can mean: a loan status for status and classification, else an engine product. */
export function codeOptions(field: CodedField): readonly string[] {
  return field === 'status' || field === 'classification' ? STATUS_CODES : Product.options;
}

/** The value map with the chosen meanings added, under the value as the tape writes it. */
export function mergeChoices(
  values: ValueMap,
  unknown: readonly UnknownValue[],
  choices: CodeChoices,
): ValueMap {
  const out = {
    status: { ...values.status },
    classification: { ...values.classification },
    product: { ...values.product },
    repaymentMethod: { ...values.repaymentMethod },
  };
  for (const u of unknown) {
    const code = choices[choiceKey(u)];
    if (!code || !codeOptions(u.field).includes(code)) continue;
    (out[u.field] as Record<string, string>)[u.value] = code;
  }
  return out;
}

/** True when every unknown value has a meaning chosen. */
export function allChosen(unknown: readonly UnknownValue[], choices: CodeChoices): boolean {
  return unknown.every((u) => codeOptions(u.field).includes(choices[choiceKey(u)] ?? ''));
}

/** A mapping carrying the value map (other fields untouched). */
export function withValues(mapping: TapeMapping, values: ValueMap): TapeMapping {
  return { ...mapping, values };
}

/** `platform-tape.csv` → `platform-tape.mapping.json`. */
export function mappingFileName(tapeName: string): string {
  return `${tapeName.replace(/\.[^.]+$/, '')}.mapping.json`;
}
