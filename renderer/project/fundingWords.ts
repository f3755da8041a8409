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

/**
 * What a binding constraint means, in the screen's language. The optimiser (core/funding/optimise.ts) names each
 * family of constraints by a stable id ("capacity:warehouse-a", "liquidityBuffer") and describes it in English;
 * the figures the description carries are read back from it. A family or description this does not know is
 * shown as the optimiser wrote it.
 */
export function bindingMeaning(family: string, description: string, t: TFunction): string {
  const [kind, ...rest] = family.split(':');
  const id = rest.join(':');
  const share = /([\d.]+)%/.exec(description)?.[1];
  switch (kind) {
    case 'capacity':
      if (description.startsWith('commitment of bank line'))
        return t('funding:binding.bankLineCommitment', { id });
      if (description.startsWith('monthly raise capacity'))
        return t('funding:binding.retailCapacity', { id });
      if (description.startsWith('equity available')) return t('funding:binding.equityAvailable', { id });
      break;
    case 'minEquity':
      if (share !== undefined) return t('funding:binding.minEquity', { share });
      break;
    case 'fundingGap':
      return description.startsWith('no funding gap in the base case')
        ? t('funding:binding.noGapBase')
        : t('funding:binding.noGapStress', { scenario: id });
    case 'equityForHaircuts':
      return t('funding:binding.equityForHaircuts');
    case 'maxShare':
      if (share !== undefined) return t('funding:binding.maxShare', { id, share });
      break;
    case 'liquidityBuffer':
      if (share !== undefined) return t('funding:binding.liquidityBuffer', { share });
      break;
  }
  return description;
}
