/**
 * The treasurer's words for the funding model's internal names, mapped in the renderer (core keeps its ids,
 * which deal files, funding cases and the Excel report use) and said in the screen's language (`t`). A name
 * not listed is shown as it is.
 */
import type { TFunction } from 'i18next';

/** Each internal name the screen puts in words, and its key under `funding:words`. */
const WORDS = {
  bankLine: 'bankLine',
  retail: 'retail',
  securitization: 'securitization',
  forwardFlow: 'forwardFlow',
  equity: 'equity',
  none: 'none',
  vertical: 'vertical',
  horizontal: 'horizontal',
  wholeSubordinated: 'wholeSubordinated',
  optimal: 'optimal',
  stopped: 'stopped',
  infeasible: 'infeasible',
  liquidityBuffer: 'liquidityBuffer',
  'abs share': 'absShare',
  yes: 'yes',
  no: 'no',
  committed: 'committed',
  uncommitted: 'uncommitted',
} as const;

type Word = keyof typeof WORDS;

const isWord = (text: string): text is Word => Object.prototype.hasOwnProperty.call(WORDS, text);

/**
 * Ids that are also plain English: replaced when they are a whole cell (a source's type, a yes/no column), kept
 * inside a sentence ("16.00% cost of equity", not "cost of Own equity"; "150,000,000 committed").
 */
const PLAIN = new Set<string>([
  'none',
  'equity',
  'retail',
  'securitization',
  'yes',
  'no',
  'committed',
  'uncommitted',
]);

function say(word: Word, t: TFunction): string {
  return t(`funding:words.${WORDS[word]}`);
}

/** The treasurer's word for an internal funding name, or the text as it is. */
export function fundingWord(text: string, t: TFunction): string {
  return isWord(text) ? say(text, t) : text;
}

/** Each internal name in a label such as "Optimal mix: optimal" put in words, the rest kept. */
export function fundingText(text: string, t: TFunction): string {
  if (isWord(text)) return say(text, t);
  if (text === 'Optimal mix: optimal') return t('funding:words.cheapestMix');
  return text
    .split(/(\b[A-Za-z]+\b)/)
    .map((part) => (isWord(part) && !PLAIN.has(part) ? say(part, t) : part))
    .join('');
}
