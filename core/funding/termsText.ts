/**
 * A funding source's terms in the language of `t`. The funding model (./terms.ts, termsSummary) writes each
 * source's terms as one English line per source type; this reads the figures back from it and says each clause
 * in the reader's language, for the report's Funding terms sheet, the CLI and the Funding screen. The English
 * clauses rebuild the model's line exactly (a unit test holds them to it), and a line whose form this does not
 * know (a clause the model gains later) is left to the caller, so nothing is ever lost in translation.
 */
import type { TFunction } from 'i18next';

type RuleWord = (rule: string) => string;

const RULES = ['none', 'vertical', 'horizontal', 'wholeSubordinated'] as const;
type Rule = (typeof RULES)[number];
const isRule = (r: string): r is Rule => (RULES as readonly string[]).includes(r);

/** A risk-retention rule as the report says it: the model's id in English, words in Chinese. */
function retentionRuleText(rule: string, t: TFunction): string {
  return isRule(rule) ? t(`sheets:funding.retentionRule.${rule}`) : rule;
}

const N = '(-?\\d+(?:\\.\\d+)?)';
const P = '(-?\\d+(?:\\.\\d+)?%)';

const BANK_LINE = new RegExp(
  `^${N} committed, ${P} advance on receivables under (\\d+) dpd, (.+?) \\+ ${P}, ${P} on undrawn, ${P} upfront, (\\d+)-month tenor, (renewed|not renewed)(?:, interest on at least ${N})?$`,
);
const RETAIL = new RegExp(
  `^${P} for (\\d+) months, ${P} channel fee, ${N} a month new money, ${P} rolled over$`,
);
const SECURITISATION = new RegExp(
  `^classes (.+); risk retention (\\w+) ${P}; ${P} sold; issue every (\\d+) months from month (\\d+), at least ${N}; costs ${N} \\+ ${P} of notes; amortisation from (deal run|book cohorts)$`,
);
const CLASS = new RegExp(`^(.+) ${P}( retained)?$`);
const FORWARD_FLOW = new RegExp(
  `^up to ${P} of originations at (\\d+(?:\\.\\d+)?)% of par, buyer yield ${P}(?:, programme ${N})?$`,
);
const EQUITY = new RegExp(
  `^${P} cost of equity, at least ${P} of the need, ${N} on hand, at most ${N}, ${N} a month new(, releasable)?$`,
);

/** The clauses of one source's terms, said one by one and listed. */
function list(clauses: string[], t: TFunction): string {
  return clauses.join(t('sheets:funding.terms.separator'));
}

/** A securitisation's clauses are longer and carry commas of their own: a stronger separator. */
function strongList(clauses: string[], t: TFunction): string {
  return clauses.join(t('sheets:funding.terms.strongSeparator'));
}

function bankLine(m: RegExpExecArray, t: TFunction): string {
  const [, amount, advance, dpd, index, margin, undrawn, upfront, months, renewal, minimum] = m;
  return list(
    [
      t('sheets:funding.terms.committed', { amount }),
      t('sheets:funding.terms.advance', { advance, dpd }),
      t('sheets:funding.terms.index', { index, margin }),
      t('sheets:funding.terms.undrawn', { rate: undrawn }),
      t('sheets:funding.terms.upfront', { rate: upfront }),
      t('sheets:funding.terms.tenor', { months }),
      renewal === 'renewed' ? t('sheets:funding.terms.renewed') : t('sheets:funding.terms.notRenewed'),
      ...(minimum !== undefined ? [t('sheets:funding.terms.minimumUse', { amount: minimum })] : []),
    ],
    t,
  );
}

function retail(m: RegExpExecArray, t: TFunction): string {
  const [, rate, months, channel, amount, rollover] = m;
  return list(
    [
      t('sheets:funding.terms.retailRate', { rate, months }),
      t('sheets:funding.terms.channelFee', { rate: channel }),
      t('sheets:funding.terms.newMoney', { amount }),
      t('sheets:funding.terms.rollover', { rate: rollover }),
    ],
    t,
  );
}

function securitisation(m: RegExpExecArray, t: TFunction, ruleWord: RuleWord): string | null {
  const [, classList, rule, retained, sold, every, from, minimum, fixed, perNote, profile] = m;
  const classes: string[] = [];
  for (const c of (classList ?? '').split(', ')) {
    const k = CLASS.exec(c);
    if (!k) return null;
    classes.push(
      k[3]
        ? t('sheets:funding.terms.classRetained', { id: k[1], share: k[2] })
        : t('sheets:funding.terms.class', { id: k[1], share: k[2] }),
    );
  }
  return strongList(
    [
      t('sheets:funding.terms.classes', { classes: classes.join(t('sheets:funding.terms.classSeparator')) }),
      t('sheets:funding.terms.retention', { rule: ruleWord(rule ?? ''), share: retained }),
      t('sheets:funding.terms.sold', { share: sold }),
      t('sheets:funding.terms.issue', { every, from, amount: minimum }),
      t('sheets:funding.terms.costs', { amount: fixed, rate: perNote }),
      profile === 'deal run'
        ? t('sheets:funding.terms.amortisationDeal')
        : t('sheets:funding.terms.amortisationBook'),
    ],
    t,
  );
}

function forwardFlow(m: RegExpExecArray, t: TFunction): string {
  const [, share, price, rate, programme] = m;
  return list(
    [
      t('sheets:funding.terms.forwardShare', { share, price }),
      t('sheets:funding.terms.buyerYield', { rate }),
      ...(programme !== undefined ? [t('sheets:funding.terms.programme', { amount: programme })] : []),
    ],
    t,
  );
}

function equity(m: RegExpExecArray, t: TFunction): string {
  const [, cost, share, onHand, most, monthly, releasable] = m;
  return list(
    [
      t('sheets:funding.terms.costOfEquity', { rate: cost }),
      t('sheets:funding.terms.minimumShare', { share }),
      t('sheets:funding.terms.onHand', { amount: onHand }),
      t('sheets:funding.terms.atMost', { amount: most }),
      t('sheets:funding.terms.monthlyRaise', { amount: monthly }),
      ...(releasable ? [t('sheets:funding.terms.releasable')] : []),
    ],
    t,
  );
}

/**
 * `text` said in the language of `t` when it is a source's terms as the funding model writes them, else null
 * (any other text, or a form this does not know). `ruleWord` says a risk-retention rule (the report keeps the
 * model's id in English; the screen says it in words).
 */
export function termsText(
  text: string,
  t: TFunction,
  ruleWord: RuleWord = (rule) => retentionRuleText(rule, t),
): string | null {
  let m: RegExpExecArray | null;
  if ((m = BANK_LINE.exec(text))) return bankLine(m, t);
  if ((m = RETAIL.exec(text))) return retail(m, t);
  if ((m = SECURITISATION.exec(text))) return securitisation(m, t, ruleWord);
  if ((m = FORWARD_FLOW.exec(text))) return forwardFlow(m, t);
  if ((m = EQUITY.exec(text))) return equity(m, t);
  return null;
}
