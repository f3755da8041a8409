/**
 * The treasurer's words for the funding model's internal names, mapped in the renderer (core keeps its ids,
 * which deal files, funding cases and the Excel report use). A name not listed is shown as it is.
 */
const WORDS: Readonly<Record<string, string>> = {
  bankLine: 'Bank line',
  retail: 'Retail (personal) capital',
  securitization: 'Securitisation (ABS)',
  forwardFlow: 'Forward flow',
  equity: 'Own equity',
  none: 'No risk retention',
  vertical: 'Vertical retention (share of every class)',
  horizontal: 'Horizontal retention (first loss)',
  wholeSubordinated: 'Whole subordinated class retained',
  optimal: 'cheapest mix',
  stopped: 'best mix found before the time limit',
  infeasible: 'no mix meets the constraints',
  liquidityBuffer: 'Liquidity buffer',
  'abs share': 'ABS share',
};

/**
 * Ids that are also plain English: replaced when they are a whole cell (a source's type), kept inside a
 * sentence ("16.00% cost of equity", not "cost of Own equity").
 */
const PLAIN = new Set(['none', 'equity', 'retail', 'securitization']);

/** The treasurer's word for an internal funding name, or the text as it is. */
export function fundingWord(text: string): string {
  return WORDS[text] ?? text;
}

/** Each internal name in a label such as "Optimal mix: optimal" put in words, the rest kept. */
export function fundingText(text: string): string {
  const whole = WORDS[text];
  if (whole !== undefined) return whole;
  return text
    .split(/(\b[A-Za-z]+\b)/)
    .map((part) => (part in WORDS && !PLAIN.has(part) ? fundingWord(part) : part))
    .join('')
    .replace(/^Optimal mix: cheapest mix$/, 'Cheapest mix');
}
