/**
 * What the History screen's mapping step starts from (renderer/screens/history/historyMappingInspect.ts and the
 * code helpers of core/history/mapping.ts): our own layouts go straight to the analysis, a platform export or an
 * unknown code opens the step, a vintage table never does; codes are counted in the first rows and a meaning set
 * in the step replaces any other spelling of the same code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HISTORY_MAPPING_PRESETS, sampleStatusCodes, withStatusCode } from '../../../core/history/mapping';
import {
  inspectHistory,
  needsMappingStep,
  SAMPLE_ROWS,
} from '../../../renderer/screens/history/historyMappingInspect';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const file = (name: string, text?: string): { name: string; bytes: Uint8Array; sheet: null } => ({
  name,
  bytes:
    text === undefined
      ? readFileSync(here(`../../../samples/history/${name}`))
      : new TextEncoder().encode(text),
  sheet: null,
});

describe('the mapping step', () => {
  it('is skipped for our English and Chinese samples, shown for the platform export', () => {
    const en = inspectHistory(file('consumer-history.csv'))!;
    expect(en.suggestion.preset).toBe('generator');
    expect(en.rows).toHaveLength(SAMPLE_ROWS);
    expect(needsMappingStep(en)).toBe(false);
    expect(needsMappingStep(inspectHistory(file('consumer-history-zh.csv'))!)).toBe(false);
    const platform = inspectHistory(file('consumer-history-platform.csv'))!;
    expect(platform.header[0]).toBe('acct_no');
    expect(needsMappingStep(platform)).toBe(true);
  });

  it('is shown for our layout when a status code in the first rows is unknown', () => {
    const text = readFileSync(here('../../../samples/history/consumer-history.csv'), 'utf8').replace(
      ',prepaid,',
      ',early,',
    );
    expect(needsMappingStep(inspectHistory(file('odd.csv', text))!)).toBe(true);
  });

  it('never for a vintage table', () => {
    expect(inspectHistory(file('table.csv', 'origin,1,2,3\n2020,10,20,25\n2021,12,22,\n'))).toBeNull();
  });

  it('counts codes in the rows it is given; a meaning set replaces the code however it was spelt', () => {
    const header = [
      'loan_id',
      'as_of_month',
      'origination_date',
      'original_balance',
      'current_balance',
      'status',
    ];
    const rows = [
      ['A', '2023-02', '2023-01', '1', '1', 'C'],
      ['B', '2023-02', '2023-01', '1', '1', 'PP'],
      ['C', '2023-02', '2023-01', '1', '1', 'PP'],
      ['D', '2023-02', '2023-01', '1', '0', ' pp '],
    ];
    const base = {
      ...HISTORY_MAPPING_PRESETS.generator,
      columns: { ...HISTORY_MAPPING_PRESETS.generator.columns },
    };
    expect(sampleStatusCodes(header, rows, base)).toEqual([
      { code: 'PP', rows: 2, meaning: null, mapped: false },
      { code: 'C', rows: 1, meaning: 'current', mapped: false },
      { code: 'pp', rows: 1, meaning: null, mapped: false },
    ]);
    const one = withStatusCode(withStatusCode(base, 'pp', 'paid-off'), 'PP', 'prepaid');
    expect(one.values.status).toEqual({ PP: 'prepaid' });
    expect(sampleStatusCodes(header, rows, one).map((c) => [c.code, c.meaning, c.mapped])).toEqual([
      ['PP', 'prepaid', true],
      ['C', 'current', false],
      ['pp', 'prepaid', true],
    ]);
    expect(withStatusCode(one, 'pp', null).values.status).toEqual({});
  });
});
