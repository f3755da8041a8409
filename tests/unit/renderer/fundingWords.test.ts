/** Funding tables in a treasurer's words, not the model's ids (issue 19 item 13, renderer part). */
import { describe, expect, it } from 'vitest';
import { fundingText, fundingWord } from '../../../renderer/project/fundingWords';

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
