/** Funding tables in a treasurer's words, not the model's ids (issue 19 item 13, renderer part). */
import { describe, expect, it } from 'vitest';
import { i18n, initI18n } from '../../../renderer/i18n';
import {
  bindingMeaning,
  fundingText as textIn,
  fundingWord as wordIn,
} from '../../../renderer/project/fundingWords';

initI18n('en');
const en = i18n.getFixedT('en');
const zh = i18n.getFixedT('zh-CN');
const fundingWord = (s: string): string => wordIn(s, en);
const fundingText = (s: string): string => textIn(s, en);

describe('funding words', () => {
  it('names source types and retention rules as a treasurer does', () => {
    expect(fundingWord('bankLine')).toBe('Bank line');
    expect(fundingWord('wholeSubordinated')).toBe('Whole subordinated class retained');
    expect(fundingWord('Mix 1')).toBe('Mix 1');
  });

  it('puts the ids inside a label in words and reads "Optimal mix: optimal" as the cheapest mix', () => {
    expect(fundingText('Optimal mix: optimal')).toBe('Cheapest mix');
    expect(fundingText('bankLine · base')).toBe('Bank line · base');
    expect(fundingText('abs share')).toBe('ABS share');
    expect(fundingText('none of them')).toBe('none of them');
  });
});

describe('funding words inside a sentence', () => {
  it('keeps ids that are plain English as they are inside the terms, and still names a whole cell', () => {
    // An equity source's terms read "16.00% cost of equity"; the bare id "equity" was put in words mid-sentence.
    expect(fundingText('16.00% cost of equity, at least 10.00% of the need')).toBe(
      '16.00% cost of equity, at least 10.00% of the need',
    );
    expect(fundingText('retail money rolled over')).toBe('retail money rolled over');
    expect(fundingText('equity')).toBe('Own equity');
    expect(fundingText('risk retention wholeSubordinated 5.00%')).toBe(
      'risk retention Whole subordinated class retained 5.00%',
    );
  });
});

describe('funding words in Chinese', () => {
  it('names source types, retention rules and yes/no cells as a Chinese treasurer does, through the glossary', () => {
    expect(wordIn('bankLine', zh)).toBe('银行授信');
    expect(wordIn('retail', zh)).toBe('个人资金');
    expect(wordIn('wholeSubordinated', zh)).toBe('自留全部次级档');
    expect(wordIn('yes', zh)).toBe('是');
    expect(wordIn('committed', zh)).toBe('承诺性');
    expect(textIn('Optimal mix: optimal', zh)).toBe('成本最低组合');
    // A mix the user named stays as named.
    expect(wordIn('Mix 1', zh)).toBe('Mix 1');
  });

  it('keeps plain-English words inside an engine sentence, in either language', () => {
    expect(textIn('150000000 committed, 12-month tenor', zh)).toBe('150000000 committed, 12-month tenor');
    expect(wordIn('yes', en)).toBe('yes');
  });
});

describe('what a binding constraint means', () => {
  it('reads the optimiser’s descriptions back in English as written, and in Chinese with their figures', () => {
    const cases: [string, string, string][] = [
      ['liquidityBuffer', 'liquidity buffer of 15.0% of receivables', '流动性缓冲不低于应收款的 15.0%'],
      ['capacity:warehouse-a', "commitment of bank line 'warehouse-a'", '银行授信“warehouse-a”的授信额度'],
      ['maxShare:abs', "'abs' at most 60.0% of funding", '“abs”不超过融资总额的 60.0%'],
      ['fundingGap:base', 'no funding gap in the base case', '基准情景下无融资缺口'],
      ['fundingGap:severe', "no funding gap under stress 'severe'", '压力情景“severe”下无融资缺口'],
      ['minEquity', 'equity at least 10.0% of the need', '自有资金不低于融资需求的 10.0%'],
    ];
    for (const [family, description, chinese] of cases) {
      expect(bindingMeaning(family, description, en)).toBe(description);
      expect(bindingMeaning(family, description, zh)).toBe(chinese);
    }
    // A family the screen does not know keeps the optimiser's words.
    expect(bindingMeaning('newFamily', 'something new', zh)).toBe('something new');
  });
});
