import { describe, expect, it } from 'vitest';
import { MAPPING_PRESETS, mappingFrom } from '../../../core/io/tape/mapping';
import { importTapeText } from '../../../core/io/tape/tapeStream';
import {
  allChosen,
  choiceKey,
  codeOptions,
  mappingFileName,
  mergeChoices,
  withValues,
} from '../../../renderer/screens/pool/unknownCodes';

const TAPE = [
  '借据号,产品类型,还款方式,贷款状态,贷款余额,年化利率,期数,剩余期数',
  'D1,分期,等本等息,正常,1000,18%,12,6',
  'D2,分期,等本等息,展期,1000,18%,12,6',
  'D3,分期,等额本息,展期,1000,18%,12,6',
  'D4,分期,等额本息,正常,1000,18%,12,6',
].join('\n');

describe('the wizard step for codes the importer does not know', () => {
  it('offers statuses for status columns and products for product columns', () => {
    expect(codeOptions('status')).toContain('restructured');
    expect(codeOptions('classification')).toContain('charged-off');
    expect(codeOptions('repaymentMethod')).toContain('level-pay');
    expect(codeOptions('product')).not.toContain('current');
  });

  it('asks until every value has a meaning, then the choices import every row and stay in the mapping', () => {
    const first = importTapeText(TAPE, 'cn.csv');
    const unknown = first.report.unknownValues;
    expect(unknown.map((u) => [u.field, u.value, u.rows])).toEqual([
      ['status', '展期', 2],
      ['repaymentMethod', '等本等息', 1],
    ]);
    const half = { [choiceKey(unknown[0]!)]: 'restructured' };
    expect(allChosen(unknown, half)).toBe(false);
    // A meaning that does not fit the column is not taken.
    expect(allChosen(unknown, { ...half, [choiceKey(unknown[1]!)]: 'current' })).toBe(false);
    const choices = { ...half, [choiceKey(unknown[1]!)]: 'level-pay' };
    expect(allChosen(unknown, choices)).toBe(true);
    const base = first.mapping;
    const values = mergeChoices(base.values, unknown, choices);
    expect(values.status).toEqual({ 展期: 'restructured' });
    expect(values.repaymentMethod).toEqual({ 等本等息: 'level-pay' });
    const mapping = withValues(base, values);
    const second = importTapeText(TAPE, 'cn.csv', { mapping });
    expect(second.report.accepted).toBe(4);
    expect(second.report.unknownValues).toEqual([]);
    // Saved and read back as a mapping file, the value map still resolves the codes.
    const reread = mappingFrom(JSON.parse(JSON.stringify(mapping)));
    expect(importTapeText(TAPE, 'cn.csv', { mapping: reread }).report.accepted).toBe(4);
    expect(reread.name).toBe(MAPPING_PRESETS['cn-platform']!.name);
  });

  it('keeps earlier choices when more are merged', () => {
    const merged = mergeChoices(
      { status: { 冻结: 'delinquent' } },
      [{ field: 'status', column: '状态', value: '展期', rows: 1 }],
      { [choiceKey({ field: 'status', value: '展期' })]: 'restructured' },
    );
    expect(merged.status).toEqual({ 冻结: 'delinquent', 展期: 'restructured' });
  });

  it('names the saved mapping after the tape', () => {
    expect(mappingFileName('platform-2025-06.csv')).toBe('platform-2025-06.mapping.json');
  });
});
