/**
 * Tape import budget (../shared/DESIGN.md): a 1,000,000-row CSV (about 110–120 MB) to a validated pool in
 * under 15 s, peak memory under 1.5 GB, streaming with progress. The reference is the same file read and
 * split into lines by a plain streaming line reader in the same process. Quick mode: 100,000 rows.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCsvFile } from '../../../core/node/import/csvFile';
import { writeCsvTape } from '../../../samples/generator/generate';
import { figure, type Figure } from '../harness';

/** The reference: read 1 MiB at a time, decode, split on newlines, count. */
async function lineReader(path: string): Promise<number> {
  const fh = await open(path, 'r');
  const buf = new Uint8Array(1024 * 1024);
  const td = new TextDecoder();
  let rest = '';
  let lines = 0;
  let pos = 0;
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const parts = (rest + td.decode(buf.subarray(0, bytesRead), { stream: true })).split('\n');
      rest = parts.pop()!;
      lines += parts.length;
    }
  } finally {
    await fh.close();
  }
  return lines + (rest.length > 0 ? 1 : 0);
}

export async function run({ quick }: { quick: boolean }): Promise<Figure[]> {
  const rows = quick ? 100_000 : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'abs-bench-import-'));
  const path = join(dir, 'tape.csv');
  try {
    writeCsvTape(path, { rows, seed: 42, badRows: Math.round(rows / 1000) });
    const bytes = statSync(path).size;
    (globalThis as { gc?: () => void }).gc?.();

    // Best of two for the reference, one import (it is the long one): warm the file cache first.
    await lineReader(path);
    let refMs = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = performance.now();
      const n = await lineReader(path);
      refMs = Math.min(refMs, performance.now() - t0);
      if (n !== rows + 1) throw new Error(`reference read ${n} lines, expected ${rows + 1}`);
    }

    // The reference ran warm; give the importer the same chance (a small tape, not the measured one).
    const warm = join(dir, 'warm.csv');
    writeCsvTape(warm, { rows: 20_000, seed: 7, badRows: 20 });
    await importCsvFile(warm);
    (globalThis as { gc?: () => void }).gc?.();

    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    let progressCalls = 0;
    const t0 = performance.now();
    const { pool, report } = await importCsvFile(path, {
      onProgress: () => {
        progressCalls++;
        peak = Math.max(peak, process.memoryUsage.rss());
      },
    });
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage.rss());
    if (report.accepted + report.rejected !== rows || pool.size !== report.accepted) {
      throw new Error('import lost rows');
    }
    const mb = (x: number): number => Math.round(x / 1024 / 1024);
    return [
      figure({
        name: `import: ${rows.toLocaleString('en-US')}-row CSV to a validated pool`,
        value: ms / 1000,
        unit: 's',
        reference: refMs / 1000,
        budget: { limit: quick ? 1.5 : 15, better: 'lower' },
        referenceLeavesOut:
          'tokenising fields, mapping, value parsing, validation and the pool arrays: it only splits lines',
        notes: {
          fileMB: mb(bytes),
          rowsPerSecond: Math.round(rows / (ms / 1000)),
          accepted: report.accepted,
          rejected: report.rejected,
          progressCalls,
          warmUp: '20,000-row import first',
        },
      }),
      figure({
        name: `import: peak RSS during the ${rows.toLocaleString('en-US')}-row import`,
        value: mb(peak),
        unit: 'MB',
        reference: mb(rssBefore),
        budget: { limit: 1500, better: 'lower' },
        notes: { rssBeforeMB: mb(rssBefore), sampledAt: 'every progress callback (1 MiB)' },
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
