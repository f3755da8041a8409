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
