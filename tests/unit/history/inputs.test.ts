/**
 * Inputs beyond CSV: a vintage table in an XLSX workbook through the worker-isolated reader, a history segmented
 * by a column, and the scenario pieces (timing vector, pooled CPR, severity).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { vintageCurves } from '../../../core/history/analysis';
import { readHistoryText } from '../../../core/history/reader';
import { pooledCpr, severityOf, timingVector } from '../../../core/history/scenario';
import { main } from '../../../core/node/cli/commands/vintage';
import { HAND_HISTORY } from './handHistory';
import { RAA } from './raa';

describe('vintage inputs', () => {
  it('an XLSX vintage table gives the same chain ladder as the CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'abs-vintage-xlsx-'));
    const path = join(dir, 'raa.xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['origin', 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        ...RAA.map((r, i) => [1981 + i, ...r]),
      ]),
      'RAA',
    );
    XLSX.writeFile(wb, path);
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    try {
      expect(await main([path, '--json'])).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    const j = JSON.parse(out) as { total: { ultimate: number; standardError: number } };
    expect(j.total.ultimate).toBeCloseTo(213122.23, 2);
    expect(j.total.standardError).toBeCloseTo(26909.01, 2);
  });

  it('--segment splits each vintage by the named column', () => {
    const text = HAND_HISTORY.replace('recovery_amount\n', 'recovery_amount,grade\n')
      .split('\n')
      .map((l, i) =>
        i === 0 || l === '' ? l : `${l},${l.startsWith('A2') || l.startsWith('B2') ? 'B' : 'A'}`,
      )
      .join('\n');
    const sums = readHistoryText(text, { segment: 'grade' }).result();
    expect(sums.map((s) => `${s.vintage} ${s.segment}`)).toEqual([
      '2023-01 A',
      '2023-01 B',
      '2023-02 A',
      '2023-02 B',
      '2023-03 A',
    ]);
    expect(sums.map((s) => s.originalBalance)).toEqual([1000, 2000, 500, 1500, 1200]);
  });

  it('scenario pieces: negative monthly shares clipped and rescaled, pooled CPR, severity', () => {
    expect(timingVector([0.5, -0.1, 0.6])).toEqual([0.5 / 1.1, 0, 0.6 / 1.1]);
    const curves = readHistoryText(HAND_HISTORY).result().map(vintageCurves);
    // Pooled SMM at MOB 2: 1,800 prepaid / (2,700 + 1,850 + 1,100) performing start = 1,800 / 5,650.
    expect(pooledCpr(curves)[1]).toBeCloseTo(1 - (1 - 1800 / 5650) ** 12, 12);
    // Severity = 1 − recoveries / defaults = 1 − (100 + 250) / (700 + 1,000).
    expect(severityOf(curves)).toBeCloseTo(1 - 350 / 1700, 12);
  });
});
