/**
 * A funding source's terms on the Funding screen in either language (issue 13): the English clauses rebuild the
 * model's line exactly (core/funding/terms.ts), so English reads as before; Chinese says each clause with the
 * same figures. Checked on every source of the bundled cases, as the engine writes them.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Deal } from '../../../core/deal/schema';
import { analyseFunding } from '../../../core/funding/analyse';
import { referencedDealPaths, resolveFundingInputs } from '../../../core/funding/inputs';
import { FundingCase } from '../../../core/funding/schema';
import { i18n, initI18n } from '../../../renderer/i18n';
import { termsText } from '../../../renderer/project/fundingTerms';
import { fundingText } from '../../../renderer/project/fundingWords';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');

/** Every source's terms line in the bundled cases, by source id. */
let lines: { id: string; type: string; terms: string }[] = [];

beforeAll(() => {
  lines = ['revolving-consumer', 'us-pay-later-tight'].flatMap((name) => {
    const c = FundingCase.parse(JSON.parse(readFileSync(`samples/funding/${name}.case.json`, 'utf8')));
    const deals = Object.fromEntries(
      referencedDealPaths(c).map(({ path }) => [
        path,
        Deal.parse(JSON.parse(readFileSync(`samples/deals/${basename(path)}`, 'utf8'))),
      ]),
    );
    return analyseFunding(resolveFundingInputs(c, deals)).sourceTerms.map((s) => ({
      id: s.id,
      type: s.type,
      terms: s.terms,
    }));
  });
});

describe('a source’s terms', () => {
  it('reads every bundled source’s line, all five types, and rebuilds it exactly in English', () => {
    expect(new Set(lines.map((l) => l.type))).toEqual(
      new Set(['bankLine', 'retail', 'securitization', 'forwardFlow', 'equity']),
    );
    for (const l of lines) expect(termsText(l.terms, en), l.id).toBe(fundingText(l.terms, en));
  });

  it('says every clause in Chinese: no English word left but the market’s acronyms and the case’s own ids', () => {
    for (const l of lines) {
      const zhText = termsText(l.terms, zh);
      expect(zhText, l.id).not.toBeNull();
      const ids = new Set(lines.map((x) => x.id).flatMap((id) => id.split('-')));
      const words = (zhText!.match(/[A-Za-z]+/g) ?? []).filter(
        // Upper case: market acronyms (ABS) and the case’s index names (SOFR, BASE1Y).
        (w) => !ids.has(w) && !/^[A-Z]+$/.test(w),
      );
      expect(words, `${l.id}: ${zhText}`).toEqual([]);
    }
  });

  it('puts a bank line’s figures in their Chinese clauses', () => {
    const line =
      '150000000 committed, 85.00% advance on receivables under 30 dpd, SOFR + 6.75%, 0.50% on undrawn, 0.00% upfront, 24-month tenor, not renewed, interest on at least 60000000';
    expect(termsText(line, zh)).toBe(
      '授信额度 150000000，逾期 30 天以内的应收款按 85.00% 融资，SOFR + 6.75%，未提款额度费率 0.50%，前端费率 0.00%，期限 24 个月，到期不续作，最低计息金额 60000000',
    );
    expect(termsText(line, en)).toBe(line);
    // A line of another form is left to the caller.
    expect(termsText('something the model writes later', zh)).toBeNull();
  });
});
